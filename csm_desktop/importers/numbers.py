"""Reading numbers and amounts written in either decimal convention.

Exports from English systems write ``1,234.56``; Spanish and most European
Excel installs write ``1.234,56``, sometimes with spaces, non-breaking
spaces or apostrophes between thousands. A value is *unambiguous* when its
own characters settle the convention (``12,5``, ``1.234,56``, ``1,234,567``)
and *ambiguous* when they do not (``1,234`` is 1234 or 1.234). An ambiguous
value is read only with a convention decided for its column or chosen by the
user; otherwise it raises ``AmbiguousNumberError`` and never becomes a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from PySide6.QtCore import QCoreApplication


class DecimalStyle(StrEnum):
    """Decimal separator convention: ``1,234.56`` (point) or ``1.234,56`` (comma)."""

    POINT = "point"
    COMMA = "comma"


class AmbiguousNumberError(ValueError):
    """The value reads as two different numbers and no convention is decided."""


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from text, the currency written beside it, and what it proved."""

    value: Decimal
    currency: str | None
    # The convention the text itself proves, or None when it proves none.
    evidence: DecimalStyle | None


# Symbols whose currency is not in doubt. A bare "$" is the caller's default
# dollar (see ``read_number``), because CAD, AUD and MXN use it too.
CURRENCY_SYMBOLS = {
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "US$": "USD",
    "U$S": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "R$": "BRL",
    "MX$": "MXN",
    "CHF": "CHF",
}
_GROUP_CHARS = " \u00a0\u202f\u2009'’"
_MINUS_CHARS = "-−–"
_CURRENCY_RE = re.compile(
    r"^(?P<pre>US\$|U\$S|CA?\$|AU?\$|R\$|MX\$|[€£¥₹$]|[A-Z]{3}(?=[\s\d(+\-−]))?\s*"
    r"(?P<body>.*?)\s*"
    r"(?P<post>US\$|[€£¥₹$]|(?<=[\d\s)])[A-Z]{3})?$"
)
_BODY_RE = re.compile(r"^[0-9.,]+$")
# Plain forms most cells take, read without the general parser.
_PLAIN_INT_RE = re.compile(r"-?\d+")
_PLAIN_POINT_RE = re.compile(r"-?(\d+)\.(\d+)")
_GROUPED_RE = re.compile(r"^\d{1,3}(?:X\d{3})+$")


def read_number(
    text: str,
    style: DecimalStyle | None = None,
    *,
    dollar: str = "USD",
) -> ParsedNumber:
    """Read ``text`` as a number, with ``style`` deciding ambiguous values.

    Accepts a sign or accounting brackets, a currency symbol or ISO code
    before or after, and spaces, non-breaking spaces or apostrophes as
    thousand separators. A bare "$" is read as ``dollar``. Raises
    ``AmbiguousNumberError`` for an ambiguous value without ``style`` and
    ``ValueError`` for text that is not a number.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("the value is blank")
    fast = _read_plain(raw)
    if fast is not None:
        return fast

    negative, body = _strip_sign(raw)
    match = _CURRENCY_RE.match(body)
    if match is None:
        raise ValueError(_not_a_number(text))
    currency = _currency(match.group("pre") or match.group("post"), dollar)
    body = match.group("body")
    if body[:1] in _MINUS_CHARS and not negative:
        negative, body = True, body[1:].strip()

    spaced = any(ch in body for ch in _GROUP_CHARS)
    if spaced and not re.fullmatch(r"\d{1,3}(?:[" + _GROUP_CHARS + r"]\d{3})+(?:[.,]\d+)?", body):
        raise ValueError(
            QCoreApplication.translate(
                "ImportReason", "not a number (thousand separators misplaced): %1"
            ).replace("%1", repr(text))
        )
    compact = "".join(ch for ch in body if ch not in _GROUP_CHARS)
    if not compact or not _BODY_RE.match(compact) or not any(ch.isdigit() for ch in compact):
        raise ValueError(_not_a_number(text))

    value, evidence = _decode(compact, style, spaced, text)
    return ParsedNumber(-value if negative else value, currency, evidence)


def _read_plain(raw: str) -> ParsedNumber | None:
    """Read "123" or "12.5" directly; None for every other form, including "1.234"."""
    if _PLAIN_INT_RE.fullmatch(raw):
        return ParsedNumber(Decimal(raw), None, None)
    match = _PLAIN_POINT_RE.fullmatch(raw)
    if match is None:
        return None
    whole, fraction = match.groups()
    if len(fraction) == 3 and not whole.startswith("0") and len(whole) <= 3:
        return None
    return ParsedNumber(Decimal(raw), None, DecimalStyle.POINT)


def _strip_sign(raw: str) -> tuple[bool, str]:
    """Remove a leading or trailing sign, or accounting brackets: (1,234.00) is negative."""
    if raw.startswith("(") and raw.endswith(")"):
        return True, raw[1:-1].strip()
    if raw[0] in _MINUS_CHARS:
        return True, raw[1:].strip()
    if raw[0] == "+":
        return False, raw[1:].strip()
    if raw[-1] in _MINUS_CHARS and len(raw) > 1:
        return True, raw[:-1].strip()
    return False, raw


def _currency(mark: str | None, dollar: str) -> str | None:
    if not mark:
        return None
    if mark == "$":
        return dollar
    return CURRENCY_SYMBOLS.get(mark, mark)


def _decode(
    compact: str, style: DecimalStyle | None, spaced: bool, original: str
) -> tuple[Decimal, DecimalStyle | None]:
    """Turn digits with '.' and ',' into a Decimal and the convention they prove."""
    points, commas = compact.count("."), compact.count(",")
    if points == 0 and commas == 0:
        return _decimal(compact, original), None

    if points and commas:
        decimal_mark = "." if compact.rfind(".") > compact.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        whole, _, fraction = compact.rpartition(decimal_mark)
        if decimal_mark in whole or not _valid_groups(whole, group_mark):
            raise ValueError(
                QCoreApplication.translate(
                    "ImportReason", "not a number (separators misplaced): %1"
                ).replace("%1", repr(original))
            )
        proved = DecimalStyle.POINT if decimal_mark == "." else DecimalStyle.COMMA
        return _decimal(f"{whole.replace(group_mark, '')}.{fraction}", original), proved

    mark = "." if points else ","
    own_style = DecimalStyle.POINT if mark == "." else DecimalStyle.COMMA
    other_style = DecimalStyle.COMMA if mark == "." else DecimalStyle.POINT
    if compact.count(mark) > 1:
        # Two or more of the same mark can only be thousand separators.
        if not _valid_groups(compact, mark):
            raise ValueError(
                QCoreApplication.translate(
                    "ImportReason", "not a number (separators misplaced): %1"
                ).replace("%1", repr(original))
            )
        return _decimal(compact.replace(mark, ""), original), other_style

    whole, _, fraction = compact.partition(mark)
    could_be_group = _valid_groups(compact, mark) and not spaced
    if not could_be_group:
        # "12,5", "0,123", ",5" or a space-grouped "1 234,5": only a decimal mark fits.
        return _decimal(f"{whole or '0'}.{fraction}", original), own_style
    if style is None:
        raise AmbiguousNumberError(
            QCoreApplication.translate(
                "ImportReason", "%1 could be %2 or %3; choose the decimal separator of this column"
            )
            .replace("%1", repr(original))
            .replace("%2", whole + fraction)
            .replace("%3", f"{whole}.{fraction}")
        )
    if style == own_style:
        return _decimal(f"{whole}.{fraction}", original), None
    return _decimal(whole + fraction, original), None


def _not_a_number(text: str) -> str:
    return QCoreApplication.translate("ImportReason", "not a number: %1").replace("%1", repr(text))


def _valid_groups(digits: str, mark: str) -> bool:
    """True when ``mark`` splits ``digits`` into thousands: 1,234 or 12,345,678."""
    if mark not in digits:
        return True
    if digits.startswith("0"):
        return False
    return bool(_GROUPED_RE.match(digits.replace(mark, "X")))


def _decimal(text: str, original: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(_not_a_number(original)) from None
    if not value.is_finite():
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not a finite number: %1").replace(
                "%1", repr(original)
            )
        )
    return value
