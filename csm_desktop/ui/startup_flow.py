"""Start the main window as early as possible, then open the database behind it.

Two paths lead to the same window:

- The first paint: when ``read_first_paint`` can read the portfolio with
  plain ``sqlite3``, the window is shown at once with those rows, while a
  background job imports SQLAlchemy and the models. The database is then
  opened on the UI thread (any problem is shown as usual) and attached.
- The normal open: otherwise the database is opened first, with its
  recovery messages, migrations and backup, and the window is built on it.

Nothing imported at the top of this module imports SQLAlchemy.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from csm_desktop.services.first_paint import FirstPaint, read_first_paint
from csm_desktop.ui.main_window import MainWindow
from csm_desktop.ui.portfolio_model import prepare_rows
from csm_desktop.ui.workers import JobRunner

if TYPE_CHECKING:
    from csm_desktop.store.database import Database

log = logging.getLogger(__name__)

# Exit code when the database cannot be opened, matching the CLI's "command failed".
EXIT_DATABASE_ERROR = 1
# How long the rest of the app waits for a first paint that does not come.
UNPAINTED_DELAY_MS = 1_000
# Imported off the UI thread after the first paint. None of them defines Qt
# widgets, whose classes are better created on the UI thread.
DEFERRED_MODULES = (
    "sqlalchemy.orm",
    "csm_desktop.store.database",
    "csm_desktop.services.today",
    "csm_desktop.services.health",
    "csm_desktop.sync.service",
)


def import_deferred_modules(**_job_arguments: Any) -> None:
    """Import the modules the rest of the window needs (a background job)."""
    for name in DEFERRED_MODULES:
        importlib.import_module(name)


class _FirstPaintWatch(QObject):
    """Calls ``then`` once, after ``window`` is first painted (or after a delay, unpainted).

    The delay covers a window that is never exposed, such as a minimised one.
    """

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(UNPAINTED_DELAY_MS, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            # After this paint has been delivered, not inside it.
            QTimer.singleShot(0, self, self._fire)
        return False

    @Slot()
    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)
            then()


class StartupFlow(QObject):
    """Shows the window, opens the database and attaches it; owns the database afterwards."""

    # Emitted once the database is attached to the window.
    attached = Signal()

    def __init__(self, db_path: Path, *, demo: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._demo = demo
        self._first: FirstPaint | None = None
        self._first_row_count = 0
        self._runner = JobRunner(self)
        self.window: MainWindow | None = None
        self.db: Database | None = None

    def begin(self) -> MainWindow | None:
        """Show the window; return None when the database cannot be opened (after a message)."""
        self._first = read_first_paint(self._db_path)
        if self._first is None:
            return self._open_then_show()

        window = MainWindow(None, start_page=self._first.start_page)
        self.window = window
        window.show()
        window.portfolio_page.show_rows(prepare_rows(self._first.rows))
        self._first_row_count = len(self._first.rows)
        # The model has the rows now; the flow lives as long as the app.
        self._first.rows = []
        log.info("First paint with %d accounts; loading the rest", self._first_row_count)
        # The import keeps the interpreter lock most of the time, so it starts
        # once the window is painted rather than competing with the paint.
        self._painted = _FirstPaintWatch(window, self._load_rest)
        return window

    @Slot()
    def _load_rest(self) -> None:
        # On the flow's own runner, so closing the window in the meantime
        # neither shows a question about this job nor waits for it.
        job = self._runner.start("load modules", import_deferred_modules, read_only=True)
        job.finished.connect(self._attach_after_first_paint)

    def close(self) -> None:
        """Close the database, or release the lock of a start that never attached one."""
        if self.db is not None:
            self.db.dispose()
        elif self._first is not None:
            self._first.lock.release()

    def _open_then_show(self) -> MainWindow | None:
        from csm_desktop.ui.startup import open_with_recovery

        db = open_with_recovery(self._db_path)
        if db is None:
            return None
        self.db = db
        window = MainWindow(db)
        self.window = window
        window.show()
        if self._demo and window.account_count() == 0:
            # After the first paint, so the window is on screen behind the progress dialog.
            QTimer.singleShot(0, window.import_demo)
            self._check_after_demo()
        else:
            window.reload_portfolio()
            self._start_background_checks()
        self.attached.emit()
        return window

    @Slot()
    def _attach_after_first_paint(self) -> None:
        from csm_desktop.ui.startup import open_with_recovery

        assert self._first is not None and self.window is not None
        if not self.window.isVisible():
            # Closed during the first paint: leave the file as it was, start
            # unrecorded, so Today's "changes since last start" stays right.
            log.info("The window closed before the database was opened; not opening it")
            return
        db = open_with_recovery(self._db_path, lock=self._first.lock)
        if db is None:
            self._first = None
            QCoreApplication.exit(EXIT_DATABASE_ERROR)
            return
        self.db = db
        self.window.attach_database(db)
        if self._demo and self._first_row_count == 0:
            self.window.import_demo()
            self._check_after_demo()
        else:
            # The portfolio shows the rows read at start; Today reads its own.
            self.window.today_page.reload()
            self._start_background_checks()
        self.attached.emit()

    def _check_after_demo(self) -> None:
        """Run the check and daily backup once the demo is imported, so the backup contains it."""
        assert self.window is not None
        self.window.demo_loaded.connect(
            self._start_background_checks, Qt.ConnectionType.SingleShotConnection
        )

    @Slot()
    def _start_background_checks(self) -> None:
        from csm_desktop.ui.startup import start_background_checks

        assert self.window is not None and self.db is not None
        start_background_checks(self.window, self.db)
