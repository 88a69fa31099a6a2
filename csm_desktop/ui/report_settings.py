"""The Reports settings page: branding, file-name pattern and paper size of exported PDFs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from csm_desktop.quarters import Quarter
from csm_desktop.services.report_settings import (
    ReportSettings,
    load_report_settings,
    render_file_name,
    save_report_settings,
    validate,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)


class ReportSettingsPage(QWidget):
    """Company name, CSM name, logo, brand colours, file-name pattern and paper size."""

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.company_edit = QLineEdit(self)
        self.csm_edit = QLineEdit(self)
        self.csm_edit.setPlaceholderText(self.tr("The account owner"))
        self.logo_edit = QLineEdit(self)
        logo_button = QPushButton(self.tr("Choose…"), self)
        logo_button.clicked.connect(self._choose_logo)
        self.primary_edit = QLineEdit(self)
        self.accent_edit = QLineEdit(self)
        self.pattern_edit = QLineEdit(self)
        self.pattern_edit.textChanged.connect(self._show_example)
        self.example_label = QLabel(self)
        self.page_combo = QComboBox(self)
        self.page_combo.addItem(self.tr("By locale (Letter in the US and Canada, else A4)"), "auto")
        self.page_combo.addItem("A4", "A4")
        self.page_combo.addItem(self.tr("US Letter"), "Letter")

        form = QFormLayout(self)
        form.addRow(self.tr("Company name"), self.company_edit)
        form.addRow(self.tr("CSM name"), self.csm_edit)
        form.addRow(self.tr("Logo (PNG or JPEG)"), self._row(self.logo_edit, logo_button))
        form.addRow(self.tr("Primary colour"), self._colour_row(self.primary_edit))
        form.addRow(self.tr("Accent colour"), self._colour_row(self.accent_edit))
        form.addRow(self.tr("File name pattern"), self.pattern_edit)
        form.addRow("", self.example_label)
        hint = QLabel(
            self.tr("Fields: {account}, {quarter}, {version} (customer or internal), {date}."), self
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(self.tr("Paper size"), self.page_combo)
        self.reset()

    def _row(self, edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, stretch=1)
        row.addWidget(button)
        return row

    def _colour_row(self, edit: QLineEdit) -> QHBoxLayout:
        button = QPushButton(self.tr("Pick…"), self)
        button.clicked.connect(lambda: self._pick_colour(edit))
        return self._row(edit, button)

    def _pick_colour(self, edit: QLineEdit) -> None:
        colour = QColorDialog.getColor(QColor(edit.text()), self, self.tr("Choose a colour"))
        if colour.isValid():
            edit.setText(colour.name())

    @Slot()
    def _choose_logo(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a logo"),
            self.logo_edit.text(),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if chosen:
            self.logo_edit.setText(chosen)

    @Slot(str)
    def _show_example(self, pattern: str) -> None:
        try:
            example = render_file_name(pattern, "Acme Robotics", Quarter(2024, 4), "customer")
        except ValueError as exc:
            self.example_label.setText(str(exc))
            return
        self.example_label.setText(self.tr("Example: %1").replace("%1", example))

    def settings(self) -> ReportSettings:
        """Return the values in the controls."""
        return ReportSettings(
            company_name=self.company_edit.text().strip(),
            csm_name=self.csm_edit.text().strip(),
            logo_path=self.logo_edit.text().strip(),
            primary_colour=self.primary_edit.text().strip(),
            accent_colour=self.accent_edit.text().strip(),
            file_name_pattern=self.pattern_edit.text().strip(),
            page_size=str(self.page_combo.currentData()),
        )

    def reset(self) -> None:
        with self._db.session() as session:
            stored = load_report_settings(session)
        self.company_edit.setText(stored.company_name)
        self.csm_edit.setText(stored.csm_name)
        self.logo_edit.setText(stored.logo_path)
        self.primary_edit.setText(stored.primary_colour)
        self.accent_edit.setText(stored.accent_colour)
        self.pattern_edit.setText(stored.file_name_pattern)
        self.page_combo.setCurrentIndex(max(self.page_combo.findData(stored.page_size), 0))

    def apply(self) -> None:
        """Store the values; raise ``SettingsError`` listing the invalid ones."""
        from csm_desktop.ui.settings_dialog import SettingsError

        values = self.settings()
        problems = validate(values)
        if problems:
            raise SettingsError("\n".join(problems))
        with self._db.session() as session:
            save_report_settings(session, values)
        log.info("Stored report settings (logo %s)", Path(values.logo_path).name or "none")


def report_settings_page(db: Database, runner: JobRunner) -> QWidget:
    """Build the page for ``settings_dialog.SETTINGS_PAGES``."""
    return ReportSettingsPage(db, runner)
