"""Opening databases: migrations, version checks, file permissions, backups."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from csm_desktop.store import migrations
from csm_desktop.store.database import (
    NewerDatabaseError,
    NotADatabaseError,
    backup_before_migration,
    open_database,
    read_revisions,
)
from csm_desktop.store.models import Account, Base
from csm_desktop.store.schema import revision_graph


def _tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    finally:
        connection.close()
    return {row[0] for row in rows}


def test_known_revisions_match_migration_scripts():
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    scripts = ScriptDirectory.from_config(config)
    graph = revision_graph()
    assert {rev.revision for rev in scripts.walk_revisions()} == graph.known
    assert set(scripts.get_heads()) == graph.heads


def test_first_migration_on_empty_file(tmp_path):
    path = tmp_path / "new.sqlite"
    db = open_database(path)
    db.dispose()

    assert read_revisions(path) == revision_graph().heads
    assert set(Base.metadata.tables) <= _tables(path)


def test_new_file_is_owner_only(tmp_path):
    path = tmp_path / "private.sqlite"
    open_database(path).dispose()
    mode = stat.S_IMODE(path.stat().st_mode)
    assert mode & (stat.S_IRWXG | stat.S_IRWXO) == 0


def test_copy_of_existing_file_opens_with_data(tmp_path):
    original = tmp_path / "original.sqlite"
    db = open_database(original)
    with db.session() as session:
        session.add(Account(name="Acme Ibérica"))
    db.dispose()

    copy = tmp_path / "copy.sqlite"
    shutil.copy(original, copy)
    reopened = open_database(copy)
    with reopened.session() as session:
        names = session.scalars(select(Account.name)).all()
    reopened.dispose()
    assert names == ["Acme Ibérica"]


def test_pragmas_foreign_keys_and_wal(db):
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_newer_schema_is_rejected_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(path).dispose()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    before = path.read_bytes()

    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_text_file_is_rejected(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(NotADatabaseError, match="not an SQLite file"):
        open_database(path)
    assert path.read_text() == "these are my notes, not a database\n"


def test_backup_before_migration_copies_data(tmp_path):
    path = tmp_path / "legacy.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE scratch (x INTEGER)")
    connection.execute("INSERT INTO scratch VALUES (42)")
    connection.commit()
    connection.close()

    backup = backup_before_migration(path, "0000_test")
    copied = sqlite3.connect(backup)
    assert copied.execute("SELECT x FROM scratch").fetchone() == (42,)
    copied.close()
    assert stat.S_IMODE(backup.stat().st_mode) & stat.S_IRWXO == 0


def test_in_memory_database_is_migrated():
    db = open_database(None)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 0
    db.dispose()
