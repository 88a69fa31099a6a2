"""Backups with SQLite's online backup API: daily, before migrations, on demand; restore.

Backups live in ``backups/`` beside the database, named
``STEM-KIND-YYYYmmdd-HHMMSS-ffffff.sqlite`` so the list can be read from
file names alone. Each copy is written to a ``.partial`` file, checked with
``PRAGMA quick_check`` and then renamed, so a crash never leaves a
half-written backup that looks complete. Files are readable by their owner
only. The rotating set keeps the newest ``keep`` backups, plus the newest
one taken before a migration, which is the way back from a bad upgrade.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from csm_desktop.store.integrity import check_file, clear_damage_mark

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"
DEFAULT_KEEP = 7
MIN_KEEP = 1
MAX_KEEP = 365
KEEP_SETTING_KEY = "backup_keep_count"
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
KINDS = ("daily", "manual", "before-migration", "before-restore")
# Pages copied per backup step; between steps other connections may write.
PAGES_PER_STEP = 1024

_NAME_PATTERN = re.compile(
    r"^(?P<stem>.+)-(?P<kind>daily|manual|before-migration|before-restore)-"
    r"(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite$"
)


class BackupError(Exception):
    """A backup could not be made or restored; the message gives the reason."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, why it was taken, when, and its size in bytes."""

    path: Path
    kind: str
    created: datetime
    size: int


def backups_folder(db_path: Path) -> Path:
    """Return the folder that contains the backups of ``db_path``."""
    return db_path.parent / BACKUP_DIR_NAME


def create_backup(db_path: Path, kind: str = "manual") -> BackupInfo:
    """Copy the live database with the online backup API into a new backup file.

    Safe while the app or a worker writes, because the backup API copies a
    consistent snapshot. Raises ``BackupError`` when the source cannot be
    read or the copy fails its check.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown backup kind {kind!r}; expected one of {', '.join(KINDS)}.")
    folder = backups_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    created = datetime.now()
    target = folder / f"{db_path.stem}-{kind}-{created.strftime(STAMP_FORMAT)}.sqlite"
    partial = target.with_name(target.name + ".partial")
    try:
        copy_database(db_path, partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Could not back up {db_path}: {exc}.") from exc

    result = check_file(partial)
    if not result.ok:
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup of {db_path} failed its check: {result.problem}.")
    os.replace(partial, target)
    log.info("Backed up %s to %s (%s)", db_path, target, kind)
    return BackupInfo(target, kind, created, target.stat().st_size)


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` (created owner-only) with the online backup API."""
    fd = os.open(target, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(target, 0o600)

    source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target_connection = sqlite3.connect(target)
    try:
        source_connection.backup(target_connection, pages=PAGES_PER_STEP)
        # A backup is one self-contained file: no -wal file to lose when it is copied.
        target_connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        target_connection.close()
        source_connection.close()
    _fsync(target)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Return the backups of ``db_path``, newest first."""
    folder = backups_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME_PATTERN.match(entry.name)
        if match is None or match["stem"] != db_path.stem:
            continue
        created = datetime.strptime(match["stamp"], STAMP_FORMAT)
        found.append(BackupInfo(entry, match["kind"], created, entry.stat().st_size))
    return sorted(found, key=lambda info: info.created, reverse=True)


def newest_backup(db_path: Path) -> BackupInfo | None:
    """Return the newest backup that passes the integrity check, or None."""
    for info in list_backups(db_path):
        if check_file(info.path).ok:
            return info
        log.warning("Skipping the damaged backup %s", info.path)
    return None


def prune_backups(db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; the newest pre-migration one always stays.

    Returns the deleted paths.
    """
    keep = max(MIN_KEEP, min(MAX_KEEP, keep))
    backups = list_backups(db_path)
    kept = set(info.path for info in backups[:keep])
    migration = next((info for info in backups if info.kind == "before-migration"), None)
    if migration is not None:
        kept.add(migration.path)

    deleted = []
    for info in backups:
        if info.path not in kept:
            info.path.unlink(missing_ok=True)
            deleted.append(info.path)
    if deleted:
        log.info("Deleted %d old backups of %s, keeping %d", len(deleted), db_path, len(kept))
    return deleted


def backup_if_due(db_path: Path, keep: int, today: date | None = None) -> BackupInfo | None:
    """Make the daily backup unless one was already made today; then prune to ``keep``."""
    today = today or date.today()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    latest_daily = next((b for b in list_backups(db_path) if b.kind == "daily"), None)
    if latest_daily is not None and latest_daily.created.date() >= today:
        return None
    info = create_backup(db_path, "daily")
    prune_backups(db_path, keep)
    return info


def restore_backup(backup_path: Path, db_path: Path) -> BackupInfo | None:
    """Replace the contents of ``db_path`` with ``backup_path``.

    The caller must have closed every connection to ``db_path``. The backup
    is checked first. The current file, when it is a sound database, is
    itself backed up (kind ``before-restore``) so that a restore can be
    undone; that backup is returned. The copy runs inside one SQLite write
    transaction on the target, so a crash midway leaves the old contents.
    """
    result = check_file(backup_path)
    if not result.ok:
        raise BackupError(f"The backup {backup_path.name} cannot be restored: {result.problem}.")

    safety = None
    if db_path.exists() and db_path.stat().st_size > 0 and check_file(db_path).ok:
        safety = create_backup(db_path, "before-restore")
    try:
        _copy_into(backup_path, db_path)
    except sqlite3.Error as exc:
        raise BackupError(f"Restoring {backup_path.name} failed: {exc}.") from exc
    clear_damage_mark(db_path)
    log.info("Restored %s from %s", db_path, backup_path)
    return safety


def _copy_into(source: Path, target: Path) -> None:
    if not target.exists():
        fd = os.open(target, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target_connection = sqlite3.connect(target, timeout=15)
    try:
        source_connection.backup(target_connection)
        target_connection.execute("PRAGMA journal_mode=WAL")
    finally:
        target_connection.close()
        source_connection.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
