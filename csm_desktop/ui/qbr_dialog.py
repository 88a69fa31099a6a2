"""The Export QBR dialog: quarter, version, sections and drafts, then export and open the PDF."""

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
from csm_desktop.services.qbr_drafts import QbrChoice, load_choice, save_choice, save_drafts
from csm_desktop.services.report_settings import (
    DEFAULT_PATTERN,
    ReportSettings,
    load_report_settings,
    render_file_name,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.qbr_preview import QbrPreviewPanel
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)


def documents_folder() -> Path:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())


def default_pdf_path(
    account_name: str,
    quarter: Quarter,
    folder: Path | None = None,
    pattern: str = DEFAULT_PATTERN,
    version: str = "customer",
) -> Path:
    """Return the PDF path from the file-name pattern, in Documents by default."""
    return (folder or documents_folder()) / render_file_name(
        pattern, account_name, quarter, version
    )


class QbrDialog(QDialog):
    """Previews and exports one account's QBR. ``exported`` carries the written path."""

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
        self._work: _QbrExport | None = None
        self.setWindowTitle(self.tr("Export QBR"))

        with db.session() as session:
            facts = load_facts(session, account_id)
            quarters = account_quarters(session, account_id)
            self._settings: ReportSettings = load_report_settings(session)
            choice = load_choice(session, account_id)
        self._account_name = facts.name

        self.quarter_combo = QComboBox(self)
        for quarter in quarters:
            self.quarter_combo.addItem(str(quarter), quarter)
        self.preview = QbrPreviewPanel(self)
        self.preview.set_version(choice.version)
        self.preview.set_sections(choice.sections)
        self.path_edit = QLineEdit(self)
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export and open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)

        self._layout(facts.name, browse)
        self.quarter_combo.currentIndexChanged.connect(self._on_quarter_changed)
        self.preview.internal_radio.toggled.connect(lambda _checked: self._update_path())
        self.preview.reset_requested.connect(self._reset_narrative)
        self._on_quarter_changed(0)

    def _layout(self, account_name: str, browse: QPushButton) -> None:
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, stretch=1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Account"), QLabel(account_name, self))
        form.addRow(self.tr("Quarter"), self.quarter_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, stretch=1)
        save_form = QFormLayout()
        save_form.addRow(self.tr("Save as"), path_row)
        layout.addLayout(save_form)
        layout.addWidget(self.buttons)
        self.resize(720, 640)

    def selected_quarter(self) -> Quarter:
        return self.quarter_combo.currentData()

    def _update_path(self) -> None:
        """Follow the quarter and version in the file name, keeping a folder the user chose."""
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else None
        self.path_edit.setText(
            str(
                default_pdf_path(
                    self._account_name,
                    self.selected_quarter(),
                    folder,
                    self._settings.file_name_pattern,
                    self.preview.version(),
                )
            )
        )

    @Slot(int)
    def _on_quarter_changed(self, _index: int) -> None:
        self._update_path()
        self._load_narratives(keys=None)

    def _load_narratives(self, keys: list[str] | None) -> None:
        """Load saved or drafted narratives on a worker; ``keys`` None loads all of them."""
        work = _DraftLoad(self._db, self._account_id, self.selected_quarter(), fresh=keys)
        job = self._runner.start("load QBR drafts", work, read_only=True)
        job.succeeded.connect(self._on_narratives_loaded)

    @Slot(str)
    def _reset_narrative(self, key: str) -> None:
        self._load_narratives(keys=[key])

    @Slot(object)
    def _on_narratives_loaded(self, texts: dict[str, str]) -> None:
        merged = self.preview.narratives()
        merged.update(texts)
        self.preview.set_narratives(merged)

    @Slot()
    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save QBR as"), self.path_edit.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path_edit.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    @Slot()
    def start_export(self) -> None:
        """Save the drafts and choices, then export on a worker with a progress dialog."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Choose a file to save the QBR to.")
            )
            return
        if not self.preview.sections():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose at least one section."))
            return

        narratives = self.preview.narratives()
        choice = QbrChoice(sections=self.preview.sections(), version=self.preview.version())
        with self._db.session() as session:
            save_drafts(session, self._account_id, self.selected_quarter(), narratives)
            save_choice(session, self._account_id, choice)

        self.export_button.setEnabled(False)
        self._work = work = _QbrExport(
            self._db,
            self._account_id,
            self.selected_quarter(),
            Path(text),
            choice,
            narratives,
            self._settings,
        )
        job = self._runner.start(
            "export QBR", work, progress_parent=self, progress_label=self.tr("Exporting QBR…")
        )
        job.succeeded.connect(self._on_exported)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)

    @Slot(object)
    def _on_exported(self, path: Path) -> None:
        self.exported.emit(path)
        if self._work.warnings:
            QMessageBox.warning(self, self.windowTitle(), "\n".join(self._work.warnings))
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


class _DraftLoad:
    """Work function: saved narratives, or drafts written from the customer-version data.

    Drafts always come from the customer data, so a saved text never quotes
    an internal value even when the CSM later exports the customer version.
    """

    def __init__(
        self, db: Database, account_id: uuid.UUID, quarter: Quarter, fresh: list[str] | None
    ) -> None:
        self._db, self._account_id, self._quarter, self._fresh = db, account_id, quarter, fresh

    def __call__(self, *, progress: Any, cancel: Any) -> dict[str, str]:
        from csm_desktop.services.qbr_data import gather_qbr_data
        from csm_desktop.services.qbr_drafts import generate_drafts, load_saved_drafts

        with self._db.session() as session:
            data = gather_qbr_data(session, self._account_id, self._quarter)
            drafts = generate_drafts(data, _locale())
            if self._fresh is not None:
                return {key: drafts[key] for key in self._fresh}
            drafts.update(load_saved_drafts(session, self._account_id, self._quarter))
        return drafts


def _locale() -> Any:
    from PySide6.QtCore import QLocale

    return QLocale()


class _QbrExport:
    """Work function for the runner. Imports the PDF builder (reportlab) on first use."""

    def __init__(
        self,
        db: Database,
        account_id: uuid.UUID,
        quarter: Quarter,
        path: Path,
        choice: QbrChoice,
        narratives: dict[str, str],
        settings: ReportSettings,
    ) -> None:
        self._db = db
        self._account_id = account_id
        self._quarter = quarter
        self._path = path
        self._choice = choice
        self._narratives = narratives
        self._settings = settings
        # Messages about characters no PDF font covers, shown after the export.
        self.warnings: list[str] = []

    def __call__(self, *, progress: Any, cancel: Any) -> Path:
        from csm_desktop.reports.qbr import QbrOptions, export_qbr
        from csm_desktop.reports.styles import Palette

        settings = self._settings
        options = QbrOptions(
            version=self._choice.version,
            sections=self._choice.sections,
            narratives=self._narratives,
            page_size=settings.page_size_override(),
            csm_name=settings.csm_name or None,
            company_name=settings.company_name or None,
            logo_path=settings.logo_file(),
            palette=Palette.from_hex(settings.primary_colour, settings.accent_colour),
        )
        return export_qbr(
            self._db,
            self._account_id,
            self._quarter,
            self._path,
            options,
            progress=progress,
            cancel=cancel,
            warn=self.warnings.append,
        )
