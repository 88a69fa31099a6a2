"""Command line: start the app, import data and export reports without a window.

Exit codes: 0 success, 1 the command failed (the reason is on stderr),
2 invalid usage, 130 interrupted with Ctrl+C.

Each sub-command lives in a module of this package that exposes
``register(commands)``; the module adds its parser and sets ``handler``
(called as ``handler(db, args)``) with ``set_defaults``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from csm_desktop import APP_NAME, __version__
from csm_desktop.cli import core_commands
from csm_desktop.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, CommandError

# Modules whose register() adds sub-commands, in the order --help lists them.
COMMAND_MODULES = [core_commands]


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
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)

    from csm_desktop.logs import configure_logging

    configure_logging(verbose=args.verbose)
    db_path = _database_path(args)
    try:
        if args.command in (None, "gui"):
            from csm_desktop.ui.app import run_gui

            return run_gui(db_path, demo=args.demo)
        return _run_headless(args, db_path)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED


def _database_path(args: argparse.Namespace) -> Path:
    from csm_desktop.paths import default_database_path, demo_database_path

    if args.db is not None:
        return args.db
    return demo_database_path() if args.demo else default_database_path()


def _run_headless(args: argparse.Namespace, db_path: Path) -> int:
    from csm_desktop.importers.csvfile import ImportFileError
    from csm_desktop.progress import Cancelled
    from csm_desktop.store.database import DatabaseError, open_database

    if not getattr(args, "needs_db", True):
        return _report_errors(lambda: args.handler(None, args))

    try:
        db = open_database(db_path)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED

    try:
        if args.demo and args.command != "import-demo":
            core_commands.ensure_demo(db)
        return _report_errors(lambda: args.handler(db, args))
    except Cancelled:
        print("Cancelled; nothing was changed.", file=sys.stderr)
        return EXIT_FAILED
    except ImportFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        db.dispose()


def _report_errors(call) -> int:
    """Run a handler, turning expected failures into a message and exit code 1."""
    try:
        return call()
    except (CommandError, LookupError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
