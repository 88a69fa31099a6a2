"""Opening databases: migrations, integrity check, instance lock, cloud folders, busy waits."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
import traceback
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import func, select

from csm_desktop.services.backups import DamageFoundError, run_daily_backup
from csm_desktop.store import migrations
from csm_desktop.store.backup import create_backup, list_backups
from csm_desktop.store.cloud import detect_cloud_folder
from csm_desktop.store.database import (
    DamagedDatabaseError,
    DatabaseInUseError,
    NewerDatabaseError,
    NotADatabaseError,
    backup_before_migration,
    open_database,
    read_revisions,
)
from csm_desktop.store.integrity import is_marked_damaged, mark_damaged
from csm_desktop.store.models import Account, Base
from csm_desktop.store.schema import revision_graph

REPO_ROOT = Path(__file__).resolve().parent.parent


def _tables(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    finally:
        connection.close()
    return {row[0] for row in rows}


def _database_with_accounts(path: Path, count: int) -> None:
    db = open_database(path)
    with db.session() as session:
        for number in range(count):
            session.add(Account(name=f"Account {number} " + "x" * 200))
    db.dispose()


def _damage(path: Path) -> None:
    """Overwrite the middle pages of the file with garbage, as a failing disk would."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 2048)


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
    assert db.storage_warning is None


def test_newer_schema_is_rejected_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_database(path).dispose()
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM alembic_version")
    connection.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    connection.commit()
    connection.close()
    before = path.read_bytes()

    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_text_file_is_moved_aside(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n")

    with pytest.raises(NotADatabaseError, match="not an SQLite database") as raised:
        open_database(path)

    moved = raised.value.moved_to
    assert moved.read_text() == "these are my notes, not a database\n"
    assert not path.exists()
    assert "moved aside" in str(raised.value)
    assert raised.value.backup is None


def test_damaged_file_is_moved_aside_with_backup(tmp_path):
    path = tmp_path / "portfolio.sqlite"
    _database_with_accounts(path, 2000)
    backup = create_backup(path, "daily")
    _damage(path)
    damaged_bytes = path.read_bytes()
    mark_damaged(path, "page 7 is damaged")

    with pytest.raises(DamagedDatabaseError, match="integrity check") as raised:
        open_database(path)

    assert raised.value.moved_to.read_bytes() == damaged_bytes
    assert raised.value.backup is not None
    assert raised.value.backup.path == backup.path
    assert "can be restored" in str(raised.value)
    assert not is_marked_damaged(path)
    assert is_marked_damaged(raised.value.moved_to)


def test_background_check_marks_damage_for_next_start(tmp_path):
    path = tmp_path / "portfolio.sqlite"
    _database_with_accounts(path, 2000)
    backup = create_backup(path, "daily")
    _damage(path)

    # Start-up reads only the structure, so damage in the data pages opens.
    db = open_database(path)
    try:
        with pytest.raises(DamageFoundError) as raised:
            run_daily_backup(db)
    finally:
        db.dispose()

    assert "damaged" in raised.value.problem
    assert is_marked_damaged(path)
    assert [info.path for info in list_backups(path)] == [backup.path]
    with pytest.raises(DamagedDatabaseError) as next_start:
        open_database(path)
    assert next_start.value.backup is not None
    assert next_start.value.backup.path == backup.path


def test_after_damage_next_start_opens(tmp_path):
    path = tmp_path / "portfolio.sqlite"
    path.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(DamagedDatabaseError):
        open_database(path)

    db = open_database(path)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 0
    db.dispose()


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
    assert stat.S_IMODE(backup.stat().st_mode) & (stat.S_IRWXG | stat.S_IRWXO) == 0


def test_in_memory_database_is_migrated():
    db = open_database(None)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 0
    db.dispose()


def test_second_instance_is_rejected(tmp_path):
    path = tmp_path / "portfolio.sqlite"
    first = open_database(path, single_instance=True)

    with pytest.raises(DatabaseInUseError, match="already running"):
        open_database(path, single_instance=True)

    first.dispose()
    second = open_database(path, single_instance=True)
    second.dispose()


HOLD_LOCK = """
import sys, time
from csm_desktop.store.database import open_database
db = open_database(sys.argv[1], single_instance=True)
print("locked", flush=True)
time.sleep(600)
"""


@pytest.mark.slow
def test_lock_of_killed_process_is_freed(tmp_path):
    path = tmp_path / "portfolio.sqlite"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    try:
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUseError, match=f"process {child.pid}"):
            open_database(path, single_instance=True)
    finally:
        child.kill()
        child.wait()

    reopened = open_database(path, single_instance=True)
    reopened.dispose()


def test_synced_folder_uses_rollback_journal(tmp_path):
    path = tmp_path / "Dropbox" / "csm" / "portfolio.sqlite"
    db = open_database(path)
    with db.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    db.dispose()

    assert mode == "delete"
    assert "Dropbox" in db.storage_warning
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.parametrize(
    ("folder", "provider"),
    [
        ("/home/ana/OneDrive - Contoso/csm", "OneDrive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs", "iCloud Drive"),
        ("/home/ana/Google Drive/csm", "Google Drive"),
        ("/home/ana/Dropbox (Contoso)/csm", "Dropbox"),
    ],
)
def test_sync_folders_detected(folder, provider):
    found = detect_cloud_folder(Path(folder) / "portfolio.sqlite", mounts_text="")
    assert found is not None
    assert found.provider == provider


MOUNTS = """\
/dev/sda1 / ext4 rw 0 0
//fileserver/team /mnt/team cifs rw 0 0
server:/export /home/ana/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/team/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/mnt/team/csm/portfolio.sqlite", True),
        ("/home/ana/nfs/portfolio.sqlite", True),
        ("/mnt/team/local/portfolio.sqlite", False),
        ("/home/ana/portfolio.sqlite", False),
        ("/mnt/teamwork/portfolio.sqlite", False),
    ],
)
def test_network_mounts_detected(path, network):
    found = detect_cloud_folder(Path(path), mounts_text=MOUNTS)
    assert (found is not None) == network
    if network:
        assert found.kind == "network"
        assert "network share" in found.warning()
        assert found.provider in {"cifs, /mnt/team", "nfs4, /home/ana/nfs"}


def test_concurrent_writers_never_locked(db):
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        try:
            for number in range(40):
                with db.session() as session:
                    session.scalar(select(func.count()).select_from(Account))
                    session.add(Account(name=f"worker {worker} row {number}"))
        except BaseException as exc:  # collected so the main thread can fail the test
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(worker,)) for worker in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 240


HOLD_WRITE = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO app_setting (key, value) VALUES ('held', 'yes')")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
"""


@pytest.mark.slow
def test_write_waits_for_other_process(db):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE, str(db.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout.readline().strip() == "holding"
    done = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        try:
            with db.session() as session:
                session.add(Account(name="written while another process held the lock"))
        except BaseException as exc:  # collected so the main thread can fail the test
            errors.append(exc)
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    # The writer is blocked on the other process's transaction: release it.
    child.stdin.write("\n")
    child.stdin.flush()
    writer.join()
    child.wait()

    assert errors == [], "".join(traceback.format_exception(errors[0]))
    assert child.returncode == 0
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 1


def test_backups_listed_newest_first(tmp_path):
    path = tmp_path / "portfolio.sqlite"
    _database_with_accounts(path, 3)
    first = create_backup(path, "manual")
    second = create_backup(path, "daily")

    assert [info.path for info in list_backups(path)] == [second.path, first.path]
