"""The note editor: writes a call note, meeting note or other activity at once."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import short_date_pattern
from csm_desktop.services.accounts import AccountNotFoundError, InvalidNoteError, add_note
from csm_desktop.store.database import Database
from csm_desktop.store.models import ActivityType

log = logging.getLogger(__name__)


def note_kind_label(kind: str) -> str:
    """Return the translated name of an activity type."""
    labels = {
        ActivityType.CALL: QCoreApplication.translate("NoteKind", "Call"),
        ActivityType.MEETING: QCoreApplication.translate("NoteKind", "Meeting"),
        ActivityType.EMAIL: QCoreApplication.translate("NoteKind", "Email"),
        ActivityType.NOTE: QCoreApplication.translate("NoteKind", "Note"),
        ActivityType.QBR: QCoreApplication.translate("NoteKind", "QBR"),
        ActivityType.MILESTONE: QCoreApplication.translate("NoteKind", "Milestone"),
        ActivityType.INTERNAL_NOTE: QCoreApplication.translate("NoteKind", "Internal note"),
    }
    return labels.get(kind, kind)


class NoteEditor(QWidget):
    """Form for one new note. ``note_saved`` carries the stored note's id."""

    note_saved = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._default_day = date.today()

        self.kind_combo = QComboBox(self)
        for kind in ActivityType:
            self.kind_combo.addItem(note_kind_label(kind), kind.value)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(short_date_pattern())
        self.title_edit = QLineEdit(self)
        self.attendees_edit = QLineEdit(self)
        self.attendees_edit.setPlaceholderText(self.tr("Names, separated by commas"))
        self.body_edit = QPlainTextEdit(self)
        self.next_steps_edit = QPlainTextEdit(self)
        self.next_steps_edit.setMaximumHeight(80)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save note"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(self.tr("Type"), self.kind_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Attendees"), self.attendees_edit)
        form.addRow(self.tr("Notes"), self.body_edit)
        form.addRow(self.tr("Next steps"), self.next_steps_edit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, stretch=1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def set_account(self, account_id: uuid.UUID, default_day: date) -> None:
        """Point the editor at an account and clear it, dated ``default_day``."""
        self._account_id = account_id
        self._default_day = default_day
        self.clear()

    def clear(self) -> None:
        self.kind_combo.setCurrentIndex(0)
        self.date_edit.setDate(QDate(self._default_day))
        self.title_edit.clear()
        self.attendees_edit.clear()
        self.body_edit.clear()
        self.next_steps_edit.clear()
        self.error_label.clear()

    @Slot()
    def save(self) -> None:
        """Store the note now. Show what to fix instead when it is invalid."""
        if self._account_id is None:
            return
        try:
            note_id = add_note(
                self._db,
                self._account_id,
                kind=self.kind_combo.currentData(),
                occurred_on=self.date_edit.date().toPython(),
                title=self.title_edit.text(),
                body=self.body_edit.toPlainText(),
                attendees=self.attendees_edit.text(),
                next_steps=self.next_steps_edit.toPlainText(),
            )
        except (InvalidNoteError, AccountNotFoundError) as exc:
            self.error_label.setText(str(exc))
            return
        except SQLAlchemyError as exc:
            log.exception("Saving a note for account %s failed", self._account_id)
            self.error_label.setText(
                self.tr("The note could not be saved: %1").replace("%1", str(exc.orig or exc))
            )
            return

        self.clear()
        self.note_saved.emit(note_id)
