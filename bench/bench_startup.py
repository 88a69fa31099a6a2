"""Start-up to a painted start page with the 500 demo accounts, in fresh processes.

Floor: a bare PySide6 window, timed from launch to its first event-loop
turn. Ours: the app's own start-up path (``StartupFlow``), timed from
launch to one event-loop turn after the start page's rows are on screen:
the portfolio (read with plain sqlite3 before SQLAlchemy loads) or the
Today screen (which needs the database open). Both print the moment they
are ready, so process exit is not counted. Also reports which heavy
packages were imported before the portfolio was ready.

    python -m bench.bench_startup [--repeat 7]
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
HEAVY = (
    "sqlalchemy",
    "matplotlib",
    "reportlab",
    "alembic",
    "keyring",
    "httpx",
    "openpyxl",
)


def heavy_modules_loaded(db_path: Path, env: dict[str, str]) -> list[str]:
    """Return the heavy packages the app had imported when the portfolio was painted."""
    result = subprocess.run([sys.executable, str(PROBES / "app_ready.py"), str(db_path)],
                            env=env, capture_output=True, text=True, check=True)  # fmt: skip
    for line in result.stdout.splitlines():
        if line.startswith("MODULES "):
            loaded = set(line.split(" ", 1)[1].split(","))
            return [name for name in HEAVY if name in loaded]
    raise RuntimeError("The start-up probe printed no MODULES line")


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
