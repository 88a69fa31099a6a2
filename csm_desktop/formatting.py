"""Locale-aware formatting of numbers, money and dates through QLocale.

Only QtCore is used, so the CLI and the PDF builder can call these without
a GUI. Pass a ``QLocale`` to format for a locale other than the default.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def format_money(
    amount: Decimal | float | None,
    currency: str = "USD",
    locale: QLocale | None = None,
    *,
    decimals: int = 0,
) -> str:
    """Format an amount with its currency symbol the way the locale writes money."""
    if amount is None:
        return ""
    loc = _locale(locale)
    symbol = _currency_symbol(currency, loc)
    pattern = loc.toCurrencyString(1.0, symbol, 0)
    number = format_number(abs(float(amount)), loc, decimals)
    text = pattern.replace("1", number, 1)
    return f"{loc.negativeSign()}{text}" if amount < 0 else text


def _currency_symbol(currency: str, locale: QLocale) -> str:
    symbols = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
    if currency in symbols:
        # A bare "$" is ambiguous outside the US locales.
        if currency == "USD" and locale.territory() != QLocale.Country.UnitedStates:
            return "US$"
        return symbols[currency]
    return currency


def format_number(
    value: float | int | None, locale: QLocale | None = None, decimals: int = 0
) -> str:
    """Format a number with the locale's group and decimal separators."""
    if value is None:
        return ""
    loc = _locale(locale)
    # Group every thousand, including four-digit numbers: CLDR leaves 1234
    # ungrouped in Spanish, but Spanish business documents write 1.234.
    grouped = f"{abs(float(value)):,.{decimals}f}"
    text = grouped.translate({ord(","): loc.groupSeparator(), ord("."): loc.decimalPoint()})
    is_negative = round(float(value), decimals) < 0
    return f"{loc.negativeSign()}{text}" if is_negative else text


def format_percent(fraction: float | None, locale: QLocale | None = None, decimals: int = 0) -> str:
    """Format 0.125 as "12.5 %" or "12,5 %" by locale."""
    if fraction is None:
        return ""
    loc = _locale(locale)
    return f"{format_number(fraction * 100, loc, decimals)}{loc.percent()}"


def format_date(value: date | None, locale: QLocale | None = None, *, long: bool = False) -> str:
    """Format a calendar date in the locale's short (31/12/2026) or long form."""
    if value is None:
        return ""
    loc = _locale(locale)
    qdate = QDate(value.year, value.month, value.day)
    if long:
        return loc.toString(qdate, QLocale.FormatType.LongFormat)
    return loc.toString(qdate, short_date_pattern(loc))


def short_date_pattern(locale: QLocale | None = None) -> str:
    """Return the locale's short date pattern with a four-digit year (31/12/2026)."""
    pattern = _locale(locale).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    # Pad day and month (01/10/2024) so dates line up in tables.
    pattern = re.sub(r"(?<!d)d(?!d)", "dd", pattern)
    return re.sub(r"(?<!M)M(?!M)", "MM", pattern)
