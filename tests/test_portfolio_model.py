"""PortfolioModel sorting and filtering, tested without a window."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor

from csm_desktop.services.portfolio import PortfolioRow
from csm_desktop.ui.portfolio_model import (
    ACCOUNT_ID_ROLE,
    Column,
    PortfolioModel,
    RenewalWindow,
)


def make_row(name: str, **fields: object) -> PortfolioRow:
    values: dict[str, object] = {
        "account_id": uuid.uuid4(),
        "name": name,
        "industry": None,
        "country": None,
        "plan_tier": None,
        "seats": None,
        "arr": None,
        "currency": "USD",
        "renewal_date": None,
        "days_to_renewal": None,
        "health_score": None,
        "health_colour": None,
        "health_trend": None,
        "last_activity": None,
    }
    values.update(fields)
    return PortfolioRow(**values)  # type: ignore[arg-type]


def shown_names(model: PortfolioModel) -> list[str]:
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


@pytest.fixture
def model(qapp: object) -> PortfolioModel:
    portfolio = PortfolioModel()
    portfolio.set_rows(
        [
            make_row(
                "beta", seats=9, arr=Decimal("900"), health_score=55.0, health_colour="yellow"
            ),
            make_row(
                "Alpha",
                seats=100,
                arr=Decimal("12000.50"),
                health_score=80.0,
                health_colour="green",
                days_to_renewal=20,
                renewal_date=date(2025, 1, 20),
            ),
            make_row(
                "gamma",
                seats=None,
                health_colour="insufficient",
                days_to_renewal=-3,
                renewal_date=date(2024, 12, 28),
            ),
            make_row(
                "Delta",
                seats=10,
                arr=Decimal("50"),
                health_score=20.5,
                health_colour="red",
                days_to_renewal=75,
                renewal_date=date(2025, 3, 16),
            ),
        ]
    )
    return portfolio


def test_model_default_order_is_name(model: PortfolioModel) -> None:
    assert shown_names(model) == ["Alpha", "beta", "Delta", "gamma"]


def test_sort_seats_numeric_ascending(model: PortfolioModel) -> None:
    model.sort(Column.SEATS, Qt.SortOrder.AscendingOrder)

    # 9 < 10 < 100 as numbers (as text "10" < "100" < "9"), blank last.
    assert shown_names(model) == ["beta", "Delta", "Alpha", "gamma"]


def test_sort_seats_descending_blanks_last(model: PortfolioModel) -> None:
    model.sort(Column.SEATS, Qt.SortOrder.DescendingOrder)

    assert shown_names(model) == ["Alpha", "Delta", "beta", "gamma"]


def test_sort_arr_decimal_both_directions(model: PortfolioModel) -> None:
    model.sort(Column.ARR, Qt.SortOrder.AscendingOrder)
    assert shown_names(model) == ["Delta", "beta", "Alpha", "gamma"]

    model.sort(Column.ARR, Qt.SortOrder.DescendingOrder)
    assert shown_names(model) == ["Alpha", "beta", "Delta", "gamma"]


def test_sort_renewal_dates_as_dates(model: PortfolioModel) -> None:
    model.sort(Column.RENEWAL, Qt.SortOrder.AscendingOrder)
    assert shown_names(model) == ["gamma", "Alpha", "Delta", "beta"]

    model.sort(Column.RENEWAL, Qt.SortOrder.DescendingOrder)
    assert shown_names(model) == ["Delta", "Alpha", "gamma", "beta"]


def test_sort_name_ignores_case(model: PortfolioModel) -> None:
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)

    assert shown_names(model) == ["gamma", "Delta", "beta", "Alpha"]


def test_sort_health_blanks_last_descending(model: PortfolioModel) -> None:
    model.sort(Column.HEALTH, Qt.SortOrder.DescendingOrder)

    assert shown_names(model) == ["Alpha", "beta", "Delta", "gamma"]


def test_sort_survives_filter_change(model: PortfolioModel) -> None:
    model.sort(Column.SEATS, Qt.SortOrder.DescendingOrder)
    model.set_name_filter("a")

    assert shown_names(model) == ["Alpha", "Delta", "beta", "gamma"]
    model.set_name_filter("ta")
    assert shown_names(model) == ["Delta", "beta"]


def test_name_filter_ignores_case(model: PortfolioModel) -> None:
    model.set_name_filter("  ALP ")

    assert shown_names(model) == ["Alpha"]
    assert model.total_count() == 4


def test_health_colour_filter(model: PortfolioModel) -> None:
    model.set_health_colours({"red", "yellow"})
    assert shown_names(model) == ["beta", "Delta"]

    model.set_health_colours(set())
    assert shown_names(model) == []

    model.set_health_colours(None)
    assert model.shown_count() == 4


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        (RenewalWindow.ANY, ["Alpha", "beta", "Delta", "gamma"]),
        (RenewalWindow.OVERDUE, ["gamma"]),
        (RenewalWindow.WITHIN_30, ["Alpha"]),
        (RenewalWindow.WITHIN_60, ["Alpha"]),
        (RenewalWindow.WITHIN_90, ["Alpha", "Delta"]),
    ],
)
def test_renewal_window_filter(
    model: PortfolioModel, window: RenewalWindow, expected: list[str]
) -> None:
    model.set_renewal_window(window)

    assert shown_names(model) == expected


def test_filters_combine(model: PortfolioModel) -> None:
    model.set_renewal_window(RenewalWindow.WITHIN_90)
    model.set_health_colours({"red"})

    assert shown_names(model) == ["Delta"]


def test_shown_arr_total_follows_filter(model: PortfolioModel) -> None:
    assert model.shown_arr_by_currency() == {"USD": Decimal("12950.50")}

    model.set_name_filter("e")
    assert model.shown_arr_by_currency() == {"USD": Decimal("950")}


def test_account_id_role(model: PortfolioModel) -> None:
    first = model.row_at(0)

    assert model.index(0, Column.ARR).data(ACCOUNT_ID_ROLE) == first.account_id


def test_health_cell_text_and_swatch(qapp: object) -> None:
    model = PortfolioModel()
    model.set_rows(
        [
            make_row("Up", health_score=72.4, health_colour="green", health_trend=1),
            make_row("Down", health_score=38.0, health_colour="red", health_trend=-1),
            make_row("Thin", health_colour="insufficient"),
            make_row("None"),
        ]
    )
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    cells = {
        model.index(row, Column.NAME).data(): model.index(row, Column.HEALTH)
        for row in range(model.rowCount())
    }

    assert cells["Up"].data() == "72 ▲"
    assert cells["Down"].data() == "38 ▼"
    assert cells["Thin"].data() == "Insufficient data"
    assert cells["None"].data() == ""
    swatch = cells["Down"].data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QColor)
    assert swatch.red() > swatch.green()


@pytest.fixture
def us_locale() -> object:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


def test_numbers_are_formatted(qapp: object, us_locale: object) -> None:
    model = PortfolioModel()
    model.set_rows([make_row("A", seats=1500, arr=Decimal("1234567.89"), days_to_renewal=-3)])

    assert model.index(0, Column.SEATS).data() == "1,500"
    assert model.index(0, Column.ARR).data() == "$1,234,568"
    assert model.index(0, Column.DAYS_TO_RENEWAL).data() == "-3"


def test_sort_name_natural_numbers(qapp: object) -> None:
    model = PortfolioModel()
    model.set_rows([make_row(name) for name in ["Company_10", "company_9", "Company_100"]])
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)

    assert shown_names(model) == ["company_9", "Company_10", "Company_100"]


def test_typing_narrows_like_a_fresh_filter(qapp: object) -> None:
    names = [f"{prefix} {number}" for prefix in ("Acme", "Acorn", "Bolt") for number in range(30)]
    typed = PortfolioModel()
    typed.set_rows([make_row(name, owner="Ana" if len(name) % 2 else "Bo") for name in names])
    typed.set_health_colours(None)

    for text in ("a", "ac", "acm", "acme 1", "acme 1", "acme", "bo", ""):
        typed.set_name_filter(text)
        fresh = PortfolioModel()
        fresh.set_rows([make_row(name, owner="Ana" if len(name) % 2 else "Bo") for name in names])
        fresh.set_filter(typed.current_filter)
        assert shown_names(typed) == shown_names(fresh), text
