"""The Export QBR dialog: pick a quarter and a file, export in the background, open it."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.quarters import Quarter
from csm_desktop.services.accounts import account_quarters, load_facts
from csm_desktop.store.database import Database
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

# Characters that Windows, macOS or Linux reject in file names.
_UNSAFE_FILE_CHARS = str.maketrans({char: "_" for char in '<>:"/\\|?*'})


def default_pdf_path(account_name: str, quarter: Quarter, folder: Path | None = None) -> Path:
    """Return ``<folder>/<Account> - <quarter> QBR.pdf``, Documents by default."""
    if folder is None:
        location = QStandardPaths.StandardLocation.DocumentsLocation
        folder = Path(QStandardPaths.writableLocation(location) or Path.home())
    safe_name = account_name.translate(_UNSAFE_FILE_CHARS).strip() or "Account"
    return folder / f"{safe_name} - {quarter} QBR.pdf"


class QbrDialog(QDialog):
    """Exports one account's QBR PDF. ``exported`` carries the written path."""

    exported = Signal(Path)

    def __init__(
        self,
        db: Database,
        runner: JobRunner,
        account_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._account_id = account_id
        self.setWindowTitle(self.tr("Export QBR"))

        with db.session() as session:
            facts = load_facts(session, account_id)
            quarters = account_quarters(session, account_id)
        self._account_name = facts.name

        self.quarter_combo = QComboBox(self)
        for quarter in quarters:
            self.quarter_combo.addItem(str(quarter), quarter)
        self.quarter_combo.currentIndexChanged.connect(self._on_quarter_changed)
        self.path_edit = QLineEdit(self)
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        self._layout(facts.name, browse)
        self._on_quarter_changed(0)

    def _layout(self, account_name: str, browse: QPushButton) -> None:
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, stretch=1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Account"), QLabel(account_name, self))
        form.addRow(self.tr("Quarter"), self.quarter_combo)
        form.addRow(self.tr("Save as"), path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def selected_quarter(self) -> Quarter:
        return self.quarter_combo.currentData()

    @Slot(int)
    def _on_quarter_changed(self, _index: int) -> None:
        """Follow the quarter in the default file name, keeping a folder the user chose."""
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else None
        self.path_edit.setText(
            str(default_pdf_path(self._account_name, self.selected_quarter(), folder))
        )

    @Slot()
    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save QBR as"), self.path_edit.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path_edit.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    @Slot()
    def start_export(self) -> None:
        """Export on a worker thread with a progress dialog. The form stays disabled meanwhile."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Choose a file to save the QBR to.")
            )
            return

        self.export_button.setEnabled(False)
        work = _QbrExport(self._db, self._account_id, self.selected_quarter(), Path(text))
        job = self._runner.start(
            "export QBR", work, progress_parent=self, progress_label=self.tr("Exporting QBR…")
        )
        job.succeeded.connect(self._on_exported)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)

    @Slot(object)
    def _on_exported(self, path: Path) -> None:
        self.exported.emit(path)
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("The QBR was saved to %1.\n\nOpen it now?").replace("%1", str(path)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.accept()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.critical(
            self,
            self.windowTitle(),
            self.tr("The QBR could not be exported: %1").replace("%1", str(error)),
        )

    @Slot()
    def _on_cancelled(self) -> None:
        self.export_button.setEnabled(True)


class _QbrExport:
    """Work function for the runner. Imports the PDF builder (reportlab) on first use."""

    def __init__(self, db: Database, account_id: uuid.UUID, quarter: Quarter, path: Path) -> None:
        self._db = db
        self._account_id = account_id
        self._quarter = quarter
        self._path = path

    def __call__(self, *, progress: Any, cancel: Any) -> Path:
        from csm_desktop.reports.qbr import export_qbr

        return export_qbr(
            self._db,
            self._account_id,
            self._quarter,
            self._path,
            progress=progress,
            cancel=cancel,
        )
