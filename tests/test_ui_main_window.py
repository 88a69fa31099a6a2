"""Main window: pages, menus, settings, remembered state, off-screen geometry, closing with jobs."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from csm_desktop.progress import Cancelled, CancelToken
from csm_desktop.services.settings import get_setting
from csm_desktop.services.today import LAST_OPENED_KEY, UNTOUCHED_DAYS_KEY
from csm_desktop.store.database import Database
from csm_desktop.ui import settings_dialog
from csm_desktop.ui.main_window import MainWindow
from csm_desktop.ui.portfolio_model import Column
from csm_desktop.ui.window_state import fit_to_screens, is_reachable, restore_window_geometry


@pytest.fixture
def ini_settings(tmp_path: Path) -> Path:
    """Send QSettings to a temporary INI file for the test."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def make_window(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(MainWindow, "confirm_cancel_jobs", lambda self, count: True)
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def window(
    qtbot: QtBot, db: Database, ini_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> MainWindow:
    main = make_window(qtbot, db, monkeypatch)
    yield main
    main.runner.shutdown(5_000)


def load(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.portfolio_page.loaded, timeout=5_000):
        window.reload_portfolio()


def test_window_status_and_open_account(
    qtbot: QtBot,
    window: MainWindow,
    seeded_db: dict,
) -> None:
    load(qtbot, window)
    window.show_portfolio()

    assert window.account_count() == 4
    assert window._data_as_of.text().startswith("Data as of ")

    with qtbot.waitSignal(window.account_page.loaded, timeout=5_000):
        window.open_account(seeded_db["Blue Harbor"])
    assert window.pages.currentWidget() is window.account_page
    assert window.account_page.header.name_label.text() == "Blue Harbor"

    window.account_page.back_button.click()
    assert window.pages.currentWidget() is window.portfolio_page


def test_reload_loads_page_on_screen_first(
    qtbot: QtBot, window: MainWindow, seeded_db: dict
) -> None:
    window.show_portfolio()

    with qtbot.waitSignal(window.portfolio_page.loaded, timeout=5_000):
        window.reload_portfolio()
        assert window.runner.running_count == 1
    with qtbot.waitSignal(window.today_page.loaded, timeout=5_000):
        pass
    assert window.runner.running_count == 0


def test_start_page_is_today(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.today_page


def test_start_recorded_and_previous_passed(
    qtbot: QtBot, db: Database, ini_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_window(qtbot, db, monkeypatch)
    assert first.today_page._previous_start is None
    first.close()
    with db.session() as session:
        stored = get_setting(session, LAST_OPENED_KEY)

    second = make_window(qtbot, db, monkeypatch)

    assert stored is not None
    assert second.today_page._previous_start is not None
    assert second.today_page._previous_start.isoformat() == stored
    second.close()


def test_go_menu_shortcuts_switch_pages(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.portfolio_page

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.today_page

    window.go_back()
    assert window.pages.currentWidget() is window.portfolio_page


def test_every_command_has_shortcut(window: MainWindow) -> None:
    own_commands = [
        window.export_action,
        window.export_batch_action,
        window.export_csv_action,
        window.find_action,
        window.settings_action,
        window.palette_action,
        window.today_action,
        window.portfolio_action,
        window.account_action,
        window.back_action,
        window.refresh_action,
    ]
    actions = window.all_actions()

    for action in own_commands:
        assert not action.shortcut().isEmpty(), action.text()
    bound = [action.shortcut().toString() for action in actions if not action.shortcut().isEmpty()]
    assert window.palette_action.shortcut() == QKeySequence("Ctrl+K")
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    assert "Ctrl+F" in bound
    # No two commands share a key.
    assert len(set(bound)) == len(bound)


def test_settings_dialog_stores_general_page(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Other modules append their pages on import, so the test sets the list it expects.
    pages = [
        ("General", settings_dialog.GeneralSettingsPage),
        ("Sync", lambda db, runner: QLabel("sync page")),
    ]
    monkeypatch.setattr(settings_dialog, "SETTINGS_PAGES", pages)

    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert [dialog.page_list.item(i).text() for i in range(dialog.page_list.count())] == [
        "General",
        "Sync",
    ]
    general = dialog.pages[0]
    general.untouched_spin.setValue(45)
    with qtbot.waitSignal(window.today_page.loaded, timeout=5_000):
        dialog.accept()

    with db.session() as session:
        assert get_setting(session, UNTOUCHED_DAYS_KEY) == "45"
    assert window.today_page.data is not None
    assert window.today_page.data.untouched_days == 45


def test_broken_settings_page_is_contained(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db: object, runner: object) -> QWidget:
        raise RuntimeError("boom")

    pages = [("General", settings_dialog.GeneralSettingsPage), ("Broken", broken)]
    monkeypatch.setattr(settings_dialog, "SETTINGS_PAGES", pages)
    dialog = settings_dialog.SettingsDialog(window._db, window.runner, window)
    qtbot.addWidget(dialog)

    assert dialog.page_list.count() == 2
    assert isinstance(dialog.pages[1], QLabel)


def test_state_remembered_across_windows(
    qtbot: QtBot,
    db: Database,
    seeded_db: dict,
    ini_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = make_window(qtbot, db, monkeypatch)
    load(qtbot, first)
    first.show_portfolio()
    header = first.portfolio_page.table.horizontalHeader()
    header.setSectionHidden(Column.OWNER, True)
    header.moveSection(header.visualIndex(Column.ARR), 1)
    first.portfolio_page.table.sortByColumn(Column.ARR, Qt.SortOrder.DescendingOrder)
    header.resizeSection(Column.INDUSTRY, 333)
    first.today_page.splitter.setSizes([300, 500])
    left, right = first.today_page.splitter.sizes()
    first.close()

    second = make_window(qtbot, db, monkeypatch)
    page = second.portfolio_page

    keys = page.columns.visible_keys()
    assert keys[:2] == ["name", "arr"]
    assert "owner" not in keys
    assert page.model.sort_column == Column.ARR
    assert page.model.sort_descending
    # The rows' first load fits widths only where the user set none.
    load(qtbot, second)
    assert page.table.horizontalHeader().sectionSize(Column.INDUSTRY) == 333
    # The second window may be sized to the screen, so compare the split's proportion.
    new_left, new_right = second.today_page.splitter.sizes()
    assert new_left / (new_left + new_right) == pytest.approx(left / (left + right), abs=0.02)
    second.close()


def test_off_screen_frame_moved_back() -> None:
    screens = [QRect(0, 0, 1920, 1080)]
    # Saved on a second monitor to the right that is no longer attached.
    frame = QRect(2500, 100, 1280, 800)

    fitted = fit_to_screens(frame, screens)

    assert not is_reachable(frame, screens)
    assert is_reachable(fitted, screens)
    assert fitted.size() == frame.size()
    assert screens[0].contains(fitted)


def test_on_screen_frame_unchanged() -> None:
    screens = [QRect(0, 0, 1920, 1080), QRect(1920, 0, 2560, 1440)]
    frame = QRect(2100, 50, 1280, 800)

    assert fit_to_screens(frame, screens) == frame


def test_oversized_frame_shrunk_to_screen() -> None:
    screens = [QRect(0, 0, 1366, 768)]

    fitted = fit_to_screens(QRect(-3000, -2000, 2560, 1440), screens)

    assert fitted == QRect(0, 0, 1366, 768)


def test_restore_moves_window_onto_fake_screen(
    qtbot: QtBot, window: MainWindow, ini_settings: Path
) -> None:
    settings = QSettings()
    window.setGeometry(QRect(5000, 4000, 900, 600))
    settings.setValue("test/geometry", window.saveGeometry())
    # Far from the real offscreen screen, so Qt's own clamping cannot reach it.
    fake_screens = [QRect(4000, 3000, 1920, 1200)]

    restored = restore_window_geometry(window, settings, "test/geometry", screens=fake_screens)

    assert restored
    assert is_reachable(window.geometry(), fake_screens)
    assert fake_screens[0].contains(window.geometry())


def test_close_cancels_running_job(qtbot: QtBot, window: MainWindow) -> None:
    started = threading.Event()
    saw_cancel: list[bool] = []

    def work(*, progress: object, cancel: CancelToken) -> None:
        started.set()
        while not cancel.cancelled:
            threading.Event().wait(0.005)
        saw_cancel.append(True)
        raise Cancelled()

    window.runner.start("slow", work)
    assert started.wait(5)

    window.close()

    assert saw_cancel == [True]


def test_close_declined_keeps_working(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []

    def decline(self: MainWindow, count: int) -> bool:
        asked.append(count)
        return False

    monkeypatch.setattr(MainWindow, "confirm_cancel_jobs", decline)
    release = threading.Event()
    job = window.runner.start("slow", lambda **_: release.wait(5))

    window.close()

    assert asked and asked[0] >= 1
    assert window.isVisible()
    assert not job.token.cancelled
    release.set()


def test_close_cancels_reads_without_asking(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[int] = []

    def record(self: MainWindow, count: int) -> bool:
        questions.append(count)
        return True

    monkeypatch.setattr(MainWindow, "confirm_cancel_jobs", record)
    release = threading.Event()
    job = window.runner.start("slow read", lambda **_: release.wait(5), read_only=True)

    window.close()
    release.set()

    assert questions == []
    assert job.token.cancelled
    assert not window.isVisible()


def test_jobs_question_singular(window: MainWindow) -> None:
    assert window._jobs_question(1) == "A background task is still running. Cancel it and quit?"
    assert window._jobs_question(3).startswith("3 background tasks are still running.")


def test_startup_imports_no_matplotlib() -> None:
    code = (
        "import sys; import csm_desktop.ui.app, csm_desktop.ui.main_window; "
        "print(sorted(m for m in ('matplotlib', 'reportlab') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "[]"


def test_startup_builds_no_account_workspace_or_network_client(
    qtbot: QtBot, window: MainWindow
) -> None:
    code = (
        "import sys; import csm_desktop.ui.app, csm_desktop.ui.main_window; "
        "print(sorted(m for m in ('httpx', 'csm_desktop.ui.account_page', "
        "'csm_desktop.ui.qbr_dialog') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "[]"
    assert window._account_page is None
    assert window.shown_account() is None


def _close_on_account(qtbot: QtBot, db: Database, monkeypatch, account_id) -> None:
    from csm_desktop.services.settings import START_PAGE_KEY, set_setting

    with db.session() as session:
        set_setting(session, START_PAGE_KEY, "last")
    first = make_window(qtbot, db, monkeypatch)
    with qtbot.waitSignal(first.account_page.loaded, timeout=5_000):
        first.open_account(account_id)
    first.close()
    first.runner.shutdown(5_000)


def test_last_page_reopens_the_account(
    qtbot: QtBot, db: Database, seeded_db: dict, ini_settings: Path, monkeypatch
) -> None:
    _close_on_account(qtbot, db, monkeypatch, seeded_db["Zenith Labs"])

    second = make_window(qtbot, db, monkeypatch)
    try:
        assert second.pages.currentWidget() is second.account_page
        assert second.account_page.account_id == seeded_db["Zenith Labs"]
    finally:
        second.runner.shutdown(5_000)


def test_last_page_of_deleted_account_is_today(
    qtbot: QtBot, db: Database, seeded_db: dict, ini_settings: Path, monkeypatch
) -> None:
    from datetime import datetime

    from csm_desktop.store.models import Account

    _close_on_account(qtbot, db, monkeypatch, seeded_db["Zenith Labs"])
    with db.session() as session:
        account = session.get(Account, seeded_db["Zenith Labs"])
        account.deleted_at = datetime.now(UTC)

    second = make_window(qtbot, db, monkeypatch)
    try:
        assert second.pages.currentWidget() is second.today_page
    finally:
        second.runner.shutdown(5_000)
