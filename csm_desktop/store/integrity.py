"""Start-up integrity check: ``PRAGMA quick_check`` and moving a bad file aside.

A file that is not an SQLite database, or that fails the check, is never
opened by the app. It is renamed next to its original place (never deleted)
so the next start creates a fresh file instead of failing again, and the
user can still hand the damaged file to someone who can recover it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
# quick_check stops after this many problems; the first few are enough to decide.
MAX_REPORTED_PROBLEMS = 10
# Companion files SQLite keeps beside the database in WAL and rollback modes.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class IntegrityResult:
    """The outcome of checking one file: ``ok``, or the problem in plain words."""

    ok: bool
    problem: str = ""
    not_sqlite: bool = False


def check_file(path: Path) -> IntegrityResult:
    """Check that ``path`` is an SQLite database whose pages pass ``PRAGMA quick_check``.

    An empty or missing file passes, because the app creates its schema there.
    The check runs on a read-only connection so it never changes the file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return IntegrityResult(ok=True)

    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        return IntegrityResult(
            ok=False, problem="the file is not an SQLite database", not_sqlite=True
        )

    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return IntegrityResult(ok=False, problem=f"the file cannot be opened ({exc})")
    try:
        rows = connection.execute(f"PRAGMA quick_check({MAX_REPORTED_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as exc:
        return IntegrityResult(ok=False, problem=f"the file is damaged ({exc})")
    finally:
        connection.close()

    messages = [str(row[0]) for row in rows]
    if messages == ["ok"]:
        return IntegrityResult(ok=True)
    return IntegrityResult(ok=False, problem="the file is damaged: " + "; ".join(messages[:3]))


def move_aside(path: Path, label: str) -> Path:
    """Rename ``path`` (and its -wal, -shm and -journal files) to ``NAME.LABEL-STAMP``.

    Returns the new path of the database file. The companion files move with
    it because a WAL file belongs to the database it was written for and
    would be replayed into a fresh file of the same name.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")

    os.replace(path, target)
    for suffix in COMPANION_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    log.warning("Moved the unusable database %s aside to %s", path, target)
    return target
