"""Pieces shared by the account tabs that edit and delete records in a list.

The Success plan, Renewal and expansion and Advocacy tabs follow one pattern:
selecting a row loads the record into the form, the Delete key or a button
requests confirmation before deleting, and a missing date shows as a special value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDateEdit, QMessageBox, QWidget

from csm_desktop.formatting import short_date_pattern

# An OptionalDateEdit reads its minimum date as "no date".
NO_DATE = QDate(2000, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date edit with a calendar popup whose minimum date shows ``empty_text`` and reads None."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(short_date_pattern())
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(empty_text)

    def set_optional_date(self, day: date | None) -> None:
        """Show ``day``, or ``empty_text`` for None."""
        self.setDate(QDate(day) if day is not None else self.minimumDate())

    def optional_date(self) -> date | None:
        """Return the chosen date, or None while ``empty_text`` shows."""
        value = self.date()
        return None if value == self.minimumDate() else value.toPython()


class DeleteKeyFilter(QObject):
    """Event filter that calls ``on_delete`` when the watched widget gets a delete key press.

    It reacts to the platform's Delete shortcut and to Backspace, which is the
    key labelled "delete" on Mac keyboards. The press is consumed either way.
    """

    def __init__(self, widget: QWidget, on_delete: Callable[[], None]) -> None:
        super().__init__(widget)
        self._on_delete = on_delete
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        is_delete = event.matches(QKeySequence.StandardKey.Delete)
        is_backspace = (
            event.key() == Qt.Key.Key_Backspace
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        )
        if not (is_delete or is_backspace):
            return False
        self._on_delete()
        return True


def confirm_delete(parent: QWidget, title: str, question: str) -> bool:
    """Ask ``question`` with Delete and Cancel buttons, Cancel the default; True means Delete."""
    return ask_delete(parent, title, question) == QMessageBox.StandardButton.Yes


def ask_delete(parent: QWidget, title: str, question: str) -> QMessageBox.StandardButton:
    """Show the delete question and return Yes for Delete, No for Cancel (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    # A verb on the button names the action, which a Yes does not.
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("RecordEditing", "&Delete")
    )
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("RecordEditing", "Cancel")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return QMessageBox.StandardButton(box.exec())
