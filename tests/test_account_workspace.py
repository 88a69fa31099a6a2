"""Account workspace tabs driven through real widgets over a real SQLite file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from csm_desktop.formatting import format_date
from csm_desktop.services.notes import list_drafts
from csm_desktop.store.database import Database
from csm_desktop.store.models import Contact, Goal, Task
from csm_desktop.store.workspace_models import ExpansionOpportunity, GoalCheckIn, RenewalForecast
from csm_desktop.ui.account_amount import parse_amount
from csm_desktop.ui.account_page import AccountPage
from csm_desktop.ui.account_tasks import SnoozeDialog
from csm_desktop.ui.note_editor import NoteEditor
from csm_desktop.ui.quick_note import QuickNote
from csm_desktop.ui.workers import JobRunner
from tests.conftest import REPO_ROOT


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(5_000)


@pytest.fixture(autouse=True)
def no_open_drafts() -> None:
    """Editors of earlier tests may still be alive; their claims must not leak."""
    NoteEditor._open_drafts.clear()


def open_page(qtbot: QtBot, db: Database, runner: JobRunner, account_id: uuid.UUID) -> AccountPage:
    page = AccountPage(db, runner)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.show_account(account_id)
    return page


def switch(qtbot: QtBot, page: AccountPage, account_id: uuid.UUID) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.show_account(account_id)


def test_draft_survives_switching_account(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    first, second = seeded_db["Blue Harbor"], seeded_db["Zenith Labs"]
    page = open_page(qtbot, db, runner, first)
    page.tabs.setCurrentWidget(page.notes_split)
    editor = page.note_editor
    qtbot.keyClicks(editor.title_edit, "Half-written")
    qtbot.keyClicks(editor.body_edit, "Typed before switching")

    switch(qtbot, page, second)

    assert editor.body_edit.toPlainText() == ""
    assert editor.recovered_label.isHidden()
    switch(qtbot, page, first)
    assert editor.title_edit.text() == "Half-written"
    assert editor.body_edit.toPlainText() == "Typed before switching"
    assert not editor.recovered_label.isHidden()


def test_autosave_timer_writes_draft(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = open_page(qtbot, db, runner, seeded_db["Blue Harbor"])
    page.tabs.setCurrentWidget(page.notes_split)
    editor = page.note_editor

    with qtbot.waitSignal(editor.draft_saved, timeout=10_000):
        qtbot.keyClicks(editor.decisions_edit, "Go with the annual plan")

    with db.session() as session:
        drafts = list_drafts(session, seeded_db["Blue Harbor"])
    assert [row.fields.decisions for row in drafts] == ["Go with the annual plan"]


def test_focus_leaving_editor_saves_draft(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = open_page(qtbot, db, runner, seeded_db["Blue Harbor"])
    page.tabs.setCurrentWidget(page.notes_split)
    editor = page.note_editor
    qtbot.keyClicks(editor.summary_edit, "Short summary")

    with qtbot.waitSignal(editor.draft_saved, timeout=1_000):
        editor._on_focus_changed(editor.summary_edit, page.notes_list)

    with db.session() as session:
        assert list_drafts(session)[0].fields.summary == "Short summary"


def test_next_steps_become_tasks_in_ui(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    account = seeded_db["Acme Robotics"]
    page = open_page(qtbot, db, runner, account)
    editor = page.note_editor
    qtbot.keyClicks(editor.title_edit, "Renewal call")
    qtbot.keyClicks(editor.summary_edit, "They will renew.")
    editor.next_steps_edit.setPlainText("- Send the order form\n- Book the QBR\n")

    with qtbot.waitSignal(editor.tasks_created, timeout=1_000) as blocker:
        qtbot.mouseClick(editor.save_tasks_button, Qt.MouseButton.LeftButton)

    assert blocker.args == [2]
    titles = [page.tasks_tab.table.item(row, 4).text() for row in range(2)]
    assert titles == ["Book the QBR", "Send the order form"]
    with db.session() as session:
        tasks = session.scalars(select(Task).where(Task.account_id == account)).all()
        assert {task.due_on for task in tasks} == {date(2025, 1, 7)}
        assert len({task.activity_id for task in tasks}) == 1
        assert list_drafts(session) == []
    assert page.notes_list.titles()[0] == "Renewal call"


def test_task_snooze_in_ui(
    qtbot: QtBot,
    db: Database,
    seeded_db: dict,
    runner: JobRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = seeded_db["Acme Foods"]
    page = open_page(qtbot, db, runner, account)
    tab = page.tasks_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.title_edit, "Ask for budget")
    qtbot.keyClick(tab.title_edit, Qt.Key.Key_Return)
    tab.table.selectRow(0)

    def accept_snooze(dialog: SnoozeDialog) -> int:
        dialog.until_edit.setDate(QDate(2025, 1, 20))
        dialog.reason_edit.setText("Budget opens in January")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SnoozeDialog, "exec", accept_snooze)
    qtbot.mouseClick(tab.snooze_button, Qt.MouseButton.LeftButton)

    assert tab.table.item(0, 3).text() == f"Snoozed until {format_date(date(2025, 1, 20))}"
    with db.session() as session:
        task = session.scalars(select(Task).where(Task.account_id == account)).one()
        assert task.snoozed_until == date(2025, 1, 20)
        assert task.snooze_reason == "Budget opens in January"

    tab.table.selectRow(0)
    qtbot.mouseClick(tab.complete_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        assert session.scalars(select(Task.status)).one() == "done"


def test_playbook_applied_in_ui(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = open_page(qtbot, db, runner, seeded_db["Acme Foods"])
    tab = page.tasks_tab
    tab.playbook_combo.setCurrentIndex(tab.playbook_combo.findData("builtin:risk"))

    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)

    assert tab.table.rowCount() == 4
    assert "4 tasks" in tab.message_label.text()


def test_goal_check_ins_in_ui(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    account = seeded_db["Zenith Labs"]
    page = open_page(qtbot, db, runner, account)
    tab = page.goals_tab
    qtbot.keyClicks(tab.objective_edit, "Active seats")
    qtbot.keyClicks(tab.target_edit, "80")
    qtbot.mouseClick(tab.add_goal_button, Qt.MouseButton.LeftButton)
    assert tab.goals_table.rowCount() == 1

    readings = [(QDate(2024, 11, 1), "40", "at_risk"), (QDate(2024, 12, 1), "60", "on_track")]
    for day, value, status in readings:
        tab.check_date_edit.setDate(day)
        tab.value_edit.setText(value)
        tab.status_combo.setCurrentIndex(tab.status_combo.findData(status))
        qtbot.mouseClick(tab.check_in_button, Qt.MouseButton.LeftButton)

    assert tab.check_ins_table.rowCount() == 2
    assert tab.goals_table.item(0, 4).text().startswith("75")
    with db.session() as session:
        goal = session.scalars(select(Goal).where(Goal.account_id == account)).one()
        assert goal.current_value == 60
        assert goal.status == "on_track"
        assert len(session.scalars(select(GoalCheckIn)).all()) == 2


def test_decimal_comma_amounts_in_spanish(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    account = seeded_db["Acme Foods"]
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    try:
        page = open_page(qtbot, db, runner, account)
        tab = page.renewal_tab
        tab.forecast_edit.setText("1.234,56")
        tab.probability_spin.setValue(85)
        tab.category_combo.setCurrentIndex(tab.category_combo.findData("commit"))
        qtbot.mouseClick(tab.save_forecast_button, Qt.MouseButton.LeftButton)
        tab.opportunity_title_edit.setText("Analytics add-on")
        tab.opportunity_amount_edit.setText("12.500,5")
        qtbot.mouseClick(tab.add_opportunity_button, Qt.MouseButton.LeftButton)

        assert tab.forecast_edit.text() == "1.234,56"
        assert "12.500" in tab.pipeline_label.text()
    finally:
        QLocale.setDefault(previous)

    with db.session() as session:
        forecast = session.scalars(select(RenewalForecast)).one()
        assert forecast.forecast_arr == Decimal("1234.56")
        assert forecast.probability == pytest.approx(0.85)
        assert forecast.category == "commit"
        opportunity = session.scalars(select(ExpansionOpportunity)).one()
        assert opportunity.amount == Decimal("12500.5")


def test_parse_amount_rejects_text() -> None:
    spanish = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    assert parse_amount("€ 1.234,5", spanish) == Decimal("1234.5")
    assert parse_amount("", spanish) is None
    assert parse_amount("1.234,5 EUR", spanish) == Decimal("1234.5")
    with pytest.raises(ValueError, match="not an amount"):
        parse_amount("mucho", spanish)
    with pytest.raises(ValueError, match="type it as 1.234,50"):
        parse_amount("1,2,3", spanish)
    # Letters inside a number are refused, never dropped ("12abcx5k" is not 125).
    for typed in ("12abcx5k", "12k", "1e3", "12 500 dollars"):
        with pytest.raises(ValueError, match="not an amount"):
            parse_amount(typed, spanish)


def test_timeline_search_folds_accents(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = open_page(qtbot, db, runner, seeded_db["Acme Robotics"])
    editor = page.note_editor
    qtbot.keyClicks(editor.title_edit, "Llamada")
    # QTest.keyClicks aborts on non-ASCII characters, so the accent goes in as typed text.
    qtbot.keyClicks(editor.body_edit, "Preparamos la ")
    editor.body_edit.insertPlainText("renovación anual")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    tab = page.timeline_tab
    assert tab.table.rowCount() == 4

    qtbot.keyClicks(tab.search_edit, "renovacion")
    tab.search_now()

    assert tab.visible_titles() == ["Llamada"]
    assert "[renovación]" in tab.table.item(0, 3).text()
    tab.search_edit.clear()
    tab.search_now()
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("ticket"))
    assert tab.table.rowCount() == 1


def test_contact_added_and_edited(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    account = seeded_db["Blue Harbor"]
    page = open_page(qtbot, db, runner, account)
    tab = page.contacts_tab
    qtbot.keyClicks(tab.name_edit, "Dana Ruiz")
    qtbot.keyClicks(tab.email_edit, "dana@example.com")
    tab.role_boxes["champion"].setChecked(True)
    qtbot.mouseClick(tab.contacted_today_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 1

    tab.table.selectRow(0)
    tab.role_boxes["economic_buyer"].setChecked(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    with db.session() as session:
        contact = session.scalars(select(Contact).where(Contact.account_id == account)).one()
        assert contact.roles == ["champion", "economic_buyer"]
        assert contact.last_contacted == date(2024, 12, 31)
    tab.email_edit.setText("not-an-email")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "Invalid email" in tab.message_label.text()


def test_advocacy_added(qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner) -> None:
    page = open_page(qtbot, db, runner, seeded_db["Blue Harbor"])
    tab = page.advocacy_tab
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("case_study"))
    tab.notes_edit.setText("Published on the blog")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)

    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == "Case study"


def test_overview_counts_tasks(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    from csm_desktop.services.tasks import create_task

    account = seeded_db["Acme Robotics"]
    create_task(db, account, "Late", due_on=date(2024, 12, 1))
    create_task(db, account, "On time", due_on=date(2025, 1, 10))

    page = open_page(qtbot, db, runner, account)

    assert page.overview.figure_text("tasks") == "2"
    assert page.overview.figure_text("overdue") == "1"
    assert page.overview.figure_text("last_touch") == format_date(date(2024, 10, 1))


def test_quick_note_offers_recovered_draft(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    from csm_desktop.services.notes import NoteFields, save_draft

    save_draft(db, seeded_db["Zenith Labs"], None, NoteFields(title="Left open", body="text"))
    page = AccountPage(db, runner)
    qtbot.addWidget(page)

    quick_note = QuickNote(page, db, lambda: None)
    offered = quick_note.offer_recovered_drafts()

    assert offered is not None
    dialog = quick_note.dialog
    assert dialog is not None
    assert dialog.account_combo.currentText() == "Zenith Labs"
    assert dialog.editor.title_edit.text() == "Left open"
    dialog.close()


CHILD = """
import sys, uuid
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
app = QApplication([])
from csm_desktop.store.database import open_database
from csm_desktop.ui.account_page import AccountPage
from csm_desktop.ui.workers import JobRunner
db = open_database(sys.argv[1])
page = AccountPage(db, JobRunner())
page.resize(1000, 700)
page.show()

def on_loaded(_name):
    page.tabs.setCurrentWidget(page.notes_split)
    editor = page.note_editor
    editor.draft_saved.connect(lambda _id: print("SAVED", flush=True))
    QTest.keyClicks(editor.title_edit, "Crash test")
    QTest.keyClicks(editor.body_edit, "Typed before the crash: ")
    editor.body_edit.insertPlainText("renovación €")

page.loaded.connect(on_loaded)
page.show_account(uuid.UUID(sys.argv[2]))
app.exec()
"""


@pytest.mark.slow
def test_draft_survives_killed_process(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    account = seeded_db["Blue Harbor"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db.path), str(account)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=str(REPO_ROOT),
    )
    try:
        # readline blocks until the autosave prints; pytest-timeout bounds the wait.
        line = child.stdout.readline()
        assert line.strip() == "SAVED", child.stderr.read() if child.poll() is not None else line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL

    page = open_page(qtbot, db, runner, account)

    editor = page.note_editor
    assert editor.title_edit.text() == "Crash test"
    assert editor.body_edit.toPlainText() == "Typed before the crash: renovación €"
    assert not editor.recovered_label.isHidden()
    assert editor.draft_id is not None


def test_header_marks_health_override(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    from csm_desktop.health.overrides import set_override

    account = seeded_db["Blue Harbor"]
    with db.session() as session:
        set_override(session, account, reason="Exec sponsor left", author="Lucía", colour="red")

    page = open_page(qtbot, db, runner, account)

    assert page.header.badge.overridden is True
    assert "overridden" in page.header.badge.text()
    other = open_page(qtbot, db, runner, seeded_db["Zenith Labs"])
    assert other.header.badge.overridden is False
