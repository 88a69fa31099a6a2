"""Open the SQLite database: checks, pragmas, backups and migrations.

``open_database`` is the only way the app, the CLI and the tests get a
database, so every caller gets the same guarantees: the file is created
readable by its owner only, foreign keys and WAL are on, a file written by
a newer version of the app is rejected, and a copy is taken before any
migration touches existing data.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from csm_desktop.store.schema import revision_graph

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000


class DatabaseError(Exception):
    """The database file cannot be used; the message says why and what to do."""


class NewerDatabaseError(DatabaseError):
    """The file was written by a newer version of the app."""


class NotADatabaseError(DatabaseError):
    """The file exists but is not an SQLite database."""


@dataclass
class Database:
    """An open database: the engine, a session factory and the file it serves."""

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]

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
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(path: Path | str | None, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the database at ``path``; ``None`` opens one in memory.

    Raises ``NotADatabaseError`` or ``NewerDatabaseError`` (both ``DatabaseError``)
    with a message fit to show the user.
    """
    if path is None:
        engine = _create_engine("sqlite://", in_memory=True)
        _migrate(engine, None)
        return Database(None, engine, sessionmaker(engine, expire_on_commit=False))

    db_path = Path(path).expanduser().resolve()
    _prepare_file(db_path)
    revisions = read_revisions(db_path)
    _check_revisions(db_path, revisions)

    engine = _create_engine(f"sqlite:///{db_path}", in_memory=False)
    if migrate and revisions != revision_graph().heads:
        if revisions:
            backup_before_migration(db_path, "+".join(sorted(revisions)))
        _migrate(engine, db_path)
    return Database(db_path, engine, sessionmaker(engine, expire_on_commit=False))


def _prepare_file(db_path: Path) -> None:
    """Create the folder and an empty owner-only file, or check an existing file's header."""
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not db_path.exists():
        fd = os.open(db_path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        return

    with db_path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{db_path} is not a CSM Desktop database (it is not an SQLite file). "
            "Choose another file with --db, or move this one away."
        )


def read_revisions(db_path: Path) -> frozenset[str]:
    """Return the revisions stored in the file (one per branch head); empty for a new file."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return frozenset()
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        return frozenset(record[0] for record in found)
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(
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


def _create_engine(url: str, *, in_memory: bool) -> Engine:
    if in_memory:
        from sqlalchemy.pool import StaticPool

        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        )
    event.listen(engine, "connect", _on_connect)
    return engine


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def backup_before_migration(db_path: Path, revision: str) -> Path:
    """Copy the database with SQLite's online backup API before a migration."""
    backup_dir = db_path.parent / "backups"
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_path.stem}-before-migration-{revision}-{stamp}.sqlite"

    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    source = sqlite3.connect(db_path)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    log.info("Backed up the database before migrating from %s to %s", revision, target)
    return target


def _migrate(engine: Engine, db_path: Path | None) -> None:
    """Upgrade the schema to the head revision with Alembic (imported only when needed)."""
    from alembic import command
    from alembic.config import Config

    from csm_desktop.store import migrations

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
    log.info("Database %s migrated to %s", db_path or ":memory:", sorted(revision_graph().heads))
