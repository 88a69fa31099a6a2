"""The conflicts inbox: base, mine and theirs for each conflicting field, with a choice per field.

Each row is one field of one record. Conflicts offer "Use mine" or "Keep
theirs"; proposals for guarded fields (owner, renewal date, ARR, lifecycle
stage) offer "Accept" or "Dismiss". An edit of a record someone deleted
offers "Restore" or "Keep deleted". Applying writes the chosen values
locally at once; the next sync sends them and records the resolutions.
A second tab lists accounts that may be duplicates. The user can open
them or mark a pair as not duplicates, and nothing is merged.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from csm_desktop import APP_NAME
from csm_desktop.formatting import format_money
from csm_desktop.store.database import Database
from csm_desktop.sync import duplicates
from csm_desktop.sync.duplicates import CRM_ID, DOMAIN, NAME, AccountSummary, DuplicatePair
from csm_desktop.sync.resolve import (
    ACCEPT,
    DISMISS,
    EDITED_DELETED,
    KEEP_DELETED,
    MINE,
    RESTORE,
    THEIRS,
    ConflictItem,
    ResolveError,
    choose,
    open_items,
)
from csm_desktop.ui.record_views import stretched_table

log = logging.getLogger(__name__)

RECORD, FIELD, KIND, BASE, MINE_COLUMN, THEIRS_COLUMN, CHOICE = range(7)
# Columns of the duplicates table: the first account in 0-2, the second in 3-5.
FIRST_NAME, FIRST_OWNER, FIRST_ARR, SECOND_NAME, SECOND_OWNER, SECOND_ARR, MATCHED_ON = range(7)


class ConflictsDialog(QDialog):
    """Non-modal inbox of open conflicts, proposals and possible duplicate accounts.

    Emits ``choices_applied`` after Apply and ``account_requested`` with an
    account id when the user opens an account. When the parent widget has
    an ``open_account`` slot (the main window does), the request goes there.
    """

    choices_applied = Signal()
    account_requested = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.items: list[ConflictItem] = []
        self.setWindowTitle(self.tr("Sync conflicts and proposals"))
        self.resize(900, 420)
        open_account = getattr(parent, "open_account", None)
        if callable(open_account):
            self.account_requested.connect(open_account)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = stretched_table(
            self,
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Kind"),
                self.tr("Base"),
                self.tr("Mine"),
                self.tr("Theirs"),
                self.tr("Choice"),
            ],
            self.tr("Conflicts"),
        )

        self.apply_button = QPushButton(self.tr("&Apply choices"), self)
        self.apply_button.clicked.connect(self.apply_choices)
        conflicts_page = QWidget(self)
        conflicts_layout = QVBoxLayout(conflicts_page)
        conflicts_layout.addWidget(self.summary)
        conflicts_layout.addWidget(self.table, stretch=1)
        apply_row = QHBoxLayout()
        apply_row.addStretch(1)
        apply_row.addWidget(self.apply_button)
        conflicts_layout.addLayout(apply_row)

        self.duplicates = DuplicatesPanel(db, self)
        self.duplicates.account_requested.connect(self.account_requested)
        self.duplicates.reloaded.connect(self._show_duplicate_count)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(conflicts_page, self.tr("Conflicts and proposals"))
        self.tabs.addTab(self.duplicates, self.tr("Possible duplicates"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, stretch=1)
        layout.addWidget(buttons)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the open conflicts and duplicates again; choices not applied yet are discarded."""
        self._reload_conflicts()
        self.duplicates.reload()

    @Slot(int)
    def _show_duplicate_count(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("Possible duplicates (%1)").replace("%1", str(count)))

    def _reload_conflicts(self) -> None:
        self.items = open_items(self._db)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        self.table.resizeRowsToContents()
        if self.items:
            self.summary.setText(
                self.tr(
                    "The same field was changed here and elsewhere. Choose the value to keep "
                    "for each row, then press Apply choices."
                )
            )
        else:
            self.summary.setText(self.tr("No open conflicts or proposals."))
        self.apply_button.setEnabled(bool(self.items))

    def _fill_row(self, row: int, item: ConflictItem) -> None:
        theirs = self._with_actor(item.theirs, item.theirs_actor)
        if item.kind == EDITED_DELETED:
            theirs = self.tr("(deleted)")
        kind = self._kind_label(item.kind)
        if item.error:
            kind = self.tr("Restore rejected: %1").replace("%1", item.error)
        cells = {
            RECORD: item.record,
            FIELD: item.field or self.tr("(whole record)"),
            KIND: kind,
            BASE: format_value(item.base, self.tr("(empty)")),
            MINE_COLUMN: self._with_actor(item.mine, item.mine_actor),
            THEIRS_COLUMN: theirs,
        }
        for column, text in cells.items():
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            self.table.setItem(row, column, cell)
        combo = QComboBox(self.table)
        combo.addItem(self.tr("Decide later"), None)
        for choice in item.choices:
            combo.addItem(self._choice_label(choice), choice)
        combo.setAccessibleName(self.tr("Choice for %1").replace("%1", cells[FIELD]))
        self.table.setCellWidget(row, CHOICE, combo)

    def _with_actor(self, value: Any, actor: str | None) -> str:
        text = format_value(value, self.tr("(empty)"))
        return f"{text} ({actor})" if actor else text

    def _kind_label(self, kind: str) -> str:
        labels = {
            "conflict": self.tr("Conflict"),
            "proposal": self.tr("Proposal"),
            "edited_deleted": self.tr("Edit of a deleted record"),
            "delete_lost": self.tr("Delete not applied"),
        }
        return labels.get(kind, kind)

    def _choice_label(self, choice: str) -> str:
        labels = {
            MINE: self.tr("Use mine"),
            THEIRS: self.tr("Keep theirs"),
            ACCEPT: self.tr("Accept proposal"),
            DISMISS: self.tr("Dismiss"),
            RESTORE: self.tr("Restore"),
            KEEP_DELETED: self.tr("Keep deleted"),
        }
        return labels[choice]

    def set_choice(self, row: int, choice: str) -> None:
        """Select ``choice`` in the row's combo box (used by keyboard users' tests and scripts)."""
        combo = self.table.cellWidget(row, CHOICE)
        combo.setCurrentIndex(combo.findData(choice))

    @Slot()
    def apply_choices(self) -> int:
        """Apply every row with a choice; return how many were applied."""
        applied = 0
        failures: list[str] = []
        for row, item in enumerate(self.items):
            choice = self.table.cellWidget(row, CHOICE).currentData()
            if choice is None:
                continue
            try:
                choose(self._db, item, choice)
            except ResolveError as error:
                log.warning("Choice %s for conflict %s failed: %s", choice, item.conflict_id, error)
                failures.append(str(error))
                continue
            applied += 1
        self.reload()
        if failures:
            QMessageBox.warning(self, APP_NAME, "\n".join(failures))
        if applied:
            self.choices_applied.emit()
        return applied


class DuplicatesPanel(QWidget):
    """Pairs of accounts with the same name, domain or CRM id, for the user to review.

    "Not duplicates" stores the dismissal, so the pair stays hidden after a
    restart. Nothing is merged here.
    """

    account_requested = Signal(object)
    # The number of pairs listed, after each reload.
    reloaded = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        from csm_desktop.ui.workers import JobRunner

        super().__init__(parent)
        self._db = db
        self.pairs: list[DuplicatePair] = []
        # Matching every account takes about a second at 50,000 accounts, so it
        # runs off the UI thread; a reload started while one runs supersedes it.
        self._runner = JobRunner(self)
        self._generation = 0

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = stretched_table(
            self,
            [
                self.tr("Account"),
                self.tr("Owner"),
                self.tr("ARR"),
                self.tr("Possible duplicate"),
                self.tr("Owner"),
                self.tr("ARR"),
                self.tr("Matched on"),
            ],
            self.tr("Possible duplicates"),
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.open_first_button = QPushButton(self.tr("&Open account"), self)
        self.open_second_button = QPushButton(self.tr("Open &possible duplicate"), self)
        self.not_duplicates_button = QPushButton(self.tr("&Not duplicates"), self)
        self.open_first_button.clicked.connect(lambda: self.open_account(second=False))
        self.open_second_button.clicked.connect(lambda: self.open_account(second=True))
        self.not_duplicates_button.clicked.connect(self.dismiss_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_first_button)
        buttons.addWidget(self.open_second_button)
        buttons.addStretch(1)
        buttons.addWidget(self.not_duplicates_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(buttons)

    @Slot()
    def reload(self) -> None:
        """Find the undismissed pairs again in the background; ``reloaded`` fires once shown."""
        self._generation += 1
        generation = self._generation
        self.summary.setText(self.tr("Looking for possible duplicate accounts…"))
        db = self._db

        def work(*, progress: Any, cancel: Any) -> list[DuplicatePair]:
            return duplicates.open_pairs(db)

        job = self._runner.start("find duplicate accounts", work, read_only=True)
        job.succeeded.connect(lambda pairs: self._show(pairs, generation))
        job.failed.connect(lambda error: self._show_failure(error, generation))

    def _show_failure(self, error: object, generation: int) -> None:
        if generation != self._generation:
            return
        log.error("Finding duplicate accounts failed: %s", error)
        self.summary.setText(self.tr("Possible duplicates could not be listed; see the log."))

    def _show(self, pairs: list[DuplicatePair], generation: int) -> None:
        if generation != self._generation:
            return
        self.pairs = pairs
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            self._fill_row(row, pair)
        self.table.resizeRowsToContents()
        if self.pairs:
            self.summary.setText(
                self.tr(
                    "These accounts have the same name, web domain or CRM id. Sync never "
                    "merges them. Open both to compare, or mark a pair as not duplicates."
                )
            )
        else:
            self.summary.setText(self.tr("No possible duplicate accounts."))
        self._update_buttons()
        self.reloaded.emit(len(self.pairs))

    def _fill_row(self, row: int, pair: DuplicatePair) -> None:
        cells = {
            FIRST_NAME: pair.first.name,
            FIRST_OWNER: pair.first.owner or "",
            FIRST_ARR: self._arr(pair.first),
            SECOND_NAME: pair.second.name,
            SECOND_OWNER: pair.second.owner or "",
            SECOND_ARR: self._arr(pair.second),
            MATCHED_ON: ", ".join(self._reason_label(reason) for reason in pair.reasons),
        }
        for column, text in cells.items():
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            if column in (FIRST_ARR, SECOND_ARR):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)

    @staticmethod
    def _arr(account: AccountSummary) -> str:
        return format_money(account.arr, account.currency)

    def _reason_label(self, reason: str) -> str:
        labels = {NAME: self.tr("name"), DOMAIN: self.tr("domain"), CRM_ID: self.tr("CRM id")}
        return labels[reason]

    def selected_pair(self) -> DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.pairs[rows[0].row()]

    def select_row(self, row: int) -> None:
        """Select the pair in ``row`` (for keyboard users' tests and scripts)."""
        self.table.selectRow(row)

    @Slot()
    def _update_buttons(self) -> None:
        selected = self.selected_pair() is not None
        for button in (self.open_first_button, self.open_second_button, self.not_duplicates_button):
            button.setEnabled(selected)

    def open_account(self, *, second: bool) -> None:
        """Ask for the selected pair's first account, or its second one, to be opened."""
        pair = self.selected_pair()
        if pair is None:
            return
        self.account_requested.emit(pair.second.id if second else pair.first.id)

    @Slot()
    def dismiss_selected(self) -> None:
        """Mark the selected pair as not duplicates and remove it from the list."""
        pair = self.selected_pair()
        if pair is None:
            return
        duplicates.dismiss(self._db, pair.first.id, pair.second.id)
        self.reload()


def format_value(value: Any, empty: str) -> str:
    """Return a conflict value (JSON form) as one line of text."""
    if value is None or value == "":
        return empty
    if isinstance(value, dict):
        # The fields of an edit of a deleted record: "title: Call champion; due_on: …".
        return "; ".join(f"{name}: {format_value(item, empty)}" for name, item in value.items())
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
