"""Whole-process start-up to an interactive portfolio of the 500 demo accounts.

Floor: a bare PySide6 window shown and closed after one event-loop turn.
Ours: the app's own start-up path (QApplication set-up, database open,
main window, portfolio loaded off the UI thread and painted). Both run as
fresh processes with a warm page cache. Also reports which heavy modules
the app imported before the portfolio was ready (they should be none of
matplotlib, reportlab, alembic).

    python bench/bench_startup.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import TABLE_HEADER, save_results, time_process
from csm_desktop.services.demo import load_demo
from csm_desktop.services.settings import START_PAGE_KEY, set_setting
from csm_desktop.store.database import open_database

PROBES = Path(__file__).resolve().parent / "probes"
HEAVY = ("matplotlib", "reportlab", "alembic", "svglib", "keyring", "httpx", "openpyxl")


def heavy_modules_loaded(db_path: Path, env: dict[str, str]) -> list[str]:
    code = (
        "import runpy, sys; sys.argv = ['app_ready', sys.argv[1], 'portfolio'];"
        "import atexit;"
        f"atexit.register(lambda: print(','.join(m for m in {HEAVY!r} if m in sys.modules)));"
        f"runpy.run_path({str(PROBES / 'app_ready.py')!r}, run_name='__main__')"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path)], env=env,
                            capture_output=True, text=True, check=True)  # fmt: skip
    return [name for name in result.stdout.strip().split(",") if name]


def startup_environment(folder: Path) -> dict[str, str]:
    """Return the child processes' environment: offscreen Qt, private folders, cached bytecode.

    An installed app starts from compiled bytecode (pip compiles it at
    install time), so the children may write and reuse ``.pyc`` files, in a
    private cache filled by the untimed warm-up run, even when this shell
    sets ``PYTHONDONTWRITEBYTECODE``.
    """
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CSM_DESKTOP_DATA_DIR": str(folder / "data"),
        "MPLCONFIGDIR": str(folder / "mpl"),
        "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        databases = {page: demo_database(folder, page) for page in ("portfolio", "today")}
        env = startup_environment(folder)
        floor = time_process("floor: bare PySide6 window", [sys.executable,
                             str(PROBES / "bare_window.py")], repeat=args.repeat, env=env)  # fmt: skip
        ours = time_process("app start to painted portfolio (500 accounts)",
                            [sys.executable, str(PROBES / "app_ready.py"),
                             str(databases["portfolio"]), "portfolio"],
                            repeat=args.repeat, env=env)  # fmt: skip
        today = time_process("app start to painted Today screen (500 accounts)",
                             [sys.executable, str(PROBES / "app_ready.py"),
                              str(databases["today"]), "today"],
                             repeat=args.repeat, env=env)  # fmt: skip
        heavy = heavy_modules_loaded(databases["portfolio"], env)

    print(TABLE_HEADER)
    print(floor.row())
    print(ours.row(floor))
    print(today.row(floor))
    print(f"heavy modules imported before the portfolio was ready: {heavy or 'none'}")
    save_results("startup", [floor, ours, today], {"heavy_modules": heavy})


def demo_database(folder: Path, start_page: str) -> Path:
    """Import the demo into a new database whose start page is ``start_page``."""
    path = folder / f"demo-{start_page}.sqlite"
    db = open_database(path)
    load_demo(db)
    with db.session() as session:
        set_setting(session, START_PAGE_KEY, start_page)
    db.dispose()
    return path


if __name__ == "__main__":
    main()
