"""``sync lost``: list, re-upload or discard the changes a restored server lost, from the CLI."""

from __future__ import annotations

from csm_desktop.store.models import Account
from tests.sync.restore import restore_server_backup
from tests.sync.test_sync_cli import run_cli


def test_sync_lost_lists_then_reuploads(tmp_path, make_sqlite_client, sqlite_only_server):
    bob, cora = make_sqlite_client("bob"), make_sqlite_client("cora")
    kept_id = bob.add_account("Kept", industry="Retail")
    bob.sync()
    created = {}

    def lose() -> None:
        created["lost"] = bob.add_account("Lost account")
        bob.sync()
        bob.edit(Account, kept_id, industry="Banking")
        bob.sync()

    restore_server_backup(sqlite_only_server, lose)
    bob.sync()
    bob.close()
    data = tmp_path / "data"
    db_args = ("--db", str(bob.db_path), "sync")

    listed = run_cli(*db_args, "lost", data_dir=data)
    both = run_cli(*db_args, "lost", "--reupload", "--discard", data_dir=data)
    status = run_cli(*db_args, "status", data_dir=data)
    queued = run_cli(*db_args, "lost", "--reupload", data_dir=data)
    after = run_cli(*db_args, "status", data_dir=data)
    bob.reopen()
    report = bob.sync()
    cora.sync()

    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("account\tLost account\t-\tinsert\t")
    assert "name=Lost account" in lines[0]
    assert lines[1:] == ["account\tKept\t-\tupdate\tindustry=Banking"]
    assert both.returncode == 2
    assert "lost_changes\t2" in status.stdout
    assert queued.returncode == 0, queued.stderr
    assert queued.stdout.strip() == "2 lost changes queued; they are sent at the next sync."
    assert "lost_changes\t0" in after.stdout
    assert "pending\t2" in after.stdout
    # The lost edit is later than the server's current value, so it applies without a conflict.
    assert report.pushed == {"applied": 2}
    assert cora.get(Account, created["lost"]).name == "Lost account"
    assert cora.get(Account, kept_id).industry == "Banking"


def test_sync_lost_discard(tmp_path, make_sqlite_client, sqlite_only_server):
    bob = make_sqlite_client("bob")
    bob.sync()

    def lose() -> None:
        bob.add_account("Lost account")
        bob.sync()

    restore_server_backup(sqlite_only_server, lose)
    bob.sync()
    bob.close()
    data = tmp_path / "data"

    discarded = run_cli("--db", str(bob.db_path), "sync", "lost", "--discard", data_dir=data)
    listed = run_cli("--db", str(bob.db_path), "sync", "lost", data_dir=data)
    bob.reopen()
    report = bob.sync()

    assert discarded.returncode == 0, discarded.stderr
    assert discarded.stdout.strip() == "1 lost changes discarded; the server's version is kept."
    assert listed.stdout == ""
    assert report.pushed == {}
