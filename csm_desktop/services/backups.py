"""Backups as the app uses them: the user's "how many to keep" setting and the daily run."""

from __future__ import annotations

import logging

from csm_desktop.services.settings import get_setting, set_setting
from csm_desktop.store import backup as backups
from csm_desktop.store.database import Database

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


def run_daily_backup(db: Database, **_job_arguments: object) -> backups.BackupInfo | None:
    """Make today's backup if it is due; accepts (and ignores) JobRunner's arguments."""
    if db.path is None:
        return None
    return backups.backup_if_due(db.path, keep_count(db))


def backup_now(db: Database, **_job_arguments: object) -> backups.BackupInfo:
    """Make a backup on demand and apply the rotating set."""
    if db.path is None:
        raise backups.BackupError("An in-memory database has no file to back up.")
    info = backups.create_backup(db.path, "manual")
    backups.prune_backups(db.path, keep_count(db))
    return info
