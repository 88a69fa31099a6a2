"""Settings page for backups: the list, a backup on demand, restore, and how many to keep."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.services.backups import backup_now, keep_count, set_keep_count
from csm_desktop.store import backup as backups
from csm_desktop.store.database import Database
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)


def _kind_label(kind: str) -> str:
    labels = {
        "daily": QCoreApplication.translate("BackupPage", "Daily"),
        "manual": QCoreApplication.translate("BackupPage", "On demand"),
        "before-migration": QCoreApplication.translate("BackupPage", "Before an update"),
        "before-restore": QCoreApplication.translate("BackupPage", "Before a restore"),
    }
    return labels.get(kind, kind)


class BackupPage(QWidget):
    """List the backups of the open database; make one now, restore one, set how many to keep.

    ``load()`` and ``save()`` follow the settings-page convention. After a
    restore the page emits ``restored`` and the app should close, because
    every screen shows data from before the restore.
    """

    restored = Signal(str)

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Made on"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)

        self.backup_button = QPushButton(self.tr("Back up now"), self)
        self.restore_button = QPushButton(self.tr("Restore selected…"), self)
        self.backup_button.clicked.connect(self.start_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.keep_spin = QSpinBox(self)
        self.keep_spin.setRange(backups.MIN_KEEP, backups.MAX_KEEP)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Backups to keep:"), self.keep_spin)
        explanation = QLabel(
            self.tr(
                "A backup is made every day you use the app and before every update. The "
                "oldest are deleted beyond the number you keep; the newest backup made before "
                "an update is always kept."
            ),
            self,
        )
        explanation.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.status)
        self.load()

    def title(self) -> str:
        """Return the page name shown in the settings dialog's list."""
        return self.tr("Backups")

    def load(self) -> None:
        """Show the stored keep count and the current list of backups."""
        self.keep_spin.setValue(keep_count(self.db))
        self.refresh()

    def save(self) -> None:
        """Store the keep count, which deletes backups beyond it."""
        set_keep_count(self.db, self.keep_spin.value())
        self.refresh()

    def refresh(self) -> None:
        """Re-read the backups folder."""
        found = backups.list_backups(self.db.path) if self.db.path is not None else []
        self.table.setRowCount(len(found))
        for row, info in enumerate(found):
            made = QTableWidgetItem(info.created.strftime("%Y-%m-%d %H:%M:%S"))
            made.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.table.setItem(row, 0, made)
            self.table.setItem(row, 1, QTableWidgetItem(_kind_label(info.kind)))
            self.table.setItem(row, 2, QTableWidgetItem(f"{info.size / 1_048_576:.1f} MB"))
        self._update_buttons()

    def selected_backup(self) -> str | None:
        """Return the path of the selected backup, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    @Slot()
    def start_backup(self) -> None:
        """Make a backup in the background and refresh the list when it is done."""
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))
        job = self.runner.start("backup now", lambda **job_arguments: backup_now(self.db))
        job.succeeded.connect(self._backup_done)
        job.failed.connect(self._backup_failed)

    @Slot(object)
    def _backup_done(self, info: backups.BackupInfo) -> None:
        self.backup_button.setEnabled(True)
        self.status.setText(self.tr("Backup saved as %1.").replace("%1", info.path.name))
        self.refresh()

    @Slot(object)
    def _backup_failed(self, error: object) -> None:
        self.backup_button.setEnabled(True)
        log.error("Backup on demand failed: %s", error)
        self.status.setText(self.tr("The backup failed: %1").replace("%1", str(error)))

    @Slot()
    def restore_selected(self) -> None:
        """Ask for confirmation, then replace the database with the selected backup."""
        chosen = self.selected_backup()
        if chosen is None or self.db.path is None:
            return
        if not self.confirm_restore(chosen):
            return

        self.db.engine.dispose()
        try:
            safety = backups.restore_backup(Path(chosen), self.db.path)
        except backups.BackupError as exc:
            log.error("Restore from %s failed: %s", chosen, exc)
            self.status.setText(str(exc))
            return
        note = self.tr("Restored. CSM Desktop closes now; start it again to see the restored data.")
        if safety is not None:
            note += " " + self.tr("The data from before the restore is in %1.").replace(
                "%1", safety.path.name
            )
        self.status.setText(note)
        self.refresh()
        self.restored.emit(note)

    def confirm_restore(self, chosen: str) -> bool:
        """Ask the user to confirm a restore (tests replace this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace your current data with this backup? Changes made since it was taken "
                "are set aside in a new backup, not lost."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)

    def apply(self) -> None:
        """Store the page's values (the settings dialog's name for ``save``)."""
        self.save()

    def reset(self) -> None:
        """Show the stored values again (the settings dialog's name for ``load``)."""
        self.load()


def backup_page(db: Database, runner: JobRunner) -> BackupPage:
    """Build the page for ``settings_dialog.SETTINGS_PAGES``."""
    return BackupPage(db, runner)
