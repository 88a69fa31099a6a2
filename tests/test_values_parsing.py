"""Number, date, boolean and formula-guard parsing, case by case and by property."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csm_desktop.importers.dates import AmbiguousDateError, DateOrder, classify_date, read_date
from csm_desktop.importers.numbers import AmbiguousNumberError, DecimalStyle, read_number
from csm_desktop.importers.values import guard_formula, parse_bool, unguard_formula

POINT, COMMA = DecimalStyle.POINT, DecimalStyle.COMMA


@pytest.mark.parametrize(
    ("text", "value", "evidence"),
    [
        ("1.234,56", "1234.56", COMMA),
        ("1,234.56", "1234.56", POINT),
        ("12,5", "12.5", COMMA),
        ("12.5", "12.5", POINT),
        ("0,123", "0.123", COMMA),
        ("1.234.567", "1234567", COMMA),
        ("1,234,567", "1234567", POINT),
        ("1 234,56", "1234.56", COMMA),
        ("1\u00a0234,56", "1234.56", COMMA),
        ("1\u202f234.5", "1234.5", POINT),
        ("1'234.50", "1234.50", POINT),
        ("42", "42", None),
        ("-7", "-7", None),
        ("(1,234.00)", "-1234.00", POINT),
        ("1.234,56-", "-1234.56", COMMA),
    ],
)
def test_number_unambiguous_forms(text, value, evidence):
    parsed = read_number(text)
    assert parsed.value == Decimal(value)
    assert parsed.evidence == evidence


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("1.234,56 €", "EUR"),
        ("€1,234.56", "EUR"),
        ("EUR 1.234,56", "EUR"),
        ("1,234.56 USD", "USD"),
        ("£12.50", "GBP"),
        ("US$ 10.25", "USD"),
    ],
)
def test_number_currency_marks(text, currency):
    parsed = read_number(text)
    assert parsed.value in (Decimal("1234.56"), Decimal("12.50"), Decimal("10.25"))
    assert parsed.currency == currency


def test_bare_dollar_uses_given_default():
    assert read_number("$5.50", dollar="CAD").currency == "CAD"


@pytest.mark.parametrize("text", ["1,234", "1.234", "999,000"])
def test_ambiguous_number_needs_style(text):
    with pytest.raises(AmbiguousNumberError):
        read_number(text)


def test_ambiguous_number_read_with_style():
    assert read_number("1,234", POINT).value == Decimal("1234")
    assert read_number("1,234", COMMA).value == Decimal("1.234")
    assert read_number("1.234", COMMA).value == Decimal("1234")


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12..5", "1.23.4,5,6", "1 23,5", "--5", "12%"])
def test_not_a_number_is_error_not_zero(text):
    with pytest.raises(ValueError):
        read_number(text)


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
@settings(max_examples=200, deadline=None)
def test_formatted_numbers_read_back(value):
    english = f"{value:,.2f}"
    spanish = english.translate(str.maketrans(",.", ".,"))
    assert read_number(english, POINT).value == value
    assert read_number(spanish, COMMA).value == value


def test_date_forms():
    assert read_date("2024-03-15", None) == datetime(2024, 3, 15)
    assert read_date("15/03/2024", None) == datetime(2024, 3, 15)
    assert read_date("3/15/2024", None) == datetime(2024, 3, 15)
    assert read_date("15 de marzo de 2024", None) == datetime(2024, 3, 15)
    assert read_date("15-Mar-2024", None) == datetime(2024, 3, 15)
    assert read_date("March 15, 2024", None) == datetime(2024, 3, 15)
    assert read_date("15 ene 2024", None) == datetime(2024, 1, 15)
    assert read_date("11/1/2019 8:51:12", DateOrder.MONTH_FIRST) == datetime(2019, 11, 1, 8, 51, 12)
    assert read_date("2019-11-01 08:51:12.402", None) == datetime(2019, 11, 1, 8, 51, 12, 402000)
    assert read_date("2023-07-28 3:00", None) == datetime(2023, 7, 28, 3, 0)
    assert read_date("1/2/2024 3:05 PM", DateOrder.DAY_FIRST) == datetime(2024, 2, 1, 15, 5)


def test_ambiguous_date_needs_order():
    with pytest.raises(AmbiguousDateError):
        read_date("03/04/2024", None)
    assert read_date("03/04/2024", DateOrder.DAY_FIRST) == datetime(2024, 4, 3)
    assert read_date("03/04/2024", DateOrder.MONTH_FIRST) == datetime(2024, 3, 4)


def test_date_classification():
    assert classify_date("15/03/2024") == "dmy"
    assert classify_date("03/15/2024") == "mdy"
    assert classify_date("03/04/2024") == "either"
    assert classify_date("05/05/2024") == "same"
    assert classify_date("2024-03-04") == "iso"
    assert classify_date("31/02/2024") is None
    assert classify_date("soon") is None


def test_invalid_date_rejected():
    with pytest.raises(ValueError):
        read_date("2024-02-30", None)
    with pytest.raises(ValueError):
        read_date("15/15/2024", DateOrder.DAY_FIRST)


@pytest.mark.parametrize("text", ["TRUE", "True", "yes", "Y", "sí", "Si", "1", "x", "X", "✓"])
def test_bool_true_spellings(text):
    assert parse_bool(text) is True


@pytest.mark.parametrize("text", ["FALSE", "False", "no", "N", "0", "falso"])
def test_bool_false_spellings(text):
    assert parse_bool(text) is False


def test_bool_other_text_is_error():
    with pytest.raises(ValueError):
        parse_bool("maybe")


@given(st.text(max_size=20))
@settings(max_examples=300, deadline=None)
def test_formula_guard_reversible(text):
    guarded = guard_formula(text)
    assert unguard_formula(guarded) == text
    assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r"))
