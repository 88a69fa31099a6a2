"""The Success plan tab: goals with target, current value and status, and their check-ins."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
    list_goals,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.account_labels import fill_combo, goal_status_labels
from csm_desktop.ui.record_views import fill_table, read_only_table, selected_key

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
        raise ValueError(f"{text!r} is not a number in {loc.name()} format")
    return value


class GoalsTab(QWidget):
    """Goals of one account (top) and the check-ins of the selected goal (bottom)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._goals: list[GoalRow] = []

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
        self.goals_table.itemSelectionChanged.connect(self._show_check_ins)
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
        box = QGroupBox(self.tr("New goal"), self)
        self.objective_edit = QLineEdit(box)
        self.objective_edit.setPlaceholderText(self.tr("Objective, e.g. 80 % of seats active"))
        self.objective_edit.setAccessibleName(self.tr("Objective"))
        self.target_edit = QLineEdit(box)
        self.target_edit.setPlaceholderText(self.tr("Target"))
        self.target_edit.setAccessibleName(self.tr("Target value"))
        self.unit_edit = QLineEdit(box)
        self.unit_edit.setPlaceholderText(self.tr("Unit"))
        self.unit_edit.setAccessibleName(self.tr("Unit"))
        self.owner_edit = QLineEdit(box)
        self.owner_edit.setPlaceholderText(self.tr("Owner"))
        self.owner_edit.setAccessibleName(self.tr("Owner"))
        self.goal_due_edit = QDateEdit(box)
        self.goal_due_edit.setCalendarPopup(True)
        self.goal_due_edit.setDisplayFormat(short_date_pattern())
        self.goal_due_edit.setAccessibleName(self.tr("Goal due date"))
        self.add_goal_button = QPushButton(self.tr("Add &goal"), box)
        self.add_goal_button.clicked.connect(self._add_goal)
        row = QHBoxLayout(box)
        row.addWidget(self.objective_edit, stretch=3)
        row.addWidget(self.target_edit, stretch=1)
        row.addWidget(self.unit_edit, stretch=1)
        row.addWidget(self.owner_edit, stretch=1)
        row.addWidget(self.goal_due_edit)
        row.addWidget(self.add_goal_button)
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
        self.goal_due_edit.setDate(QDate(today.year, 12, 31))
        self.check_date_edit.setDate(QDate(today))
        self.message_label.clear()
        self._show(goals)

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._db.session() as session:
            goals = list_goals(session, self._account_id)
        self._show(goals)

    def _show(self, goals: list[GoalRow]) -> None:
        selected = selected_key(self.goals_table)
        self._goals = goals
        statuses = goal_status_labels()
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
        keys = [goal.goal_id for goal in goals]
        self.goals_table.selectRow(keys.index(selected) if selected in keys else 0)
        self._show_check_ins()

    def _current(self) -> GoalRow | None:
        key = selected_key(self.goals_table)
        return next((goal for goal in self._goals if goal.goal_id == key), None)

    @Slot()
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
    def _add_goal(self) -> None:
        if self._account_id is None:
            return
        try:
            create_goal(
                self._db,
                self._account_id,
                self.objective_edit.text(),
                target_value=parse_number(self.target_edit.text(), self.locale()),
                unit=self.unit_edit.text(),
                owner=self.owner_edit.text(),
                due_on=self.goal_due_edit.date().toPython(),
            )
        except (ValueError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        for edit in (self.objective_edit, self.target_edit, self.unit_edit, self.owner_edit):
            edit.clear()
        self.message_label.clear()
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
