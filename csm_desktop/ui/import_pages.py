"""Wizard pages after the preview: column mapping, validation report and the import itself."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from csm_desktop.formatting import format_number
from csm_desktop.importers.analysis import DecisionNeeded
from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.engine import ImportReport, check_spec, run_import
from csm_desktop.importers.mapping import MATCH_KEYS, SCALES, ImportSpec
from csm_desktop.importers.profiles import save_mapping

if TYPE_CHECKING:
    from csm_desktop.ui.import_wizard import ImportWizard

log = logging.getLogger(__name__)

ISSUE_ROWS_SHOWN = 2_000


def entity_label(name: str) -> str:
    """Return the translated label of an entity name."""
    labels = {
        "accounts": QCoreApplication.translate("ImportWizard", "Accounts"),
        "contacts": QCoreApplication.translate("ImportWizard", "Contacts"),
        "subscriptions": QCoreApplication.translate("ImportWizard", "Subscriptions and renewals"),
        "usage": QCoreApplication.translate("ImportWizard", "Usage metrics"),
        "survey_responses": QCoreApplication.translate(
            "ImportWizard", "Survey responses (NPS, CSAT)"
        ),
        "tickets": QCoreApplication.translate("ImportWizard", "Support tickets"),
        "invoices": QCoreApplication.translate("ImportWizard", "Invoices"),
        "churn_events": QCoreApplication.translate("ImportWizard", "Churn events"),
        "activities": QCoreApplication.translate("ImportWizard", "Activities and call notes"),
    }
    return labels.get(name, name)


class MappingPage(QWizardPage):
    """Step 3: which column fills each field, fixed values, match key and scale."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Map columns"))
        self.setSubTitle(self.tr("Suggested from the header names; fields marked * are required."))
        self.grid = QTableWidget(0, 3, self)
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Column in the file"), self.tr("Or a fixed value")]
        )
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.match_combo = _keys_combo(self)
        self.match_combo.currentIndexChanged.connect(self._check_match_key)
        self.match_problem = QLabel(self)
        self.match_problem.setWordWrap(True)
        self.match_problem.hide()
        self.account_combo = _keys_combo(self)
        self.create_missing = QCheckBox(self.tr("Create accounts the file names but the app lacks"))
        self.scale_combo = QComboBox(self)
        self.scale_combo.addItem(self.tr("Suggest from the values"), "")
        for key, scale in SCALES.items():
            self.scale_combo.addItem(scale.label, key)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Match stored accounts on:"), self.match_combo)
        form.addRow("", self.match_problem)
        form.addRow(self.tr("The account column holds the account's:"), self.account_combo)
        form.addRow("", self.create_missing)
        form.addRow(self.tr("Survey scale:"), self.scale_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self._combos: dict[str, QComboBox] = {}
        self._constants: dict[str, QLineEdit] = {}

    def initializePage(self) -> None:
        spec = self.wizard_.spec
        header = self.wizard_.table.header
        fields = spec.definition.fields
        self.grid.setRowCount(len(fields))
        self._combos.clear()
        self._constants.clear()
        for row, target in enumerate(fields):
            label = target.name.replace("_", " ") + (" *" if target.required else "")
            self.grid.setItem(row, 0, QTableWidgetItem(label))
            combo = QComboBox(self.grid)
            combo.addItem(self.tr("(not imported)"), "")
            for column in header:
                combo.addItem(column, column)
            combo.setCurrentIndex(max(combo.findData(spec.columns.get(target.name, "")), 0))
            self.grid.setCellWidget(row, 1, combo)
            combo.currentIndexChanged.connect(self._check_match_key)
            constant = QLineEdit(spec.constants.get(target.name, ""), self.grid)
            self.grid.setCellWidget(row, 2, constant)
            self._combos[target.name] = combo
            self._constants[target.name] = constant
        self.grid.resizeColumnsToContents()
        is_accounts = spec.entity == "accounts"
        self.match_combo.setEnabled(is_accounts)
        self.account_combo.setEnabled(not is_accounts)
        self.create_missing.setEnabled(not is_accounts)
        self.match_combo.setCurrentIndex(self.match_combo.findData(_mapped_match_key(spec)))
        self.account_combo.setCurrentIndex(self.account_combo.findData(spec.account_key))
        self.create_missing.setChecked(spec.create_missing_accounts)
        self.scale_combo.setCurrentIndex(max(self.scale_combo.findData(spec.scale or ""), 0))
        self.problem.clear()
        self._check_match_key()

    @Slot()
    def _check_match_key(self) -> None:
        """Explain why a match key whose field has no column cannot find stored accounts."""
        message = self._match_key_problem()
        self.match_problem.setText(message)
        self.match_problem.setVisible(bool(message))

    def _match_key_problem(self) -> str:
        key = self.match_combo.currentData()
        if not self.match_combo.isEnabled() or key not in self._combos:
            return ""
        if self._combos[key].currentData():
            return ""
        return self.tr(
            "No column is mapped to %1, so no stored account can match on it and every "
            "row would create a new account. Map a column to %1 or choose another key."
        ).replace("%1", self.match_combo.currentText())

    def set_column(self, field_name: str, column: str) -> None:
        """Choose ``column`` for ``field_name`` (used by tests and keyboard users alike)."""
        combo = self._combos[field_name]
        combo.setCurrentIndex(combo.findData(column))

    def set_constant(self, field_name: str, value: str) -> None:
        self._constants[field_name].setText(value)

    def validatePage(self) -> bool:
        """Write the choices into the spec; refuse to go on while a required field is unset."""
        spec = self.wizard_.spec
        spec.columns = {n: c.currentData() for n, c in self._combos.items() if c.currentData()}
        spec.constants = {
            n: e.text().strip()
            for n, e in self._constants.items()
            if e.text().strip() and n not in spec.columns
        }
        spec.match_key = self.match_combo.currentData()
        spec.account_key = self.account_combo.currentData()
        spec.create_missing_accounts = self.create_missing.isChecked()
        spec.scale = self.scale_combo.currentData() or None
        try:
            check_spec(spec, self.wizard_.table.header)
        except ImportFileError as exc:
            self.problem.setText(str(exc))
            return False
        if self._match_key_problem():
            self.problem.setText(self._match_key_problem())
            return False
        return True


class ValidatePage(QWizardPage):
    """Step 4: a dry run over every row, its report, and any choice the data needs."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.report: ImportReport | None = None
        self.running = False
        self.setTitle(self.tr("Validate"))
        self.setSubTitle(self.tr("Every row is checked; nothing is written yet."))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.decisions = QWidget(self)
        self.decision_form = QFormLayout(self.decisions)
        self.recheck = QPushButton(self.tr("Validate again"), self)
        self.recheck.clicked.connect(self.start)
        self.issues = issues_table(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.decisions)
        self.save_rejected = RejectedRowsButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_rejected)
        buttons.addStretch(1)
        buttons.addWidget(self.recheck)
        layout.addLayout(buttons)
        layout.addWidget(self.issues)
        self._order_combos: dict[str, QComboBox] = {}

    def initializePage(self) -> None:
        self._order_combos.clear()
        while self.decision_form.rowCount():
            self.decision_form.removeRow(0)
        self.start()

    @Slot()
    def start(self) -> None:
        """Run the dry run on the job runner."""
        spec = self.wizard_.spec
        for column, combo in self._order_combos.items():
            if combo.currentData():
                spec.date_orders[column] = combo.currentData()
        self.report = None
        self.running = True
        self.summary.setText(self.tr("Checking every row…"))
        self.label_next_button()
        self.completeChanged.emit()
        work = _ImportCall(self.wizard_, dry_run=True)
        job = self.wizard_.runner.start(
            "validate import", work, progress_parent=self, progress_label=self.tr("Validating…")
        )
        job.succeeded.connect(self._on_report)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)

    @Slot(object)
    def _on_report(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setText("\n".join(_summary_lines(report, dry_run=True)))
        fill_issues(self.issues, report)
        self.save_rejected.set_file(report.rejections_file)
        self.label_next_button()

    def label_next_button(self) -> None:
        """Say on the Next button that it writes the data, with the number of rows once known."""
        if self.wizard_.currentPage() is not self:
            return
        if self.report is None:
            text = self.tr("Import")
        else:
            counts = self.report.summary.counts(self.report.spec.entity)
            rows = counts.created + counts.updated + counts.unchanged
            text = self.import_text(self.report.spec.entity, rows)
        self.wizard_.setButtonText(QWizard.WizardButton.NextButton, text)

    def import_text(self, entity: str, count: int) -> str:
        """Return "Import 3,464 account(s)" for the Next button, in the UI language."""
        texts = {
            "accounts": self.tr("Import %n account(s)", "", count),
            "contacts": self.tr("Import %n contact(s)", "", count),
            "subscriptions": self.tr("Import %n subscription(s)", "", count),
            "usage": self.tr("Import %n usage record(s)", "", count),
            "survey_responses": self.tr("Import %n survey response(s)", "", count),
            "tickets": self.tr("Import %n ticket(s)", "", count),
            "invoices": self.tr("Import %n invoice(s)", "", count),
            "churn_events": self.tr("Import %n churn event(s)", "", count),
            "activities": self.tr("Import %n activity(ies)", "", count),
        }
        text = texts.get(entity) or self.tr("Import %n row(s)", "", count)
        # Qt writes %n as plain digits; group them as the rest of the page does (3,464 / 3.464).
        return text.replace(str(count), format_number(count), 1)

    @Slot(object)
    def _on_failed(self, error: Any) -> None:
        self.summary.setText(str(error))
        if isinstance(error, DecisionNeeded):
            self._ask(error)

    def _ask(self, error: DecisionNeeded) -> None:
        for column, examples in error.date_columns.items():
            if column in self._order_combos:
                continue
            combo = QComboBox(self.decisions)
            combo.addItem(self.tr("Choose…"), "")
            combo.addItem(self.tr("Day first (31/12/2024)"), "dmy")
            combo.addItem(self.tr("Month first (12/31/2024)"), "mdy")
            label = self.tr("Dates in %1 (e.g. %2):").replace("%1", column)
            self.decision_form.addRow(label.replace("%2", ", ".join(examples[:2])), combo)
            self._order_combos[column] = combo
        if error.scale:
            self.summary.setText(
                self.summary.text() + "\n" + self.tr("Go back and choose the survey scale.")
            )

    @Slot()
    def _on_finished(self) -> None:
        self.running = False
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.report is not None and not self.running


class ResultPage(QWizardPage):
    """Step 5: the import itself, in one transaction, and its report."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.report: ImportReport | None = None
        self.setTitle(self.tr("Import"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.issues = issues_table(self)
        self.save_rejected = RejectedRowsButton(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.save_rejected, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.issues)

    def initializePage(self) -> None:
        self.report = None
        self.save_rejected.set_file(None)
        self.summary.setText(self.tr("Importing…"))
        work = _ImportCall(self.wizard_, dry_run=False)
        job = self.wizard_.runner.start(
            "import file", work, progress_parent=self, progress_label=self.tr("Importing…")
        )
        job.succeeded.connect(self._on_report)
        job.failed.connect(lambda error: self.summary.setText(str(error)))
        job.cancelled.connect(
            lambda: self.summary.setText(self.tr("Cancelled; nothing was changed."))
        )
        job.finished.connect(self.completeChanged)

    @Slot(object)
    def _on_report(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setText("\n".join(_summary_lines(report, dry_run=False)))
        fill_issues(self.issues, report)
        self.save_rejected.set_file(report.rejections_file)
        with self.wizard_.db.session() as session:
            save_mapping(session, report.spec, self.wizard_.table.header)
        self.wizard_.imported.emit(report)

    def isComplete(self) -> bool:
        return self.report is not None


class _ImportCall:
    """Work function for the job runner: a dry run or the real import."""

    def __init__(self, wizard: ImportWizard, *, dry_run: bool) -> None:
        self.db = wizard.db
        self.path = Path(wizard.table.info.path)
        self.spec = wizard.spec
        self.dry_run = dry_run

    def __call__(self, *, progress: Any, cancel: Any) -> ImportReport:
        return run_import(
            self.db, self.path, self.spec, dry_run=self.dry_run, progress=progress, cancel=cancel
        )


def _summary_lines(report: ImportReport, *, dry_run: bool) -> list[str]:
    lines = [
        QCoreApplication.translate("ImportWizard", "Read as: %1").replace(
            "%1", report.info.describe()
        )
    ]
    template = (
        QCoreApplication.translate(
            "ImportWizard", "%1: %2 to create, %3 to update, %4 unchanged, %5 rejected"
        )
        if dry_run
        else QCoreApplication.translate(
            "ImportWizard", "%1: %2 created, %3 updated, %4 unchanged, %5 rejected"
        )
    )
    for name, counts in report.summary.entities.items():
        values = (counts.created, counts.updated, counts.unchanged, counts.skipped)
        text = template.replace("%1", entity_label(name))
        for number, value in enumerate(values, start=2):
            text = text.replace(f"%{number}", format_number(value))
        lines.append(text)
    lines.append(
        QCoreApplication.translate(
            "ImportWizard", "Blank rows skipped: %1; total and footer rows skipped: %2"
        )
        .replace("%1", format_number(report.blank_rows))
        .replace("%2", format_number(report.summary_rows))
    )
    lines.extend(report.notes)
    return lines


class RejectedRowsButton(QPushButton):
    """Saves the CSV of every rejected row where the user chooses; hidden when none was rejected.

    The table on the page lists at most ``ISSUE_ROWS_SHOWN`` rows. The file
    has them all, with the source's columns and raw cells, its line number
    and the reasons, so the user can fix the cells and import it again.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setText(self.tr("Save every rejected row…"))
        self.clicked.connect(self.save)
        self._file: Path | None = None
        self.hide()

    def set_file(self, path: Path | None) -> None:
        self._file = path
        self.setVisible(path is not None)

    @Slot()
    def save(self) -> None:
        """Ask where to save the rejected rows and copy the file there."""
        if self._file is None:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save rejected rows"),
            str(Path.home() / self._file.name),
            self.tr("CSV files (*.csv)"),
        )
        if not target:
            return
        try:
            shutil.copyfile(self._file, target)
        except OSError as exc:
            log.warning("Could not save rejected rows to %s: %s", target, exc)
            QMessageBox.warning(
                self,
                self.tr("Save rejected rows"),
                self.tr("The rejected rows could not be saved to %1: %2. Choose another folder.")
                .replace("%1", target)
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        log.info("Saved rejected rows to %s", target)


def issues_table(parent: QWidget) -> QTableWidget:
    """Return a read-only table of rejections; the Row column replaces the vertical header."""
    grid = QTableWidget(0, 4, parent)
    grid.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("ImportWizard", "Row"),
            QCoreApplication.translate("ImportWizard", "Column"),
            QCoreApplication.translate("ImportWizard", "Value"),
            QCoreApplication.translate("ImportWizard", "Reason"),
        ]
    )
    grid.horizontalHeader().setStretchLastSection(True)
    grid.verticalHeader().hide()
    grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return grid


def fill_issues(grid: QTableWidget, report: ImportReport) -> None:
    """Show the rejected rows: row number, column, value and reason."""
    issues = report.issues[:ISSUE_ROWS_SHOWN]
    grid.setRowCount(len(issues))
    for row, issue in enumerate(issues):
        for column, value in enumerate((issue.line, issue.column, issue.value, issue.reason)):
            grid.setItem(row, column, QTableWidgetItem(str(value)))
    grid.resizeColumnsToContents()


def _mapped_match_key(spec: ImportSpec) -> str:
    """Return the spec's match key when its field has a column, else one that has, else name."""
    candidates = [spec.match_key, *MATCH_KEYS]
    return next((key for key in candidates if key in spec.columns), "name")


def _keys_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    labels = {
        "external_id": QCoreApplication.translate("ImportWizard", "External id"),
        "name": QCoreApplication.translate("ImportWizard", "Name (normalised)"),
        "domain": QCoreApplication.translate("ImportWizard", "Web domain"),
    }
    for key in MATCH_KEYS:
        combo.addItem(labels[key], key)
    return combo
