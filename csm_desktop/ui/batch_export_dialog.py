"""Batch QBR export: one PDF per account of the current portfolio view, into a folder."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
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
from csm_desktop.services.report_settings import ReportSettings, load_report_settings
from csm_desktop.services.settings import reference_date
from csm_desktop.store.database import Database
from csm_desktop.ui.qbr_dialog import documents_folder
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

QUARTERS_OFFERED = 8


class BatchExportDialog(QDialog):
    """Exports the QBRs of ``account_ids`` into a folder. ``finished_batch`` carries the result."""

    finished_batch = Signal(object)

    def __init__(
        self,
        db: Database,
        runner: JobRunner,
        account_ids: Sequence[uuid.UUID],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._account_ids = list(account_ids)
        self.setWindowTitle(self.tr("Export QBRs"))
        with db.session() as session:
            self._settings: ReportSettings = load_report_settings(session)
            current = Quarter.containing(reference_date(session))

        self.quarter_combo = QComboBox(self)
        quarter = current
        for _ in range(QUARTERS_OFFERED):
            self.quarter_combo.addItem(str(quarter), quarter)
            quarter = quarter.previous()
        self.internal_box = QCheckBox(
            self.tr("Internal version (adds risk, ARR, forecast and internal notes)"), self
        )
        self.folder_edit = QLineEdit(str(documents_folder()), self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export %n QBR(s)", "", len(self._account_ids)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.export_button.setEnabled(bool(self._account_ids))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, stretch=1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Accounts"), QLabel(str(len(self._account_ids)), self))
        form.addRow(self.tr("Quarter"), self.quarter_combo)
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow("", self.internal_box)
        pattern = QLabel(
            self.tr("File names follow the pattern %1 (Settings › Reports).").replace(
                "%1", self._settings.file_name_pattern
            ),
            self,
        )
        pattern.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(pattern)
        layout.addWidget(self.buttons)

    def selected_quarter(self) -> Quarter:
        return self.quarter_combo.currentData()

    @Slot()
    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the QBRs"), self.folder_edit.text()
        )
        if chosen:
            self.folder_edit.setText(chosen)

    @Slot()
    def start_export(self) -> None:
        """Export on a worker with a progress dialog whose Cancel stops between accounts."""
        folder = Path(self.folder_edit.text().strip())
        if not folder.is_dir():
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Folder %1 does not exist; choose an existing folder.").replace(
                    "%1", str(folder)
                ),
            )
            return
        self.export_button.setEnabled(False)
        work = _BatchExport(
            self._db,
            self._account_ids,
            self.selected_quarter(),
            folder,
            self._settings,
            internal=self.internal_box.isChecked(),
        )
        job = self._runner.start(
            "export QBR batch",
            work,
            progress_parent=self,
            progress_label=self.tr("Exporting QBRs…"),
        )
        job.succeeded.connect(self._on_finished)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        self.finished_batch.emit(result)
        text = self.tr("%n QBR(s) written.", "", len(result.written))
        if result.failed:
            failures = "\n".join(f"{name}: {error}" for name, error in result.failed)
            text += "\n\n" + self.tr("These accounts failed:") + "\n" + failures
            QMessageBox.warning(self, self.windowTitle(), text)
        else:
            QMessageBox.information(self, self.windowTitle(), text)
        self.accept()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.critical(
            self,
            self.windowTitle(),
            self.tr("The batch export failed: %1").replace("%1", str(error)),
        )

    @Slot()
    def _on_cancelled(self) -> None:
        self.export_button.setEnabled(True)


class _BatchExport:
    """Work function for the runner; the files written before a cancel stay in the folder."""

    def __init__(
        self,
        db: Database,
        account_ids: list[uuid.UUID],
        quarter: Quarter,
        folder: Path,
        settings: ReportSettings,
        *,
        internal: bool,
    ) -> None:
        self._db = db
        self._account_ids = account_ids
        self._quarter = quarter
        self._folder = folder
        self._settings = settings
        self._internal = internal

    def __call__(self, *, progress: Any, cancel: Any) -> Any:
        from csm_desktop.reports.qbr import QbrOptions
        from csm_desktop.reports.styles import Palette
        from csm_desktop.services.batch_export import export_qbr_batch

        settings = self._settings
        options = QbrOptions(
            version="internal" if self._internal else "customer",
            page_size=settings.page_size_override(),
            csm_name=settings.csm_name or None,
            company_name=settings.company_name or None,
            logo_path=settings.logo_file(),
            palette=Palette.from_hex(settings.primary_colour, settings.accent_colour),
        )
        return export_qbr_batch(
            self._db,
            self._account_ids,
            self._quarter,
            self._folder,
            options,
            file_name_pattern=settings.file_name_pattern,
            progress=progress,
            cancel=cancel,
        )
