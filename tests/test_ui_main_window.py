"""Main window: wiring of pages, status bar, shutdown with running jobs, lazy imports."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from csm_desktop.progress import Cancelled, CancelToken
from csm_desktop.store.database import Database
from csm_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> MainWindow:
    """A main window whose QSettings go to a temporary INI file."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.runner.shutdown(5_000)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def test_window_status_and_open_account(
    qtbot: QtBot,
    window: MainWindow,
    seeded_db: dict,
) -> None:
    with qtbot.waitSignal(window.portfolio_page.loaded, timeout=5_000):
        window.reload_portfolio()

    assert window.account_count() == 4
    assert window._data_as_of.text().startswith("Data as of ")

    with qtbot.waitSignal(window.account_page.loaded, timeout=5_000):
        window.open_account(seeded_db["Blue Harbor"])
    assert window.pages.currentWidget() is window.account_page
    assert window.account_page.header.name_label.text() == "Blue Harbor"

    window.account_page.back_button.click()
    assert window.pages.currentWidget() is window.portfolio_page


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


def test_startup_imports_no_matplotlib() -> None:
    code = (
        "import sys; import csm_desktop.ui.app, csm_desktop.ui.main_window; "
        "print(sorted(m for m in ('matplotlib', 'reportlab') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "[]"
