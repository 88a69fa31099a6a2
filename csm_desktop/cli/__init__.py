"""Command line: start the app, import data and export reports without a window.

Exit codes: 0 success, 1 the command failed (the reason is on stderr),
2 invalid usage, 130 interrupted with Ctrl+C, 141 the reader of the output
closed the pipe (``csm-desktop accounts | head``), which prints nothing.

Each sub-command lives in a module of this package that exposes
``register(commands)``; the module adds its parser and sets ``handler``
(called as ``handler(db, args)``) with ``set_defaults``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from csm_desktop import APP_NAME, __version__
from csm_desktop.cli import (
    core_commands,
    health_commands,
    import_commands,
    maintenance_commands,
    report_commands,
    sync_commands,
)
from csm_desktop.cli.common import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    CommandError,
)
from csm_desktop.cli.translated_parser import TranslatedArgumentParser
from csm_desktop.i18n import install_cli_translations, release_cli_application

# Modules whose register() adds sub-commands, in the order --help lists them.
COMMAND_MODULES = [
    core_commands,
    import_commands,
    health_commands,
    maintenance_commands,
    report_commands,
    sync_commands,
]


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command and its help."""
    parser = TranslatedArgumentParser(
        prog="csm-desktop",
        description=QCoreApplication.translate(
            "Cli",
            "{app}: portfolio, health score, call notes and QBR PDFs for CSMs. "
            "Without a command, the desktop app starts.",
        ).format(app=APP_NAME),
        epilog=QCoreApplication.translate(
            "Cli", "Exit codes: 0 success, 1 failure (reason on stderr), 2 invalid usage."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=QCoreApplication.translate("Cli", "show the version number and exit"),
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=QCoreApplication.translate(
            "Cli",
            "database file to use (created if missing); default: portfolio.sqlite in the "
            "user data folder, or demo.sqlite there with --demo",
        ),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli",
            "use the demo database, loading the bundled RavenStack portfolio if it is empty",
        ),
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=QCoreApplication.translate("Cli", "print debug messages on stderr"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code.

    A closed output pipe ends the command quietly: stdout is pointed at the
    null device so that the flush at interpreter exit cannot fail again.
    """
    try:
        code = _main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    return code


def _discard_stdout() -> None:
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        # stdout is not a file descriptor (an embedding host or a test capture).
        return


def _main(argv: Sequence[str] | None) -> int:
    install_cli_translations()
    parser = build_parser()
    args = parser.parse_args(argv)

    from csm_desktop.logs import configure_logging

    configure_logging(verbose=args.verbose)
    db_path = _database_path(args)
    try:
        if args.command in (None, "gui"):
            from csm_desktop.ui.app import run_gui

            release_cli_application()
            return run_gui(db_path, demo=args.demo)
        return _run_headless(args, db_path)
    except KeyboardInterrupt:
        print(QCoreApplication.translate("Cli", "Interrupted."), file=sys.stderr)
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
        print(QCoreApplication.translate("Cli", "Cancelled; nothing was changed."), file=sys.stderr)
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
    except BrokenPipeError:
        # The reader of stdout went away; ``main`` ends quietly.
        raise
    except (CommandError, LookupError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
