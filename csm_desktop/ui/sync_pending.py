"""The pending changes view: local changes waiting to be sent, in flight, or rejected."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.formatting import format_number
from csm_desktop.store.database import Database
from csm_desktop.sync.outbox import INFLIGHT, PENDING, REJECTED, list_entries
from csm_desktop.sync.resolve import PendingChange, pending_changes
from csm_desktop.sync.service import read_status
from csm_desktop.ui.record_views import stretched_table
from csm_desktop.ui.sync_messages import describe_rejection

log = logging.getLogger(__name__)


class PendingChangesDialog(QDialog):
    """Non-modal list of the outbox. Emits ``sync_requested`` when the user presses Sync now."""

    sync_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.changes: list[PendingChange] = []
        self._rejections: dict[int, tuple[str | None, str | None]] = {}
        self.setWindowTitle(self.tr("Pending sync changes"))
        self.resize(760, 380)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = stretched_table(
            self,
            [
                self.tr("Change"),
                self.tr("Record"),
                self.tr("Action"),
                self.tr("Fields"),
                self.tr("State"),
            ],
            self.tr("Pending changes"),
        )
        # Row heights depend on the column widths, which are known only once the dialog
        # is laid out and change with every resize, so they are computed again then.
        self._row_heights = QTimer(self)
        self._row_heights.setSingleShot(True)
        self._row_heights.setInterval(0)
        self._row_heights.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(self._schedule_row_heights)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.sync_button = QPushButton(self.tr("Sync &now"), self)
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.sync_button.clicked.connect(self.sync_requested)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(buttons)
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.changes = pending_changes(self._db)
        self._rejections = rejections(self._db)
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            cells = [
                str(change.client_seq),
                change.record,
                self._op_label(change.op),
                self.tr("all fields") if change.op == "insert" else ", ".join(change.fields),
                self._state_label(change),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        waiting = sum(1 for change in self.changes if change.state != REJECTED)
        rejected = len(self.changes) - waiting
        snapshots = read_status(self._db).unqueued_snapshots
        self.summary.setText(
            self.tr("%1 changes wait to be sent; %2 were rejected by the server.")
            .replace("%1", format_number(waiting + snapshots))
            .replace("%2", format_number(rejected))
        )
        if snapshots:
            self.summary.setText(
                self.summary.text()
                + " "
                + self.tr(
                    "The waiting changes include %1 health snapshots, sent after their accounts."
                ).replace("%1", format_number(snapshots))
            )

    @Slot()
    def _schedule_row_heights(self) -> None:
        """Resize the rows once after a burst of column resizes (one per column)."""
        self._row_heights.start()

    def _op_label(self, op: str) -> str:
        labels = {
            "insert": self.tr("New"),
            "update": self.tr("Edit"),
            "delete": self.tr("Delete"),
            "restore": self.tr("Restore"),
        }
        return labels.get(op, op)

    def _state_label(self, change: PendingChange) -> str:
        if change.state == PENDING:
            return self.tr("Waiting")
        if change.state == INFLIGHT:
            return self.tr("Sent, waiting for the server's reply")
        # TODO: a rejected change can only be read here; there is no action to edit or discard it.
        code, detail = self._rejections.get(change.client_seq, (None, change.error))
        return self.tr("Rejected: %1").replace("%1", describe_rejection(code, detail))


def rejections(db: Database) -> dict[int, tuple[str | None, str | None]]:
    """Return the error code and the server's detail of every rejected change, by client_seq."""
    with db.engine.connect() as conn:
        entries = list_entries(conn, (REJECTED,))
    return {entry.client_seq: (entry.error_code, entry.error_detail) for entry in entries}


def rejection_messages(db: Database) -> list[str]:
    """Return the distinct user-facing reasons of the rejected changes, oldest first."""
    messages: list[str] = []
    for code, detail in rejections(db).values():
        message = describe_rejection(code, detail)
        if message not in messages:
            messages.append(message)
    return messages
