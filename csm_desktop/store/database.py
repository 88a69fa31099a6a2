"""Open the SQLite database: integrity check, instance lock, pragmas, backups, migrations.

``open_database`` is the only way the app, the CLI and the tests get a
database, so every caller gets the same guarantees:

* the file is created readable by its owner only;
* a file that is not an SQLite database or fails ``PRAGMA quick_check`` is
  moved aside and reported with the newest sound backup (``DamagedDatabaseError``);
* with ``single_instance`` a second app on the same file is rejected;
* foreign keys are on, and WAL is used except in cloud-synced or network
  folders, where the rollback journal is used and a warning is kept;
* a file written by a newer version of the app is rejected untouched;
* a backup is taken before any migration touches existing data, and a
  failing migration is rolled back whole (``MigrationFailedError``).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from csm_desktop.store import migrations
from csm_desktop.store.backup import BackupInfo, create_backup, newest_backup
from csm_desktop.store.cloud import CloudFolder, detect_cloud_folder
from csm_desktop.store.integrity import (
    SQLITE_HEADER,
    IntegrityResult,
    check_file,
    clear_damage_mark,
    is_marked_damaged,
    move_aside,
)
from csm_desktop.store.locking import InstanceLock, InstanceLockedError
from csm_desktop.store.schema import revision_graph, stored_revisions

log = logging.getLogger(__name__)

__all__ = ["SQLITE_HEADER", "BUSY_TIMEOUT_MS", "Database", "open_database"]

# How long a connection waits for another one's write lock before failing.
# Long enough to outlast the demo import's single write transaction.
BUSY_TIMEOUT_MS = 60_000
MIGRATIONS_DIR = Path(migrations.__file__).parent


class DatabaseError(Exception):
    """The database file cannot be used; the message says why and what to do."""


class NewerDatabaseError(DatabaseError):
    """The file was written by a newer version of the app."""


class DamagedDatabaseError(DatabaseError):
    """The file was not a sound SQLite database and has been moved aside."""

    def __init__(
        self,
        message: str,
        *,
        path: Path,
        moved_to: Path,
        result: IntegrityResult,
        backup: BackupInfo | None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.moved_to = moved_to
        self.result = result
        self.backup = backup

    @property
    def problem(self) -> str:
        """The problem in English, for logs and the command line."""
        return self.result.problem


class NotADatabaseError(DamagedDatabaseError):
    """The file was not an SQLite database at all (moved aside like a damaged one)."""


class DatabaseInUseError(DatabaseError):
    """Another running copy of the app has this database open.

    ``file_name`` and ``owner_pid`` let a UI word the message in its language.
    """

    def __init__(self, message: str, *, file_name: str, owner_pid: int | None) -> None:
        super().__init__(message)
        self.file_name = file_name
        self.owner_pid = owner_pid


class MigrationFailedError(DatabaseError):
    """A schema upgrade failed and was rolled back; the file is as it was."""


@dataclass
class Database:
    """An open database: the engine, a session factory and the file it serves."""

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]
    # Set when the file lives in a synced or network folder; shown to the user.
    storage_warning: str | None = None
    # The unsafe place behind ``storage_warning``, for a UI to word it in its language.
    storage_place: CloudFolder | None = None
    lock: InstanceLock | None = field(default=None, repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session that commits on success and rolls back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        """Close every pooled connection and release the instance lock."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


def open_database(
    path: Path | str | None,
    *,
    migrate: bool = True,
    single_instance: bool = False,
    lock: InstanceLock | None = None,
) -> Database:
    """Open (creating if needed) the database at ``path``; ``None`` opens one in memory.

    With ``single_instance`` the app's instance lock is taken, so a second
    copy of the app gets ``DatabaseInUseError``; ``lock`` passes that lock
    in when the caller took it already. Every ``DatabaseError`` carries a
    message fit to show the user.
    """
    if path is None:
        engine = _create_engine("sqlite://", in_memory=True, journal_mode="WAL")
        _migrate(engine, None)
        return Database(None, engine, sessionmaker(engine, expire_on_commit=False))

    db_path = Path(path).expanduser().resolve()
    if lock is None and single_instance:
        lock = take_instance_lock(db_path)
    try:
        return _open_file(db_path, migrate=migrate, lock=lock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open_file(db_path: Path, *, migrate: bool, lock: InstanceLock | None) -> Database:
    _prepare_file(db_path)
    revisions = read_revisions(db_path)
    _check_revisions(db_path, revisions)

    cloud = detect_cloud_folder(db_path)
    if cloud is not None:
        log.warning("Database %s is in %s; using the rollback journal", db_path, cloud.provider)
    journal_mode = "WAL" if cloud is None else "DELETE"
    engine = _create_engine(f"sqlite:///{db_path}", in_memory=False, journal_mode=journal_mode)

    if migrate and revisions != revision_graph().heads:
        if revisions:
            backup_before_migration(db_path, "+".join(sorted(revisions)))
        _migrate_file(db_path, revisions)
    return Database(
        db_path,
        engine,
        sessionmaker(engine, expire_on_commit=False),
        storage_warning=_warning(cloud),
        storage_place=cloud,
        lock=lock,
    )


def _warning(cloud: CloudFolder | None) -> str | None:
    return None if cloud is None else cloud.warning()


def take_instance_lock(db_path: Path) -> InstanceLock:
    """Take the lock that keeps one app instance per file, or raise ``DatabaseInUseError``."""
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except InstanceLockedError as exc:
        raise DatabaseInUseError(
            f"CSM Desktop is already running with {db_path.name} open "
            f"(process {exc.owner_pid or 'unknown'}). Switch to that window, or close it and "
            "start again. Two copies writing the same portfolio could overwrite each other's "
            "changes.",
            file_name=db_path.name,
            owner_pid=exc.owner_pid,
        ) from exc
    return lock


def _prepare_file(db_path: Path) -> None:
    """Create the folder and an empty owner-only file, or check an existing file.

    The check is structural unless the file carries a damage mark. A file
    that fails it is moved aside and ``DamagedDatabaseError``
    raised, so the next start finds no file and creates a fresh one.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not db_path.exists():
        fd = os.open(db_path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        return

    # The full check reads every page, so it runs here only after a background
    # check found damage. Otherwise it runs off the UI thread once the app is up.
    marked = is_marked_damaged(db_path)
    result = check_file(db_path, thorough=marked)
    if result.ok:
        if marked:
            # The full check passed this time (the damage was in a copy being read, say).
            clear_damage_mark(db_path)
        return
    label = "not-a-database" if result.not_sqlite else "damaged"
    moved_to = move_aside(db_path, label)
    backup = newest_backup(db_path)
    error_type = NotADatabaseError if result.not_sqlite else DamagedDatabaseError
    offer = (
        f"The newest backup, from {backup.created:%Y-%m-%d %H:%M}, can be restored."
        if backup is not None
        else "No backup was found; the app starts with an empty portfolio."
    )
    raise error_type(
        f"{db_path.name} could not be opened because {result.problem} (it is not an SQLite "
        f"file or failed the integrity check). It was moved aside to {moved_to.name}, "
        f"unchanged, so nothing in it is lost. {offer}",
        path=db_path,
        moved_to=moved_to,
        result=result,
        backup=backup,
    )


def read_revisions(db_path: Path) -> frozenset[str]:
    """Return the revisions stored in the file (one per branch head); empty for a new file."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return stored_revisions(connection)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{db_path} cannot be read as a database ({exc}). "
            "Choose another file with --db, or restore a backup."
        ) from exc
    finally:
        connection.close()


def _check_revisions(db_path: Path, revisions: frozenset[str]) -> None:
    unknown = revisions - revision_graph().known
    if not unknown:
        return
    raise NewerDatabaseError(
        f"{db_path} was written by a newer version of CSM Desktop "
        f"(schema {', '.join(sorted(unknown))}). "
        "Install the newer version to open it; this version leaves the file untouched."
    )


def _create_engine(url: str, *, in_memory: bool, journal_mode: str) -> Engine:
    if in_memory:
        from sqlalchemy.pool import StaticPool

        engine = create_engine(
            url,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
            hide_parameters=True,
        )
    else:
        # hide_parameters keeps note text out of error messages and so out of logs.
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            hide_parameters=True,
        )

    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # Setting the journal mode takes a lock and fails at once, without waiting, while
        # another process writes. The mode is stored in the file, so set it only on change.
        current = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        if current.upper() != journal_mode:
            try:
                cursor.execute(f"PRAGMA journal_mode={journal_mode}")
            except sqlite3.OperationalError as exc:
                log.warning("Could not switch the journal mode to %s: %s", journal_mode, exc)
        cursor.execute(
            "PRAGMA synchronous=NORMAL" if journal_mode == "WAL" else "PRAGMA synchronous=FULL"
        )
        cursor.close()

    event.listen(engine, "connect", on_connect)
    return engine


def backup_before_migration(db_path: Path, revision: str) -> Path:
    """Back up the database with SQLite's online backup API before a migration."""
    info = create_backup(db_path, "before-migration")
    log.info("Backed up the database at schema %s before migrating, to %s", revision, info.path)
    return info.path


def _migrate_file(db_path: Path, revisions: frozenset[str]) -> None:
    """Upgrade a file in one IMMEDIATE transaction; on failure nothing of it stays.

    Python's sqlite3 module (3.11) runs DDL outside any transaction, so a
    dedicated engine turns that off and issues BEGIN IMMEDIATE itself.
    Foreign keys are off during the upgrade, as SQLite's documentation
    prescribes for table rebuilds, and ``PRAGMA foreign_key_check`` must
    pass before the commit.
    """
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
        hide_parameters=True,
    )

    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    def on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    try:
        _migrate(engine, db_path)
    except (SQLAlchemyError, sqlite3.Error, ValueError, KeyError) as exc:
        log.error("Migration of %s failed and was rolled back: %s", db_path, type(exc).__name__)
        raise MigrationFailedError(
            f"Updating {db_path.name} to this version of CSM Desktop failed ({exc}). "
            "Nothing was changed: the file is exactly as before, and a backup was taken "
            "first. Report this problem, and keep using the previous version meanwhile."
        ) from exc
    finally:
        engine.dispose()
    log.info("Migrated %s from %s", db_path, sorted(revisions) or "an empty file")


def _migrate(engine: Engine, db_path: Path | None) -> None:
    """Upgrade the schema to every head with Alembic (imported only when needed)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
        if db_path is not None:
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"the upgraded schema breaks {len(problems)} foreign keys")
    log.info("Database %s migrated to %s", db_path or ":memory:", sorted(revision_graph().heads))
