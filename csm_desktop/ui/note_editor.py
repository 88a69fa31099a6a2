"""The call-note editor: a template (attendees, summary, notes, decisions, next steps)
whose text is never lost.

Typed text is saved as a draft at most ``AUTOSAVE_MS`` after the first
unsaved change, whenever focus leaves the editor, when the editor is hidden
(window closed, page switched) and before it switches to another account.
Each save is one short transaction. Opening an account with a draft loads
it again and says so, with a button to discard it.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, timedelta
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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

from csm_desktop.formatting import format_date, short_date_pattern
from csm_desktop.services.accounts import AccountNotFoundError, InvalidNoteError
from csm_desktop.services.notes import (
    DraftRow,
    NoteFields,
    discard_draft,
    list_drafts,
    publish_note,
    save_draft,
)
from csm_desktop.store.database import Database
from csm_desktop.store.models import ActivityType

log = logging.getLogger(__name__)

AUTOSAVE_MS = 3_000
# Tasks made from next steps are due this many days after the note's date.
NEXT_STEP_DUE_DAYS = 7


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
    """Form for one note of one account, autosaved as a draft.

    ``note_saved`` carries the published note's id, ``tasks_created`` the
    number of tasks made from its next steps, ``draft_saved`` the draft id.
    """

    note_saved = Signal(object)
    tasks_created = Signal(int)
    draft_saved = Signal(object)

    # Drafts open in some editor, so two editors never write the same draft.
    _open_drafts: ClassVar[set[uuid.UUID]] = set()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._draft_id: uuid.UUID | None = None
        self._default_day = date.today()
        self._dirty = False
        self._filling = False

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush_draft)

        self._build_fields()
        self._build_layout()
        self._connect_changes()
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+Shift+Return"), self, activated=self.save_with_tasks)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _build_fields(self) -> None:
        self.kind_combo = QComboBox(self)
        for kind in ActivityType:
            self.kind_combo.addItem(note_kind_label(kind), kind.value)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(short_date_pattern())
        self.title_edit = QLineEdit(self)
        self.attendees_edit = QLineEdit(self)
        self.attendees_edit.setPlaceholderText(self.tr("Names, separated by commas"))
        self.summary_edit = self._text_box(self.tr("Two or three sentences for the timeline"), 60)
        self.body_edit = self._text_box(self.tr("What was said"), None)
        self.decisions_edit = self._text_box(self.tr("One decision per line"), 60)
        self.next_steps_edit = self._text_box(
            self.tr("One step per line; each can become a task"), 80
        )
        self.recovered_label = QLabel(self)
        self.recovered_label.setWordWrap(True)
        self.recovered_label.setStyleSheet(
            "QLabel { background: #fff4ce; color: #1d1f22; padding: 4px; }"
        )
        self.discard_button = QPushButton(self.tr("Discard draft"), self)
        self.discard_button.clicked.connect(self.discard)
        self.draft_status = QLabel(self)
        self.draft_status.setStyleSheet("color: #5f6368;")
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save note"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save the note (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.save_tasks_button = QPushButton(self.tr("Save and create tasks"), self)
        self.save_tasks_button.setToolTip(
            self.tr("Save the note and make one task per next step (Ctrl+Shift+Enter)")
        )
        self.save_tasks_button.clicked.connect(self.save_with_tasks)
        for widget, name in (
            (self.kind_combo, self.tr("Note type")),
            (self.date_edit, self.tr("Note date")),
            (self.title_edit, self.tr("Note title")),
            (self.attendees_edit, self.tr("Attendees")),
            (self.summary_edit, self.tr("Summary")),
            (self.body_edit, self.tr("Notes")),
            (self.decisions_edit, self.tr("Decisions")),
            (self.next_steps_edit, self.tr("Next steps")),
        ):
            widget.setAccessibleName(name)

    def _text_box(self, placeholder: str, max_height: int | None) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        if max_height is not None:
            box.setMaximumHeight(max_height)
        return box

    def _build_layout(self) -> None:
        banner = QHBoxLayout()
        banner.addWidget(self.recovered_label, stretch=1)
        banner.addWidget(self.discard_button)
        self._show_recovered(None)

        form = QFormLayout()
        form.addRow(self.tr("&Type"), self.kind_combo)
        form.addRow(self.tr("&Date"), self.date_edit)
        form.addRow(self.tr("T&itle"), self.title_edit)
        form.addRow(self.tr("&Attendees"), self.attendees_edit)
        form.addRow(self.tr("&Summary"), self.summary_edit)
        form.addRow(self.tr("&Notes"), self.body_edit)
        form.addRow(self.tr("D&ecisions"), self.decisions_edit)
        form.addRow(self.tr("Ne&xt steps"), self.next_steps_edit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, stretch=1)
        buttons.addWidget(self.draft_status)
        buttons.addWidget(self.save_tasks_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _connect_changes(self) -> None:
        self.kind_combo.currentIndexChanged.connect(self._on_changed)
        self.date_edit.dateChanged.connect(self._on_changed)
        for line in (self.title_edit, self.attendees_edit):
            line.textEdited.connect(self._on_changed)
        for box in self._text_boxes():
            box.textChanged.connect(self._on_changed)

    def _text_boxes(self) -> tuple[QPlainTextEdit, ...]:
        return (self.summary_edit, self.body_edit, self.decisions_edit, self.next_steps_edit)

    # State

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    @property
    def draft_id(self) -> uuid.UUID | None:
        return self._draft_id

    def fields(self) -> NoteFields:
        """Return the form's current contents."""
        return NoteFields(
            kind=self.kind_combo.currentData(),
            occurred_on=self.date_edit.date().toPython(),
            title=self.title_edit.text(),
            attendees=self.attendees_edit.text(),
            summary=self.summary_edit.toPlainText(),
            body=self.body_edit.toPlainText(),
            decisions=self.decisions_edit.toPlainText(),
            next_steps=self.next_steps_edit.toPlainText(),
        )

    def set_account(self, account_id: uuid.UUID, default_day: date) -> None:
        """Save any draft of the previous account, then open ``account_id``.

        The account's newest draft that no other editor has open is loaded and
        marked as recovered; otherwise the form is empty, dated ``default_day``.
        """
        self.flush_draft()
        self._release_draft()
        self._account_id = account_id
        self._default_day = default_day
        self.clear()

        with self._db.session() as session:
            drafts = list_drafts(session, account_id)
        free = [row for row in drafts if row.draft_id not in NoteEditor._open_drafts]
        if free:
            self.load_draft(free[0])

    def load_draft(self, draft: DraftRow) -> None:
        """Fill the form from a stored draft and keep writing to it."""
        self._release_draft()
        self._account_id = draft.account_id
        self._fill(draft.fields)
        self._draft_id = draft.draft_id
        NoteEditor._open_drafts.add(draft.draft_id)
        self._show_recovered(draft)
        log.info("Recovered draft %s of account %s", draft.draft_id, draft.account_id)

    def clear(self) -> None:
        """Empty the form. The draft, if any, is kept in the database."""
        self._fill(NoteFields(occurred_on=self._default_day))
        self._show_recovered(None)
        self.error_label.clear()
        self.draft_status.clear()

    def _fill(self, note: NoteFields) -> None:
        self._filling = True
        try:
            index = self.kind_combo.findData(note.kind)
            self.kind_combo.setCurrentIndex(max(index, 0))
            self.date_edit.setDate(QDate(note.occurred_on or self._default_day))
            self.title_edit.setText(note.title)
            self.attendees_edit.setText(note.attendees)
            self.summary_edit.setPlainText(note.summary)
            self.body_edit.setPlainText(note.body)
            self.decisions_edit.setPlainText(note.decisions)
            self.next_steps_edit.setPlainText(note.next_steps)
        finally:
            self._filling = False
        self._dirty = False
        self._autosave.stop()

    def _show_recovered(self, draft: DraftRow | None) -> None:
        if draft is None:
            self.recovered_label.hide()
            self.discard_button.hide()
            return
        saved = draft.saved_at.astimezone()
        text = (
            self.tr("Recovered an unsaved draft from %1 %2. Finish it, or discard it.")
            .replace("%1", format_date(saved.date()))
            .replace("%2", QLocale().toString(saved.time(), QLocale.FormatType.ShortFormat))
        )
        self.recovered_label.setText(text)
        self.recovered_label.show()
        self.discard_button.show()

    def _release_draft(self) -> None:
        if self._draft_id is not None:
            NoteEditor._open_drafts.discard(self._draft_id)
        self._draft_id = None

    # Autosave

    @Slot()
    def _on_changed(self) -> None:
        if self._filling or self._account_id is None:
            return
        self._dirty = True
        if not self._autosave.isActive():
            self._autosave.start()

    @Slot()
    def flush_draft(self) -> None:
        """Write unsaved changes to the draft now, in their own transaction."""
        self._autosave.stop()
        if not self._dirty or self._account_id is None:
            return
        try:
            draft_id = save_draft(self._db, self._account_id, self._draft_id, self.fields())
        except (SQLAlchemyError, AccountNotFoundError) as exc:
            log.exception("Saving the draft of account %s failed", self._account_id)
            self.draft_status.setText(self.tr("Draft not saved: %1").replace("%1", str(exc)))
            # Try again after the next interval; the text stays in the form.
            self._autosave.start()
            return

        self._dirty = False
        if draft_id != self._draft_id:
            self._release_draft()
            self._draft_id = draft_id
            if draft_id is not None:
                NoteEditor._open_drafts.add(draft_id)
        if draft_id is not None:
            self.draft_status.setText(self.tr("Draft saved"))
            self.draft_status.setAccessibleDescription(self.draft_status.text())
            self.draft_saved.emit(draft_id)

    @Slot(object, object)
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if old is not None and self.isAncestorOf(old) and not (new and self.isAncestorOf(new)):
            self.flush_draft()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush_draft()
        super().hideEvent(event)

    # Publishing

    @Slot()
    def save(self) -> None:
        """Publish the note. Show what to fix instead when it is invalid."""
        self._publish(create_tasks=False)

    @Slot()
    def save_with_tasks(self) -> None:
        """Publish the note and turn each next-steps line into a task linked to it."""
        self._publish(create_tasks=True)

    def _publish(self, *, create_tasks: bool) -> None:
        if self._account_id is None:
            return
        note = self.fields()
        due = (note.occurred_on or self._default_day) + timedelta(days=NEXT_STEP_DUE_DAYS)
        try:
            note_id, task_ids = publish_note(
                self._db,
                self._account_id,
                self._draft_id,
                note,
                create_tasks=create_tasks,
                tasks_due_on=due,
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

        self._release_draft()
        self.clear()
        self.note_saved.emit(note_id)
        if create_tasks:
            self.tasks_created.emit(len(task_ids))

    @Slot()
    def discard(self) -> None:
        """Drop the draft and empty the form."""
        if self._draft_id is not None:
            try:
                discard_draft(self._db, self._draft_id)
            except SQLAlchemyError:
                log.exception("Discarding draft %s failed", self._draft_id)
        self._release_draft()
        self.clear()
