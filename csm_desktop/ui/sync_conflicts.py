"""The conflicts inbox: base, mine and theirs for each conflicting field, with a choice per field.

Each row is one field of one record. Conflicts offer "Use mine" or "Keep
theirs"; proposals for guarded fields (owner, renewal date, ARR, lifecycle
stage) offer "Accept" or "Dismiss". Applying writes the chosen values
locally at once; the next sync sends them and records the resolutions.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop import APP_NAME
from csm_desktop.store.database import Database
from csm_desktop.sync.resolve import (
    ACCEPT,
    DISMISS,
    MINE,
    THEIRS,
    ConflictItem,
    ResolveError,
    choose,
    open_items,
)

log = logging.getLogger(__name__)

RECORD, FIELD, KIND, BASE, MINE_COLUMN, THEIRS_COLUMN, CHOICE = range(7)


class ConflictsDialog(QDialog):
    """Non-modal inbox of open conflicts and proposals. Emits ``choices_applied`` after Apply."""

    choices_applied = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.items: list[ConflictItem] = []
        self.setWindowTitle(self.tr("Sync conflicts and proposals"))
        self.resize(900, 420)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Kind"),
                self.tr("Base"),
                self.tr("Mine"),
                self.tr("Theirs"),
                self.tr("Choice"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Conflicts"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.apply_button = QPushButton(self.tr("&Apply choices"), self)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.apply_button.clicked.connect(self.apply_choices)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(buttons)
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Read the open conflicts again; choices not applied yet are discarded."""
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
        cells = {
            RECORD: item.record,
            FIELD: item.field or self.tr("(whole record)"),
            KIND: self._kind_label(item.kind),
            BASE: format_value(item.base, self.tr("(empty)")),
            MINE_COLUMN: self._with_actor(item.mine, item.mine_actor),
            THEIRS_COLUMN: self._with_actor(item.theirs, item.theirs_actor),
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


def format_value(value: Any, empty: str) -> str:
    """Return a conflict value (JSON form) as one line of text."""
    if value is None or value == "":
        return empty
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
