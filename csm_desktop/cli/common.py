"""Pieces shared by the command modules: exit codes, progress output, value formatting."""

from __future__ import annotations

import sys
from datetime import date

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
# 128 + SIGPIPE, the status a shell shows for a program killed by a closed pipe.
EXIT_BROKEN_PIPE = 141


class CommandError(Exception):
    """A command cannot go on; the message says why and what to do."""


def print_progress(done: int, total: int, message: str) -> None:
    """Show progress on one rewritten stderr line, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return
    print(f"\r[{done}/{total}] {message}\033[K", end="", file=sys.stderr, flush=True)
    if done >= total:
        print(file=sys.stderr)


def cell(value: object) -> str:
    """Render a value for tab-separated output: blanks empty, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
