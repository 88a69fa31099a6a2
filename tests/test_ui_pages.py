"""Portfolio and account pages driven with real widgets over a real SQLite file."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from csm_desktop.store.database import Database
from csm_desktop.store.models import Activity
from csm_desktop.ui.account_page import AccountPage
from csm_desktop.ui.portfolio_model import ACCOUNT_ID_ROLE, Column
from csm_desktop.ui.portfolio_page import PortfolioPage
from csm_desktop.ui.workers import JobRunner
from tests.conftest import ACCOUNT_NAMES


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(5_000)


def loaded_portfolio(qtbot: QtBot, db: Database, runner: JobRunner) -> PortfolioPage:
    page = PortfolioPage(db, runner)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.reload()
    return page


def shown_names(page: PortfolioPage) -> list[str]:
    model = page.model
    return [model.index(row, Column.NAME).data() for row in range(model.rowCount())]


def test_portfolio_lists_accounts(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = loaded_portfolio(qtbot, db, runner)

    assert shown_names(page) == sorted(ACCOUNT_NAMES, key=str.casefold)
    assert "4 of 4" in page.summary_label.text()


def test_portfolio_filter_narrows_rows(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = loaded_portfolio(qtbot, db, runner)

    qtbot.keyClicks(page.filter_edit, "acme")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5_000)

    assert shown_names(page) == ["Acme Foods", "Acme Robotics"]
    assert "2 of 4" in page.summary_label.text()


def test_portfolio_renewal_combo_filters(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = loaded_portfolio(qtbot, db, runner)

    # Every seeded account renews on 1 February 2025, 32 days after the reference date.
    page.renewal_combo.setCurrentIndex(page.renewal_combo.findText("Within 30 days"))
    assert page.model.rowCount() == 0

    page.renewal_combo.setCurrentIndex(page.renewal_combo.findText("Within 60 days"))
    assert page.model.rowCount() == 4


def test_portfolio_enter_opens_account(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = loaded_portfolio(qtbot, db, runner)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, Column.NAME))
    expected = page.model.index(1, Column.NAME).data(ACCOUNT_ID_ROLE)

    with qtbot.waitSignal(page.account_requested, timeout=5_000) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)

    assert blocker.args == [expected]


def open_account(
    qtbot: QtBot, db: Database, runner: JobRunner, account_id: uuid.UUID
) -> AccountPage:
    page = AccountPage(db, runner)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.show_account(account_id)
    return page


def test_account_header_shows_name(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = open_account(qtbot, db, runner, seeded_db["Acme Robotics"])

    assert page.header.name_label.text() == "Acme Robotics"
    assert page.notes_list.titles() == ["Kick-off call"]
    assert page.tickets_view.rowCount() == 1
    assert page.churn_view.rowCount() == 1
    assert page.timeline_view.rowCount() == 3


def test_note_editor_saves_note(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    account_id = seeded_db["Acme Robotics"]
    page = open_account(qtbot, db, runner, account_id)
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.notes_list.parentWidget()))
    editor = page.note_editor

    assert editor.date_edit.date().toPython() == date(2024, 12, 31)
    qtbot.keyClicks(editor.title_edit, "Renewal check-in")
    qtbot.keyClicks(editor.attendees_edit, "Dana, Lee")
    qtbot.keyClicks(editor.body_edit, "Budget approved for next year.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    with db.session() as session:
        stored = session.scalars(select(Activity).where(Activity.title == "Renewal check-in")).one()
        assert stored.account_id == account_id
        assert stored.body == "Budget approved for next year."
        assert stored.attendees == "Dana, Lee"
        assert stored.occurred_on == date(2024, 12, 31)
    assert page.notes_list.titles() == ["Renewal check-in", "Kick-off call"]
    assert page.timeline_view.rowCount() == 4
    assert editor.title_edit.text() == ""


def test_note_editor_rejects_empty_body(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    page = open_account(qtbot, db, runner, seeded_db["Blue Harbor"])
    editor = page.note_editor

    qtbot.keyClicks(editor.title_edit, "No body")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert "no text" in editor.error_label.text()
    with db.session() as session:
        count = session.scalars(select(Activity).where(Activity.title == "No body")).all()
    assert count == []
    assert editor.title_edit.text() == "No body"


def test_filter_box_gets_own_row_when_narrow(qtbot: QtBot) -> None:
    from csm_desktop.ui.portfolio_filter_bar import PortfolioFilterBar

    bar = PortfolioFilterBar()
    qtbot.addWidget(bar)
    bar.resize(2400, 60)
    bar.show()
    qtbot.waitUntil(lambda: bar.width() == 2400)
    assert not bar.filter_on_own_row

    bar.resize(700, 60)
    qtbot.waitUntil(lambda: bar.filter_on_own_row)
    qtbot.waitUntil(lambda: bar.filter_edit.width() > 600)

    bar.resize(2400, 60)
    qtbot.waitUntil(lambda: not bar.filter_on_own_row)


def test_column_widths_refit_after_language_change(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner, tmp_path
) -> None:
    from PySide6.QtCore import QLocale, QSettings

    settings = QSettings(str(tmp_path / "columns.ini"), QSettings.Format.IniFormat)
    page = loaded_portfolio(qtbot, db, runner)
    header = page.table.horizontalHeader()
    header.resizeSection(Column.STAGE, 41)
    page.save_state(settings)

    same = PortfolioPage(db, runner)
    qtbot.addWidget(same)
    same.restore_state(settings)
    assert same.table.horizontalHeader().sectionSize(Column.STAGE) == 41

    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    try:
        other = PortfolioPage(db, runner)
        qtbot.addWidget(other)
        other.restore_state(settings)
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert other.table.horizontalHeader().sectionSize(Column.STAGE) != 41
    assert not other.columns.has_stored_widths
