"""Command line: start the app, import data and export QBRs without a window.

Exit codes: 0 success, 1 the command failed (the reason is on stderr),
2 invalid usage, 130 interrupted with Ctrl+C.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from csm_desktop import APP_NAME, __version__

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command and its help."""
    parser = argparse.ArgumentParser(
        prog="csm-desktop",
        description=f"{APP_NAME}: portfolio, health score, call notes and QBR PDFs for CSMs. "
        "Without a command, the desktop app starts.",
        epilog="Exit codes: 0 success, 1 failure (reason on stderr), 2 invalid usage.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="database file to use (created if missing); default: portfolio.sqlite in the "
        "user data folder, or demo.sqlite there with --demo",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the demo database, loading the bundled RavenStack portfolio if it is empty",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print debug messages on stderr"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="start the desktop app (the default)")
    commands.add_parser(
        "import-demo",
        help="import the bundled RavenStack demo portfolio and compute health scores",
    )

    import_cmd = commands.add_parser("import", help="import files exported from another system")
    import_cmd.add_argument("format", choices=["ravenstack"], help="layout of the files")
    import_cmd.add_argument("folder", type=Path, help="folder holding the exported CSV files")
    import_cmd.add_argument(
        "--pin-date",
        action="store_true",
        help="view the portfolio as of the newest date in the files (for historical exports)",
    )

    health_cmd = commands.add_parser("health", help="recompute the weekly health snapshots")
    health_cmd.add_argument("action", choices=["recompute"], help="what to do")

    qbr_cmd = commands.add_parser("qbr", help="export a Quarterly Business Review PDF")
    qbr_cmd.add_argument(
        "--account", required=True, metavar="NAME_OR_ID", help="account name, CRM id or UUID"
    )
    qbr_cmd.add_argument(
        "--quarter", required=True, metavar="YYYYQN", help="calendar quarter, e.g. 2024Q4"
    )
    qbr_cmd.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")
    qbr_cmd.add_argument(
        "--locale", metavar="LANG", help="language and formats of the PDF, e.g. es_ES or en_US"
    )

    accounts_cmd = commands.add_parser("accounts", help="list the portfolio as tab-separated text")
    accounts_cmd.add_argument(
        "--filter", default="", metavar="TEXT", help="keep names containing TEXT"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)

    command = args.command or "gui"
    db_path = _database_path(args)
    try:
        if command == "gui":
            from csm_desktop.ui.app import run_gui

            return run_gui(db_path, demo=args.demo)
        return _run_headless(command, args, db_path)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _database_path(args: argparse.Namespace) -> Path:
    from csm_desktop.paths import default_database_path, demo_database_path

    if args.db is not None:
        return args.db
    return demo_database_path() if args.demo else default_database_path()


def _configure_logging(verbose: bool) -> None:
    from csm_desktop.logs import configure_logging

    configure_logging(verbose=verbose)


def _run_headless(command: str, args: argparse.Namespace, db_path: Path) -> int:
    from csm_desktop.importers.csvfile import ImportFileError
    from csm_desktop.progress import Cancelled
    from csm_desktop.store.database import DatabaseError, open_database

    try:
        db = open_database(db_path)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED

    try:
        if args.demo and command != "import-demo":
            _ensure_demo(db)
        handler = _HANDLERS[command]
        return handler(db, args)
    except (ImportFileError, LookupError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except Cancelled:
        print("Cancelled; nothing was changed.", file=sys.stderr)
        return EXIT_FAILED
    finally:
        db.dispose()


def _ensure_demo(db) -> None:
    from sqlalchemy import func, select

    from csm_desktop.services.demo import load_demo
    from csm_desktop.store.models import Account

    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Account)):
            return
    load_demo(db)


def _cmd_import_demo(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.demo import DEMO_ATTRIBUTION, load_demo

    summary = load_demo(db, progress=_print_progress)
    print("\n".join(summary.format_lines()))
    print(f"Demo data: {DEMO_ATTRIBUTION}.")
    return EXIT_OK


def _cmd_import(db, args: argparse.Namespace) -> int:
    from csm_desktop.importers.ravenstack import import_ravenstack
    from csm_desktop.services.demo import recompute_health
    from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting

    summary = import_ravenstack(db, args.folder, progress=_print_progress)
    if args.pin_date and summary.latest_date is not None:
        with db.session() as session:
            set_setting(session, REFERENCE_DATE_KEY, summary.latest_date.isoformat())
    if summary.changed or args.pin_date:
        recompute_health(db, progress=_print_progress)
    print("\n".join(summary.format_lines()))
    return EXIT_OK


def _cmd_health(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.demo import recompute_health

    stored = recompute_health(db, progress=_print_progress)
    print(f"Stored {stored} health snapshots.")
    return EXIT_OK


def _cmd_qbr(db, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QLocale

    from csm_desktop.quarters import Quarter
    from csm_desktop.reports.qbr import export_qbr
    from csm_desktop.services.qbr_data import find_account

    quarter = Quarter.parse(args.quarter)
    locale = QLocale(args.locale) if args.locale else None
    with db.session() as session:
        account_id = find_account(session, args.account)
    path = export_qbr(db, account_id, quarter, args.out, locale=locale)
    print(f"Wrote {path}")
    return EXIT_OK


def _cmd_accounts(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.portfolio import load_portfolio

    with db.session() as session:
        rows = load_portfolio(session)
    needle = args.filter.casefold()
    print("name\tindustry\tcountry\tplan\tseats\tarr\trenewal\thealth\tcolour")
    for row in rows:
        if needle and needle not in row.name.casefold():
            continue
        fields = [
            row.name, row.industry or "", row.country or "", row.plan_tier or "",
            _blank(row.seats), _blank(row.arr), _blank(row.renewal_date),
            _blank(None if row.health_score is None else round(row.health_score)),
            row.health_colour or "",
        ]  # fmt: skip
        print("\t".join(fields))
    return EXIT_OK


def _blank(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _print_progress(done: int, total: int, message: str) -> None:
    if sys.stderr.isatty():
        print(f"\r[{done}/{total}] {message}\033[K", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)


_HANDLERS = {
    "import-demo": _cmd_import_demo,
    "import": _cmd_import,
    "health": _cmd_health,
    "qbr": _cmd_qbr,
    "accounts": _cmd_accounts,
}
