"""File → Export: one entity to CSV or Excel, or the whole database to a JSON archive."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from csm_desktop.importers.fields import ENTITIES
from csm_desktop.store.database import Database
from csm_desktop.ui.import_pages import entity_label
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

ARCHIVE = "all"


class ExportDialog(QDialog):
    """Asks what to export and where, then writes the file on the job runner."""

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.setWindowTitle(self.tr("Export data"))
        self.what = QComboBox(self)
        self.what.addItem(self.tr("Everything (JSON archive, imports back losslessly)"), ARCHIVE)
        for name in ENTITIES:
            self.what.addItem(entity_label(name), name)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("CSV (UTF-8)"), "csv")
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.bom = QCheckBox(self.tr("Add a byte order mark so Excel on Windows shows accents"))
        self.bom.setChecked(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.accepted.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Export:"), self.what)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.bom)
        form.addRow(self.status)
        form.addRow(buttons)
        self.what.currentIndexChanged.connect(self._update)
        self.format.currentIndexChanged.connect(self._update)
        self._update()

    @Slot()
    def _update(self) -> None:
        archive = self.what.currentData() == ARCHIVE
        self.format.setEnabled(not archive)
        self.bom.setEnabled(not archive and self.format.currentData() == "csv")

    @Slot()
    def choose_file(self) -> None:
        suffix = "json" if self.what.currentData() == ARCHIVE else self.format.currentData()
        name = f"{self.what.currentData()}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export data"), name)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the chosen export to ``path`` in the background."""
        work = _ExportCall(
            self.db, self.what.currentData(), self.format.currentData(), self.bom.isChecked(), path
        )
        job = self.runner.start(
            "export", work, progress_parent=self, progress_label=self.tr("Exporting…")
        )
        self.status.setText(self.tr("Exporting…"))
        job.succeeded.connect(
            lambda rows: self.status.setText(
                self.tr("Wrote %1 rows to %2").replace("%1", str(rows)).replace("%2", str(path))
            )
        )
        job.failed.connect(lambda error: self.status.setText(str(error)))


class _ExportCall:
    def __init__(self, db: Database, what: str, fmt: str, bom: bool, path: Path) -> None:
        self.db, self.what, self.fmt, self.bom, self.path = db, what, fmt, bom, path

    def __call__(self, *, progress: Any, cancel: Any) -> int:
        from csm_desktop.exporters.archive import export_archive
        from csm_desktop.exporters.sheets import export_csv, export_xlsx

        if self.what == ARCHIVE:
            return sum(
                export_archive(self.db, self.path, progress=progress, cancel=cancel).values()
            )
        if self.fmt == "xlsx":
            return export_xlsx(self.db, self.what, self.path, progress=progress, cancel=cancel)
        return export_csv(
            self.db, self.what, self.path, bom=self.bom, progress=progress, cancel=cancel
        )
