"""Parsers for the cell values found in exported CSV files.

Each parser takes the raw text and returns the value, None for a blank cell,
or raises ``ValueError`` with a message that names the value and the
accepted forms. Nothing is guessed into a zero or a default.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

_TRUE = {
    "true",
    "t",
    "yes",
    "y",
    "1",
    "x",
    "sí",
    "si",
    "s",
    "verdadero",
    "v",
    "on",
    "checked",
    "✓",
    "✔",
    "1.0",
}
_FALSE = {"false", "f", "no", "n", "0", "falso", "off", "unchecked", "0.0", ""}  # fmt: skip

# "2023-07-28 3:00" (hour not zero-padded), optional seconds, optional "T".
_DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def blank(text: str | None) -> bool:
    return text is None or text.strip() == ""


def parse_bool(text: str | None) -> bool | None:
    """Parse TRUE/True/yes/sí/1/x and their negatives; a blank cell is None."""
    if text is None or text.strip() == "":
        return None
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(
        QCoreApplication.translate(
            "ImportReason", "not a yes/no value: %1 (use TRUE/FALSE, yes/no, sí/no, 1/0 or x)"
        ).replace("%1", repr(text))
    )


def parse_iso_date(text: str | None) -> date | None:
    """Parse a YYYY-MM-DD date; a blank cell is None."""
    if blank(text):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            QCoreApplication.translate(
                "ImportReason", "not a date: %1 (expected YYYY-MM-DD)"
            ).replace("%1", repr(text))
        ) from None


def parse_iso_datetime(text: str | None) -> datetime | None:
    """Parse 'YYYY-MM-DD', 'YYYY-MM-DD H:MM' or with seconds, as a naive datetime."""
    if blank(text):
        return None
    match = _DATETIME_RE.match(text.strip())
    if match is None:
        raise ValueError(
            QCoreApplication.translate(
                "ImportReason", "not a date and time: %1 (expected YYYY-MM-DD HH:MM)"
            ).replace("%1", repr(text))
        )
    year, month, day, hour, minute, second = match.groups()
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not a valid date and time: %1").replace(
                "%1", repr(text)
            )
        ) from None


# SQLite integers are signed 64-bit, and Money stores 1/10,000 units in one.
MAX_WHOLE_NUMBER = 2**63 - 1
MAX_AMOUNT = Decimal("1e14")


def parse_int(text: str | None) -> int | None:
    """Parse a whole number; a blank cell is None."""
    if blank(text):
        return None
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not a whole number: %1").replace(
                "%1", repr(text)
            )
        ) from None
    if abs(value) > MAX_WHOLE_NUMBER:
        raise ValueError(
            QCoreApplication.translate("ImportReason", "number too large: %1 (at most %2)")
            .replace("%1", repr(text))
            .replace("%2", str(MAX_WHOLE_NUMBER))
        )
    return value


def parse_float(text: str | None) -> float | None:
    """Parse a number written with a decimal point; a blank cell is None."""
    if blank(text):
        return None
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not a number: %1").replace("%1", repr(text))
        ) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not a finite number: %1").replace(
                "%1", repr(text)
            )
        )
    return value


def parse_decimal(text: str | None) -> Decimal | None:
    """Parse an amount written with a decimal point; a blank cell is None."""
    if blank(text):
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not an amount: %1").replace(
                "%1", repr(text)
            )
        ) from None
    if not value.is_finite():
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not a finite amount: %1").replace(
                "%1", repr(text)
            )
        )
    if abs(value) >= MAX_AMOUNT:
        raise ValueError(
            QCoreApplication.translate(
                "ImportReason", "amount too large: %1 (must be under 100,000,000,000,000)"
            ).replace("%1", repr(text))
        )
    return value


# Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula.

    Text that already starts with an apostrophe gets one too, so that
    ``unguard_formula`` restores every original text exactly.
    """
    if text and (text.startswith(FORMULA_TRIGGERS) or text.startswith("'")):
        return "'" + text
    return text


def unguard_formula(text: str) -> str:
    """Undo ``guard_formula``: drop the apostrophe before a trigger or another apostrophe."""
    if len(text) >= 2 and text[0] == "'" and (text[1] in FORMULA_TRIGGERS or text[1] == "'"):
        return text[1:]
    return text
