"""Editing and deleting success-plan goals, in the service and in the Success plan tab."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from csm_desktop.services.goals import (
    GoalNotFoundError,
    InvalidGoalError,
    add_check_in,
    create_goal,
    delete_goal,
    list_goals,
    update_goal,
)
from csm_desktop.store.database import Database
from csm_desktop.store.models import Goal
from csm_desktop.store.workspace_models import GoalCheckIn
from csm_desktop.ui.account_goals import GoalsTab
from tests.editing import NO, TODAY, YES, FakeQuestions, button_text


def stored_goal(db: Database, goal_id: uuid.UUID) -> Goal:
    with db.session() as session:
        goal = session.get(Goal, goal_id)
        session.expunge(goal)
    return goal


def open_tab(qtbot: QtBot, db: Database, account_id: uuid.UUID) -> GoalsTab:
    tab = GoalsTab(db)
    qtbot.addWidget(tab)
    with db.session() as session:
        tab.set_account(account_id, list_goals(session, account_id), TODAY)
    tab.show()
    return tab


# Service


def test_update_goal_round_trip(db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(db, account, "Active seats", target_value=80, unit="seats")

    update_goal(
        db,
        goal_id,
        "  Active seats above 90  ",
        target_value=90,
        current_value=45.5,
        unit=" % ",
        owner=" Dana ",
        due_on=date(2025, 6, 30),
    )

    with db.session() as session:
        (row,) = list_goals(session, account)
    assert row.goal_id == goal_id
    assert row.objective == "Active seats above 90"
    assert row.target_value == 90
    assert row.current_value == 45.5
    assert row.unit == "%"
    assert row.owner == "Dana"
    assert row.due_on == date(2025, 6, 30)
    assert row.status == "on_track"


def test_update_goal_clears_optional_fields(db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(
        db, account, "Rollout", target_value=5, unit="teams", owner="Eve", due_on=TODAY
    )

    update_goal(
        db,
        goal_id,
        "Rollout",
        target_value=None,
        current_value=None,
        unit="",
        owner="",
        due_on=None,
    )

    goal = stored_goal(db, goal_id)
    assert goal.target_value is None
    assert goal.unit is None
    assert goal.owner is None
    assert goal.due_on is None


def test_update_goal_keeps_status_and_check_ins(db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(db, account, "Adoption", target_value=10)
    add_check_in(db, goal_id, date(2024, 12, 1), "achieved", value=10)

    update_goal(
        db,
        goal_id,
        "Adoption",
        target_value=12,
        current_value=10,
        unit=None,
        owner=None,
        due_on=None,
    )

    with db.session() as session:
        (row,) = list_goals(session, account)
    assert row.status == "achieved"
    assert row.achieved_on == date(2024, 12, 1)
    assert len(row.check_ins) == 1


def test_blank_objective_keeps_stored_goal(db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(db, account, "Cut tickets", target_value=20, owner="Dana")

    with pytest.raises(InvalidGoalError, match="no objective"):
        update_goal(
            db, goal_id, "   ", target_value=5, current_value=1, unit="x", owner="Eve", due_on=TODAY
        )

    goal = stored_goal(db, goal_id)
    assert goal.objective == "Cut tickets"
    assert goal.target_value == 20
    assert goal.owner == "Dana"


def test_delete_goal_tombstones_check_ins(db: Database, account: uuid.UUID) -> None:
    other_goal = create_goal(db, account, "Kept")
    goal_id = create_goal(db, account, "Dropped")
    add_check_in(db, goal_id, date(2024, 11, 1), "at_risk", value=1)
    add_check_in(db, goal_id, date(2024, 12, 1), "on_track", value=2)
    add_check_in(db, other_goal, date(2024, 12, 1), "on_track", value=3)

    delete_goal(db, goal_id)

    with db.session() as session:
        assert [row.goal_id for row in list_goals(session, account)] == [other_goal]
        assert session.get(Goal, goal_id).deleted_at is not None
        check_ins = session.scalars(select(GoalCheckIn)).all()
        deleted = {row.goal_id: row.deleted_at is not None for row in check_ins}
    assert len(check_ins) == 3
    assert deleted == {goal_id: True, other_goal: False}


def test_deleted_goal_cannot_change(db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(db, account, "Gone soon")
    delete_goal(db, goal_id)

    with pytest.raises(GoalNotFoundError, match=str(goal_id)):
        update_goal(
            db,
            goal_id,
            "Back",
            target_value=None,
            current_value=None,
            unit=None,
            owner=None,
            due_on=None,
        )
    with pytest.raises(GoalNotFoundError, match="deleted"):
        delete_goal(db, goal_id)
    with pytest.raises(GoalNotFoundError):
        add_check_in(db, goal_id, TODAY, "on_track")
    assert stored_goal(db, goal_id).objective == "Gone soon"


def test_missing_goal_not_found(db: Database, account: uuid.UUID) -> None:
    missing = uuid.uuid4()

    with pytest.raises(GoalNotFoundError, match=str(missing)):
        update_goal(
            db,
            missing,
            "X",
            target_value=None,
            current_value=None,
            unit=None,
            owner=None,
            due_on=None,
        )
    with pytest.raises(GoalNotFoundError, match=str(missing)):
        delete_goal(db, missing)


# Success plan tab


def test_tab_edits_selected_goal(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(db, account, "Active seats", target_value=80, due_on=date(2025, 3, 31))
    tab = open_tab(qtbot, db, account)
    assert button_text(tab.add_goal_button) == "Add goal"
    assert not tab.delete_goal_button.isEnabled()

    assert tab.select_goal(goal_id)

    assert tab.objective_edit.text() == "Active seats"
    assert tab.target_edit.text() == "80"
    assert tab.goal_due_edit.optional_date() == date(2025, 3, 31)
    assert button_text(tab.add_goal_button) == "Save changes"
    assert tab.delete_goal_button.isEnabled()

    tab.objective_edit.setText("Active seats above 90")
    tab.target_edit.setText("90")
    tab.owner_edit.setText("Dana")
    qtbot.mouseClick(tab.add_goal_button, Qt.MouseButton.LeftButton)

    assert tab.message_label.text() == ""
    assert tab.goals_table.rowCount() == 1
    assert tab.goals_table.item(0, 6).text() == "Active seats above 90"
    assert tab.goals_table.item(0, 5).text() == "Dana"
    goal = stored_goal(db, goal_id)
    assert goal.objective == "Active seats above 90"
    assert goal.target_value == 90
    assert goal.due_on == date(2025, 3, 31)


def test_tab_new_clears_form(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(db, account, "First")
    tab = open_tab(qtbot, db, account)
    tab.select_goal(goal_id)

    qtbot.mouseClick(tab.new_goal_button, Qt.MouseButton.LeftButton)

    assert tab.objective_edit.text() == ""
    assert button_text(tab.add_goal_button) == "Add goal"
    assert tab.goals_table.selectedItems() == []
    qtbot.keyClicks(tab.objective_edit, "Second")
    qtbot.mouseClick(tab.add_goal_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        objectives = sorted(row.objective for row in list_goals(session, account))
    assert objectives == ["First", "Second"]
    assert button_text(tab.add_goal_button) == "Save changes"


def test_tab_invalid_edit_shows_error(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    goal_id = create_goal(db, account, "Keep me")
    tab = open_tab(qtbot, db, account)
    tab.select_goal(goal_id)

    tab.objective_edit.clear()
    qtbot.mouseClick(tab.add_goal_button, Qt.MouseButton.LeftButton)

    assert "no objective" in tab.message_label.text()
    assert stored_goal(db, goal_id).objective == "Keep me"
    assert button_text(tab.add_goal_button) == "Save changes"


def test_tab_keeps_check_in_value(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    """A check-in after selecting a goal updates the form, so saving keeps the new value."""
    goal_id = create_goal(db, account, "Adoption", target_value=10, current_value=2)
    tab = open_tab(qtbot, db, account)
    tab.select_goal(goal_id)

    tab.value_edit.setText("7")
    qtbot.mouseClick(tab.check_in_button, Qt.MouseButton.LeftButton)
    assert tab.current_edit.text() == "7"
    tab.owner_edit.setText("Eve")
    qtbot.mouseClick(tab.add_goal_button, Qt.MouseButton.LeftButton)

    goal = stored_goal(db, goal_id)
    assert goal.current_value == 7
    assert goal.owner == "Eve"


def test_tab_delete_confirmed(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    other_goal = create_goal(db, account, "Kept", due_on=date(2025, 1, 1))
    goal_id = create_goal(db, account, "Typo goal", due_on=date(2025, 2, 1))
    add_check_in(db, goal_id, TODAY, "at_risk", value=1)
    tab = open_tab(qtbot, db, account)
    tab.select_goal(goal_id)
    questions.answers.append(YES)

    qtbot.mouseClick(tab.delete_goal_button, Qt.MouseButton.LeftButton)

    assert len(questions.asked) == 1
    assert "Typo goal" in questions.asked[0]
    assert tab.goals_table.rowCount() == 1
    assert tab.goals_table.item(0, 6).text() == "Kept"
    assert tab.goals_table.selectedItems() == []
    assert tab.objective_edit.text() == ""
    assert button_text(tab.add_goal_button) == "Add goal"
    assert tab.check_ins_table.rowCount() == 0
    assert stored_goal(db, goal_id).deleted_at is not None
    assert stored_goal(db, other_goal).deleted_at is None


def test_tab_delete_declined(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    goal_id = create_goal(db, account, "Still here")
    tab = open_tab(qtbot, db, account)
    tab.select_goal(goal_id)
    questions.answers.append(NO)

    qtbot.mouseClick(tab.delete_goal_button, Qt.MouseButton.LeftButton)

    assert len(questions.asked) == 1
    assert tab.goals_table.rowCount() == 1
    assert tab.objective_edit.text() == "Still here"
    assert stored_goal(db, goal_id).deleted_at is None


def test_tab_delete_key_asks(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    goal_id = create_goal(db, account, "Delete by key")
    tab = open_tab(qtbot, db, account)
    tab.select_goal(goal_id)
    questions.answers.append(YES)

    qtbot.keyClick(tab.goals_table, Qt.Key.Key_Delete)

    assert questions.asked == ["Delete the goal “Delete by key” and its check-ins?"]
    assert tab.goals_table.rowCount() == 0
    assert stored_goal(db, goal_id).deleted_at is not None


def test_tab_delete_key_without_selection(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    create_goal(db, account, "Not selected")
    tab = open_tab(qtbot, db, account)

    qtbot.keyClick(tab.goals_table, Qt.Key.Key_Delete)

    assert questions.asked == []
    assert "Select a goal" in tab.message_label.text()
    assert tab.goals_table.rowCount() == 1


def test_delete_box_names_the_action(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from csm_desktop.ui.record_editing import confirm_delete

    seen: list[tuple[str, str, str]] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        yes = box.button(QMessageBox.StandardButton.Yes)
        no = box.button(QMessageBox.StandardButton.No)
        seen.append((yes.text(), no.text(), box.defaultButton().text()))
        no.click()

    QTimer.singleShot(0, answer)
    assert not confirm_delete(None, "Delete goal", "Delete the goal “First”?")
    assert seen == [("&Delete", "Cancel", "Cancel")]
