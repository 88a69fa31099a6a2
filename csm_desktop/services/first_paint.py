"""The start-up read: the portfolio rows, with plain ``sqlite3``, before SQLAlchemy loads.

Importing SQLAlchemy and the ORM models takes longer than showing a bare
window, so the app first reads what its first screen needs straight from
the file and paints it, then loads the rest. The read runs only when the
normal open would change nothing: the file exists, carries no damage mark,
is at the current schema revisions, and this process holds the instance
lock. In every other case it returns None and the normal open decides,
with its messages, backups and migrations.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from csm_desktop.services.portfolio_read import read_portfolio, read_setting
from csm_desktop.services.portfolio_rows import PortfolioRow
from csm_desktop.services.setting_keys import START_PAGE_KEY
from csm_desktop.store.integrity import is_marked_damaged
from csm_desktop.store.locking import InstanceLock, InstanceLockedError
from csm_desktop.store.schema import revision_graph, stored_revisions

log = logging.getLogger(__name__)


@dataclass
class FirstPaint:
    """The rows and start page of the first screen, and the lock the normal open reuses."""

    rows: list[PortfolioRow]
    # The stored start-page setting: "today", "portfolio" or "last".
    start_page: str
    lock: InstanceLock


def read_first_paint(db_path: Path) -> FirstPaint | None:
    """Take the instance lock and read the portfolio, or return None (lock not held)."""
    if not db_path.is_file() or db_path.stat().st_size == 0 or is_marked_damaged(db_path):
        return None
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except (InstanceLockedError, OSError) as exc:
        log.info("No start-up read of %s: %s", db_path, exc)
        return None

    try:
        found = _read(db_path)
    except (sqlite3.Error, ValueError) as exc:
        # A damaged file or an unexpected value: the normal open explains it.
        log.info("No start-up read of %s: %s", db_path, exc)
        found = None
    if found is None:
        lock.release()
        return None
    rows, start_page = found
    return FirstPaint(rows, start_page, lock)


def _read(db_path: Path) -> tuple[list[PortfolioRow], str] | None:
    connection = sqlite3.connect(db_path)
    try:
        connection.execute("PRAGMA query_only = ON")
        if stored_revisions(connection) != revision_graph().heads:
            log.info("No start-up read of %s: its schema needs the normal open", db_path)
            return None
        rows = read_portfolio(connection)
        start_page = read_setting(connection, START_PAGE_KEY) or "today"
    finally:
        connection.close()
    return rows, start_page
