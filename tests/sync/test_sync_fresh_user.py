"""Problems a fresh-user test found: clock fixed later, restore without new epoch, lost changes.

Each test replays the user's steps against a real server process (SQLite).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from csm_desktop.store.models import Account, Task
from csm_desktop.store.sync_models import SyncConflict, SyncOutbox, SyncState
from csm_desktop.sync import lost, state
from csm_desktop.sync.hlc import parse_hlc
from csm_desktop.sync.transport import NetworkError
from csm_desktop.ui.sync_messages import describe_rejection
from csm_server.schema import sync_client
from csm_server.settings import Settings
from tests.sync.restore import restore_server_backup

ONE_DAY_MS = 24 * 3600 * 1000
FOUR_MINUTES_MS = 4 * 60 * 1000
MAX_AHEAD_MS = Settings(database_url="unused").max_clock_ahead_ms
DELETED_AT = datetime(2026, 1, 1, tzinfo=UTC)


def _state(client, key: str) -> str | None:
    with client.db.session() as session:
        row = session.get(SyncState, key)
        return row.value if row else None


def _outbox(client) -> list[SyncOutbox]:
    with client.db.session() as session:
        return list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.client_seq)).all())


def _bulk_edit(client, account_id, **values) -> None:
    """Edit with a bulk UPDATE, which the next sync's scan stamps with the client's wall clock."""
    with client.db.session() as session:
        session.execute(
            update(Account)
            .where(Account.id == account_id)
            .values(updated_at=datetime.now(UTC), **values)
        )


def _lost(client) -> list[lost.LostChange]:
    with client.db.engine.connect() as conn:
        return lost.list_changes(conn)


def _devices(server) -> int:
    engine = server.admin_engine()
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(sync_client)).scalar_one()
    engine.dispose()
    return count


def test_clock_fixed_resends_rejected_edit(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Company_5", industry="Retail")
    ann.sync()

    ann.wall.offset_ms = ONE_DAY_MS
    _bulk_edit(ann, account, industry="Banking")
    ahead = ann.sync()
    ann.wall.offset_ms = 0
    later = ann.add_account("Added later")
    fixed = ann.sync()
    cora.sync()

    assert [rejection["code"] for rejection in ahead.rejected] == ["clock_ahead"]
    assert fixed.rejected == []
    assert fixed.restamped == 2
    assert fixed.pushed == {"applied": 2}
    assert _outbox(ann) == []
    assert ann.get(Account, account).industry == "Banking"
    assert cora.get(Account, account).industry == "Banking"
    assert cora.get(Account, later).name == "Added later"
    clock_ms = parse_hlc(_state(ann, state.HLC))[0]
    assert clock_ms <= time.time() * 1000 + MAX_AHEAD_MS


def test_clock_rewind_stops_at_accepted_stamp(make_sqlite_client):
    ann = make_sqlite_client("ann")
    account = ann.add_account("Company_5")
    ann.sync()
    ann.wall.offset_ms = FOUR_MINUTES_MS
    _bulk_edit(ann, account, industry="Accepted while four minutes ahead")
    ann.sync()
    accepted = _state(ann, state.HLC_ACCEPTED)

    ann.wall.offset_ms = ONE_DAY_MS
    _bulk_edit(ann, account, segment="Rejected")
    ann.sync()
    ann.wall.offset_ms = 0
    fixed = ann.sync()

    assert parse_hlc(accepted)[0] > time.time() * 1000
    assert fixed.pushed == {"applied": 1}
    clock = parse_hlc(_state(ann, state.HLC))
    assert clock[:2] > parse_hlc(accepted)[:2]
    assert clock[0] < time.time() * 1000 + ONE_DAY_MS // 2


def test_clock_still_ahead_keeps_rejection(make_sqlite_client):
    ann = make_sqlite_client("ann", offset_ms=ONE_DAY_MS)
    ann.add_account("Future")
    first = ann.sync()
    again = ann.sync()

    assert first.rejected[0]["code"] == "clock_ahead"
    assert again.restamped == 0
    assert again.pushed == {}
    assert [entry.state for entry in _outbox(ann)] == ["rejected"]


def test_rejected_change_then_new_device_no_churn(make_sqlite_client, sqlite_only_server):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme")
    with ann.db.session() as session:
        task = Task(account_id=account, title="Call champion")
        session.add(task)
        session.flush()
        task_id = task.id
    ann.sync()
    cora.sync()
    cora.edit(Task, task_id, deleted_at=DELETED_AT)
    cora.sync()
    ann.edit(Task, task_id, title="Call champion today")
    assert ann.sync().rejected[0]["code"] == "entity_deleted"

    restore_server_backup(sqlite_only_server, lambda: None)
    resynced = ann.sync()
    devices = _devices(sqlite_only_server)
    reports = []
    for number in range(3):
        ann.edit(Account, account, industry=f"Edit {number}")
        reports.append(ann.sync())

    assert resynced.reregistered == "the server database was restored"
    assert [report.reregistered for report in reports] == [None, None, None]
    assert [report.pushed for report in reports] == [{"applied": 1}] * 3
    assert _devices(sqlite_only_server) == devices
    assert [entry.state for entry in _outbox(ann)] == ["rejected"]


def test_restore_without_new_epoch_lists_lost(make_sqlite_client, sqlite_only_server):
    bob, cora = make_sqlite_client("bob"), make_sqlite_client("cora")
    account = bob.add_account("Company_9", industry="Retail")
    bob.sync()
    cora.sync()

    def lose() -> None:
        bob.edit(Account, account, industry="Banking")
        bob.sync()
        cora.sync()

    restore_server_backup(sqlite_only_server, lose, new_epoch=False)
    report = bob.sync()
    cora_report = cora.sync()

    assert report.resynced == "epoch_mismatch"
    assert report.lost_changes == 1
    assert [(change.name, change.op, change.fields) for change in _lost(bob)] == [
        ("Company_9", "update", {"industry": "Banking"})
    ]
    assert cora_report.resynced == "epoch_mismatch"
    assert cora_report.lost_changes == 0
    assert cora.get(Account, account).industry == "Retail"

    with bob.db.engine.begin() as conn:
        lost.reupload(conn, bob.wall)
    again = bob.sync()
    cora.sync()
    assert again.pushed == {"applied": 1}
    assert cora.get(Account, account).industry == "Banking"


def test_restore_without_new_epoch_unknown_device(make_sqlite_client, sqlite_only_server):
    bob = make_sqlite_client("bob")
    created = {}

    def lose() -> None:
        created["account"] = bob.add_account("Company_9", industry="Retail")
        bob.sync()

    restore_server_backup(sqlite_only_server, lose, new_epoch=False)
    bob.edit(Account, created["account"], industry="Banking")
    report = bob.sync()
    again = bob.sync()

    assert report.reregistered is not None
    assert report.resynced == "epoch_mismatch"
    listed = _lost(bob)
    assert [(change.name, change.op) for change in listed] == [("Company_9", "insert")]
    assert listed[0].fields["industry"] == "Banking"
    assert again.reregistered is None


def test_unknown_device_registers_again(make_sqlite_client, sqlite_only_server):
    bob = make_sqlite_client("bob")
    restore_server_backup(sqlite_only_server, bob.sync, new_epoch=False)
    bob.add_account("After the restore")
    report = bob.sync()

    assert report.reregistered == (
        "the server does not know this device; its database was probably restored"
    )
    assert report.pushed == {"applied": 1}


def test_checksum_repair_lists_own_lost_value(make_sqlite_client, sqlite_only_server):
    bob, ann = make_sqlite_client("bob"), make_sqlite_client("ann")
    account = bob.add_account("Company_9", industry="Retail")
    other = ann.add_account("Ann's account")
    bob.sync()
    ann.sync()

    def lose() -> None:
        bob.edit(Account, account, industry="Banking")
        bob.sync()

    restore_server_backup(sqlite_only_server, lose, new_epoch=False)
    # Ann's push takes the seq that Bob's lost change had, so Bob's cursor is not ahead.
    ann.edit(Account, other, industry="Media")
    ann.sync()
    report = bob.sync()

    assert report.resynced is None
    assert report.repaired == ["account"]
    assert report.lost_changes == 1
    assert [(change.name, change.fields) for change in _lost(bob)] == [
        ("Company_9", {"industry": "Banking"})
    ]
    assert bob.get(Account, other).industry == "Media"


def test_lost_changes_listed_by_sender(make_sqlite_client, sqlite_only_server):
    ann, bob, cora = (make_sqlite_client(name) for name in ("ann", "bob", "cora"))
    account = ann.add_account("Company_5", industry="Retail")
    ann.sync()
    bob.sync()
    cora.sync()
    created = {}

    def lose() -> None:
        ann.edit(Account, account, industry="Banking")
        ann.sync()
        created["bob"] = bob.add_account("Bob's new account")
        bob.sync()
        cora.sync()

    restore_server_backup(sqlite_only_server, lose)
    reports = {client.name: client.sync() for client in (ann, bob, cora)}

    assert {name: report.lost_changes for name, report in reports.items()} == {
        "ann": 1,
        "bob": 1,
        "cora": 0,
    }
    assert [(change.name, change.op) for change in _lost(ann)] == [("Company_5", "update")]
    assert [(change.name, change.op) for change in _lost(bob)] == [("Bob's new account", "insert")]
    assert cora.get(Account, created["bob"]).deleted_at is not None

    with ann.db.engine.begin() as conn:
        lost.reupload(conn, ann.wall)
    reuploaded = ann.sync()
    with ann.db.session() as session:
        conflicts = session.scalar(select(func.count()).select_from(SyncConflict))
    assert reuploaded.pushed == {"applied": 1}
    assert conflicts == 0


def test_failed_sync_records_last_error(make_sqlite_client, sqlite_only_server):
    ann = make_sqlite_client("ann")
    ann.sync()
    sqlite_only_server.stop()

    with pytest.raises(NetworkError):
        ann.sync(max_attempts=1)
    failed = _state(ann, state.LAST_ERROR)
    sqlite_only_server.start()
    ann.sync()

    assert failed
    assert _state(ann, state.LAST_ERROR) is None


def test_deleted_record_rejection_names_it(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme")
    with ann.db.session() as session:
        task = Task(account_id=account, title="Call champion")
        session.add(task)
        session.flush()
        task_id = task.id
    ann.sync()
    cora.sync()
    cora.edit(Task, task_id, deleted_at=DELETED_AT)
    cora.sync()
    ann.edit(Task, task_id, title="Call champion today")

    rejection = ann.sync().rejected[0]
    message = describe_rejection(rejection["code"], rejection["detail"])

    assert '"Call champion' in rejection["detail"]
    assert "Call champion" in message
    assert "Sync > Conflicts and proposals" in message
