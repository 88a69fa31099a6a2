"""Backups as the app uses them: the user's "how many to keep" setting and the daily run."""

from __future__ import annotations

import logging

from csm_desktop.services.settings import get_setting, set_setting
from csm_desktop.store import backup as backups
from csm_desktop.store.database import Database
from csm_desktop.store.integrity import IntegrityResult, check_file, mark_damaged

log = logging.getLogger(__name__)


def keep_count(db: Database) -> int:
    """Return how many backups the user keeps (``DEFAULT_KEEP`` when never set)."""
    with db.session() as session:
        stored = get_setting(session, backups.KEEP_SETTING_KEY)
    try:
        value = int(stored) if stored is not None else backups.DEFAULT_KEEP
    except ValueError:
        log.warning("Ignoring the invalid backup count setting %r", stored)
        value = backups.DEFAULT_KEEP
    return max(backups.MIN_KEEP, min(backups.MAX_KEEP, value))


def set_keep_count(db: Database, count: int) -> None:
    """Store how many backups to keep and delete the ones beyond it."""
    if not backups.MIN_KEEP <= count <= backups.MAX_KEEP:
        raise ValueError(
            f"Keep between {backups.MIN_KEEP} and {backups.MAX_KEEP} backups, not {count}."
        )
    with db.session() as session:
        set_setting(session, backups.KEEP_SETTING_KEY, str(count))
    if db.path is not None:
        backups.prune_backups(db.path, count)


class DamageFoundError(Exception):
    """The full integrity check of the open database failed; the file is now marked."""

    def __init__(self, result: IntegrityResult) -> None:
        super().__init__(result.problem)
        self.result = result

    @property
    def problem(self) -> str:
        """The problem in English, for logs and the command line."""
        return self.result.problem


def run_daily_backup(db: Database, **_job_arguments: object) -> backups.BackupInfo | None:
    """Check the whole file, then make today's backup if it is due.

    Accepts (and ignores) JobRunner's arguments. Start-up checks only the
    file's structure, so damage in the data pages shows up in this full
    check, run in the background. Then the file is marked, so that the next
    start moves it aside and offers a backup, and ``DamageFoundError`` is
    raised without making a backup of the damaged contents.
    """
    if db.path is None:
        return None
    result = check_file(db.path)
    if not result.ok:
        mark_damaged(db.path, result.problem)
        raise DamageFoundError(result)
    return backups.backup_if_due(db.path, keep_count(db))


def backup_now(db: Database, **_job_arguments: object) -> backups.BackupInfo:
    """Make a backup on demand and apply the rotating set."""
    if db.path is None:
        raise backups.BackupError("An in-memory database has no file to back up.")
    info = backups.create_backup(db.path, "manual")
    backups.prune_backups(db.path, keep_count(db))
    return info
