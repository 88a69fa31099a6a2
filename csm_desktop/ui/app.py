"""Start the desktop app: QApplication, fonts, translations, database, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from csm_desktop import APP_ID, APP_NAME, __version__
from csm_desktop.i18n import saved_language
from csm_desktop.paths import resource_path
from csm_desktop.store.database import Database
from csm_desktop.ui import i18n as ui_i18n
from csm_desktop.ui.app_icon import application_icon

log = logging.getLogger(__name__)

ORGANIZATION_NAME = "CSM Desktop"
# Exit code when the database cannot be opened, matching the CLI's "command failed".
EXIT_DATABASE_ERROR = 1


def run_gui(db_path: Path, *, demo: bool) -> int:
    """Show the main window on ``db_path`` and run the event loop. Return the exit code.

    With ``demo`` set and no accounts in the database, the bundled demo is
    imported in the background before the portfolio is shown.
    """
    app = create_application()
    from csm_desktop.ui.gc_guard import MainThreadCollector

    collector = MainThreadCollector(app)
    from csm_desktop.ui.crash_dialog import install_gui_crash_handler

    install_gui_crash_handler(app)
    db = _open_or_explain(db_path)
    if db is None:
        return EXIT_DATABASE_ERROR

    from csm_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    window.show()
    if demo and window.account_count() == 0:
        # Start after the first paint, so the window is on screen behind the progress dialog.
        QTimer.singleShot(0, window.import_demo)
    else:
        window.reload_portfolio()
    from csm_desktop.ui.startup import start_background_checks

    start_background_checks(window, db)

    try:
        return app.exec()
    finally:
        from csm_desktop.ui.workers import shutdown_all

        shutdown_all()
        db.dispose()
        collector.stop()


def create_application() -> QApplication:
    """Create (or reuse) the QApplication with names, font and translators set up."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    ensure_font(app)
    ui_i18n.install_translators(app, saved_language())
    app.setWindowIcon(application_icon())
    return app


def ensure_font(app: QApplication) -> None:
    """Register matplotlib's DejaVu Sans when the system has no fonts.

    Without any font Qt draws every character as an empty box and logs
    nothing. matplotlib ships DejaVu Sans, so its file is always there. The
    path is found without importing matplotlib, which would slow start-up.
    """
    if QFontDatabase.families():
        return
    font_file = _matplotlib_font_file()
    if font_file is None:
        log.warning("No system fonts and no bundled DejaVu Sans; text may not render")
        return

    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        log.warning("Could not load the font file %s", font_file)
        return
    app.setFont(QFont(families[0], 10))
    log.info("No system fonts found; using %s", font_file)


def _matplotlib_font_file() -> Path | None:
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    font_file = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
    return font_file if font_file.is_file() else None


def install_translators(app: QApplication) -> None:
    """Install Qt's own and the app's translations for the system locale, when present."""
    locale = QLocale.system()
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", qt_translations):
        app.installTranslator(qt_translator)

    try:
        folder = resource_path("i18n")
    except FileNotFoundError:
        return
    if not folder.is_dir():
        return
    app_translator = QTranslator(app)
    if app_translator.load(locale, APP_ID, "_", str(folder)):
        app.installTranslator(app_translator)
        log.info("Installed translations for %s", locale.name())


def _open_or_explain(db_path: Path) -> Database | None:
    """Open the database for this instance, or tell the user why not and return None.

    The recovery flow (damaged file, second instance, synced folder) is in
    ``ui/startup.py``.
    """
    from csm_desktop.ui.startup import open_with_recovery

    return open_with_recovery(db_path)
