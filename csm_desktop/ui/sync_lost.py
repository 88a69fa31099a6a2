"""The "Re-upload changes the server lost?" dialog, shown after a restored server's resync."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.store.database import Database
from csm_desktop.sync import lost
from csm_desktop.ui.record_views import stretched_table

log = logging.getLogger(__name__)


def entity_label(entity: str) -> str:
    """Return the translated name of a synced entity, for lists shown to the user."""
    labels = {
        "account": QCoreApplication.translate("LostChangesDialog", "Account"),
        "contact": QCoreApplication.translate("LostChangesDialog", "Contact"),
        "call_note": QCoreApplication.translate("LostChangesDialog", "Call note"),
        "task": QCoreApplication.translate("LostChangesDialog", "Task"),
        "goal": QCoreApplication.translate("LostChangesDialog", "Goal"),
    }
    return labels.get(entity, entity)


class LostChangesDialog(QDialog):
    """Dialog that lists the changes a restored server lost and offers to send them again.

    Re-upload queues them and emits ``reuploaded`` so the caller can sync at
    once; Discard drops them. Closing the dialog leaves the list for later.
    """

    reuploaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.changes: list[lost.LostChange] = []
        self.setWindowTitle(self.tr("Re-upload changes the server lost?"))
        self.resize(760, 380)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = stretched_table(
            self,
            [self.tr("Type"), self.tr("Record"), self.tr("Account"), self.tr("Fields")],
            self.tr("Changes the server lost"),
        )

        buttons = QDialogButtonBox(self)
        self.reupload_button = QPushButton(self.tr("&Re-upload"), self)
        self.discard_button = QPushButton(self.tr("&Discard"), self)
        self.later_button = QPushButton(self.tr("Ask &later"), self)
        buttons.addButton(self.reupload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reupload_button.clicked.connect(self.reupload)
        self.discard_button.clicked.connect(self.discard)
        self.later_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(buttons)
        self.reload()

    @Slot()
    def reload(self) -> None:
        with self._db.engine.connect() as conn:
            self.changes = lost.list_changes(conn)
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            cells = [
                entity_label(change.entity),
                change.name,
                change.account or "",
                self._fields_text(change),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.summary.setText(
            self.tr(
                "The team server was restored from a backup and no longer has %1 changes "
                "that this computer had sent. Re-upload sends them again: where someone "
                "changed the same field since, you get a conflict to resolve instead of an "
                "overwrite. Discard keeps the server's version and removes the lost records "
                "from this computer."
            ).replace("%1", str(len(self.changes)))
        )

    def _fields_text(self, change: lost.LostChange) -> str:
        if change.op == lost.INSERT:
            return self.tr("Whole record (missing on the server)")
        return ", ".join(
            f"{name}: {'' if value is None else value}"
            for name, value in sorted(change.fields.items())
        )

    @Slot()
    def reupload(self) -> None:
        with self._db.engine.begin() as conn:
            count = lost.reupload(conn)
        log.info("User chose to re-upload %d lost changes", count)
        self.accept()
        self.reuploaded.emit()

    @Slot()
    def discard(self) -> None:
        with self._db.engine.begin() as conn:
            count = lost.discard(conn)
        log.info("User discarded %d lost changes", count)
        self.accept()
