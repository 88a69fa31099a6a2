"""The Tasks tab: the account's tasks, a form for new ones, snooze, complete and playbooks."""

from __future__ import annotations

import logging
import uuid
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import format_date, format_number, short_date_pattern
from csm_desktop.services.playbooks import PlaybookError, apply_playbook, list_playbooks
from csm_desktop.services.settings import reference_date
from csm_desktop.services.tasks import (
    InvalidTaskError,
    TaskNotFoundError,
    TaskRow,
    create_task,
    list_tasks,
    set_task_done,
    snooze_task,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.account_labels import fill_combo, priority_labels, task_type_labels
from csm_desktop.ui.record_views import fill_table, read_only_table, selected_key

log = logging.getLogger(__name__)

OVERDUE_COLOUR = QColor("#b3261e")
MUTED_COLOUR = QColor("#80868b")


class SnoozeDialog(QDialog):
    """Asks for the day a task wakes up and the reason it may wait."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze task"))
        self.until_edit = QDateEdit(self)
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat(short_date_pattern())
        self.until_edit.setMinimumDate(QDate(today + timedelta(days=1)))
        self.until_edit.setDate(QDate(today + timedelta(days=7)))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why the task can wait"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Snooze &until"), self.until_edit)
        form.addRow(self.tr("&Reason"), self.reason_edit)
        form.addRow(buttons)

    def values(self) -> tuple[date, str]:
        return self.until_edit.date().toPython(), self.reason_edit.text()


class TasksTab(QWidget):
    """Tasks of one account. ``changed`` fires after any write, so other views can refresh."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._today = date.today()
        self._rows: list[TaskRow] = []

        self.table = read_only_table(
            self,
            [
                self.tr("Due"),
                self.tr("Priority"),
                self.tr("Type"),
                self.tr("Status"),
                self.tr("Task"),
            ],
        )
        self.table.setAccessibleName(self.tr("Tasks"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.complete_button = QPushButton(self.tr("&Complete"), self)
        self.complete_button.clicked.connect(self._toggle_done)
        self.snooze_button = QPushButton(self.tr("&Snooze…"), self)
        self.snooze_button.clicked.connect(self._snooze)
        self.playbook_combo = QComboBox(self)
        self.playbook_combo.setAccessibleName(self.tr("Playbook"))
        self.apply_button = QPushButton(self.tr("Apply &playbook"), self)
        self.apply_button.clicked.connect(self._apply_playbook)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        layout.addWidget(self.table, stretch=1)
        actions = QHBoxLayout()
        actions.addWidget(self.complete_button)
        actions.addWidget(self.snooze_button)
        actions.addStretch(1)
        actions.addWidget(self.playbook_combo)
        actions.addWidget(self.apply_button)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        self._update_buttons()

    def _build_form(self) -> QHBoxLayout:
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("New task"))
        self.title_edit.setAccessibleName(self.tr("New task title"))
        self.title_edit.returnPressed.connect(self._add_task)
        self.kind_combo = QComboBox(self)
        fill_combo(self.kind_combo, task_type_labels())
        self.kind_combo.setAccessibleName(self.tr("Task type"))
        self.priority_combo = QComboBox(self)
        fill_combo(self.priority_combo, priority_labels())
        self.priority_combo.setCurrentIndex(self.priority_combo.findData("normal"))
        self.priority_combo.setAccessibleName(self.tr("Priority"))
        self.due_edit = QDateEdit(self)
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(short_date_pattern())
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.add_button = QPushButton(self.tr("&Add task"), self)
        self.add_button.clicked.connect(self._add_task)

        row = QHBoxLayout()
        row.addWidget(self.title_edit, stretch=1)
        row.addWidget(self.kind_combo)
        row.addWidget(self.priority_combo)
        row.addWidget(self.due_edit)
        row.addWidget(self.add_button)
        return row

    def set_account(self, account_id: uuid.UUID, rows: list[TaskRow], today: date) -> None:
        """Show ``rows`` (already loaded off the UI thread) for ``account_id``."""
        self._account_id = account_id
        self._today = today
        self.due_edit.setDate(QDate(today + timedelta(days=7)))
        self.message_label.clear()
        self._show(rows)
        with self._db.session() as session:
            playbooks = list_playbooks(session)
        self.playbook_combo.clear()
        for playbook in playbooks:
            self.playbook_combo.addItem(playbook.name, playbook.key)
            self.playbook_combo.setItemData(
                self.playbook_combo.count() - 1, playbook.description, Qt.ItemDataRole.ToolTipRole
            )

    def reload(self) -> None:
        """Re-read the tasks (one small query) after a write."""
        if self._account_id is None:
            return
        with self._db.session() as session:
            self._today = reference_date(session)
            rows = list_tasks(session, self._account_id)
        self._show(rows)

    def _show(self, rows: list[TaskRow]) -> None:
        self._rows = rows
        types, priorities = task_type_labels(), priority_labels()
        fill_table(
            self.table,
            [
                [
                    format_date(row.due_on),
                    priorities.get(row.priority, row.priority),
                    types.get(row.kind, row.kind),
                    self._status_text(row),
                    row.title,
                ]
                for row in rows
            ],
            [row.task_id for row in rows],
        )
        for number, row in enumerate(rows):
            colour = OVERDUE_COLOUR if row.overdue else None
            if row.snoozed or row.status == "done":
                colour = MUTED_COLOUR
            if colour is not None:
                for column in range(self.table.columnCount()):
                    self.table.item(number, column).setForeground(QBrush(colour))
            tip = "\n".join(text for text in (row.reason, row.snooze_reason) if text)
            self.table.item(number, 4).setToolTip(tip)
        self._update_buttons()

    def _status_text(self, row: TaskRow) -> str:
        if row.status == "done":
            return self.tr("Done")
        if row.snoozed:
            return self.tr("Snoozed until %1").replace("%1", format_date(row.snoozed_until))
        if row.overdue:
            return self.tr("Overdue")
        return self.tr("Open")

    def _current(self) -> TaskRow | None:
        key = selected_key(self.table)
        return next((row for row in self._rows if row.task_id == key), None)

    @Slot()
    def _update_buttons(self) -> None:
        row = self._current()
        self.complete_button.setEnabled(row is not None)
        self.snooze_button.setEnabled(row is not None and row.status != "done")
        done = row is not None and row.status == "done"
        self.complete_button.setText(self.tr("&Reopen") if done else self.tr("&Complete"))

    # Actions

    @Slot()
    def _add_task(self) -> None:
        if self._account_id is None:
            return
        try:
            create_task(
                self._db,
                self._account_id,
                self.title_edit.text(),
                kind=self.kind_combo.currentData(),
                priority=self.priority_combo.currentData(),
                due_on=self.due_edit.date().toPython(),
            )
        except (InvalidTaskError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self.title_edit.clear()
        self.message_label.clear()
        self._after_write()

    @Slot()
    def _toggle_done(self) -> None:
        row = self._current()
        if row is None:
            return
        try:
            set_task_done(self._db, row.task_id, row.status != "done")
        except (TaskNotFoundError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self._after_write()

    @Slot()
    def _snooze(self) -> None:
        row = self._current()
        if row is None:
            return
        dialog = SnoozeDialog(self._today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        until, reason = dialog.values()
        try:
            snooze_task(self._db, row.task_id, until, reason)
        except (InvalidTaskError, TaskNotFoundError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self._after_write()

    @Slot()
    def _apply_playbook(self) -> None:
        key = self.playbook_combo.currentData()
        if self._account_id is None or key is None:
            return
        try:
            created = apply_playbook(self._db, self._account_id, key)
        except (PlaybookError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self.message_label.setText(
            self.tr("%1 tasks created from the playbook “%2”.")
            .replace("%1", format_number(len(created)))
            .replace("%2", self.playbook_combo.currentText())
        )
        self._after_write()

    def _after_write(self) -> None:
        self.reload()
        self.changed.emit()
