"""The portfolio screen: filters, saved views, the account table and a summary of what is shown."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from csm_desktop import APP_NAME
from csm_desktop.formatting import format_money, format_number
from csm_desktop.services.csv_export import write_csv
from csm_desktop.services.portfolio_filter import PortfolioFilter
from csm_desktop.services.portfolio_rows import PortfolioRow
from csm_desktop.ui.portfolio_columns import ColumnLayout
from csm_desktop.ui.portfolio_filter_bar import PortfolioFilterBar
from csm_desktop.ui.portfolio_model import (
    ACCOUNT_ID_ROLE,
    Column,
    PortfolioModel,
    PreparedRows,
    export_value,
    prepare_rows,
)
from csm_desktop.ui.saved_views_bar import SavedViewsBar
from csm_desktop.ui.workers import JobRunner

if TYPE_CHECKING:
    from csm_desktop.store.database import Database

log = logging.getLogger(__name__)

SORT_KEY = "portfolio/sort"


class PortfolioPage(QWidget):
    """Lists every account. Emits ``account_requested`` when the user opens one."""

    account_requested = Signal(object)
    export_requested = Signal(object)
    # Emitted after each reload with the number of accounts loaded.
    loaded = Signal(int)
    load_failed = Signal(str)
    # Emitted with the output path when a CSV export finished.
    csv_exported = Signal(object)

    def __init__(
        self, db: Database | None, runner: JobRunner, parent: QWidget | None = None
    ) -> None:
        """Build the page; with ``db`` None it shows rows given to ``show_rows`` until
        ``attach_database`` (the first paint at start-up, before the database is open)."""
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.model = PortfolioModel(self)

        self.filter_bar = PortfolioFilterBar(self)
        self.filter_edit = self.filter_bar.filter_edit
        self.renewal_combo = self.filter_bar.renewal_combo
        self.colour_buttons = self.filter_bar.colour_buttons
        self.filter_bar.filter_changed.connect(self.model.set_filter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self._build_table(), stretch=1)
        self.columns = ColumnLayout(self.table, self.model, self)
        self.views_bar = SavedViewsBar(db, self)
        self.views_bar.view_selected.connect(self.apply_view)
        self.views_bar.current_definition = self.current_view
        layout.addLayout(self._build_bottom_bar())

        self.model.modelReset.connect(self._update_summary)
        self.model.layoutChanged.connect(self._update_summary)
        self._update_summary()

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setAccessibleName(self.tr("Accounts"))
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
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_context_menu)
        # ``activated`` covers both double-click and Enter, so no second connection.
        table.activated.connect(self._open_index)
        self.table = table
        return table

    def _build_bottom_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.summary_label = QLabel(self)
        self.summary_label.setAccessibleName(self.tr("Portfolio summary"))
        bar.addWidget(self.summary_label, stretch=1)
        bar.addWidget(self.views_bar)
        bar.addWidget(self.columns.button)
        return bar

    # Loading

    def attach_database(self, db: Database) -> None:
        """Use ``db`` from now on and read the saved views from it."""
        self._db = db
        self.views_bar.attach_database(db)
        self.views_bar.reload()

    def show_rows(self, prepared: PreparedRows) -> None:
        """Show rows read elsewhere (the start-up read), as a finished reload would."""
        self._on_rows_loaded(prepared)

    def reload(self) -> None:
        """Load the portfolio and compute its sort ranks on a worker thread."""
        if self._db is None:
            log.debug("No database yet; the portfolio shows the rows read at start")
            return
        job = self._runner.start("load portfolio", self._load_rows, read_only=True)
        job.succeeded.connect(self._on_rows_loaded)
        job.failed.connect(self._on_load_failed)

    def _load_rows(self, *, progress: Any, cancel: Any) -> PreparedRows:
        from csm_desktop.services.portfolio import load_portfolio

        assert self._db is not None
        with self._db.session() as session:
            rows = load_portfolio(session)
        cancel.raise_if_cancelled()
        return prepare_rows(rows)

    @Slot(object)
    def _on_rows_loaded(self, prepared: PreparedRows) -> None:
        first_load = self.model.total_count() == 0
        self.model.set_rows(prepared)
        self.filter_bar.set_choices(prepared.choices)
        if first_load and not self.columns.has_stored_widths:
            self.columns.fit_widths()
        self.views_bar.reload()
        self.loaded.emit(len(prepared.rows))

    @Slot(object)
    def _on_load_failed(self, error: object) -> None:
        message = self.tr("The portfolio could not be loaded: %1").replace("%1", str(error))
        self.summary_label.setText(message)
        self.load_failed.emit(message)

    # Views and remembered state

    def current_view(self) -> Any:
        """Return the filter, sort and columns on screen as a saved-view definition."""
        from csm_desktop.services.view_definition import ViewDefinition

        return ViewDefinition(
            filter=self.model.current_filter,
            sort_column=self.columns.key_of(self.model.sort_column),
            sort_descending=self.model.sort_descending,
            columns=tuple(self.columns.visible_keys()),
        )

    @Slot(object)
    def apply_view(self, definition: Any) -> None:
        """Show a saved view: its columns, its sort and then its filter."""
        self.columns.apply_keys(list(definition.columns))
        column = self.columns.column_of(definition.sort_column)
        order = (
            Qt.SortOrder.DescendingOrder
            if definition.sort_descending
            else Qt.SortOrder.AscendingOrder
        )
        self.table.sortByColumn(column, order)
        self.filter_bar.set_filter(definition.filter)

    def save_state(self, settings: QSettings) -> None:
        """Remember the column layout and the sort."""
        self.columns.save(settings)
        settings.setValue(
            SORT_KEY,
            f"{self.columns.key_of(self.model.sort_column)}:{int(self.model.sort_descending)}",
        )

    def restore_state(self, settings: QSettings) -> None:
        self.columns.restore(settings)
        stored = settings.value(SORT_KEY)
        if isinstance(stored, str) and ":" in stored:
            key, _, descending = stored.partition(":")
            order = (
                Qt.SortOrder.DescendingOrder if descending == "1" else Qt.SortOrder.AscendingOrder
            )
            self.table.sortByColumn(self.columns.column_of(key), order)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def set_filter(self, new_filter: PortfolioFilter) -> None:
        self.filter_bar.set_filter(new_filter)

    # Summary of what is shown

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

    def shown_account_ids(self) -> list[uuid.UUID]:
        return [row.account_id for row in self.model.shown_rows()]

    @Slot(QPoint)
    def _show_context_menu(self, position: QPoint) -> None:
        account_id = self._account_at(self.table.indexAt(position))
        menu = QMenu(self)
        open_action = export_action = None
        if account_id is not None:
            open_action = menu.addAction(self.tr("Open"))
            export_action = menu.addAction(self.tr("Export QBR…"))
            menu.addSeparator()
        batch_action = menu.addAction(self.tr("Export QBRs for this view…"))
        csv_action = menu.addAction(self.tr("Export view to CSV…"))
        # Both read the database, which is attached a moment after the first paint.
        batch_action.setEnabled(self._db is not None)
        csv_action.setEnabled(self._db is not None)
        chosen = menu.exec(self.table.viewport().mapToGlobal(position))
        if chosen is None:
            return
        if chosen is open_action:
            self.account_requested.emit(account_id)
        elif chosen is export_action:
            self.export_requested.emit(account_id)
        elif chosen is batch_action:
            self.export_qbrs_for_view()
        elif chosen is csv_action:
            self.export_csv()

    # Exports

    @Slot()
    def export_qbrs_for_view(self) -> None:
        """Open the batch QBR export for the accounts the view shows."""
        if self._db is None:
            return
        account_ids = self.shown_account_ids()
        if not account_ids:
            QMessageBox.information(self, APP_NAME, self.tr("The view shows no accounts."))
            return
        try:
            from csm_desktop.ui.batch_export_dialog import BatchExportDialog
        except ImportError:
            log.warning("Batch QBR export requested, but its dialog module is not installed")
            QMessageBox.information(
                self, APP_NAME, self.tr("Batch QBR export is not available in this version.")
            )
            return
        dialog = BatchExportDialog(self._db, self._runner, account_ids, self)
        dialog.open()

    def ask_csv_path(self) -> Path | None:
        """Ask where to save the CSV file. Tests replace this method."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export view to CSV"), "portfolio.csv", self.tr("CSV files (*.csv)")
        )
        return Path(path) if path else None

    @Slot()
    def export_csv(self) -> None:
        """Write the shown rows and visible columns to a CSV file in the background."""
        path = self.ask_csv_path()
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        columns = [self.columns.column_of(key) for key in self.columns.visible_keys()]
        header = self._csv_header(columns)
        rows = self.model.shown_rows()

        def work(*, progress: Any, cancel: Any) -> Path:
            data = (_csv_row(row, columns) for row in rows)
            write_csv(path, header, data, total=len(rows), progress=progress, cancel=cancel)
            return path

        job = self._runner.start(
            "export portfolio CSV",
            work,
            progress_parent=self,
            progress_label=self.tr("Exporting %1 accounts…").replace(
                "%1", format_number(len(rows))
            ),
        )
        job.succeeded.connect(self.csv_exported)
        job.failed.connect(self._on_csv_failed)

    def _csv_header(self, columns: list[Column]) -> list[str]:
        header: list[str] = []
        for column in columns:
            header.append(self.model.column_title(column))
            if column == Column.ARR:
                header.append(self.tr("Currency"))
        return header

    @Slot(object)
    def _on_csv_failed(self, error: object) -> None:
        QMessageBox.warning(
            self,
            APP_NAME,
            self.tr("The CSV file could not be written: %1").replace("%1", str(error)),
        )


def _csv_row(row: PortfolioRow, columns: list[Column]) -> list[Any]:
    """Return the CSV cells of one row; the ARR column is followed by its currency code."""
    values: list[Any] = []
    for column in columns:
        values.append(export_value(row, column))
        if column == Column.ARR:
            values.append(row.currency)
    return values


def _sort_order(descending: bool) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
