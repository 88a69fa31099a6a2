"""Start-up: the first paint from plain sqlite3, the database attached behind it, and fallbacks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from csm_desktop.services.first_paint import read_first_paint
from csm_desktop.services.portfolio import load_portfolio
from csm_desktop.services.settings import START_PAGE_KEY, set_setting
from csm_desktop.store.backup import list_backups
from csm_desktop.store.database import Database
from csm_desktop.store.integrity import is_marked_damaged, mark_damaged
from csm_desktop.store.locking import InstanceLock
from csm_desktop.ui import startup
from csm_desktop.ui.main_window import MainWindow
from csm_desktop.ui.startup_flow import StartupFlow
from csm_desktop.ui.workers import shutdown_all


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the start-up messages instead of opening modal boxes that would block the test."""
    shown: list[str] = []
    monkeypatch.setattr(MainWindow, "confirm_cancel_jobs", lambda self, count: True)
    monkeypatch.setattr(startup, "show_warning", shown.append)
    return shown


@pytest.fixture
def start_file(db: Database, seeded_db: dict[str, uuid.UUID]) -> Path:
    """The seeded database, closed, with the portfolio as its start page."""
    with db.session() as session:
        set_setting(session, START_PAGE_KEY, "portfolio")
    assert db.path is not None
    return db.path


def _run_flow(qtbot: QtBot, path: Path) -> StartupFlow:
    flow = StartupFlow(path, demo=False)
    window = flow.begin()
    assert window is not None
    qtbot.addWidget(window)
    return flow


def _finish(flow: StartupFlow) -> None:
    shutdown_all()
    flow.close()


def test_first_paint_matches_the_session_read(start_file: Path, db: Database) -> None:
    first = read_first_paint(start_file)
    assert first is not None
    first.lock.release()

    with db.session() as session:
        expected = load_portfolio(session)
    assert first.rows == expected
    assert first.start_page == "portfolio"


def test_first_paint_shows_rows_then_attaches(qtbot: QtBot, start_file: Path) -> None:
    flow = _run_flow(qtbot, start_file)
    window = flow.window
    assert window is not None

    try:
        assert not window.database_attached
        assert window.portfolio_page.model.total_count() == 4
        assert window.pages.currentWidget() is window.portfolio_page
        assert not window.import_action.isEnabled()

        with qtbot.waitSignal(flow.attached, timeout=20_000):
            pass
        assert window.database_attached
        assert window.import_action.isEnabled()
        assert window.today_page is window.pages.widget(0)
        with qtbot.waitSignal(window.today_page.loaded, timeout=10_000):
            pass
    finally:
        _finish(flow)


def test_account_opened_before_attach_opens_after(
    qtbot: QtBot, start_file: Path, seeded_db: dict[str, uuid.UUID]
) -> None:
    flow = _run_flow(qtbot, start_file)
    window = flow.window
    assert window is not None

    try:
        window.open_account(seeded_db["Zenith Labs"])
        assert window.pages.currentWidget() is window.portfolio_page

        with qtbot.waitSignal(flow.attached, timeout=20_000):
            pass
        assert window.pages.currentWidget() is window.account_page
        assert window.account_page.account_id == seeded_db["Zenith Labs"]
    finally:
        _finish(flow)


def test_close_before_attach_leaves_database_alone(
    qtbot: QtBot, start_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[int] = []
    monkeypatch.setattr(
        MainWindow, "confirm_cancel_jobs", lambda self, count: questions.append(count)
    )
    flow = _run_flow(qtbot, start_file)
    window = flow.window
    assert window is not None

    window.close()
    try:
        with qtbot.waitSignal(flow.attached, timeout=3_000, raising=False) as attached:
            pass
    finally:
        _finish(flow)

    assert not attached.signal_triggered
    assert questions == []
    assert flow.db is None
    again = read_first_paint(start_file)
    assert again is not None
    again.lock.release()


def test_marked_file_takes_normal_open(qtbot: QtBot, start_file: Path) -> None:
    mark_damaged(start_file, "page 3 is damaged")

    assert read_first_paint(start_file) is None
    flow = _run_flow(qtbot, start_file)
    try:
        # The normal open ran the full check, which passed, so the mark is gone.
        assert flow.window is not None
        assert flow.window.database_attached
        assert not is_marked_damaged(start_file)
    finally:
        _finish(flow)


def test_second_instance_gets_no_first_paint(
    start_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = InstanceLock(start_file)
    other.acquire()
    errors: list[str] = []
    monkeypatch.setattr(startup, "show_error", lambda title, text: errors.append(title))

    try:
        assert read_first_paint(start_file) is None
        assert StartupFlow(start_file, demo=False).begin() is None
    finally:
        other.release()
    assert errors == ["CSM Desktop is already open."]


def test_newer_schema_takes_normal_open(start_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    connection = sqlite3.connect(start_file)
    with connection:
        connection.execute("INSERT INTO alembic_version VALUES ('9999_from_a_newer_app')")
    connection.close()
    errors: list[str] = []
    monkeypatch.setattr(startup, "show_error", lambda title, text: errors.append(text))

    assert read_first_paint(start_file) is None
    assert StartupFlow(start_file, demo=False).begin() is None
    assert len(errors) == 1
    assert "9999_from_a_newer_app" in errors[0]


def test_first_paint_imports_no_sqlalchemy(start_file: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        from csm_desktop.ui.app import create_application
        from csm_desktop.ui.startup_flow import StartupFlow

        app = create_application()
        window = StartupFlow(Path({str(start_file)!r}), demo=False).begin()
        print(window.portfolio_page.model.total_count(), "sqlalchemy" in sys.modules)
        sys.stdout.flush()
        os._exit(0)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CSM_DESKTOP_DATA_DIR": str(tmp_path)}

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["4", "False"]


def test_demo_start_backs_up_the_imported_demo(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    flow = StartupFlow(path, demo=True)
    window = flow.begin()
    assert window is not None
    qtbot.addWidget(window)

    try:
        with qtbot.waitSignal(window.demo_loaded, timeout=120_000):
            pass
        qtbot.waitUntil(lambda: bool(list_backups(path)), timeout=60_000)
    finally:
        _finish(flow)

    backup = list_backups(path)[0].path
    connection = sqlite3.connect(backup)
    try:
        (accounts,) = connection.execute("SELECT count(*) FROM account").fetchone()
    finally:
        connection.close()
    assert accounts == 500


def test_qbr_export_before_attach_opens_after(
    qtbot: QtBot, start_file: Path, seeded_db: dict[str, uuid.UUID]
) -> None:
    from csm_desktop.ui.qbr_dialog import QbrDialog

    flow = _run_flow(qtbot, start_file)
    window = flow.window
    assert window is not None

    try:
        window.portfolio_page.export_requested.emit(seeded_db["Zenith Labs"])
        assert window.findChildren(QbrDialog) == []

        with qtbot.waitSignal(flow.attached, timeout=20_000):
            pass
        dialogs = window.findChildren(QbrDialog)
        assert len(dialogs) == 1
        assert dialogs[0].isVisible()
        dialogs[0].reject()
    finally:
        _finish(flow)
