"""Money entry that reads amounts the way the user's locale writes them.

In es_ES "1.234,56" is one thousand two hundred and thirty-four euros and
fifty-six cents. ``QLocale.toDouble`` checks the text with the locale's
separators; the Decimal is then built from the digits, so no binary
rounding reaches the stored amount.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLineEdit, QWidget

from csm_desktop.formatting import format_number


def parse_amount(text: str, locale: QLocale | None = None) -> Decimal | None:
    """Read a typed amount in ``locale`` (default: the app's). Blank gives None.

    A currency symbol or code and spaces around the number are ignored.
    Raises ``ValueError`` with a translated message when anything else is
    not part of a number in that locale: letters are never dropped
    silently, because "12abc5" must not be saved as 125.
    """
    loc = locale if locale is not None else QLocale()
    example = format_number(1234.5, loc, decimals=2)
    cleaned = _without_currency(text, loc).strip()
    if not cleaned:
        if text.strip():
            raise ValueError(_not_an_amount(text, example))
        return None
    if any(ch not in _NUMBER_CHARS and not ch.isdigit() for ch in cleaned):
        raise ValueError(_not_an_amount(text, example))

    _value, ok = loc.toDouble(cleaned)
    if not ok:
        # Accept input without the group separator, or typed with a plain space
        # where the locale groups with a no-break space (fr_FR).
        compact = cleaned.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        _value, ok = loc.toDouble(compact.replace(loc.groupSeparator(), ""))
        cleaned = compact
    if not ok:
        raise ValueError(_not_an_amount(text, example))

    digits = cleaned
    for separator in {loc.groupSeparator(), " ", "\u00a0", "\u202f"}:
        digits = digits.replace(separator, "")
    digits = digits.replace(loc.decimalPoint(), ".")
    try:
        return Decimal(digits)
    except InvalidOperation as exc:
        raise ValueError(_not_an_amount(text, example)) from exc


# Characters a typed number may contain besides digits: signs, separators, spaces.
_NUMBER_CHARS = frozenset("-+.,'’ \u00a0\u202f")


def _without_currency(text: str, loc: QLocale) -> str:
    """Remove the locale's currency symbol and code, and any currency sign, from ``text``."""
    formats = (
        QLocale.CurrencySymbolFormat.CurrencySymbol,
        QLocale.CurrencySymbolFormat.CurrencyIsoCode,
    )
    for symbol in sorted({loc.currencySymbol(f) for f in formats} - {""}, key=len, reverse=True):
        text = text.replace(symbol, "")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Sc")


def _not_an_amount(text: str, example: str) -> str:
    return (
        QCoreApplication.translate("AmountEdit", "“%1” is not an amount; type it as %2.")
        .replace("%1", text.strip())
        .replace("%2", example)
    )


class AmountEdit(QLineEdit):
    """A line edit for money. ``amount()`` returns a Decimal or None, or raises ``ValueError``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(format_number(12345.5, decimals=2))

    def amount(self) -> Decimal | None:
        return parse_amount(self.text(), self.locale())

    def set_amount(self, value: Decimal | None) -> None:
        self.setText("" if value is None else format_number(value, self.locale(), decimals=2))
