"""The portfolio screen: filters, the account table and a summary of what is shown."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.formatting import format_money, format_number
from csm_desktop.services.portfolio import PortfolioRow, load_portfolio
from csm_desktop.store.database import Database
from csm_desktop.ui.health_style import HEALTH_COLOURS, colour_label, swatch_icon
from csm_desktop.ui.portfolio_model import (
    ACCOUNT_ID_ROLE,
    Column,
    PortfolioModel,
    RenewalWindow,
)
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

FILTER_DEBOUNCE_MS = 150


class PortfolioPage(QWidget):
    """Lists every account. Emits ``account_requested`` when the user opens one."""

    account_requested = Signal(object)
    export_requested = Signal(object)
    # Emitted after each reload with the number of accounts loaded.
    loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.model = PortfolioModel(self)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_name_filter)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filter_bar())
        layout.addWidget(self._build_table(), stretch=1)
        self.summary_label = QLabel(self)
        layout.addWidget(self.summary_label)

        self.model.modelReset.connect(self._update_summary)
        self._update_summary()

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter accounts by name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_text_changed)
        bar.addWidget(self.filter_edit, stretch=1)

        bar.addWidget(QLabel(self.tr("Health:"), self))
        self.colour_buttons: dict[str, QToolButton] = {}
        for colour in HEALTH_COLOURS:
            button = QToolButton(self)
            button.setText(colour_label(colour))
            button.setIcon(swatch_icon(colour))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setCheckable(True)
            button.toggled.connect(self._apply_colour_filter)
            self.colour_buttons[colour] = button
            bar.addWidget(button)

        bar.addWidget(QLabel(self.tr("Renewal:"), self))
        self.renewal_combo = QComboBox(self)
        for window, text in self._renewal_choices():
            self.renewal_combo.addItem(text, window)
        self.renewal_combo.currentIndexChanged.connect(self._apply_renewal_filter)
        bar.addWidget(self.renewal_combo)
        return bar

    def _renewal_choices(self) -> list[tuple[RenewalWindow, str]]:
        return [
            (RenewalWindow.ANY, self.tr("Any time")),
            (RenewalWindow.OVERDUE, self.tr("Overdue")),
            (RenewalWindow.WITHIN_30, self.tr("Within 30 days")),
            (RenewalWindow.WITHIN_60, self.tr("Within 60 days")),
            (RenewalWindow.WITHIN_90, self.tr("Within 90 days")),
        ]

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_context_menu)
        # ``activated`` covers both double-click and Enter, so no second connection.
        table.activated.connect(self._open_index)
        self.table = table
        return table

    # Loading

    def reload(self) -> None:
        """Load the portfolio on a worker thread and show it when it arrives."""
        job = self._runner.start("load portfolio", self._load_rows)
        job.succeeded.connect(self._on_rows_loaded)
        job.failed.connect(self._on_load_failed)

    def _load_rows(self, *, progress: Any, cancel: Any) -> list[PortfolioRow]:
        with self._db.session() as session:
            return load_portfolio(session)

    @Slot(object)
    def _on_rows_loaded(self, rows: list[PortfolioRow]) -> None:
        self.model.set_rows(rows)
        self._fit_columns()
        self.loaded.emit(len(rows))

    @Slot(object)
    def _on_load_failed(self, error: object) -> None:
        message = self.tr("The portfolio could not be loaded: %1").replace("%1", str(error))
        self.summary_label.setText(message)
        self.load_failed.emit(message)

    def _fit_columns(self) -> None:
        """Size columns to their contents once, judged on the first rows only."""
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)
        for column in Column:
            if column != Column.NAME:
                self.table.resizeColumnToContents(column)

    # Filters

    @Slot(str)
    def _on_filter_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _apply_name_filter(self) -> None:
        self.model.set_name_filter(self.filter_edit.text())

    @Slot()
    def _apply_colour_filter(self) -> None:
        selected = {colour for colour, button in self.colour_buttons.items() if button.isChecked()}
        # No button pressed means no colour filter, which also shows unscored rows.
        self.model.set_health_colours(selected or None)

    @Slot(int)
    def _apply_renewal_filter(self, _index: int) -> None:
        self.model.set_renewal_window(RenewalWindow(self.renewal_combo.currentData()))

    @Slot()
    def _update_summary(self) -> None:
        shown = self.model.shown_count()
        totals = self.model.shown_arr_by_currency()
        money = ", ".join(
            format_money(amount, currency) for currency, amount in sorted(totals.items())
        )
        text = (
            self.tr("Showing %1 of %2 accounts · Total ARR %3")
            .replace("%1", format_number(shown))
            .replace("%2", format_number(self.model.total_count()))
            .replace("%3", money or format_money(0))
        )
        self.summary_label.setText(text)

    # Opening accounts

    def _account_at(self, index: QModelIndex) -> uuid.UUID | None:
        if not index.isValid():
            return None
        return index.data(ACCOUNT_ID_ROLE)

    @Slot(QModelIndex)
    def _open_index(self, index: QModelIndex) -> None:
        account_id = self._account_at(index)
        if account_id is not None:
            self.account_requested.emit(account_id)

    def current_account(self) -> uuid.UUID | None:
        """Return the selected account, for menu actions that act on it."""
        return self._account_at(self.table.currentIndex())

    @Slot(QPoint)
    def _show_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        account_id = self._account_at(index)
        if account_id is None:
            return

        menu = QMenu(self)
        open_action = menu.addAction(self.tr("Open"))
        export_action = menu.addAction(self.tr("Export QBR…"))
        chosen = menu.exec(self.table.viewport().mapToGlobal(position))
        if chosen is open_action:
            self.account_requested.emit(account_id)
        elif chosen is export_action:
            self.export_requested.emit(account_id)
