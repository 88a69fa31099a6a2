"""Start the app as ``run_gui`` does; print READY and the wall time once the page is painted.

python bench/probes/app_ready.py DB_PATH [portfolio|today]

The page named (the portfolio by default) must be the database's start
page. The probe prints ``READY <time.time()>`` one event-loop turn after
the page's rows are on screen, after a ``MODULES`` line naming the
top-level packages imported by then. It leaves without waiting for
background work, so the parent measures start-up and not shutdown.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from ready import report_ready_and_exit

from csm_desktop.ui.app import create_application
from csm_desktop.ui.startup_flow import StartupFlow

app = create_application()
flow = StartupFlow(Path(sys.argv[1]), demo=False)
want_today = sys.argv[2:] == ["today"]


def _ready() -> None:
    report_ready_and_exit(list_modules=True)


def _after_paint(*_args: object) -> None:
    QTimer.singleShot(0, _ready)


def _watch_today() -> None:
    flow.window.today_page.loaded.connect(_after_paint)


window = flow.begin()
if window is None:
    sys.exit("the database could not be opened")
if want_today:
    if flow.db is not None:
        _watch_today()
    else:
        flow.attached.connect(_watch_today)
elif window.portfolio_page.model.total_count():
    _after_paint()
else:
    window.portfolio_page.loaded.connect(_after_paint)
sys.exit(app.exec())
