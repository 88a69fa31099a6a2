"""Today screen with real widgets: sections, opening accounts, dismissing and snoozing alerts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from csm_desktop.store.database import Database
from csm_desktop.store.today_views_models import AlertDismissal
from csm_desktop.ui.today_page import TodayPage
from csm_desktop.ui.today_sections import ACCOUNT_ROLE
from csm_desktop.ui.workers import JobRunner
from tests.test_today_service import StandInSource, make_alerts, portfolio  # noqa: F401


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(5_000)


@pytest.fixture
def page(qtbot: QtBot, db: Database, runner: JobRunner, portfolio: dict) -> TodayPage:  # noqa: F811
    today = TodayPage(db, runner)
    today.alert_source = StandInSource(make_alerts(portfolio))
    qtbot.addWidget(today)
    today.resize(1200, 700)
    today.show()
    # "Last 30 days" so the alerts of December are inside the window.
    with qtbot.waitSignal(today.loaded, timeout=5_000):
        today.since_combo.setCurrentIndex(2)
    return today


def test_sections_filled(page: TodayPage) -> None:
    assert page.alerts.topLevelItemCount() == 3
    assert page.alerts.topLevelItem(0).text(0) == "Mid Co"
    groups = [
        page.renewals.topLevelItem(i).text(0) for i in range(page.renewals.topLevelItemCount())
    ]
    assert groups == [
        "Overdue (1)",
        "Within 30 days (1)",
        "In 31 to 60 days (1)",
        "In 61 to 90 days (1)",
    ]
    task_groups = [
        page.tasks.topLevelItem(i).text(0) for i in range(page.tasks.topLevelItemCount())
    ]
    assert task_groups == ["Overdue (3)", "Due today (1)"]
    assert page.untouched.topLevelItemCount() == 3
    assert "Today, " in page.title_label.text()
    assert page.alerts.parentWidget().title().endswith("(3)")
    assert page.untouched.parentWidget().title().startswith("Not touched in 30 days")


def test_enter_on_renewal_opens_account(qtbot: QtBot, page: TodayPage, portfolio: dict) -> None:  # noqa: F811
    soon = page.renewals.topLevelItem(1).child(0)
    page.renewals.setFocus()
    page.renewals.setCurrentItem(soon)

    with qtbot.waitSignal(page.account_requested, timeout=2_000) as blocker:
        qtbot.keyClick(page.renewals, Qt.Key.Key_Return)

    assert blocker.args == [portfolio["Soon Co"]]


def test_double_click_untouched_opens_account(qtbot: QtBot, page: TodayPage) -> None:
    item = page.untouched.topLevelItem(0)
    expected = item.data(0, ACCOUNT_ROLE)

    with qtbot.waitSignal(page.account_requested, timeout=2_000) as blocker:
        page.untouched.itemActivated.emit(item, 0)

    assert blocker.args == [expected]


def test_delete_key_dismisses_alert(qtbot: QtBot, page: TodayPage, db: Database) -> None:
    page.alerts.setFocus()
    page.alerts.setCurrentItem(page.alerts.topLevelItem(0))

    qtbot.keyClick(page.alerts, Qt.Key.Key_Delete)

    assert page.alerts.topLevelItemCount() == 2
    with db.session() as session:
        stored = session.scalars(select(AlertDismissal)).all()
    assert [(row.alert_key, row.snoozed_until) for row in stored] == [("a2", None)]
    assert page.alerts.parentWidget().title().endswith("(2)")

    # A reload keeps it hidden.
    with qtbot.waitSignal(page.loaded, timeout=5_000):
        page.reload()
    keys = [alert.key for alert in page.data.alerts]
    assert "a2" not in keys


def test_snooze_stores_date(qtbot: QtBot, page: TodayPage, db: Database) -> None:
    page.alerts.setFocus()
    page.alerts.setCurrentItem(page.alerts.topLevelItem(1))

    page.snooze_action.trigger()

    with db.session() as session:
        row = session.get(AlertDismissal, "a1")
    assert row is not None
    assert row.snoozed_until == date(2025, 1, 7)
    assert page.alerts.topLevelItemCount() == 2


def test_splitter_state_round_trip(qtbot: QtBot, page: TodayPage, tmp_path: object) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)  # type: ignore[operator]
    page.splitter.setSizes([200, 900])
    expected = page.splitter.sizes()
    page.save_state(settings)
    page.splitter.setSizes([900, 200])

    page.restore_state(settings)

    assert page.splitter.sizes() == expected


def _real_damage_error(tmp_path) -> Exception:
    """Return the error SQLite raises when it reads a page that was overwritten."""
    import sqlite3

    from sqlalchemy import create_engine, text

    path = tmp_path / "broken.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,) for _ in range(200)])
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)
    path.write_bytes(bytes(data))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*), max(length(x)) FROM t")).all()
    except Exception as exc:  # noqa: BLE001 - the test needs whatever SQLAlchemy raised
        return exc
    finally:
        engine.dispose()
    raise AssertionError("reading the overwritten pages raised nothing")


def test_damaged_file_gets_plain_message(
    qtbot: QtBot, page: TodayPage, db: Database, tmp_path
) -> None:
    from csm_desktop.store.integrity import is_marked_damaged

    error = _real_damage_error(tmp_path)

    def failing_source(session, **_kwargs):
        raise error

    page.alert_source = failing_source
    with qtbot.waitSignal(page.load_failed, timeout=10_000) as blocker:
        page.reload()

    message = blocker.args[0]
    assert "damaged" in message
    assert "Error" not in message
    assert "malformed" not in message
    assert page.alerts_note.text() == message
    assert db.path is not None
    assert is_marked_damaged(db.path)


def test_other_failure_points_to_the_log(qtbot: QtBot, page: TodayPage, db: Database) -> None:
    from csm_desktop.store.integrity import is_marked_damaged

    def failing_source(session, **_kwargs):
        raise ValueError("stand-in bug")

    page.alert_source = failing_source
    with qtbot.waitSignal(page.load_failed, timeout=10_000) as blocker:
        page.reload()

    assert "log" in blocker.args[0]
    assert "stand-in bug" not in blocker.args[0]
    assert db.path is not None
    assert not is_marked_damaged(db.path)


def test_damage_error_read_from_result_codes(tmp_path) -> None:
    import sqlite3

    from csm_desktop.store.integrity import is_damage_error

    with (
        sqlite3.connect(tmp_path / "sound.sqlite") as conn,
        pytest.raises(sqlite3.OperationalError) as missing_table,
    ):
        conn.execute("SELECT * FROM no_such_table")

    assert is_damage_error(_real_damage_error(tmp_path))
    assert not is_damage_error(missing_table.value)
    assert not is_damage_error(ValueError("database disk image is malformed"))


@pytest.mark.parametrize("hide", ["dismiss", "snooze"])
def test_undo_brings_alert_back(qtbot: QtBot, page: TodayPage, db: Database, hide: str) -> None:
    page.alerts.setFocus()
    page.alerts.setCurrentItem(page.alerts.topLevelItem(0))
    assert page.undo_button.isHidden()

    getattr(page, f"{hide}_action").trigger()
    assert page.alerts.topLevelItemCount() == 2
    assert not page.undo_button.isHidden()
    assert page.undo_button.text().startswith(f"Undo {hide}")

    with qtbot.waitSignal(page.loaded, timeout=5_000):
        qtbot.keyClick(page.alerts, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert page.alerts.topLevelItemCount() == 3
    assert page.undo_button.isHidden()
    with db.session() as session:
        assert session.scalars(select(AlertDismissal)).all() == []


def test_undo_goes_back_several_steps(qtbot: QtBot, page: TodayPage, db: Database) -> None:
    page.alerts.setFocus()
    for _ in range(2):
        page.alerts.setCurrentItem(page.alerts.topLevelItem(0))
        page.dismiss_action.trigger()
    assert page.alerts.topLevelItemCount() == 1
    # Ctrl+Z works with the focus in another list of the page.
    page.tasks.setFocus()

    for expected in (2, 3):
        with qtbot.waitSignal(page.loaded, timeout=5_000):
            qtbot.keyClick(page.tasks, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert page.alerts.topLevelItemCount() == expected

    assert page.undo_button.isHidden()
    with db.session() as session:
        assert session.scalars(select(AlertDismissal)).all() == []


def test_snooze_button_says_how_long(page: TodayPage) -> None:
    assert "7 days" in page.snooze_button.toolTip()
