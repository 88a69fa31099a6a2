"""The dialog in which a CSM sets a health override: score or colour, reason, expiry, name."""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.formatting import short_date_pattern
from csm_desktop.ui.health_style import colour_label

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OverrideRequest:
    """The override the CSM entered, in which exactly one of ``score`` and ``colour`` is set."""

    score: float | None
    colour: str | None
    reason: str
    author: str
    expires_on: date | None


class OverrideDialog(QDialog):
    """Asks for the override. OK stays disabled until a reason and a name are given."""

    def __init__(self, starts_on: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Override health"))
        self._starts_on = starts_on

        self.score_choice = QRadioButton(self.tr("Score"), self)
        self.colour_choice = QRadioButton(self.tr("Colour"), self)
        self.colour_choice.setChecked(True)
        self.score_box = QDoubleSpinBox(self)
        self.score_box.setRange(0.0, 100.0)
        self.score_box.setDecimals(0)
        self.score_box.setValue(50.0)
        self.colour_box = QComboBox(self)
        for colour in ("red", "yellow", "green"):
            self.colour_box.addItem(colour_label(colour), colour)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why is the computed score wrong? (required)"))
        self.expires_check = QCheckBox(self.tr("Expires after"), self)
        self.expires_edit = QDateEdit(self)
        self.expires_edit.setDisplayFormat(short_date_pattern())
        self.expires_edit.setCalendarPopup(True)
        self.expires_edit.setMinimumDate(QDate(starts_on.year, starts_on.month, starts_on.day))
        self.expires_edit.setDate(QDate(starts_on.year, starts_on.month, starts_on.day).addDays(30))
        self.expires_edit.setEnabled(False)
        self.author_edit = QLineEdit(getpass.getuser(), self)
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color: #b3261e;")

        form = QFormLayout()
        form.addRow(self.score_choice, self.score_box)
        form.addRow(self.colour_choice, self.colour_box)
        form.addRow(self.tr("Reason"), self.reason_edit)
        form.addRow(self.expires_check, self.expires_edit)
        form.addRow(self.tr("Set by"), self.author_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        for signal in (self.reason_edit.textChanged, self.author_edit.textChanged):
            signal.connect(self._check)
        self.expires_check.toggled.connect(self.expires_edit.setEnabled)
        self.score_choice.toggled.connect(self._check)
        self._check()

    @Slot()
    def _check(self) -> None:
        """Enable OK only for a complete request, and show what is missing."""
        self.score_box.setEnabled(self.score_choice.isChecked())
        self.colour_box.setEnabled(self.colour_choice.isChecked())
        problem = ""
        if not self.reason_edit.toPlainText().strip():
            problem = self.tr("Write a reason: it is shown with the override.")
        elif not self.author_edit.text().strip():
            problem = self.tr("Enter the name of the person setting the override.")
        self.problem_label.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def request(self) -> OverrideRequest:
        """Return what was entered (call after the dialog was accepted)."""
        expires = None
        if self.expires_check.isChecked():
            picked = self.expires_edit.date()
            expires = date(picked.year(), picked.month(), picked.day())
        use_score = self.score_choice.isChecked()
        return OverrideRequest(
            score=self.score_box.value() if use_score else None,
            colour=None if use_score else str(self.colour_box.currentData()),
            reason=self.reason_edit.toPlainText().strip(),
            author=self.author_edit.text().strip(),
            expires_on=expires,
        )
