"""Health snapshots in team sync: pushed once, immutable, pulled by coordinators."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import func, select

from csm_desktop import __version__
from csm_desktop.health.backfill import WEEKLY, recompute_all
from csm_desktop.store.models import HealthSnapshot
from csm_desktop.store.sync_models import SyncOutbox
from csm_desktop.sync.snapshots import queue_snapshots
from csm_desktop.sync.transport import Transport

FIRST_WEEK = date(2026, 1, 4)
# Test snapshots get ids derived from their content, as the recompute gives them.
TEST_ID_NAMESPACE = uuid.UUID("5d0c5d0e-2f5e-4d8a-8f0e-3b1f6f0a9c21")


def _snapshot_values(account_id: uuid.UUID, week: int, score: float) -> dict:
    return {
        "account_id": account_id,
        "as_of": FIRST_WEEK + timedelta(weeks=week),
        "kind": WEEKLY,
        "score": score,
        "colour": "green" if score >= 70 else "yellow",
        "measures_used": 4,
        "measures_total": 6,
        "details": {"usage_trend": [score, 0.35]},
        "scorecard_version": "v1",
    }


def _add_snapshots(client, account_id: uuid.UUID, scores: list[float]) -> list[uuid.UUID]:
    """Insert weekly snapshots in bulk, with content-derived ids, as a recompute does."""
    rows = [_snapshot_values(account_id, week, score) for week, score in enumerate(scores)]
    rows = [{"id": uuid.uuid5(TEST_ID_NAMESPACE, repr(sorted(row.items()))), **row} for row in rows]
    with client.db.session() as session:
        session.execute(HealthSnapshot.__table__.insert(), rows)
    return [row["id"] for row in rows]


def _snapshots(client, account_id: uuid.UUID) -> list[HealthSnapshot]:
    with client.db.session() as session:
        return list(
            session.scalars(
                select(HealthSnapshot)
                .where(HealthSnapshot.account_id == account_id)
                .order_by(HealthSnapshot.as_of)
            ).all()
        )


def _outbox_count(client) -> int:
    with client.db.session() as session:
        return session.scalar(select(func.count()).select_from(SyncOutbox))


class RawDevice:
    """A device that sends hand-written push bodies, to test the server's rules directly."""

    def __init__(self, server, user: str) -> None:
        self.transport = Transport(server.url, server.tokens[user], timeout=30)
        self.client_id = str(uuid.uuid4())
        self.transport.register_device(self.client_id, "raw", __version__)
        self.epoch = self.transport.meta()["epoch"]
        self.next_seq = 1
        self.email = f"{user}@t.io"

    def push(self, entity: str, row_id: uuid.UUID, fields: dict, op: str = "insert") -> dict:
        mutation = {
            "client_seq": self.next_seq,
            "mutation_id": str(uuid.uuid4()),
            "tx": str(uuid.uuid4()),
            "entity": entity,
            "id": str(row_id),
            "op": op,
            "hlc": "0000000000001.0000.raw",
            "fields": {name: {"value": value} for name, value in fields.items()},
        }
        self.next_seq += 1
        body = {"client_id": self.client_id, "epoch": self.epoch, "mutations": [mutation]}
        return self.transport.push(body)["results"][0]

    def close(self) -> None:
        self.transport.close()


def _wire_snapshot(account_id: uuid.UUID, author: str, score: float = 80.0) -> dict:
    values = _snapshot_values(account_id, 0, score)
    return {
        **values,
        "account_id": str(account_id),
        "as_of": values["as_of"].isoformat(),
        "author": author,
    }


def test_coordinator_pulls_csm_snapshots(make_client):
    ann, bob, cora = make_client("ann"), make_client("bob"), make_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    ids = _add_snapshots(ann, account, [72.0, 65.5, 81.25])

    pushed = ann.sync()
    cora.sync()
    bob.sync()

    assert pushed.pushed == {"applied": 4}
    received = _snapshots(cora, account)
    assert [row.id for row in received] == ids
    assert [row.score for row in received] == [72.0, 65.5, 81.25]
    assert received[1].details == {"usage_trend": [65.5, 0.35]}
    assert {row.origin for row in received} == {"ann@t.io"}
    assert {row.origin for row in _snapshots(ann, account)} == {None}
    assert _snapshots(bob, account) == []


def test_snapshots_pushed_once(make_sqlite_client):
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme", owner="ann@t.io")
    _add_snapshots(ann, account, [72.0, 65.5])
    ann.sync()

    again = ann.sync()

    assert again.pushed == {}
    assert again.checksum_ok is True


def test_snapshots_not_in_outbox_until_push(make_sqlite_client):
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme", owner="ann@t.io")
    ann.sync()
    _add_snapshots(ann, account, [50.0 + week / 10 for week in range(300)])

    at_rest = _outbox_count(ann)
    with ann.db.engine.begin() as conn:
        first = queue_snapshots(conn, 100)
        second = queue_snapshots(conn, 100)

    assert at_rest == 0
    assert first == 100
    assert second == 0
    assert _outbox_count(ann) == 100


def test_backfill_volume_pushes_in_batches(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    scores = [40.0 + (week % 50) for week in range(1_250)]
    _add_snapshots(ann, account, scores)

    report = ann.sync(batch_size=200)
    pulled = cora.sync(page_size=300)

    assert report.pushed == {"applied": 1_251}
    assert _outbox_count(ann) == 0
    assert pulled.pages >= 4
    assert len(_snapshots(cora, account)) == 1_250
    assert pulled.checksum_ok is True


def test_changed_snapshot_replaces_same_week(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    old_id = _add_snapshots(ann, account, [60.0])[0]
    ann.sync()
    cora.sync()

    with ann.db.session() as session:
        session.execute(HealthSnapshot.__table__.delete().where(HealthSnapshot.id == old_id))
    new_id = _add_snapshots(ann, account, [64.0])[0]
    report = ann.sync()
    cora.sync()

    assert new_id != old_id
    assert report.pushed == {"applied": 1}
    received = _snapshots(cora, account)
    assert [(row.id, row.score) for row in received] == [(new_id, 64.0)]


def test_duplicate_and_changed_snapshot(server):
    ann = RawDevice(server, "ann")
    account = uuid.uuid4()
    ann.push("account", account, {"name": "Acme", "owner": "ann@t.io"})
    snapshot = uuid.uuid4()
    try:
        first = ann.push("health_snapshot", snapshot, _wire_snapshot(account, ann.email))
        again = ann.push("health_snapshot", snapshot, _wire_snapshot(account, ann.email))
        changed = ann.push("health_snapshot", snapshot, _wire_snapshot(account, ann.email, 12.0))
        update = ann.push("health_snapshot", snapshot, {"score": 12.0}, op="update")
        delete = ann.push("health_snapshot", snapshot, {}, op="delete")
    finally:
        ann.close()

    assert first["status"] == "applied"
    assert again["status"] == "duplicate"
    assert changed["status"] == "rejected"
    assert changed["error"]["code"] == "id_conflict"
    assert update["error"]["code"] == "immutable"
    assert delete["error"]["code"] == "immutable"


def test_snapshot_rules_on_other_accounts(sqlite_only_server):
    ann = RawDevice(sqlite_only_server, "ann")
    bob = RawDevice(sqlite_only_server, "bob")
    cora = RawDevice(sqlite_only_server, "cora")
    account = uuid.uuid4()
    try:
        ann.push("account", account, {"name": "Acme", "owner": "ann@t.io"})
        by_bob = bob.push("health_snapshot", uuid.uuid4(), _wire_snapshot(account, bob.email))
        posing = ann.push("health_snapshot", uuid.uuid4(), _wire_snapshot(account, "x@t.io"))
        by_cora = cora.push("health_snapshot", uuid.uuid4(), _wire_snapshot(account, cora.email))
    finally:
        for device in (ann, bob, cora):
            device.close()

    assert by_bob["error"]["code"] == "forbidden"
    assert posing["error"]["code"] == "validation_failed"
    assert by_cora["status"] == "applied"


def test_recompute_keeps_received_snapshots(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    ids = _add_snapshots(ann, account, [72.0, 65.5])
    own = cora.add_account("Cora's own", owner="cora@t.io")
    ann.sync()
    cora.sync()

    recompute_all(cora.db)
    report = cora.sync()

    assert [row.id for row in _snapshots(cora, account)] == ids
    assert len(_snapshots(cora, own)) == 1
    assert report.pushed == {"applied": 1}
    assert _snapshots(ann, own) == []


def test_unchanged_recompute_not_pushed_again(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io", signup_date=date(2026, 1, 1))
    written = recompute_all(ann.db)
    first = ann.sync()
    ids = [row.id for row in _snapshots(ann, account)]

    recompute_all(ann.db)
    again = ann.sync()
    cora.sync()

    assert written > 1
    assert first.pushed == {"applied": 1 + written}
    assert [row.id for row in _snapshots(ann, account)] == ids
    assert again.pushed == {}
    assert [row.id for row in _snapshots(cora, account)] == ids


def test_synced_fields_are_model_columns():
    """The server's policy table names the synced fields; each must be a local column."""
    from csm_desktop.sync.entities import ENTITIES, SNAPSHOT_SPEC
    from csm_server.policies import POLICIES

    for spec in (*ENTITIES.values(), SNAPSHOT_SPEC):
        missing = [name for name in spec.fields if name not in spec.table.c]
        assert missing == [], spec.name
    extra = set(POLICIES["health_snapshot"].fields) - set(SNAPSHOT_SPEC.fields)
    assert extra == {"author", "supersedes_id"}


def test_received_snapshot_replaces_local_guess(make_sqlite_client):
    """A coordinator's own score of a CSM's account gives way to the CSM's snapshot."""
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    ann.sync()
    cora.sync()
    _add_snapshots(cora, account, [10.0])
    ids = _add_snapshots(ann, account, [72.0])

    coordinator = cora.sync()
    ann.sync()
    cora.sync()

    assert coordinator.pushed == {}
    received = _snapshots(cora, account)
    assert [(row.id, row.score, row.origin) for row in received] == [(ids[0], 72.0, "ann@t.io")]
