"""Backups: online copy, owner-only files, rotation, the daily run, restore, and the CLI."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from csm_desktop.cli import main as cli_main

# The CLI creates a plain QCoreApplication when none exists, which would stop later widget
# tests from creating a QApplication; the qapp fixture makes the QApplication first.
from csm_desktop.services.backups import backup_now, keep_count, run_daily_backup, set_keep_count
from csm_desktop.store import backup as backups
from csm_desktop.store.database import open_database
from csm_desktop.store.models import Account


def _accounts(path: Path) -> list[str]:
    db = open_database(path)
    with db.session() as session:
        names = sorted(session.scalars(select(Account.name)))
    db.dispose()
    return names


def _add_account(db, name: str) -> None:
    with db.session() as session:
        session.add(Account(name=name))


def _fake_backup(db_path: Path, kind: str, created: datetime) -> Path:
    folder = backups.backups_folder(db_path)
    folder.mkdir(exist_ok=True)
    path = folder / f"{db_path.stem}-{kind}-{created.strftime(backups.STAMP_FORMAT)}.sqlite"
    backups.copy_database(db_path, path)
    return path


def test_backup_while_open_has_committed_data(db):
    _add_account(db, "Acme Ibérica")
    info = backup_now(db)

    assert _accounts(info.path) == ["Acme Ibérica"]
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(info.path.parent.stat().st_mode) & 0o077 == 0
    assert not list(info.path.parent.glob("*.partial"))


def test_rotation_keeps_newest_and_migration(db):
    start = datetime(2026, 1, 1, 9, 0)
    migration = _fake_backup(db.path, "before-migration", start)
    dailies = [_fake_backup(db.path, "daily", start + timedelta(days=n)) for n in range(1, 6)]

    deleted = backups.prune_backups(db.path, keep=2)

    remaining = {info.path for info in backups.list_backups(db.path)}
    assert remaining == {dailies[-1], dailies[-2], migration}
    assert set(deleted) == set(dailies[:3])


def test_keep_count_setting_prunes(db):
    for n in range(4):
        _fake_backup(db.path, "manual", datetime(2026, 1, 1) + timedelta(hours=n))

    set_keep_count(db, 2)

    assert keep_count(db) == 2
    assert len(backups.list_backups(db.path)) == 2


@pytest.mark.parametrize("count", [0, -3, 366, 10**9])
def test_keep_count_out_of_range(db, count):
    with pytest.raises(ValueError, match="between 1 and 365"):
        set_keep_count(db, count)
    assert keep_count(db) == backups.DEFAULT_KEEP


def test_daily_backup_once_per_day(db):
    _add_account(db, "Blue Harbor")
    first = run_daily_backup(db)
    second = run_daily_backup(db)

    assert first is not None
    assert first.kind == "daily"
    assert second is None
    tomorrow = date.today() + timedelta(days=1)
    assert backups.backup_if_due(db.path, keep=7, today=tomorrow) is not None


def test_restore_brings_back_data_and_saves_current(db):
    _add_account(db, "Kept")
    info = backup_now(db)
    _add_account(db, "Added after the backup")
    db.dispose()

    safety = backups.restore_backup(info.path, db.path)

    assert _accounts(db.path) == ["Kept"]
    assert safety is not None
    assert _accounts(safety.path) == ["Added after the backup", "Kept"]


def test_restore_rejects_damaged_backup(db):
    _add_account(db, "Kept")
    info = backup_now(db)
    info.path.write_bytes(b"not a database at all")
    db.dispose()

    with pytest.raises(backups.BackupError, match="cannot be restored"):
        backups.restore_backup(info.path, db.path)
    assert _accounts(db.path) == ["Kept"]


def test_newest_backup_skips_damaged(db):
    good = backup_now(db)
    broken = _fake_backup(db.path, "daily", datetime.now() + timedelta(minutes=5))
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)

    assert backups.newest_backup(db.path).path == good.path


def test_cli_backup_create_list_restore(qapp, tmp_path, capsys):
    path = tmp_path / "portfolio.sqlite"
    db = open_database(path)
    _add_account(db, "Before")
    db.dispose()

    assert cli_main(["--db", str(path), "backup", "create", "--keep", "3"]) == 0
    created = Path(capsys.readouterr().out.strip())
    assert created.is_file()

    db = open_database(path)
    _add_account(db, "After")
    db.dispose()
    assert cli_main(["--db", str(path), "backup", "list"]) == 0
    listing = capsys.readouterr().out
    assert str(created) in listing
    assert "manual" in listing

    assert cli_main(["--db", str(path), "backup", "restore", "newest"]) == 0
    assert _accounts(path) == ["Before"]


def test_cli_restore_refused_while_app_runs(qapp, tmp_path, capsys):
    path = tmp_path / "portfolio.sqlite"
    open_database(path).dispose()
    assert cli_main(["--db", str(path), "backup", "create"]) == 0
    running = open_database(path, single_instance=True)
    try:
        assert cli_main(["--db", str(path), "backup", "restore", "newest"]) == 1
    finally:
        running.dispose()
    assert "Close the app before restoring" in capsys.readouterr().err


def test_cli_integrity_check(qapp, tmp_path, capsys):
    path = tmp_path / "portfolio.sqlite"
    open_database(path).dispose()
    assert cli_main(["--db", str(path), "integrity-check"]) == 0
    assert capsys.readouterr().out.strip().endswith(": ok")

    path.write_bytes(b"garbage" * 100)
    assert cli_main(["--db", str(path), "integrity-check"]) == 1
    assert "not an SQLite database" in capsys.readouterr().err
    assert path.read_bytes() == b"garbage" * 100
