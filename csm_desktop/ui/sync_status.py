"""Team sync in the main window: the controller that runs syncs, the status bar indicator, menu.

``SyncController`` runs ``SyncEngine.run`` through ``JobRunner`` (one run at
a time, cancellable), repeats it every ``BACKGROUND_SYNC_MINUTES`` while the
database is connected, and remembers whether the last attempt found the
server unreachable. The indicator reads only that state and the local
sync tables and makes no network call.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolButton, QWidget

from csm_desktop.formatting import format_number
from csm_desktop.progress import CancelToken
from csm_desktop.store.database import Database
from csm_desktop.sync import service, state
from csm_desktop.sync.capture import install_capture
from csm_desktop.sync.engine import SIGNED_OUT_CODES, SignedOut, SyncReport
from csm_desktop.sync.resolve import post_resolutions
from csm_desktop.sync.transport import NetworkError
from csm_desktop.ui.sync_messages import describe_error
from csm_desktop.ui.sync_settings_page import connection_events
from csm_desktop.ui.workers import Job, JobRunner

log = logging.getLogger(__name__)

BACKGROUND_SYNC_MINUTES = 5
# Attempts per server call in one run; the engine waits a random 0-1 s, 0-2 s, ... between them.
DEFAULT_MAX_ATTEMPTS = 3


class SyncController(QObject):
    """Runs syncs for one database and keeps the state the indicator shows."""

    # Emitted whenever the indicator should re-read the state (a run started or ended).
    changed = Signal()
    # Emitted with the SyncReport after a successful run.
    synced = Signal(object)
    # Emitted after a successful run while changes a restored server lost await the user.
    lost_changes_found = Signal()

    def __init__(self, db: Database, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self.job: Job | None = None
        self.offline = False
        self.signed_out = False
        self.last_message = ""
        self.max_attempts = DEFAULT_MAX_ATTEMPTS
        self.timer = QTimer(self)
        self.timer.setInterval(BACKGROUND_SYNC_MINUTES * 60_000)
        self.timer.timeout.connect(self.sync_in_background)
        connection_events().changed.connect(self._on_connection_changed)
        if self.is_connected():
            install_capture()
            self.timer.start()

    @property
    def db(self) -> Database:
        return self._db

    @property
    def running(self) -> bool:
        return self.job is not None

    def is_connected(self) -> bool:
        with self._db.engine.connect() as conn:
            return state.get_value(conn, state.SERVER_URL) is not None

    def status(self) -> service.SyncStatus:
        return service.read_status(self._db)

    @Slot()
    def sync_in_background(self) -> None:
        """Start a sync without a progress dialog, unless one runs or the user must sign in."""
        if self.running or self.signed_out or not self.is_connected():
            return
        self.sync_now()

    def sync_now(self, progress_parent: QWidget | None = None) -> Job | None:
        """Start a sync (or return the running one); None when sync is not set up."""
        if self.job is not None:
            return self.job
        if not self.is_connected():
            self.last_message = self.tr("Sync is not set up: open Settings > Team sync.")
            self.changed.emit()
            return None
        db, max_attempts = self._db, self.max_attempts
        job = self._runner.start(
            "sync",
            lambda progress, cancel: run_sync(db, progress, cancel, max_attempts),
            progress_parent=progress_parent,
            progress_label=self.tr("Syncing with the team server…"),
        )
        self.job = job
        job.succeeded.connect(self._on_succeeded)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.finished.connect(self._on_finished)
        self.changed.emit()
        return job

    @Slot()
    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    @Slot(object)
    def _on_succeeded(self, report: object) -> None:
        self.offline = False
        self.signed_out = False
        self.last_message = self.tr("Last sync: %1 sent, %2 received.")
        if isinstance(report, SyncReport):
            sent = sum(report.pushed.values())
            self.last_message = self.last_message.replace("%1", format_number(sent)).replace(
                "%2", format_number(report.pulled)
            )
        self.synced.emit(report)
        if self.status().lost_changes:
            self.lost_changes_found.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        url = self.status().server_url or ""
        self.offline = isinstance(error, NetworkError)
        self.signed_out = isinstance(error, SignedOut | service.NotConnectedError)
        self.last_message = describe_error(error, url) if isinstance(error, Exception) else ""
        log.warning("Sync failed: %s", error)

    @Slot()
    def _on_cancelled(self) -> None:
        self.last_message = self.tr("Sync cancelled; it runs again later.")

    @Slot()
    def _on_finished(self) -> None:
        self.job = None
        self.changed.emit()

    @Slot()
    def _on_connection_changed(self) -> None:
        self.signed_out = False
        self.offline = False
        install_capture()
        self.timer.start()
        self.changed.emit()
        self.sync_in_background()


def run_sync(db: Database, progress, cancel: CancelToken, max_attempts: int) -> SyncReport:
    """Run one sync and then send the conflict resolutions chosen since the last one."""
    engine = service.build_engine(
        db, max_attempts=max_attempts, sleep=lambda seconds: _sleep(seconds, cancel)
    )
    try:
        report = engine.run(progress, cancel)
        post_resolutions(db, engine.transport)
    finally:
        engine.transport.close()
    return report


def _sleep(seconds: float, cancel: CancelToken) -> None:
    """Wait between retries, waking early when the user cancels."""
    deadline = time.monotonic() + seconds
    while not cancel.cancelled and time.monotonic() < deadline:
        time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
    cancel.raise_if_cancelled()


def indicator_text(
    status: service.SyncStatus, *, running: bool, offline: bool, signed_out: bool
) -> str:
    """Return the status bar text: the most urgent of the sync states, one short phrase."""

    if status.server_url is None:
        return QCoreApplication.translate("SyncStatus", "Sync: not connected")
    if running:
        return QCoreApplication.translate("SyncStatus", "Syncing…")
    if signed_out or status.last_error in SIGNED_OUT_CODES:
        return QCoreApplication.translate("SyncStatus", "Signed out — sign in again")
    if status.open_conflicts:
        return QCoreApplication.translate("SyncStatus", "Conflicts: %1").replace(
            "%1", format_number(status.open_conflicts)
        )
    if status.lost_changes:
        return QCoreApplication.translate("SyncStatus", "Changes lost by the server: %1").replace(
            "%1", format_number(status.lost_changes)
        )
    pending = QCoreApplication.translate("SyncStatus", "Pending changes: %1").replace(
        "%1", format_number(status.pending)
    )
    if offline:
        return QCoreApplication.translate("SyncStatus", "Offline") + (
            " · " + pending if status.pending else ""
        )
    if status.rejected:
        return QCoreApplication.translate("SyncStatus", "Rejected changes: %1").replace(
            "%1", format_number(status.rejected)
        )
    if status.last_error:
        # The tooltip and Sync > Pending changes give the reason. The next sync tries again.
        return QCoreApplication.translate("SyncStatus", "Last sync failed")
    if status.pending:
        return pending
    return QCoreApplication.translate("SyncStatus", "Synced")


class SyncIndicator(QToolButton):
    """Status bar button that shows the sync state; its menu contains the sync actions."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(self.tr("Sync status"))
        controller.changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        status = self._controller.status()
        self.setText(
            indicator_text(
                status,
                running=self._controller.running,
                offline=self._controller.offline,
                signed_out=self._controller.signed_out,
            )
        )
        tip = [self._controller.last_message] if self._controller.last_message else []
        if status.rejected:
            from csm_desktop.ui.sync_pending import rejection_messages

            tip += rejection_messages(self._controller.db)
        if status.server_url:
            tip.append(
                self.tr("Server: %1 (%2)")
                .replace("%1", status.server_url)
                .replace("%2", status.user_email or "?")
            )
        self.setToolTip("\n".join(tip))


def install_sync(window: QMainWindow, db: Database, runner: JobRunner) -> SyncController:
    """Add the Sync menu, the status bar indicator and background sync to ``window``.

    ``window`` must have the ``menus`` dictionary and ``show_settings`` of
    ``MainWindow``; the dialogs it opens get only ``db`` and the controller.
    """
    controller = SyncController(db, runner, window)
    menu = QMenu(QCoreApplication.translate("SyncStatus", "&Sync"), window)
    help_menu = window.menus.get("help")
    if help_menu is not None:
        window.menuBar().insertMenu(help_menu.menuAction(), menu)
    else:
        window.menuBar().addMenu(menu)
    window.menus["sync"] = menu
    actions = SyncActions(window, db, controller, menu)

    indicator = SyncIndicator(controller, window)
    indicator.setMenu(actions.indicator_menu())
    window.statusBar().addPermanentWidget(indicator)
    controller.indicator = indicator  # type: ignore[attr-defined]
    controller.actions = actions  # type: ignore[attr-defined]
    reload = getattr(window, "reload_portfolio", None)
    if callable(reload):
        controller.synced.connect(lambda report: _reload_after(report, reload))
    return controller


def _reload_after(report: Any, reload) -> None:
    if isinstance(report, SyncReport) and report.pulled:
        reload()


class SyncActions(QObject):
    """The Sync menu's actions and the dialogs they open."""

    def __init__(
        self, window: QMainWindow, db: Database, controller: SyncController, menu: QMenu
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._controller = controller
        self.conflicts_dialog: QWidget | None = None
        self.pending_dialog: QWidget | None = None
        self.lost_dialog: QWidget | None = None
        self.sync_now_action = self._add(menu, self.tr("Sync &now"), "F9", self.sync_now)
        self.cancel_action = self._add(menu, self.tr("&Cancel sync"), None, controller.cancel)
        menu.addSeparator()
        self.pending_action = self._add(menu, self.tr("&Pending changes…"), None, self.show_pending)
        self.conflicts_action = self._add(
            menu, self.tr("C&onflicts and proposals…"), None, self.show_conflicts
        )
        self.lost_action = self._add(
            menu, self.tr("Changes the server &lost…"), None, self.show_lost
        )
        menu.addSeparator()
        self.settings_action = self._add(
            menu, self.tr("Team sync &settings…"), None, self.show_settings
        )
        controller.changed.connect(self._update_enabled)
        controller.lost_changes_found.connect(self._offer_lost)
        # Set when the user chooses "Ask later", so background syncs stop reopening the dialog.
        self.lost_postponed = False
        self._update_enabled()

    def _add(self, menu: QMenu, text: str, shortcut: str | None, slot) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def indicator_menu(self) -> QMenu:
        menu = QMenu(self._window)
        for action in (
            self.sync_now_action,
            self.cancel_action,
            self.pending_action,
            self.conflicts_action,
            self.lost_action,
            self.settings_action,
        ):
            menu.addAction(action)
        return menu

    @Slot()
    def _update_enabled(self) -> None:
        self.cancel_action.setEnabled(self._controller.running)
        self.lost_action.setEnabled(self._controller.status().lost_changes > 0)

    @Slot()
    def sync_now(self) -> None:
        self._controller.sync_now(progress_parent=self._window)

    @Slot()
    def show_conflicts(self) -> None:
        from csm_desktop.ui.sync_conflicts import ConflictsDialog

        if self.conflicts_dialog is None:
            dialog = ConflictsDialog(self._db, self._window)
            dialog.choices_applied.connect(self._controller.sync_in_background)
            self._controller.changed.connect(dialog.reload)
            self.conflicts_dialog = dialog
        self.conflicts_dialog.reload()
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()

    @Slot()
    def show_lost(self) -> None:
        """Open the "Re-upload changes the server lost?" dialog; a re-upload syncs at once."""
        from csm_desktop.ui.sync_lost import LostChangesDialog

        if self.lost_dialog is None:
            dialog = LostChangesDialog(self._db, self._window)
            dialog.reuploaded.connect(self._controller.sync_in_background)
            dialog.rejected.connect(self._postpone_lost)
            dialog.finished.connect(lambda _result: self._controller.changed.emit())
            self.lost_dialog = dialog
        self.lost_dialog.reload()
        self.lost_dialog.show()
        self.lost_dialog.raise_()

    @Slot()
    def _offer_lost(self) -> None:
        if not self.lost_postponed:
            self.show_lost()

    @Slot()
    def _postpone_lost(self) -> None:
        self.lost_postponed = True

    @Slot()
    def show_pending(self) -> None:
        from csm_desktop.ui.sync_pending import PendingChangesDialog

        if self.pending_dialog is None:
            dialog = PendingChangesDialog(self._db, self._window)
            dialog.sync_requested.connect(self.sync_now)
            self._controller.changed.connect(dialog.reload)
            self.pending_dialog = dialog
        self.pending_dialog.reload()
        self.pending_dialog.show()
        self.pending_dialog.raise_()

    @Slot()
    def show_settings(self) -> None:
        """Open Settings on the Team sync page."""
        self._window.show_settings()
        dialog = getattr(self._window, "settings_dialog", None)
        if dialog is None:
            return
        for row in range(dialog.page_list.count()):
            if dialog.page_list.item(row).text() == QCoreApplication.translate(
                "Settings", "Team sync"
            ):
                dialog.page_list.setCurrentRow(row)
