"""The import wizard: file and entity, preview, column mapping, validation, import.

The wizard only gathers an ``ImportSpec``; reading, checking and writing
are done by ``csm_desktop.importers.engine`` on the job runner, so the
window stays responsive and Cancel rolls everything back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.fields import ENTITIES
from csm_desktop.importers.mapping import ImportSpec, suggest_columns
from csm_desktop.importers.profiles import (
    PROFILES_BY_KEY,
    find_mapping,
    load_mapping,
    match_profiles,
)
from csm_desktop.importers.tabular import ReadOptions, Table, open_table
from csm_desktop.store.database import Database
from csm_desktop.ui.import_pages import MappingPage, ResultPage, ValidatePage, entity_label
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

PREVIEW_ROWS = 50
ENCODING_CHOICES = ("", "utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16")
DELIMITER_CHOICES = ("", ",", ";", "\t", "|")


class ImportWizard(QWizard):
    """Collects the spec step by step; emits ``imported`` after a real import."""

    imported = Signal(object)

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        self.table: Table | None = None
        self.spec: ImportSpec | None = None
        self.setWindowTitle(self.tr("Import data"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.validate_page = ValidatePage(self)
        self.result_page = ResultPage(self)
        for page in (
            self.file_page,
            self.preview_page,
            self.mapping_page,
            self.validate_page,
            self.result_page,
        ):
            self.addPage(page)
        self.resize(900, 640)
        # The style's own "Next >" text, put back when a page leaves the validation step.
        self._next_text = self.buttonText(QWizard.WizardButton.NextButton)
        self.currentIdChanged.connect(self._label_next_button)

    @Slot(int)
    def _label_next_button(self, _page_id: int) -> None:
        """Name the import on the validation page's Next button; other pages keep "Next"."""
        if self.currentPage() is self.validate_page:
            self.validate_page.label_next_button()
        else:
            self.setButtonText(QWizard.WizardButton.NextButton, self._next_text)


class FilePage(QWizardPage):
    """Step 1: the file, what its rows are, where they come from, and what was detected."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr("CSV or other delimited text, Excel (.xlsx) or a JSON list of records.")
        )
        self.path_edit = QLineEdit(self)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit)
        path_row.addWidget(browse)

        self.entity_combo = QComboBox(self)
        for name in ENTITIES:
            self.entity_combo.addItem(entity_label(name), name)
        self.source_edit = QLineEdit(self)
        self.source_edit.setMaxLength(40)
        self.profile_combo = QComboBox(self)
        self.profile_combo.addItem(self.tr("None: suggest from the header"), "")
        for key, profile in PROFILES_BY_KEY.items():
            self.profile_combo.addItem(profile.label, key)
        self.encoding_combo = _choice_combo(self, ENCODING_CHOICES, self.tr("Detect"))
        self.delimiter_combo = _choice_combo(self, DELIMITER_CHOICES, self.tr("Detect"))
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("File:"), path_row)
        form.addRow(self.tr("Rows are:"), self.entity_combo)
        form.addRow(self.tr("Source system:"), self.source_edit)
        form.addRow(self.tr("Profile:"), self.profile_combo)
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow(self.tr("Delimiter:"), self.delimiter_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Detected:"), self))
        layout.addWidget(self.detected)
        layout.addStretch(1)
        self.path_edit.editingFinished.connect(self.inspect)
        self.profile_combo.activated.connect(self._apply_profile)
        self.encoding_combo.activated.connect(self.inspect)
        self.delimiter_combo.activated.connect(self.inspect)

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import data"),
            "",
            self.tr("Data files (*.csv *.txt *.tsv *.xlsx *.json);;All files (*)"),
        )
        if path:
            self.set_path(Path(path))

    def set_path(self, path: Path) -> None:
        """Select ``path`` and inspect it (also used by tests and drag and drop)."""
        self.path_edit.setText(str(path))
        self.inspect()

    @Slot()
    def inspect(self) -> None:
        """Open the file, show what was detected, and pick a saved mapping or profile."""
        wizard = self.wizard_
        wizard.table = None
        text = self.path_edit.text().strip()
        if not text:
            self.completeChanged.emit()
            return
        options = ReadOptions(
            encoding=self.encoding_combo.currentData() or None,
            delimiter=self.delimiter_combo.currentData() or None,
        )
        try:
            wizard.table = open_table(Path(text), options)
        except ImportFileError as exc:
            self.detected.setText(str(exc))
            self.completeChanged.emit()
            return
        info = wizard.table.info
        lines = [info.describe()] + info.notes
        self.detected.setText("\n".join(lines))
        if not self.source_edit.text().strip():
            self.source_edit.setText(Path(text).stem[:40])
        self._preselect(wizard.table)
        self.completeChanged.emit()

    def _preselect(self, table: Table) -> None:
        with self.wizard_.db.session() as session:
            saved = find_mapping(session, table.header)
        if saved is not None:
            self._show_spec(saved)
            self.detected.setText(
                self.detected.text()
                + "\n"
                + self.tr("A saved mapping for this report was found and applied.")
            )
            self.wizard_.spec = saved
            return
        matches = match_profiles(table.header)
        if matches:
            self.profile_combo.setCurrentIndex(self.profile_combo.findData(matches[0].key))
            self._apply_profile()

    @Slot()
    def _apply_profile(self) -> None:
        key = self.profile_combo.currentData()
        if key:
            self._show_spec(PROFILES_BY_KEY[key].make_spec())
            self.wizard_.spec = PROFILES_BY_KEY[key].make_spec()
        else:
            self.wizard_.spec = None

    def _show_spec(self, spec: ImportSpec) -> None:
        self.entity_combo.setCurrentIndex(self.entity_combo.findData(spec.entity))
        self.source_edit.setText(spec.source)

    def isComplete(self) -> bool:
        return self.wizard_.table is not None and bool(self.source_edit.text().strip())

    def validatePage(self) -> bool:
        """Build the spec for the next pages from the saved mapping, profile or suggestions."""
        wizard = self.wizard_
        entity = self.entity_combo.currentData()
        source = self.source_edit.text().strip()
        spec = wizard.spec
        if spec is None or spec.entity != entity or spec.source != source:
            with wizard.db.session() as session:
                spec = load_mapping(session, source, entity)
        if spec is None or spec.entity != entity:
            spec = ImportSpec(entity, source, columns=suggest_columns(entity, wizard.table.header))
        spec.source = source
        spec.encoding = self.encoding_combo.currentData() or spec.encoding
        spec.delimiter = self.delimiter_combo.currentData() or spec.delimiter
        wizard.spec = spec
        return True


class PreviewPage(QWizardPage):
    """Step 2: the first rows as the importer reads them, and what the reader noticed."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Preview"))
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.grid = QTableWidget(self)
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.grid)

    def initializePage(self) -> None:
        table = self.wizard_.table
        if table is None:
            return
        header = table.header
        rows = []
        for row in table.rows():
            rows.append(row)
            if len(rows) >= PREVIEW_ROWS:
                break
        self.grid.clear()
        self.grid.setColumnCount(len(header))
        self.grid.setHorizontalHeaderLabels(header)
        self.grid.setRowCount(len(rows))
        self.grid.setVerticalHeaderLabels([str(r.number) for r in rows])
        for r, row in enumerate(rows):
            for c in range(len(header)):
                value = row.cells[c] if c < len(row.cells) else ""
                self.grid.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.grid.resizeColumnsToContents()
        info = table.info
        notes = [self.tr("Read as: %1").replace("%1", info.describe())]
        if info.title_rows:
            notes.append(
                self.tr("Title rows skipped: %1").replace("%1", " | ".join(info.title_rows))
            )
        notes.extend(info.notes)
        self.notes.setText("\n".join(notes))


def _choice_combo(parent: QWidget, values: tuple[str, ...], detect_label: str) -> QComboBox:
    combo = QComboBox(parent)
    names = {
        "\t": QCoreApplication.translate("ImportWizard", "Tab"),
        ",": QCoreApplication.translate("ImportWizard", "Comma (,)"),
        ";": QCoreApplication.translate("ImportWizard", "Semicolon (;)"),
        "|": QCoreApplication.translate("ImportWizard", "Vertical bar (|)"),
    }
    for value in values:
        combo.addItem(detect_label if not value else names.get(value, value), value)
    return combo
