"""Recovery: resyncs, restored copies, sign-out, rate limits, crashes mid-pull (SQLite server)."""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select, update

from csm_desktop.store.models import Account, Task
from csm_desktop.store.sync_models import SyncBase, SyncOutbox, SyncState
from csm_desktop.sync import credentials, lost, state
from csm_desktop.sync.engine import SignedOut, SyncAlreadyRunning, UpgradeRequired
from csm_desktop.sync.transport import ServerError, Transport
from csm_server import admin
from tests.sync.harness import Client
from tests.sync.restore import restore_server_backup


def _count(client, model) -> int:
    with client.db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def _state(client, key: str) -> str | None:
    with client.db.session() as session:
        row = session.get(SyncState, key)
        return row.value if row else None


def test_restored_database_registers_new_device(make_sqlite_client):
    ann = make_sqlite_client("ann")
    first = ann.add_account("Acme")
    ann.sync()
    snapshot = ann.folder / "snapshot.sqlite"
    ann.db.dispose()
    shutil.copy(ann.db_path, snapshot)
    for number in range(5):
        ann.edit(Account, first, industry=f"Edit {number}")
        ann.sync()
    old_client = _state(ann, state.CLIENT_ID)

    ann.db.dispose()
    shutil.copy(snapshot, ann.db_path)
    ann.reopen()
    for number in range(3):
        ann.add_account(f"After restore {number}")
    report = ann.sync()

    assert report.reregistered == "the database was restored from a backup"
    assert report.pushed == {"applied": 3}
    assert _state(ann, state.CLIENT_ID) != old_client
    assert _count(ann, Account) == 4


def test_copied_database_gets_distinct_device(make_sqlite_client, sqlite_only_server, tmp_path):
    ann = make_sqlite_client("ann")
    ann.add_account("Acme")
    ann.sync()
    ann.db.dispose()
    laptop_c = tmp_path / "laptop-c"
    laptop_c.mkdir()
    shutil.copy(ann.db_path, laptop_c / "ann.sqlite")
    ann.reopen()
    copy = Client(laptop_c, sqlite_only_server, "ann")

    ann.add_account("From A")
    copy.add_account("From C")
    report = copy.sync()
    ann.sync()
    copy.sync()

    assert report.reregistered == "the database was copied from another installation"
    assert _state(copy, state.CLIENT_ID) != _state(ann, state.CLIENT_ID)
    assert sorted(a.name for a in copy.rows(Account)) == ["Acme", "From A", "From C"]
    copy.close()


def test_server_restore_and_new_epoch(make_sqlite_client, sqlite_only_server):
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    ann.add_account("Before backup")
    kept_id = bob.add_account("Bob's account", industry="Retail")
    ann.sync()
    bob.sync()
    ann.sync()
    lost_ids = {}

    def lose() -> None:
        lost_ids["row"] = bob.add_account("Lost in restore")
        bob.edit(Account, kept_id, industry="Banking")
        bob.sync()

    restore_server_backup(sqlite_only_server, lose)
    ann_report = ann.sync()
    bob_report = bob.sync()
    ann.sync()

    assert ann_report.resynced == "epoch_mismatch"
    assert bob_report.resynced == "epoch_mismatch"
    assert bob_report.lost_changes == 2
    assert bob_report.pushed == {}
    assert {a.name for a in ann.rows(Account)} == {"Before backup", "Bob's account"}
    assert bob.get(Account, lost_ids["row"]).deleted_at is not None
    assert bob.get(Account, kept_id).industry == "Retail"
    with bob.db.engine.connect() as conn:
        listed = lost.list_changes(conn)
    assert [(c.entity, c.name, c.op) for c in listed] == [
        ("account", "Lost in restore", "insert"),
        ("account", "Bob's account", "update"),
    ]
    assert listed[1].fields == {"industry": "Banking"}

    with bob.db.engine.begin() as conn:
        assert lost.reupload(conn, bob.wall) == 2
    again = bob.sync()
    ann.sync()

    # The lost edit is later than the server's current value, so it applies without a conflict.
    assert again.pushed == {"applied": 2}
    assert ann.get(Account, lost_ids["row"]).name == "Lost in restore"
    assert ann.get(Account, kept_id).industry == "Banking"
    with bob.db.engine.connect() as conn:
        assert lost.count(conn) == 0


def test_server_restore_lost_changes_discarded(make_sqlite_client, sqlite_only_server):
    bob = make_sqlite_client("bob")
    kept_id = bob.add_account("Bob's account", industry="Retail")
    bob.sync()
    lost_ids = {}

    def lose() -> None:
        lost_ids["row"] = bob.add_account("Lost in restore")
        bob.edit(Account, kept_id, industry="Banking")
        bob.sync()

    restore_server_backup(sqlite_only_server, lose)
    bob.sync()
    with bob.db.engine.begin() as conn:
        assert lost.discard(conn) == 2
    again = bob.sync()
    cora = make_sqlite_client("cora")
    cora.sync()

    assert again.pushed == {}
    assert again.lost_changes == 0
    assert bob.get(Account, lost_ids["row"]).deleted_at is not None
    assert bob.get(Account, kept_id).industry == "Retail"
    assert [a.name for a in cora.rows(Account)] == ["Bob's account"]
    assert cora.get(Account, kept_id).industry == "Retail"


def test_purged_tombstones_force_resync(make_sqlite_client, sqlite_only_server):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme")
    with ann.db.session() as session:
        session.add(Task(account_id=account, title="Old task"))
    ann.sync()
    cora.sync()
    task_id = cora.rows(Task)[0].id
    cora.edit(Task, task_id, deleted_at=datetime(2026, 1, 1, tzinfo=UTC))
    cora.sync()
    ann.edit(Account, account, industry="Pending while away")
    engine = sqlite_only_server.admin_engine()
    with engine.connect() as conn:
        from csm_server.schema import team

        seq = conn.execute(select(team.c.seq)).scalar_one()
    admin.purge_tombstones(engine, "T", seq)
    engine.dispose()

    report = ann.sync()

    assert report.resynced == "cursor_expired"
    assert ann.get(Task, task_id).deleted_at is not None
    cora.sync()
    assert cora.get(Account, account).industry == "Pending while away"


def test_checksum_mismatch_is_repaired(make_sqlite_client):
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme")
    ann.sync()
    with ann.db.session() as session:
        session.execute(update(SyncBase).where(SyncBase.entity_id == account).values(seq=999))

    report = ann.sync()

    assert report.repaired == ["account"]
    assert report.checksum_ok is True


def test_second_concurrent_sync_refused(make_sqlite_client, sqlite_only_server):
    ann = make_sqlite_client("ann")
    ann.sync()
    ann.add_account("Slow")
    sqlite_only_server.faults(**{"push.sleep_before_commit": {"value": 1.0, "times": 1}})
    pushing = threading.Event()

    def note_stage(done: int, total: int, message: str) -> None:
        if message == "push":
            pushing.set()

    first = ann.engine()
    thread = threading.Thread(target=first.run, kwargs={"progress": note_stage})
    thread.start()
    pushing.wait()
    with pytest.raises(SyncAlreadyRunning):
        ann.sync()
    thread.join()

    assert _count(ann, SyncOutbox) == 0


def test_revoked_token_mid_pull_stops_cleanly(make_sqlite_client, sqlite_only_server, monkeypatch):
    stored: dict[str, str] = {}
    monkeypatch.setattr("csm_desktop.secrets.get_secret", stored.get)
    monkeypatch.setattr(
        "csm_desktop.secrets.set_secret",
        lambda name, value, session_only=False: stored.__setitem__(name, value),
    )
    monkeypatch.setattr("csm_desktop.secrets.delete_secret", lambda name: stored.pop(name, None))
    bob, ann = make_sqlite_client("bob"), make_sqlite_client("ann")
    with bob.db.session() as session:
        session.execute(insert(Account), [{"name": f"B{n}"} for n in range(5)])
    bob.sync(batch_size=1)
    credentials.store_token(sqlite_only_server.url, ann.token)
    engine = sqlite_only_server.admin_engine()

    def revoke_after_two(page: int) -> None:
        if page == 2:
            admin.revoke_tokens(engine, "ann@t.io")

    with pytest.raises(SignedOut):
        ann.sync(page_size=1, after_page=revoke_after_two)
    cursor = _state(ann, state.CURSOR)
    assert _count(ann, Account) == 2
    assert credentials.load_token(sqlite_only_server.url) is None

    ann.token = admin.create_token(engine, "ann@t.io", "new")
    report = ann.sync(page_size=1)
    engine.dispose()
    assert cursor.endswith(":2")
    assert report.pulled == 3
    assert _count(ann, Account) == 5


def test_rate_limit_waits_retry_after(make_sqlite_client, sqlite_only_server):
    sqlite_only_server.stop()
    sqlite_only_server.env["CSM_SERVER_RATE_LIMIT"] = "3"
    sqlite_only_server.start()
    ann = make_sqlite_client("ann")

    with pytest.raises(ServerError) as raised:
        ann.sync(max_attempts=2)

    assert raised.value.code == "rate_limited"
    assert ann.sleeps
    assert ann.sleeps[0] >= 1


def test_old_protocol_gets_upgrade_message(make_sqlite_client, sqlite_only_server):
    ann = make_sqlite_client("ann")
    engine = ann.engine()
    engine.transport = Transport(sqlite_only_server.url, ann.token, protocol=0)

    with pytest.raises(UpgradeRequired) as raised:
        engine.run()

    assert "too old" in str(raised.value)
    assert _count(ann, SyncOutbox) == 0


def test_crash_mid_pull_resumes_at_last_page(make_sqlite_client):
    bob, ann = make_sqlite_client("bob"), make_sqlite_client("ann")
    with bob.db.session() as session:
        session.execute(insert(Account), [{"name": f"B{n}"} for n in range(5)])
    bob.sync(batch_size=1)

    def crash_after_three(page: int) -> None:
        if page == 3:
            raise RuntimeError("simulated crash")

    with pytest.raises(RuntimeError):
        ann.sync(page_size=1, after_page=crash_after_three)
    ann.reopen()
    assert _state(ann, state.CURSOR).endswith(":3")
    assert _count(ann, Account) == 3
    ann.sync(page_size=1)
    assert sorted(a.name for a in ann.rows(Account)) == sorted(f"B{n}" for n in range(5))
    assert sorted(a.name for a in bob.rows(Account)) == sorted(f"B{n}" for n in range(5))


def test_every_write_path_reaches_outbox(make_sqlite_client):
    ann = make_sqlite_client("ann")
    ann.sync()
    account = ann.add_account("ORM insert")
    ann.edit(Account, account, industry="ORM update")
    with ann.db.session() as session:
        session.execute(insert(Account), [{"name": "Bulk insert"}])
        session.execute(
            update(Account)
            .where(Account.id == account)
            .values(segment="bulk", updated_at=datetime.now(UTC))
        )

    entries_before_scan = _count(ann, SyncOutbox)
    report = ann.sync()
    cora = make_sqlite_client("cora")
    cora.sync()

    # The ORM update and the bulk update merge into the unsent insert of the same row.
    assert entries_before_scan == 1
    assert report.pushed == {"applied": 2}
    assert sorted(a.name for a in cora.rows(Account)) == ["Bulk insert", "ORM insert"]
    stored = cora.get(Account, account)
    assert (stored.industry, stored.segment) == ("ORM update", "bulk")
