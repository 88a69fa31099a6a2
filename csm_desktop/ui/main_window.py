"""The main window: pages in a stack, menus, status bar and remembered geometry."""

from __future__ import annotations

import logging
import uuid

from PySide6.QtCore import QByteArray, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget
from sqlalchemy import func, select

from csm_desktop import APP_NAME, __version__
from csm_desktop.formatting import format_date, format_number
from csm_desktop.services.settings import reference_date
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.ui.account_page import AccountPage
from csm_desktop.ui.portfolio_page import PortfolioPage
from csm_desktop.ui.qbr_dialog import QbrDialog
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"


class MainWindow(QMainWindow):
    """Holds the portfolio and account pages. Owns the job runner of every screen."""

    # Emitted after a demo import finished and the portfolio reload started.
    demo_loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.runner = JobRunner(self)
        self.setWindowTitle(APP_NAME)

        self.portfolio_page = PortfolioPage(db, self.runner, self)
        self.account_page = AccountPage(db, self.runner, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.portfolio_page)
        self.pages.addWidget(self.account_page)
        self.setCentralWidget(self.pages)

        self.portfolio_page.account_requested.connect(self.open_account)
        self.portfolio_page.export_requested.connect(self.export_qbr)
        self.portfolio_page.loaded.connect(self._update_status)
        self.account_page.back_requested.connect(self.show_portfolio)
        self.account_page.export_requested.connect(self.export_qbr)

        self._data_as_of = QLabel(self)
        self._account_count = QLabel(self)
        self.statusBar().addWidget(self._data_as_of)
        self.statusBar().addPermanentWidget(self._account_count)
        self._build_menus()
        self._restore_geometry()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_demo_action = file_menu.addAction(self.tr("Import &demo data…"))
        self.import_demo_action.triggered.connect(self.import_demo)
        self.export_action = file_menu.addAction(self.tr("&Export QBR…"))
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._export_current)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = help_menu.addAction(self.tr("&About %1").replace("%1", APP_NAME))
        about_action.triggered.connect(self._show_about)

    # Navigation

    @Slot(object)
    def open_account(self, account_id: uuid.UUID) -> None:
        self.account_page.show_account(account_id)
        self.pages.setCurrentWidget(self.account_page)

    @Slot()
    def show_portfolio(self) -> None:
        self.pages.setCurrentWidget(self.portfolio_page)
        self.portfolio_page.table.setFocus()

    def reload_portfolio(self) -> None:
        self.portfolio_page.reload()

    # Actions

    @Slot()
    def _export_current(self) -> None:
        if self.pages.currentWidget() is self.account_page:
            account_id = self.account_page.account_id
        else:
            account_id = self.portfolio_page.current_account()
        if account_id is None:
            QMessageBox.information(
                self, APP_NAME, self.tr("Select an account first, then export its QBR.")
            )
            return
        self.export_qbr(account_id)

    @Slot(object)
    def export_qbr(self, account_id: uuid.UUID) -> None:
        dialog = QbrDialog(self._db, self.runner, account_id, self)
        dialog.open()

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
            "health scores, call notes and QBR reports."
        )
        QMessageBox.about(
            self,
            self.tr("About %1").replace("%1", APP_NAME),
            text.replace("%1", APP_NAME).replace("%2", __version__),
        )

    # Status bar and window state

    @Slot(int)
    def _update_status(self, account_count: int) -> None:
        with self._db.session() as session:
            as_of = reference_date(session)
        self._data_as_of.setText(self.tr("Data as of %1").replace("%1", format_date(as_of)))
        self._account_count.setText(
            self.tr("%1 accounts").replace("%1", format_number(account_count))
        )

    def account_count(self) -> int:
        """Count live accounts, so start-up can tell an empty database from a loaded one."""
        with self._db.session() as session:
            query = select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))
            return int(session.scalar(query) or 0)

    def _restore_geometry(self) -> None:
        saved = QSettings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save geometry, cancel running jobs and wait for their threads before closing."""
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        if self.runner.running_count:
            log.info("Closing: cancelling %d background jobs", self.runner.running_count)
        self.runner.shutdown()
        super().closeEvent(event)
