"""Money entry that reads amounts the way the user's locale writes them.

In es_ES "1.234,56" is one thousand two hundred and thirty-four euros and
fifty-six cents. ``QLocale.toDouble`` checks the text with the locale's
separators; the Decimal is then built from the digits, so no binary
rounding reaches the stored amount.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLineEdit, QWidget

from csm_desktop.formatting import format_number


def parse_amount(text: str, locale: QLocale | None = None) -> Decimal | None:
    """Read a typed amount in ``locale`` (default: the app's). Blank gives None.

    A currency symbol and spaces around the number are ignored. Raises
    ``ValueError`` when the text is not a number in that locale.
    """
    loc = locale if locale is not None else QLocale()
    cleaned = "".join(ch for ch in text if ch.isdigit() or ch in "-+.,'’ \u00a0\u202f").strip()
    if not cleaned:
        if text.strip():
            raise ValueError(f"{text!r} is not an amount; type digits, e.g. 1234.5.")
        return None

    example = format_number(1234.5, loc, decimals=2)
    _value, ok = loc.toDouble(cleaned)
    if not ok:
        # Accept input without the group separator, or typed with a plain space
        # where the locale groups with a no-break space (fr_FR).
        compact = cleaned.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        _value, ok = loc.toDouble(compact.replace(loc.groupSeparator(), ""))
        cleaned = compact
    if not ok:
        raise ValueError(f"{text!r} is not an amount in {loc.name()} format; type it as {example}.")

    digits = cleaned
    for separator in {loc.groupSeparator(), " ", "\u00a0", "\u202f"}:
        digits = digits.replace(separator, "")
    digits = digits.replace(loc.decimalPoint(), ".")
    try:
        return Decimal(digits)
    except InvalidOperation as exc:
        raise ValueError(
            f"{text!r} is not an amount in {loc.name()} format; type it as {example}."
        ) from exc


class AmountEdit(QLineEdit):
    """A line edit for money. ``amount()`` returns a Decimal or None, or raises ``ValueError``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(format_number(12345.5, decimals=2))

    def amount(self) -> Decimal | None:
        return parse_amount(self.text(), self.locale())

    def set_amount(self, value: Decimal | None) -> None:
        self.setText("" if value is None else format_number(value, self.locale(), decimals=2))
