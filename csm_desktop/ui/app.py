"""Start the desktop app: QApplication, fonts, translations, database, main window."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from csm_desktop import APP_ID, APP_NAME, __version__
from csm_desktop.i18n import saved_language
from csm_desktop.ui import i18n as ui_i18n
from csm_desktop.ui.app_icon import application_icon

log = logging.getLogger(__name__)

ORGANIZATION_NAME = "CSM Desktop"


def run_gui(db_path: Path, *, demo: bool) -> int:
    """Show the main window on ``db_path`` and run the event loop. Return the exit code.

    With ``demo`` set and no accounts in the database, the bundled demo is
    imported in the background before the portfolio is shown.
    """
    app = create_application()
    from csm_desktop.ui.gc_guard import MainThreadCollector

    collector = MainThreadCollector(app)
    # Ctrl+C in the terminal closes the windows as File > Quit does. The
    # handler runs at the collector's next check, within half a second.
    signal.signal(signal.SIGINT, lambda *_arguments: QApplication.closeAllWindows())
    from csm_desktop.ui.crash_dialog import install_gui_crash_handler

    install_gui_crash_handler(app)
    from csm_desktop.ui.startup_flow import EXIT_DATABASE_ERROR, StartupFlow

    flow = StartupFlow(db_path, demo=demo)
    if flow.begin() is None:
        return EXIT_DATABASE_ERROR

    try:
        return app.exec()
    finally:
        from csm_desktop.ui.workers import shutdown_all

        shutdown_all()
        flow.close()
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
