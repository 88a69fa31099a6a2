"""Start the app the way ``run_gui`` does and quit once the start page's data is on screen.

python bench/probes/app_ready.py DB_PATH [portfolio|today]

The page named (the portfolio by default) must be the database's start
page: the main window loads the page on screen first.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from csm_desktop.store.database import open_database
from csm_desktop.ui.app import create_application
from csm_desktop.ui.main_window import MainWindow

app = create_application()
db = open_database(Path(sys.argv[1]))
window = MainWindow(db)
window.show()
page = window.today_page if sys.argv[2:] == ["today"] else window.portfolio_page


def _on_loaded(count: int) -> None:
    # One more event-loop turn so the rows are painted, then quit without
    # the "jobs still running" question (the other page may still load).
    QTimer.singleShot(0, _quit)


def _quit() -> None:
    window.runner.shutdown()
    app.quit()


page.loaded.connect(_on_loaded)
window.reload_portfolio()
status = app.exec()
db.dispose()
sys.exit(status)
