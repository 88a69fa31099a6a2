"""Reading dates and timestamps in ISO, day-first, month-first and named-month forms.

``03/04/2024`` is 3 April in Spain and March 4 in the US, so the order of a
column is decided from its own values: a 15 in the first position proves
day-first, a 15 in the second proves month-first. ``classify_date`` returns
what one value proves; ``read_date`` reads a value once the column's order
is known, and raises ``AmbiguousDateError`` when it is not.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication


class DateOrder(StrEnum):
    """Order of day and month in numeric dates (years first is always ISO)."""

    DAY_FIRST = "dmy"
    MONTH_FIRST = "mdy"


class AmbiguousDateError(ValueError):
    """The value is a valid date in both orders and the column's order is undecided."""


MONTH_NAMES = {
    # English
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    # Spanish
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4,
    "mayo": 5, "junio": 6, "julio": 7, "ago": 8, "agosto": 8, "set": 9,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "dic": 12,
    "diciembre": 12,
}  # fmt: skip

_TIME = (
    r"(?:[ T]+(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:[.,](?P<frac>\d{1,6})\d*)?)?"
    r"\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)
_ISO_RE = re.compile(r"^(?P<y>\d{4})[-/.](?P<a>\d{1,2})[-/.](?P<b>\d{1,2})" + _TIME + "$")
_NUMERIC_RE = re.compile(r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4}|\d{2})" + _TIME + "$")
_DAY_NAME_RE = re.compile(
    r"^(?P<d>\d{1,2})(?:\s+de)?[\s\-/.]+(?P<m>[^\W\d_]+)\.?(?:\s+de)?[\s\-/.,]+(?P<y>\d{4})"
    + _TIME
    + "$"
)
_NAME_DAY_RE = re.compile(
    r"^(?P<m>[^\W\d_]+)\.?[\s\-/.]+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME + "$"
)


def classify_date(text: str) -> str | None:
    """Return what one value proves: "iso", "named", "dmy", "mdy", "either", "same" or None.

    "either" means the value is a different valid date in each order
    (03/04/2024), "same" that both orders give one date (05/05/2024), and
    None that it is no date.
    """
    value = text.strip()
    if _ISO_RE.match(value):
        return "iso" if _try(read_date, value, None) else None
    if _DAY_NAME_RE.match(value) or _NAME_DAY_RE.match(value):
        return "named" if _try(read_date, value, None) else None
    match = _NUMERIC_RE.match(value)
    if match is None:
        return None
    as_dmy = _try(read_date, value, DateOrder.DAY_FIRST)
    as_mdy = _try(read_date, value, DateOrder.MONTH_FIRST)
    if as_dmy and as_mdy:
        return "either" if match["a"] != match["b"] else "same"
    if as_dmy:
        return "dmy"
    if as_mdy:
        return "mdy"
    return None


def read_date(text: str, order: DateOrder | None) -> datetime:
    """Read a date or timestamp as a naive datetime (midnight for a date alone).

    A time zone suffix is dropped and the wall-clock time kept as written,
    because the app stores calendar dates and wall-clock times. Raises
    ``AmbiguousDateError`` when ``order`` is None and the value reads both
    ways, and ``ValueError`` when it is no date at all.
    """
    value = text.strip()
    if match := _ISO_RE.match(value):
        return _build(value, match, int(match["y"]), int(match["a"]), int(match["b"]))
    if match := (_DAY_NAME_RE.match(value) or _NAME_DAY_RE.match(value)):
        month = MONTH_NAMES.get(match["m"].casefold())
        if month is None:
            raise ValueError(
                QCoreApplication.translate("ImportReason", "not a date (unknown month %1): %2")
                .replace("%1", repr(match["m"]))
                .replace("%2", repr(text))
            )
        return _build(value, match, int(match["y"]), month, int(match["d"]))
    if match := _NUMERIC_RE.match(value):
        return _read_numeric(value, match, order)
    raise ValueError(
        QCoreApplication.translate(
            "ImportReason",
            "not a date: %1 (expected YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY or 15 Jan 2024)",
        ).replace("%1", repr(text))
    )


def _read_numeric(value: str, match: re.Match[str], order: DateOrder | None) -> datetime:
    first, second = int(match["a"]), int(match["b"])
    year = _full_year(match["y"])
    if order is None and first != second and first <= 12 and second <= 12:
        raise AmbiguousDateError(
            QCoreApplication.translate(
                "ImportReason",
                "%1 could be day %2 of month %3 or the reverse; "
                "choose the date order of this column",
            )
            .replace("%1", repr(value))
            .replace("%2", str(first))
            .replace("%3", str(second))
        )
    if order is None:
        order = DateOrder.DAY_FIRST if first > 12 or first == second else DateOrder.MONTH_FIRST
    if order == DateOrder.DAY_FIRST:
        return _build(value, match, year, second, first)
    return _build(value, match, year, first, second)


def _full_year(text: str) -> int:
    """Expand a two-digit year: 00-69 are 2000-2069 and 70-99 are 1970-1999 (POSIX rule)."""
    year = int(text)
    if len(text) == 2:
        return year + (2000 if year < 70 else 1900)
    return year


def _build(value: str, match: re.Match[str], year: int, month: int, day: int) -> datetime:
    hour = int(match["hour"] or 0)
    ampm = (match["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError(
                QCoreApplication.translate("ImportReason", "not a valid time: %1").replace(
                    "%1", repr(value)
                )
            )
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    fraction = (match["frac"] or "").ljust(6, "0")
    try:
        return datetime(
            year, month, day, hour, int(match["minute"] or 0), int(match["second"] or 0),
            int(fraction),
        )  # fmt: skip
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("ImportReason", "not a valid date: %1").replace(
                "%1", repr(value)
            )
        ) from None


def _try(reader, value: str, order: DateOrder | None) -> bool:
    try:
        reader(value, order)
    except ValueError:
        return False
    return True


def as_date(value: datetime | date) -> date:
    """Return the calendar date of a timestamp, or the date itself."""
    return value.date() if isinstance(value, datetime) else value
