"""Database engines for PostgreSQL (teams) and SQLite (one-person trial).

On SQLite every transaction starts with ``BEGIN IMMEDIATE`` so a push holds
the single write lock from its first statement, which serialises pushes the
way the locked team counter row does on PostgreSQL.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

log = logging.getLogger(__name__)

SQLITE_BUSY_MS = 30_000


def sqlite_url(path: Path | str) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def make_engine(url: str) -> Engine:
    """Create the engine for ``url`` with the settings the push algorithm relies on."""
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    engine = create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)
    log.info("Server database engine: %s", engine.url.render_as_string(hide_password=True))
    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        url, connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        # Reads (pull, meta) take no write lock, so they never wait for a push.
        if connection.get_execution_options().get("read_only"):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    log.info("Server database engine: %s (SQLite trial mode)", url)
    return engine
