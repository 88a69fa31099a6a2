"""Table model of the portfolio, with sorting and filtering done in Python.

A QSortFilterProxyModel calls back into Python ``data()`` for every
comparison, which takes seconds per keystroke at 100,000 rows. This model
keeps every row in a list and works on row numbers instead:

- ``prepare_rows`` computes, once per data load, a dense rank of every row
  on every column and a folded search text per row. It is plain Python, so
  the loading worker thread can run it.
- A sort orders all row numbers by one column's integer ranks.
- A filter walks that sorted order and keeps the rows that pass, so it
  never sorts again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from csm_desktop.formatting import format_date, format_money, format_number
from csm_desktop.services.portfolio_filter import PortfolioFilter, RenewalWindow, filter_order
from csm_desktop.services.portfolio_rows import PortfolioRow
from csm_desktop.ui.health_style import (
    TREND_ARROWS,
    colour_label,
    swatch_colour,
    trend_label,
)
from csm_desktop.ui.portfolio_filter_bar import stage_label

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex

# ``data(index, ACCOUNT_ID_ROLE)`` returns the row's account UUID.
ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

__all__ = [
    "ACCOUNT_ID_ROLE",
    "COLUMN_KEYS",
    "Column",
    "PortfolioFilter",
    "PortfolioModel",
    "PreparedRows",
    "RenewalWindow",
    "prepare_rows",
    "sort_rows",
    "text_sort_key",
]


class Column(IntEnum):
    NAME = 0
    INDUSTRY = 1
    COUNTRY = 2
    PLAN = 3
    SEATS = 4
    ARR = 5
    RENEWAL = 6
    DAYS_TO_RENEWAL = 7
    HEALTH = 8
    LAST_ACTIVITY = 9
    SEGMENT = 10
    STAGE = 11
    OWNER = 12
    TAGS = 13


# Stable names of the columns, used in saved views, QSettings and CSV headers.
COLUMN_KEYS: dict[Column, str] = {
    Column.NAME: "name",
    Column.INDUSTRY: "industry",
    Column.COUNTRY: "country",
    Column.PLAN: "plan",
    Column.SEATS: "seats",
    Column.ARR: "arr",
    Column.RENEWAL: "renewal",
    Column.DAYS_TO_RENEWAL: "days_to_renewal",
    Column.HEALTH: "health",
    Column.LAST_ACTIVITY: "last_activity",
    Column.SEGMENT: "segment",
    Column.STAGE: "lifecycle_stage",
    Column.OWNER: "owner",
    Column.TAGS: "tags",
}
COLUMNS_BY_KEY = {key: column for column, key in COLUMN_KEYS.items()}

_DIGIT_RUNS = re.compile(r"(\d+)")


def text_sort_key(text: str | None) -> tuple[tuple[int, int | str], ...] | None:
    """Return a case-insensitive natural key ("Company_9" before "Company_10"). None for blanks.

    Digit runs compare as numbers and other runs as folded text. Each part
    carries a type tag so that a number never meets a string in comparison.
    """
    if not text:
        return None
    parts = _DIGIT_RUNS.split(text.casefold())
    return tuple(
        (0, int(part)) if index % 2 else (1, part) for index, part in enumerate(parts) if part
    )


# Sort keys: numbers stay numbers, dates stay dates, text folds case.
# None marks a blank, which sorts last in both directions.
_SORT_KEYS: dict[Column, Callable[[PortfolioRow], Any]] = {
    Column.NAME: lambda row: text_sort_key(row.name),
    Column.INDUSTRY: lambda row: text_sort_key(row.industry),
    Column.COUNTRY: lambda row: text_sort_key(row.country),
    Column.PLAN: lambda row: text_sort_key(row.plan_tier),
    Column.SEATS: lambda row: row.seats,
    Column.ARR: lambda row: row.arr,
    Column.RENEWAL: lambda row: row.renewal_date,
    Column.DAYS_TO_RENEWAL: lambda row: row.days_to_renewal,
    Column.HEALTH: lambda row: row.health_score,
    Column.LAST_ACTIVITY: lambda row: row.last_activity,
    Column.SEGMENT: lambda row: text_sort_key(row.segment),
    Column.STAGE: lambda row: text_sort_key(row.lifecycle_stage),
    Column.OWNER: lambda row: text_sort_key(row.owner),
    Column.TAGS: lambda row: text_sort_key(", ".join(sorted(row.tags, key=str.casefold))),
}

_NUMERIC_COLUMNS = {Column.SEATS, Column.ARR, Column.DAYS_TO_RENEWAL, Column.HEALTH}
# Columns by position, so a cell lookup indexes a tuple instead of building an enum.
_COLUMNS_BY_INDEX = tuple(Column)
# The roles ``data`` returns a value for. A repaint requests about ten roles
# for every visible cell, so the others return at once.
_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        ACCOUNT_ID_ROLE,
    }
)


def _dense_ranks(rows: Sequence[PortfolioRow], column: Column) -> list[int | None]:
    """Return each row's rank on ``column``: equal values share a rank, blanks get None."""
    key = _SORT_KEYS[column]
    values = [key(row) for row in rows]
    order = sorted(
        (i for i, value in enumerate(values) if value is not None), key=values.__getitem__
    )
    ranks: list[int | None] = [None] * len(rows)
    rank = -1
    previous: Any = None
    for position, i in enumerate(order):
        if position == 0 or values[i] != previous:
            rank += 1
            previous = values[i]
        ranks[i] = rank
    return ranks


def _search_text(row: PortfolioRow) -> str:
    parts = [row.name, row.owner or "", row.industry or "", row.segment or "", *row.tags]
    return "\x1f".join(parts).casefold()


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """Rows with every sort rank and search text computed, ready for ``set_rows``."""

    rows: list[PortfolioRow]
    ranks: dict[Column, list[int | None]]
    search_texts: list[str]
    # Distinct non-blank values for the filter menus.
    choices: dict[str, list[str]] = field(default_factory=dict)


def prepare_rows(rows: Iterable[PortfolioRow]) -> PreparedRows:
    """Compute ranks, search texts and filter choices. Safe to call on a worker thread."""
    row_list = list(rows)
    ranks = {column: _dense_ranks(row_list, column) for column in Column}
    choices: dict[str, set[str]] = {"segment": set(), "stage": set(), "owner": set(), "tags": set()}
    for row in row_list:
        if row.segment:
            choices["segment"].add(row.segment)
        if row.lifecycle_stage:
            choices["stage"].add(row.lifecycle_stage)
        if row.owner:
            choices["owner"].add(row.owner)
        choices["tags"].update(row.tags)
    return PreparedRows(
        rows=row_list,
        ranks=ranks,
        search_texts=[_search_text(row) for row in row_list],
        choices={name: sorted(values, key=str.casefold) for name, values in choices.items()},
    )


def sort_rows(rows: Iterable[PortfolioRow], column: Column, descending: bool) -> list[PortfolioRow]:
    """Return ``rows`` sorted on ``column`` with blanks last in both directions.

    Ties keep their incoming order, because Python's sort is stable.
    """
    prepared = prepare_rows(rows)
    order = _sorted_order(prepared.ranks[column], descending)
    return [prepared.rows[i] for i in order]


def _sorted_order(ranks: list[int | None], descending: bool) -> list[int]:
    filled = [i for i, rank in enumerate(ranks) if rank is not None]
    blanks = [i for i, rank in enumerate(ranks) if rank is None]
    # A reverse sort keeps equal ranks in their incoming order too.
    filled.sort(key=ranks.__getitem__, reverse=descending)
    return filled + blanks


def _narrows(old: PortfolioFilter, new: PortfolioFilter) -> bool:
    """Return True when ``new`` differs from ``old`` only by text that extends old's text."""
    if not old.text or not new.text.startswith(old.text):
        return False
    return old.replace(text=new.text) == new


class PortfolioModel(QAbstractTableModel):
    """The portfolio rows that pass the current filter, in the current sort order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._data = prepare_rows([])
        # Every row number in sort order, and the ones that pass the filter.
        self._order: list[int] = []
        self._shown: list[int] = []
        self._filter = PortfolioFilter()
        self._sort_column = Column.NAME
        self._sort_descending = False

    # Loading and filtering

    def set_rows(self, rows: Iterable[PortfolioRow] | PreparedRows) -> None:
        """Replace every row, keeping the filter and the sort order.

        Pass ``PreparedRows`` from ``prepare_rows`` (computed off the UI
        thread) to skip the rank computation here.
        """
        self._data = rows if isinstance(rows, PreparedRows) else prepare_rows(rows)
        self._order = _sorted_order(self._data.ranks[self._sort_column], self._sort_descending)
        self._refresh()

    @property
    def current_filter(self) -> PortfolioFilter:
        return self._filter

    def set_filter(self, new_filter: PortfolioFilter) -> None:
        """Show only the rows that pass ``new_filter``.

        When the new filter only adds characters to the text, every row it
        shows is already shown, so only those rows are tested: typing a name
        gets faster with each keystroke.
        """
        if new_filter == self._filter:
            return
        narrows = _narrows(self._filter, new_filter)
        self._filter = new_filter
        self._refresh(self._shown if narrows else None)

    def set_name_filter(self, text: str) -> None:
        """Show only accounts whose name, owner, industry, segment or a tag contains ``text``."""
        self.set_filter(self._filter.replace(text=text))

    def set_health_colours(self, colours: Iterable[str] | None) -> None:
        """Show only these health colours. None shows every row, scored or not."""
        self.set_filter(self._filter.replace(colours=colours))

    def set_renewal_window(self, window: RenewalWindow) -> None:
        self.set_filter(self._filter.replace(renewal=window))

    def filter_choices(self, name: str) -> list[str]:
        """Return the distinct values of "segment", "stage", "owner" or "tags" in the data."""
        return list(self._data.choices.get(name, []))

    def _refresh(self, candidates: list[int] | None = None) -> None:
        """Filter ``candidates`` (every row by default), which must be in sort order."""
        self.beginResetModel()
        self._shown = filter_order(
            self._order if candidates is None else candidates,
            self._filter,
            self._data.rows,
            self._data.search_texts,
        )
        self.endResetModel()

    # Summary of what is shown

    def total_count(self) -> int:
        return len(self._data.rows)

    def shown_count(self) -> int:
        return len(self._shown)

    def shown_arr_by_currency(self) -> dict[str, Decimal]:
        """Sum the ARR of the shown rows per currency. Rows with no ARR add nothing."""
        totals: dict[str, Decimal] = {}
        rows = self._data.rows
        for i in self._shown:
            row = rows[i]
            if row.arr is not None:
                totals[row.currency] = totals.get(row.currency, Decimal(0)) + row.arr
        return totals

    def row_at(self, row: int) -> PortfolioRow:
        return self._data.rows[self._shown[row]]

    def shown_rows(self) -> list[PortfolioRow]:
        """Return the shown rows in display order, for exports."""
        rows = self._data.rows
        return [rows[i] for i in self._shown]

    @property
    def sort_column(self) -> Column:
        return self._sort_column

    @property
    def sort_descending(self) -> bool:
        return self._sort_descending

    # QAbstractTableModel

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by one column's precomputed ranks. Later filter changes keep this order."""
        self.layoutAboutToBeChanged.emit()
        self._sort_column = Column(column)
        self._sort_descending = order == Qt.SortOrder.DescendingOrder
        self._order = _sorted_order(self._data.ranks[self._sort_column], self._sort_descending)
        self._shown = filter_order(
            self._order, self._filter, self._data.rows, self._data.search_texts
        )
        self.layoutChanged.emit()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in _NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def column_title(self, column: Column) -> str:
        """Return the translated header of ``column``."""
        titles = {
            Column.NAME: self.tr("Account"),
            Column.INDUSTRY: self.tr("Industry"),
            Column.COUNTRY: self.tr("Country"),
            Column.PLAN: self.tr("Plan"),
            Column.SEATS: self.tr("Seats"),
            Column.ARR: self.tr("ARR"),
            Column.RENEWAL: self.tr("Renewal"),
            Column.DAYS_TO_RENEWAL: self.tr("Days to renewal"),
            Column.HEALTH: self.tr("Health"),
            Column.LAST_ACTIVITY: self.tr("Last activity"),
            Column.SEGMENT: self.tr("Segment"),
            Column.STAGE: self.tr("Lifecycle stage"),
            Column.OWNER: self.tr("Owner"),
            Column.TAGS: self.tr("Tags"),
        }
        return titles[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES:
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row = self._data.rows[self._shown[index.row()]]
        column = _COLUMNS_BY_INDEX[index.column()]

        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(row, column)
        if role == ACCOUNT_ID_ROLE:
            return row.account_id
        if role == Qt.ItemDataRole.DecorationRole and column == Column.HEALTH:
            return swatch_colour(row.health_colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.HEALTH:
            return self._health_tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.DAYS_TO_RENEWAL:
            return _overdue_brush(row.days_to_renewal)
        return None

    def _health_tooltip(self, row: PortfolioRow) -> str:
        label = colour_label(row.health_colour)
        trend = trend_label(row.health_trend)
        if not trend:
            return label
        return self.tr("%1, %2").replace("%1", label).replace("%2", trend)


def display_text(row: PortfolioRow, column: Column) -> str:
    """Return the cell text of ``row`` in ``column``, formatted for the current locale."""
    match column:
        case Column.NAME:
            return row.name
        case Column.INDUSTRY:
            return row.industry or ""
        case Column.COUNTRY:
            return row.country or ""
        case Column.PLAN:
            return row.plan_tier or ""
        case Column.SEATS:
            return format_number(row.seats)
        case Column.ARR:
            return format_money(row.arr, row.currency)
        case Column.RENEWAL:
            return format_date(row.renewal_date)
        case Column.DAYS_TO_RENEWAL:
            return format_number(row.days_to_renewal)
        case Column.HEALTH:
            return _health_text(row)
        case Column.LAST_ACTIVITY:
            return format_date(row.last_activity)
        case Column.SEGMENT:
            return row.segment or ""
        case Column.STAGE:
            return stage_label(row.lifecycle_stage) if row.lifecycle_stage else ""
        case Column.OWNER:
            return row.owner or ""
        case Column.TAGS:
            return ", ".join(row.tags)
    return ""


def export_value(row: PortfolioRow, column: Column) -> Any:
    """Return the cell of ``row`` in ``column`` as data for a CSV file (not locale text).

    Numbers and dates stay typed so the CSV writer can print them plainly;
    the health cell is the rounded score.
    """
    values: dict[Column, Any] = {
        Column.SEATS: row.seats,
        Column.ARR: row.arr,
        Column.RENEWAL: row.renewal_date,
        Column.DAYS_TO_RENEWAL: row.days_to_renewal,
        Column.HEALTH: None if row.health_score is None else round(row.health_score),
        Column.LAST_ACTIVITY: row.last_activity,
    }
    if column in values:
        return values[column]
    if column == Column.STAGE:
        return row.lifecycle_stage or ""
    return display_text(row, column)


def _health_text(row: PortfolioRow) -> str:
    if row.health_score is None:
        return colour_label(row.health_colour) if row.health_colour else ""
    arrow = TREND_ARROWS.get(row.health_trend if row.health_trend is not None else 99, "")
    score = format_number(row.health_score)
    return f"{score} {arrow}".strip()


def _overdue_brush(days: int | None) -> Any:
    if days is not None and days < 0:
        return swatch_colour("red")
    return None
