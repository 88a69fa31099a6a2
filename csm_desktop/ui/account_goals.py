"""The Success plan tab: goals with target, current value and status, and their check-ins."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import format_date, format_number, format_percent, short_date_pattern
from csm_desktop.services.goals import (
    GoalNotFoundError,
    GoalRow,
    InvalidGoalError,
    add_check_in,
    create_goal,
    delete_goal,
    list_goals,
    update_goal,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.account_labels import fill_combo, goal_status_labels
from csm_desktop.ui.record_editing import DeleteKeyFilter, OptionalDateEdit, confirm_delete
from csm_desktop.ui.record_views import fill_table, read_only_table, select_key, selected_key

log = logging.getLogger(__name__)


def parse_number(text: str, locale: QLocale | None = None) -> float | None:
    """Read a number typed in the locale ("1.234,5" in es_ES). Blank gives None.

    Raises ``ValueError`` for anything else.
    """
    loc = locale if locale is not None else QLocale()
    stripped = text.strip()
    if not stripped:
        return None
    value, ok = loc.toDouble(stripped)
    if not ok:
        raise ValueError(
            QCoreApplication.translate("GoalsTab", "“%1” is not a number; type it as %2.")
            .replace("%1", stripped)
            .replace("%2", format_number(1234.5, loc, decimals=1))
        )
    return value


def number_text(value: float | None, locale: QLocale | None = None) -> str:
    """Write ``value`` for an edit field so that ``parse_number`` reads it back unchanged."""
    if value is None:
        return ""
    loc = locale if locale is not None else QLocale()
    return loc.toString(value, "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)


class GoalsTab(QWidget):
    """Goals of one account (top) and the check-ins of the selected goal (bottom).

    Selecting a goal loads it into the goal form for editing and shows its
    check-ins. "New" clears the form, so the next save creates a goal.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._goals: list[GoalRow] = []
        # The goal loaded in the form, or None while the form creates a new goal.
        self._editing: uuid.UUID | None = None
        self._default_due = QDate.currentDate()

        self.goals_table = read_only_table(
            self,
            [
                self.tr("Due"),
                self.tr("Status"),
                self.tr("Current"),
                self.tr("Target"),
                self.tr("Progress"),
                self.tr("Owner"),
                self.tr("Objective"),
            ],
        )
        self.goals_table.setAccessibleName(self.tr("Goals"))
        self.goals_table.itemSelectionChanged.connect(self._on_goal_selected)
        DeleteKeyFilter(self.goals_table, self._delete_goal)
        self.check_ins_table = read_only_table(
            self, [self.tr("Date"), self.tr("Status"), self.tr("Value"), self.tr("Comment")]
        )
        self.check_ins_table.setAccessibleName(self.tr("Check-ins"))
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #b3261e;")

        split = QSplitter(self)
        split.setOrientation(Qt.Orientation.Vertical)
        split.addWidget(self.goals_table)
        checks = QWidget(split)
        checks_layout = QVBoxLayout(checks)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        checks_layout.addWidget(self.check_ins_table)
        checks_layout.addWidget(self._build_check_in_form())
        split.addWidget(checks)

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_goal_form())
        layout.addWidget(split, stretch=1)
        layout.addWidget(self.message_label)

    def _build_goal_form(self) -> QGroupBox:
        self.goal_box = QGroupBox(self.tr("New goal"), self)
        box = self.goal_box
        self.objective_edit = QLineEdit(box)
        self.objective_edit.setPlaceholderText(self.tr("Objective, e.g. 80 % of seats active"))
        self.objective_edit.setAccessibleName(self.tr("Objective"))
        self.current_edit = QLineEdit(box)
        self.current_edit.setPlaceholderText(self.tr("Current"))
        self.current_edit.setAccessibleName(self.tr("Current value"))
        self.target_edit = QLineEdit(box)
        self.target_edit.setPlaceholderText(self.tr("Target"))
        self.target_edit.setAccessibleName(self.tr("Target value"))
        self.unit_edit = QLineEdit(box)
        self.unit_edit.setPlaceholderText(self.tr("Unit"))
        self.unit_edit.setAccessibleName(self.tr("Unit"))
        self.owner_edit = QLineEdit(box)
        self.owner_edit.setPlaceholderText(self.tr("Owner"))
        self.owner_edit.setAccessibleName(self.tr("Owner"))
        self.goal_due_edit = OptionalDateEdit(self.tr("No due date"), box)
        self.goal_due_edit.setAccessibleName(self.tr("Goal due date"))
        # Creates a goal, or saves the changes to the goal loaded in the form.
        self.add_goal_button = QPushButton(box)
        self.add_goal_button.clicked.connect(self._save_goal)
        self.new_goal_button = QPushButton(self.tr("Ne&w"), box)
        self.new_goal_button.clicked.connect(self._new_goal)
        self.delete_goal_button = QPushButton(self.tr("&Delete…"), box)
        self.delete_goal_button.clicked.connect(self._delete_goal)

        # The tooltip names each field for screen readers' users and in narrow windows.
        named_edits = (
            self.objective_edit,
            self.current_edit,
            self.target_edit,
            self.unit_edit,
            self.owner_edit,
            self.goal_due_edit,
        )
        for edit in named_edits:
            edit.setToolTip(edit.accessibleName())

        # A label above each field, because the placeholders vanish once a goal is loaded.
        fields = QGridLayout()
        labelled = (
            (self.tr("O&bjective"), self.objective_edit, 3),
            (self.tr("C&urrent"), self.current_edit, 1),
            (self.tr("Tar&get"), self.target_edit, 1),
            (self.tr("Unit"), self.unit_edit, 1),
            (self.tr("Owner"), self.owner_edit, 1),
            (self.tr("Du&e"), self.goal_due_edit, 0),
        )
        for column, (text, edit, stretch) in enumerate(labelled):
            label = QLabel(text, box)
            label.setBuddy(edit)
            fields.addWidget(label, 0, column)
            fields.addWidget(edit, 1, column)
            fields.setColumnStretch(column, stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_goal_button)
        buttons.addWidget(self.delete_goal_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_goal_button)
        layout = QVBoxLayout(box)
        layout.addLayout(fields)
        layout.addLayout(buttons)
        return box

    def _build_check_in_form(self) -> QWidget:
        form = QWidget(self)
        self.check_date_edit = QDateEdit(form)
        self.check_date_edit.setCalendarPopup(True)
        self.check_date_edit.setDisplayFormat(short_date_pattern())
        self.check_date_edit.setAccessibleName(self.tr("Check-in date"))
        self.value_edit = QLineEdit(form)
        self.value_edit.setPlaceholderText(self.tr("Value reached"))
        self.value_edit.setAccessibleName(self.tr("Value reached"))
        self.status_combo = QComboBox(form)
        fill_combo(self.status_combo, goal_status_labels())
        self.status_combo.setAccessibleName(self.tr("Goal status"))
        self.comment_edit = QLineEdit(form)
        self.comment_edit.setPlaceholderText(self.tr("Comment"))
        self.comment_edit.setAccessibleName(self.tr("Check-in comment"))
        self.check_in_button = QPushButton(self.tr("&Check in"), form)
        self.check_in_button.clicked.connect(self._check_in)
        row = QHBoxLayout(form)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check_date_edit)
        row.addWidget(self.value_edit)
        row.addWidget(self.status_combo)
        row.addWidget(self.comment_edit, stretch=1)
        row.addWidget(self.check_in_button)
        return form

    def set_account(self, account_id: uuid.UUID, goals: list[GoalRow], today: date) -> None:
        self._account_id = account_id
        self._default_due = QDate(today.year, 12, 31)
        self.check_date_edit.setDate(QDate(today))
        self._editing = None
        self._show(goals)

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._db.session() as session:
            goals = list_goals(session, self._account_id)
        self._show(goals)

    def _show(self, goals: list[GoalRow]) -> None:
        """Fill the goal list, then reload the edited goal into the form, or clear the form.

        Reloading the form after every change keeps its current value in step
        with check-ins, so saving the form never writes back an older value.
        """
        self._goals = goals
        statuses = goal_status_labels()
        with QSignalBlocker(self.goals_table):
            fill_table(
                self.goals_table,
                [
                    [
                        format_date(goal.due_on),
                        statuses.get(goal.status, goal.status),
                        _value_text(goal.current_value, goal.unit),
                        _value_text(goal.target_value, goal.unit),
                        format_percent(goal.progress),
                        goal.owner or "",
                        goal.objective,
                    ]
                    for goal in goals
                ],
                [goal.goal_id for goal in goals],
            )
            edited = self._editing is not None and select_key(self.goals_table, self._editing)
            if not edited:
                self.goals_table.clearSelection()
                self.goals_table.setCurrentCell(-1, -1)
        current = self._current() if edited else None
        if current is not None:
            self._load_goal(current)
        else:
            self._new_goal()

    def select_goal(self, goal_id: uuid.UUID) -> bool:
        """Select ``goal_id`` and load it into the form. Return False when it is not listed."""
        return select_key(self.goals_table, goal_id)

    def _current(self) -> GoalRow | None:
        key = selected_key(self.goals_table)
        return next((goal for goal in self._goals if goal.goal_id == key), None)

    @Slot()
    def _on_goal_selected(self) -> None:
        goal = self._current()
        if goal is not None:
            self.message_label.clear()
            self._load_goal(goal)

    def _load_goal(self, goal: GoalRow) -> None:
        self._editing = goal.goal_id
        locale = self.locale()
        self.objective_edit.setText(goal.objective)
        self.current_edit.setText(number_text(goal.current_value, locale))
        self.target_edit.setText(number_text(goal.target_value, locale))
        self.unit_edit.setText(goal.unit or "")
        self.owner_edit.setText(goal.owner or "")
        self.goal_due_edit.set_optional_date(goal.due_on)
        self._show_form_mode()
        self._show_check_ins()

    @Slot()
    def _new_goal(self) -> None:
        self._editing = None
        with QSignalBlocker(self.goals_table):
            self.goals_table.clearSelection()
            self.goals_table.setCurrentCell(-1, -1)
        form_edits = (
            self.objective_edit,
            self.current_edit,
            self.target_edit,
            self.unit_edit,
            self.owner_edit,
        )
        for edit in form_edits:
            edit.clear()
        self.goal_due_edit.setDate(self._default_due)
        self.message_label.clear()
        self._show_form_mode()
        self._show_check_ins()

    def _show_form_mode(self) -> None:
        editing = self._editing is not None
        self.goal_box.setTitle(self.tr("Edit goal") if editing else self.tr("New goal"))
        self.add_goal_button.setText(self.tr("Sa&ve changes") if editing else self.tr("Add &goal"))
        self.delete_goal_button.setEnabled(editing)

    def _show_check_ins(self) -> None:
        goal = self._current()
        statuses = goal_status_labels()
        rows = [] if goal is None else list(reversed(goal.check_ins))
        fill_table(
            self.check_ins_table,
            [
                [
                    format_date(check.checked_on),
                    statuses.get(check.status, check.status),
                    _value_text(check.value, goal.unit if goal else None),
                    check.comment or "",
                ]
                for check in rows
            ],
        )
        self.check_in_button.setEnabled(goal is not None)
        if goal is not None:
            self.status_combo.setCurrentIndex(self.status_combo.findData(goal.status))

    @Slot()
    def _save_goal(self) -> None:
        """Create a goal from the form, or save the changes to the goal loaded in it."""
        if self._account_id is None:
            return
        try:
            locale = self.locale()
            objective = self.objective_edit.text()
            target_value = parse_number(self.target_edit.text(), locale)
            current_value = parse_number(self.current_edit.text(), locale)
            unit = self.unit_edit.text()
            owner = self.owner_edit.text()
            due_on = self.goal_due_edit.optional_date()
            created = self._editing is None
            if created:
                goal_id = create_goal(
                    self._db,
                    self._account_id,
                    objective,
                    target_value=target_value,
                    current_value=current_value,
                    unit=unit,
                    owner=owner,
                    due_on=due_on,
                )
            else:
                update_goal(
                    self._db,
                    self._editing,
                    objective,
                    target_value=target_value,
                    current_value=current_value,
                    unit=unit,
                    owner=owner,
                    due_on=due_on,
                )
        except SQLAlchemyError as exc:
            log.exception("Saving goal %s of account %s failed", self._editing, self._account_id)
            self.message_label.setText(str(exc))
            return
        except (ValueError, GoalNotFoundError) as exc:
            self.message_label.setText(str(exc))
            return
        self.reload()
        if created:
            # The new goal stays selected for its check-ins, and the message explains New.
            self.select_goal(goal_id)
            self.message_label.setText(
                self.tr("Goal added. Check in on it below, or press New for another goal.")
            )
        else:
            self.message_label.clear()

    @Slot()
    def _delete_goal(self) -> None:
        """Ask, then delete the goal loaded in the form with its check-ins."""
        goal = self._current()
        if goal is None:
            self.message_label.setText(self.tr("Select a goal to delete first."))
            return
        question = self.tr("Delete the goal “%1” and its check-ins?").replace("%1", goal.objective)
        if not confirm_delete(self, self.tr("Delete goal"), question):
            return
        try:
            delete_goal(self._db, goal.goal_id)
        except (GoalNotFoundError, SQLAlchemyError) as exc:
            log.warning("Deleting goal %s failed: %s", goal.goal_id, exc)
            self.message_label.setText(str(exc))
            return
        self._editing = None
        self.reload()

    @Slot()
    def _check_in(self) -> None:
        goal = self._current()
        if goal is None:
            return
        try:
            add_check_in(
                self._db,
                goal.goal_id,
                self.check_date_edit.date().toPython(),
                self.status_combo.currentData(),
                value=parse_number(self.value_edit.text(), self.locale()),
                comment=self.comment_edit.text(),
            )
        except (ValueError, InvalidGoalError, GoalNotFoundError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self.value_edit.clear()
        self.comment_edit.clear()
        self.message_label.clear()
        self.reload()


def _value_text(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    decimals = 0 if float(value).is_integer() else 2
    text = format_number(value, decimals=decimals)
    return f"{text} {unit}" if unit else text
