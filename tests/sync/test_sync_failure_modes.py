"""Sync order, paging and batch limits, deletes and restores, purges, expiry, old clients."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, insert, select, update

from csm_desktop.store.models import Account, Task
from csm_desktop.store.sync_models import SyncBase, SyncConflict, SyncOutbox
from csm_desktop.sync import credentials, outbox, state
from csm_desktop.sync.engine import SignedOut
from csm_desktop.sync.entities import ENTITIES
from csm_desktop.sync.transport import Transport
from csm_server import admin
from csm_server.schema import api_token, app_user, mutation_log, sync_record, team

DELETED_AT = datetime(2026, 1, 1, tzinfo=UTC)
PUSH = "/v1/sync/push"


def _conflicts(client, **where) -> list[SyncConflict]:
    with client.db.session() as session:
        query = select(SyncConflict).filter_by(**where)
        return list(session.scalars(query).all())


def _outbox_states(client) -> list[str]:
    with client.db.session() as session:
        query = select(SyncOutbox.state).order_by(SyncOutbox.client_seq)
        return list(session.scalars(query).all())


def _state(client, key: str) -> str | None:
    with client.db.engine.connect() as conn:
        return state.get_value(conn, key)


def _add_task(client, account_id: uuid.UUID, title: str) -> uuid.UUID:
    with client.db.session() as session:
        task = Task(account_id=account_id, title=title)
        session.add(task)
        session.flush()
        return task.id


def _server_record(server, record_id: uuid.UUID):
    engine = server.admin_engine()
    with engine.connect() as conn:
        row = conn.execute(select(sync_record).where(sync_record.c.id == record_id)).first()
    engine.dispose()
    return row


def _team_seq(server) -> int:
    engine = server.admin_engine()
    with engine.connect() as conn:
        seq = conn.execute(select(team.c.seq)).scalar_one()
    engine.dispose()
    return seq


@pytest.mark.parametrize("first", ["ann", "bob"])
def test_concurrent_edits_converge_in_either_order(make_sqlite_client, first):
    ann = make_sqlite_client("ann")
    # Bob's clock runs one second ahead, so his edit has the later clock stamp in both orders.
    bob = make_sqlite_client("bob", offset_ms=1000)
    account = ann.add_account("Acme", industry="Old", segment="smb", renewal_date=date(2027, 1, 31))
    ann.sync()
    bob.sync()
    ann.edit(Account, account, industry="Retail", renewal_date=date(2027, 3, 31))
    bob.edit(
        Account, account, industry="Banking", segment="enterprise", renewal_date=date(2027, 2, 28)
    )
    order = [ann, bob] if first == "ann" else [bob, ann]

    for client in order + order:
        client.sync()

    # A guarded field keeps the value that reached the server first; the other is a proposal.
    kept_renewal, proposed_renewal = (
        ("2027-03-31", "2027-02-28") if first == "ann" else ("2027-02-28", "2027-03-31")
    )
    for client in (ann, bob):
        row = client.get(Account, account)
        assert row.industry == "Banking"
        assert row.segment == "enterprise"
        assert row.renewal_date.isoformat() == kept_renewal
        conflicts = _conflicts(client, field="industry")
        assert len(conflicts) == 1
        data = conflicts[0].data
        assert (data["kept_value"], data["kept_actor"]) == ("Banking", "bob@t.io")
        assert (data["other_value"], data["other_actor"]) == ("Retail", "ann@t.io")
        assert data["base_value"] == "Old"
        assert _conflicts(client, field="segment") == []
        proposals = _conflicts(client, field="renewal_date")
        assert [proposal.kind for proposal in proposals] == ["proposal"]
        assert proposals[0].data["other_value"] == proposed_renewal
        assert proposals[0].data["base_value"] == "2027-01-31"


def test_pull_limit_one_returns_each_change_once(server, make_client):
    ann, cora = make_client("ann"), make_client("cora")
    with ann.db.session() as session:
        session.execute(insert(Account), [{"name": f"Account {n:04d}"} for n in range(1000)])
    ann.sync(batch_size=25)
    moved = sorted(row.id for row in ann.rows(Account))[:200]
    with ann.db.session() as session:
        session.execute(
            update(Account)
            .where(Account.id.in_(moved))
            .values(industry="Moved", updated_at=datetime.now(UTC))
        )
    ann.sync(batch_size=25)

    transport = Transport(server.url, cora.token)
    pages: list[dict] = []
    cursor = None
    while True:
        page = transport.pull(cursor, 1)
        pages.append(page)
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    transport.close()

    changes = [change for page in pages for change in page["changes"]]
    assert len(changes) == 1000
    assert len({change["id"] for change in changes}) == 1000
    assert {change["id"] for change in changes if change["row"].get("industry") == "Moved"} == {
        str(row_id) for row_id in moved
    }
    # A page is one whole push: limit=1 is a target that the page extends to the seq's end.
    page_seqs = [{change["seq"] for change in page["changes"]} for page in pages]
    assert all(len(seqs) == 1 for seqs in page_seqs)
    ordered = [seqs.pop() for seqs in page_seqs]
    assert ordered == sorted(set(ordered))
    assert pages[-1]["has_more"] is False
    report = cora.sync(page_size=1)
    assert report.pulled == 1000
    assert report.pages == len(pages)
    assert len(cora.rows(Account)) == 1000


def test_push_over_server_cap_is_split(make_sqlite_client, sqlite_only_server):
    server = sqlite_only_server
    ann = make_sqlite_client("ann")
    with ann.db.session() as session:
        session.execute(insert(Account), [{"name": f"Account {n}"} for n in range(600)])

    def lower_the_cap(_done: int, _total: int, stage: str) -> None:
        # The server restarts with a smaller cap after the client read the old one.
        if stage == "push":
            server.stop()
            server.env["CSM_SERVER_MAX_BATCH"] = "100"
            server.start()

    engine = ann.engine()
    try:
        report = engine.run(progress=lower_the_cap)
    finally:
        engine.transport.close()

    assert report.pushed == {"applied": 600}
    pushes = [entry["status"] for entry in server.requests() if entry["path"] == PUSH]
    # 500, 250 and 125 mutations are over the cap; batches of 62 then fit.
    assert pushes == [413, 413, 413] + [200] * 10
    admin_engine = server.admin_engine()
    with admin_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(mutation_log)).scalar_one() == 600
    admin_engine.dispose()


def test_restore_while_other_client_edits(make_sqlite_client, sqlite_only_server):
    cora, ann = make_sqlite_client("cora"), make_sqlite_client("ann")
    account = ann.add_account("Acme")
    task_id = _add_task(ann, account, "Call champion")
    ann.sync()
    cora.sync()

    ann.edit(Task, task_id, title="Call champion today")
    cora.edit(Task, task_id, deleted_at=DELETED_AT)
    deleted = cora.sync()
    cora.edit(Task, task_id, deleted_at=None)
    restored = cora.sync()
    edited = ann.sync()
    cora.sync()

    assert deleted.pushed == {"applied": 1}
    assert restored.pushed == {"applied": 1}
    assert edited.pushed == {"applied": 1}
    assert edited.rejected == []
    for client in (ann, cora):
        task = client.get(Task, task_id)
        assert task.deleted_at is None
        assert task.title == "Call champion today"
        assert _conflicts(client, kind="edited_deleted") == []
    record = _server_record(sqlite_only_server, task_id)
    assert record.restored_seq > record.deleted_seq


def test_recreated_record_gets_no_collision(make_sqlite_client, sqlite_only_server):
    cora, bob = make_sqlite_client("cora"), make_sqlite_client("bob")
    old = cora.add_account("Acme", industry="Retail")
    cora.sync()
    bob.sync()

    cora.edit(Account, old, deleted_at=DELETED_AT)
    new = cora.add_account("Acme", industry="Banking")
    report = cora.sync()
    bob.sync()

    assert report.pushed == {"applied": 2}
    assert report.rejected == []
    for client in (cora, bob):
        live = [row for row in client.rows(Account) if row.deleted_at is None]
        assert [(row.id, row.name, row.industry) for row in live] == [(new, "Acme", "Banking")]
        assert client.get(Account, old).deleted_at is not None
    assert _server_record(sqlite_only_server, old).deleted_seq is not None
    assert _server_record(sqlite_only_server, new).data["name"] == "Acme"


def test_expired_cursor_keeps_pending_edits(make_sqlite_client, sqlite_only_server):
    server = sqlite_only_server
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme")
    task_id = _add_task(ann, account, "Call champion")
    ann.sync()
    cora.sync()
    cora.edit(Task, task_id, deleted_at=DELETED_AT)
    cora.sync()
    ann.edit(Task, task_id, title="Edited while away")
    engine = server.admin_engine()
    purged = admin.purge_tombstones(engine, "T", _team_seq(server))
    engine.dispose()

    def edit_during_pull(_done: int, _total: int, stage: str) -> None:
        if stage == "pull":
            ann.edit(Account, account, industry="Edited during the sync")

    sync = ann.engine()
    try:
        report = sync.run(progress=edit_during_pull)
    finally:
        sync.transport.close()

    assert purged == 1
    assert report.resynced == "cursor_expired"
    assert [rejection["code"] for rejection in report.rejected] == ["entity_deleted"]
    # The edit of the purged task is a visible conflict and does not bring the task back.
    assert ann.get(Task, task_id).deleted_at is not None
    assert len(_conflicts(ann, kind="edited_deleted", entity_id=task_id)) == 1
    assert _server_record(server, task_id) is None
    # The edit made while the copy was downloading stayed in the outbox and on screen.
    assert ann.get(Account, account).industry == "Edited during the sync"
    assert _outbox_states(ann) == [outbox.REJECTED, outbox.PENDING]

    again = ann.sync()
    cora.sync()

    assert again.pushed == {"applied": 1}
    assert _outbox_states(ann) == [outbox.REJECTED]
    assert cora.get(Account, account).industry == "Edited during the sync"
    assert len(_conflicts(cora, kind="edited_deleted", entity_id=task_id)) == 1
    assert cora.get(Task, task_id).deleted_at is not None


def test_purge_horizon_ignores_revoked_devices(make_sqlite_client, sqlite_only_server):
    server = sqlite_only_server
    ann, bob, cora = (make_sqlite_client(user) for user in ("ann", "bob", "cora"))
    account = cora.add_account("Acme")
    task_id = _add_task(cora, account, "Call champion")
    cora.sync()
    bob.sync()
    ann.sync()
    bob_at = _team_seq(server)
    cora.edit(Task, task_id, deleted_at=DELETED_AT)
    cora.sync()
    ann.sync()
    engine = server.admin_engine()

    held_back = admin.safe_purge_seq(engine, "T")
    admin.revoke_device(engine, uuid.UUID(_state(bob, state.CLIENT_ID)))
    horizon = admin.safe_purge_seq(engine, "T")
    purged = admin.purge_tombstones(engine, "T")
    engine.dispose()
    report = ann.sync()

    assert held_back == bob_at
    assert horizon == _team_seq(server)
    assert horizon > bob_at
    assert purged == 1
    assert report.resynced is None
    assert ann.get(Task, task_id).deleted_at is not None
    with pytest.raises(SignedOut):
        bob.sync()


def test_token_expiring_mid_pull_resumes(make_sqlite_client, sqlite_only_server, monkeypatch):
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

    def expire_after_two(page: int) -> None:
        if page == 2:
            ann_id = select(app_user.c.id).where(app_user.c.email == "ann@t.io")
            with engine.begin() as conn:
                conn.execute(
                    update(api_token)
                    .where(api_token.c.user_id == ann_id.scalar_subquery())
                    .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
                )

    with pytest.raises(SignedOut) as raised:
        ann.sync(page_size=1, after_page=expire_after_two)
    cursor = _state(ann, state.CURSOR)
    pulled_before = len(ann.rows(Account))
    token_kept = credentials.load_token(sqlite_only_server.url)
    ann.token = admin.create_token(engine, "ann@t.io", "renewed")
    report = ann.sync(page_size=1)
    engine.dispose()

    assert "token_expired" in str(raised.value)
    assert cursor.endswith(":2")
    assert pulled_before == 2
    assert token_kept is None
    assert report.pulled == 3
    assert sorted(row.name for row in ann.rows(Account)) == [f"B{n}" for n in range(5)]


def test_old_client_keeps_unknown_field(make_sqlite_client, sqlite_only_server, monkeypatch):
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    account = ann.add_account("Acme", industry="Retail", segment="smb")
    ann.sync()
    # Bob runs an older build whose synced account fields do not include ``industry``.
    current = ENTITIES["account"]
    older = dataclasses.replace(
        current, fields=tuple(name for name in current.fields if name != "industry")
    )
    monkeypatch.setitem(ENTITIES, "account", older)

    bob.sync()
    pulled = bob.get(Account, account)
    bob.edit(Account, account, segment="enterprise")
    with bob.db.session() as session:
        base = session.get(SyncBase, ("account", account))
        sent = session.scalars(select(SyncOutbox)).one()
        base_industry, sent_fields = base.values.get("industry"), set(sent.fields)
    report = bob.sync()
    monkeypatch.undo()
    ann.sync()

    assert pulled.industry is None
    assert base_industry == "Retail"
    assert sent_fields == {"segment"}
    assert report.pushed == {"applied": 1}
    assert _server_record(sqlite_only_server, account).data["industry"] == "Retail"
    stored = ann.get(Account, account)
    assert (stored.industry, stored.segment) == ("Retail", "enterprise")
