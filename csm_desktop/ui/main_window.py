"""The main window: Today, portfolio and account pages in a stack, menus and remembered state.

Every command is a QAction in a menu with its shortcut shown there, and the
command palette (Ctrl+K) lists the same actions. Window geometry, the open
page, splitters and the portfolio's columns and sort are stored with
QSettings when the window closes.

The window can be built before the database is open: the first paint at
start-up shows the portfolio from rows read with plain ``sqlite3`` while
SQLAlchemy is still loading, and ``attach_database`` then builds the rest.
Until then only the portfolio, its filters and the menus exist, and the
actions that need the database are disabled. This module therefore
imports nothing that imports SQLAlchemy.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget, QWidget

from csm_desktop import APP_NAME, __version__
from csm_desktop.formatting import format_date, format_number
from csm_desktop.ui.portfolio_page import PortfolioPage
from csm_desktop.ui.window_state import restore_window_geometry, save_window_geometry
from csm_desktop.ui.workers import JobRunner

if TYPE_CHECKING:
    from csm_desktop.services.search import SearchHit
    from csm_desktop.store.database import Database
    from csm_desktop.ui.account_page import AccountPage, RecordFocus
    from csm_desktop.ui.today_page import TodayPage

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
PAGE_KEY = "main_window/page"
ACCOUNT_KEY = "main_window/account"
ACCOUNT_TAB_KEY = "account_page/tab"


class MainWindow(QMainWindow):
    """Holds the Today, portfolio and account pages. Owns the job runner of every screen."""

    # Emitted after a demo import finished and the portfolio reload started.
    demo_loaded = Signal()

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        *,
        start_page: str | None = None,
    ) -> None:
        """Build the window on ``db``, or without it until ``attach_database``.

        ``start_page`` is the stored start-page setting ("today", "portfolio"
        or "last") when the caller read it already. Without it, the setting is
        read from the database when one is attached.
        """
        super().__init__(parent)
        self._db: Database | None = None
        self.runner = JobRunner(self)
        self.setWindowTitle(APP_NAME)
        self._previous_page: QWidget | None = None
        # (page loading now, page whose reload waits for it), during a reload.
        self._queued_reload: tuple[QWidget, QWidget] | None = None

        self.portfolio_page = PortfolioPage(None, self.runner, self)
        # Built when the database is attached. Until then a label takes its place.
        self._today_page: TodayPage | None = None
        self._today_placeholder = QLabel(self.tr("Opening your portfolio…"), self)
        self._today_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Built on first use: the workspace and its tabs cost more to import
        # and build than the rest of the window, and start-up does not show it.
        self._account_page: AccountPage | None = None
        # Requests made before the database was attached, by kind ("open",
        # "export"), run once it is. A newer request of a kind replaces the older.
        self._pending: dict[str, Callable[[], None]] = {}
        self.pages = QStackedWidget(self)
        for page in (self._today_placeholder, self.portfolio_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)

        self.portfolio_page.account_requested.connect(self.open_account)
        self.portfolio_page.export_requested.connect(self.export_qbr)
        self.portfolio_page.loaded.connect(self._update_status)

        self._data_as_of = QLabel(self)
        self._account_count = QLabel(self)
        self.statusBar().addWidget(self._data_as_of)
        self.statusBar().addPermanentWidget(self._account_count)
        # Menus by name, so other parts can add their actions ("file", "edit", "go", "help").
        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self._restore_state()
        self._start_page = start_page
        if start_page is not None:
            self._show_start_page(start_page)
        if db is not None:
            self.attach_database(db)

    def attach_database(self, db: Database) -> None:
        """Build what needs the database: Today, the quick note, sync; enable every action."""
        from csm_desktop.ui.quick_note import install_quick_note
        from csm_desktop.ui.sync_status import install_sync
        from csm_desktop.ui.today_page import TodayPage

        self._db = db
        today = TodayPage(db, self.runner, self)
        today.account_requested.connect(self.open_account)
        waiting = self.pages.currentWidget() is self._today_placeholder
        self.pages.insertWidget(0, today)
        if waiting:
            self.pages.setCurrentWidget(today)
        self.pages.removeWidget(self._today_placeholder)
        self._today_placeholder.deleteLater()
        self._today_page = today

        self.portfolio_page.attach_database(db)
        self._record_start()
        today.restore_state(QSettings())
        if self._start_page is None:
            self._show_start_page(self._stored_start_page())
        for action in self._database_actions:
            action.setEnabled(True)
        if self.portfolio_page.model.total_count():
            self._update_status(self.portfolio_page.model.total_count())

        self.quick_note = install_quick_note(self, db, self.shown_account)
        # Adds the Sync menu and status indicator, and captures edits when sync is set up.
        self.sync = install_sync(self, db, self.runner)
        pending, self._pending = self._pending, {}
        for request in pending.values():
            request()

    @property
    def database_attached(self) -> bool:
        return self._db is not None

    @property
    def today_page(self) -> TodayPage:
        """The Today screen; it exists once the database is attached."""
        if self._today_page is None:
            raise RuntimeError("The Today screen is built when the database is attached")
        return self._today_page

    # Menus

    def _add_action(self, menu: QMenu, text: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menus["file"] = self.menuBar().addMenu(self.tr("&File"))
        add = self._add_action
        self.import_action = add(file_menu, self.tr("&Import…"), "Ctrl+I", self.import_file)
        self.export_data_action = add(file_menu, self.tr("E&xport data…"), None, self.export_data)
        self.import_demo_action = add(
            file_menu, self.tr("Import &demo data…"), None, self.import_demo
        )
        self.export_action = add(file_menu, self.tr("&Export QBR…"), "Ctrl+E", self._export_current)
        self.export_batch_action = add(
            file_menu, self.tr("Export QBRs for this &view…"), "Ctrl+Shift+B", self._export_batch
        )
        self.export_csv_action = add(
            file_menu, self.tr("Export view to &CSV…"), "Ctrl+Shift+E", self._export_csv
        )
        file_menu.addSeparator()
        # Ctrl+Q on every platform: some platform themes map the standard Quit key to nothing.
        add(file_menu, self.tr("&Quit"), "Ctrl+Q", self.close)

        edit_menu = self.menus["edit"] = self.menuBar().addMenu(self.tr("&Edit"))
        self.find_action = add(edit_menu, self.tr("&Filter portfolio"), "Ctrl+F", self._find)
        edit_menu.addSeparator()
        self.settings_action = add(edit_menu, self.tr("&Settings…"), "Ctrl+,", self.show_settings)

        go_menu = self.menus["go"] = self.menuBar().addMenu(self.tr("&Go"))
        self.palette_action = add(go_menu, self.tr("Go &to…"), "Ctrl+K", self.show_palette)
        go_menu.addSeparator()
        self.today_action = add(go_menu, self.tr("To&day"), "Ctrl+1", self.show_today)
        self.portfolio_action = add(go_menu, self.tr("&Portfolio"), "Ctrl+2", self.show_portfolio)
        self.account_action = add(go_menu, self.tr("&Account"), "Ctrl+3", self.show_account_page)
        self.back_action = add(go_menu, self.tr("&Back"), "Alt+Left", self.go_back)
        go_menu.addSeparator()
        self.refresh_action = add(go_menu, self.tr("&Refresh"), "F5", self.reload_portfolio)

        help_menu = self.menus["help"] = self.menuBar().addMenu(self.tr("&Help"))
        add(help_menu, self.tr("&About %1").replace("%1", APP_NAME), None, self._show_about)
        # The account workspace registers its own actions (such as the quick note) in these menus.

        # Enabled once the database is attached; the others work on the rows shown.
        self._database_actions = [
            self.import_action,
            self.export_data_action,
            self.import_demo_action,
            self.export_action,
            self.export_batch_action,
            self.settings_action,
            self.palette_action,
            self.today_action,
            self.account_action,
            self.refresh_action,
        ]
        for action in self._database_actions:
            action.setEnabled(False)

    def all_actions(self) -> list[QAction]:
        """Return every menu action except the palette's own, for the command palette."""
        actions: list[QAction] = []
        for menu in self.menus.values():
            for action in menu.actions():
                if action.isSeparator() or action is self.palette_action:
                    continue
                actions.append(action)
        return actions

    # Pages

    @property
    def account_page(self) -> AccountPage:
        """The account workspace, built and added to the page stack on first use."""
        if self._account_page is None:
            self._account_page = self._build_account_page()
        return self._account_page

    def _build_account_page(self) -> AccountPage:
        from csm_desktop.ui.account_page import AccountPage

        if self._db is None:
            raise RuntimeError("The account workspace is built when the database is attached")
        page = AccountPage(self._db, self.runner, self)
        page.back_requested.connect(self.go_back)
        page.export_requested.connect(self.export_qbr)
        self.pages.addWidget(page)
        tab = QSettings().value(ACCOUNT_TAB_KEY)
        if isinstance(tab, int | str) and str(tab).isdigit():
            page.tabs.setCurrentIndex(int(tab))
        return page

    def shown_account(self) -> uuid.UUID | None:
        """Return the account whose workspace is on screen, or None on other pages."""
        page = self._account_page
        if page is None or self.pages.currentWidget() is not page:
            return None
        return page.account_id

    # Navigation

    @Slot(object)
    def open_account(self, account_id: uuid.UUID, focus: RecordFocus | None = None) -> None:
        """Show the workspace of ``account_id``; the stable entry point for every screen.

        ``focus`` names a note or contact to select there. Before the database
        is attached the request waits and runs then.
        """
        if self._db is None:
            self._pending["open"] = lambda: self.open_account(account_id, focus)
            return
        self._remember_page()
        self.account_page.show_account(account_id, focus)
        self.pages.setCurrentWidget(self.account_page)

    @Slot()
    def show_today(self) -> None:
        if self._today_page is None:
            return
        self._remember_page()
        self.pages.setCurrentWidget(self.today_page)
        self.today_page.focus_first_list()

    @Slot()
    def show_portfolio(self) -> None:
        self._remember_page()
        self.pages.setCurrentWidget(self.portfolio_page)
        self.portfolio_page.table.setFocus()

    @Slot()
    def show_account_page(self) -> None:
        if self._account_page is not None and self._account_page.account_id is not None:
            self._remember_page()
            self.pages.setCurrentWidget(self.account_page)

    @Slot()
    def go_back(self) -> None:
        """Return to the page shown before the current one (the portfolio by default)."""
        target = self._previous_page
        if target is None or target is self.pages.currentWidget():
            target = self.portfolio_page
        if target is not None and target is self._today_page:
            self.show_today()
        elif target is not None and target is self._account_page:
            self.show_account_page()
        else:
            self.show_portfolio()

    def _remember_page(self) -> None:
        self._previous_page = self.pages.currentWidget()

    def reload_portfolio(self) -> None:
        """Reload the portfolio and the Today screen, which both read the accounts.

        The page on screen loads first and the other one after it: both jobs
        run Python code, so running them side by side only delays the one the
        user is looking at.
        """
        if self._today_page is None:
            return
        if self.pages.currentWidget() is self._today_page:
            first, second = self._today_page, self.portfolio_page
        else:
            first, second = self.portfolio_page, self.today_page
        if self._queued_reload is None:
            # When a reload is already queued, it reads fresh data anyway.
            self._queued_reload = (first, second)
            first.loaded.connect(self._reload_queued_page)
            first.load_failed.connect(self._reload_queued_page)
        first.reload()

    @Slot()
    def _reload_queued_page(self) -> None:
        if self._queued_reload is None:
            return
        first, second = self._queued_reload
        self._queued_reload = None
        first.loaded.disconnect(self._reload_queued_page)
        first.load_failed.disconnect(self._reload_queued_page)
        second.reload()

    # Actions

    @Slot()
    def _find(self) -> None:
        self.show_portfolio()
        self.portfolio_page.focus_filter()

    @Slot()
    def show_palette(self) -> None:
        from csm_desktop.ui.command_palette import CommandPalette

        palette = CommandPalette(self._db, self.runner, self.all_actions(), self)
        palette.hit_chosen.connect(self.open_search_hit)
        palette.finished.connect(palette.deleteLater)
        self.palette = palette
        palette.open()

    @Slot()
    def show_settings(self) -> None:
        from csm_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._db, self.runner, self)
        dialog.applied.connect(self.today_page.reload)
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()

    @Slot()
    def _export_csv(self) -> None:
        self.show_portfolio()
        self.portfolio_page.export_csv()

    @Slot()
    def _export_batch(self) -> None:
        self.show_portfolio()
        self.portfolio_page.export_qbrs_for_view()

    @Slot()
    def _export_current(self) -> None:
        account_id = self.shown_account()
        if account_id is None:
            account_id = self.portfolio_page.current_account()
        if account_id is None:
            QMessageBox.information(
                self, APP_NAME, self.tr("Select an account first, then export its QBR.")
            )
            return
        self.export_qbr(account_id)

    @Slot(object)
    def open_search_hit(self, hit: SearchHit) -> None:
        """Open the account of a palette result, with its note or contact selected."""
        focus = (hit.kind, hit.item_id) if hit.kind in ("note", "contact") else None
        self.open_account(hit.account_id, focus)

    @Slot(object)
    def export_qbr(self, account_id: uuid.UUID) -> None:
        """Open the QBR export of ``account_id``; before the database is attached it waits."""
        from csm_desktop.ui.qbr_dialog import QbrDialog

        if self._db is None:
            self._pending["export"] = lambda: self.export_qbr(account_id)
            return
        dialog = QbrDialog(self._db, self.runner, account_id, self)
        dialog.open()

    @Slot()
    def import_file(self) -> None:
        """Open the import wizard; reload the portfolio after an import."""
        from csm_desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self._db, self.runner, self)
        wizard.imported.connect(lambda _report: self.reload_portfolio())
        wizard.open()

    @Slot()
    def export_data(self) -> None:
        from csm_desktop.ui.export_dialog import ExportDialog

        ExportDialog(self._db, self.runner, self).open()

    @Slot()
    def import_demo(self) -> None:
        """Import the bundled demo data in the background, then reload the portfolio."""
        from csm_desktop.ui.demo_import import start_demo_import

        job = start_demo_import(self._db, self.runner, self)
        job.succeeded.connect(self._on_demo_loaded)
        job.failed.connect(self._on_demo_failed)

    @Slot(object)
    def _on_demo_loaded(self, _summary: object) -> None:
        self.reload_portfolio()
        self.demo_loaded.emit()

    @Slot(object)
    def _on_demo_failed(self, error: object) -> None:
        QMessageBox.critical(
            self,
            APP_NAME,
            self.tr("The demo data could not be imported: %1").replace("%1", str(error)),
        )

    @Slot()
    def _show_about(self) -> None:
        text = self.tr(
            "%1 %2\n\nAn offline workspace for Customer Success Managers: portfolio, "
            "health scores, call notes and QBR reports.\n\nPress Ctrl+K to go anywhere."
        )
        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", APP_NAME),
            text.replace("%1", APP_NAME).replace("%2", __version__),
        )

    # Status bar

    @Slot(int)
    def _update_status(self, account_count: int) -> None:
        if self._db is None:
            return
        from csm_desktop.services.settings import reference_date

        with self._db.session() as session:
            as_of = reference_date(session)
        self._data_as_of.setText(self.tr("Data as of %1").replace("%1", format_date(as_of)))
        self._account_count.setText(
            self.tr("%1 accounts").replace("%1", format_number(account_count))
        )

    def account_count(self) -> int:
        """Count live accounts, so start-up can tell an empty database from a loaded one."""
        from sqlalchemy import func, select

        from csm_desktop.store.models import Account

        assert self._db is not None
        with self._db.session() as session:
            query = select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))
            return int(session.scalar(query) or 0)

    # Remembered state and closing

    def _record_start(self) -> None:
        """Store this start's instant and tell Today when the app was opened before."""
        from sqlalchemy.exc import SQLAlchemyError

        from csm_desktop.services.today import record_app_start

        assert self._db is not None
        previous: datetime | None = None
        try:
            with self._db.session() as session:
                previous = record_app_start(session)
        except SQLAlchemyError:
            log.exception("Could not record the start instant; Today lists the last 7 days")
        self.today_page.set_previous_start(previous)

    def _restore_state(self) -> None:
        settings = QSettings()
        restore_window_geometry(self, settings, GEOMETRY_KEY)
        self.portfolio_page.restore_state(settings)

    def _stored_start_page(self) -> str:
        from csm_desktop.services.settings import START_PAGE_KEY, get_setting

        assert self._db is not None
        with self._db.session() as session:
            return get_setting(session, START_PAGE_KEY) or "today"

    def _show_start_page(self, start: str) -> None:
        """Show the page the start-page setting names (a label in Today's place until attached)."""
        if start == "last":
            settings = QSettings()
            start = str(settings.value(PAGE_KEY) or "today")
            account_id = _stored_uuid(settings.value(ACCOUNT_KEY))
            if start == "account" and account_id is not None:
                # The portfolio shows until the workspace has loaded.
                self.pages.setCurrentWidget(self.portfolio_page)
                self._open_remembered_account(account_id)
                return
        if start == "portfolio":
            self.pages.setCurrentWidget(self.portfolio_page)
        else:
            self.pages.setCurrentWidget(self._today_page or self._today_placeholder)

    def _open_remembered_account(self, account_id: uuid.UUID) -> None:
        """Open the account shown when the app was closed, or Today if it is gone since."""
        from csm_desktop.services.account_lookup import account_exists

        if self._db is None:
            self._pending["open"] = lambda: self._open_remembered_account(account_id)
            return
        with self._db.session() as session:
            found = account_exists(session, account_id)
        if found:
            self.open_account(account_id)
        else:
            log.info("The account shown at the last close is gone; starting on Today")
            self.pages.setCurrentWidget(self.today_page)

    def save_state(self) -> None:
        settings = QSettings()
        save_window_geometry(self, settings, GEOMETRY_KEY)
        current = self.pages.currentWidget()
        account_id = self.shown_account()
        if current is self.portfolio_page:
            page = "portfolio"
        elif account_id is not None:
            page = "account"
            settings.setValue(ACCOUNT_KEY, str(account_id))
        else:
            page = "today"
        settings.setValue(PAGE_KEY, page)
        if self._today_page is not None:
            self._today_page.save_state(settings)
        self.portfolio_page.save_state(settings)
        # Without a workspace this session, the tab stored last time stays as it is.
        if self._account_page is not None:
            settings.setValue(ACCOUNT_TAB_KEY, self._account_page.tabs.currentIndex())

    def confirm_cancel_jobs(self, count: int) -> bool:
        """Ask whether to cancel ``count`` running jobs and quit. Tests replace this method."""
        answer = QMessageBox.question(
            self,
            APP_NAME,
            self._jobs_question(count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _jobs_question(self, count: int) -> str:
        if count == 1:
            return self.tr("A background task is still running. Cancel it and quit?")
        return self.tr("%1 background tasks are still running. Cancel them and quit?").replace(
            "%1", format_number(count)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before cancelling running work, then save state and wait for the threads."""
        running = self.runner.running_count
        # Screens still loading are cancelled without a question; work that writes is not.
        writing = self.runner.writing_count
        if writing and not self.confirm_cancel_jobs(writing):
            event.ignore()
            return
        self.save_state()
        if running:
            log.info("Closing: cancelling %d background jobs", running)
        self.runner.shutdown()
        super().closeEvent(event)


def _stored_uuid(value: object) -> uuid.UUID | None:
    """Read an account id stored in QSettings; anything else reads as None."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
