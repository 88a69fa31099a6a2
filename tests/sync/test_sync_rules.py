"""Deletes, rejections, pending edits, clocks and note revisions (SQLite server)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import select

from csm_desktop.store.models import Account, Activity, Task
from csm_desktop.store.sync_models import SyncConflict, SyncOutbox

DELETED_AT = datetime(2026, 1, 1, tzinfo=UTC)
TWO_HOURS_MS = 2 * 3600 * 1000
TEN_MINUTES_MS = 10 * 60 * 1000


def _outbox(client) -> list[SyncOutbox]:
    with client.db.session() as session:
        return list(session.scalars(select(SyncOutbox).order_by(SyncOutbox.client_seq)).all())


def _conflicts(client, kind: str) -> list[SyncConflict]:
    with client.db.session() as session:
        return list(session.scalars(select(SyncConflict).where(SyncConflict.kind == kind)).all())


def test_edit_of_deleted_task_is_logged(make_sqlite_client):
    cora, ann = make_sqlite_client("cora"), make_sqlite_client("ann")
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
    report = ann.sync()

    assert report.rejected[0]["code"] == "entity_deleted"
    assert ann.get(Task, task_id).deleted_at is not None
    assert len(_conflicts(ann, "edited_deleted")) == 1
    assert [entry.state for entry in _outbox(ann)] == ["rejected"]


def test_csm_cannot_delete_account(make_sqlite_client):
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme")
    ann.sync()

    ann.edit(Account, account, deleted_at=DELETED_AT)
    report = ann.sync()

    assert report.rejected[0]["code"] == "forbidden"
    assert ann.get(Account, account).deleted_at is None


def test_bad_transaction_rejected_others_applied(make_sqlite_client):
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    account = ann.add_account("Acme")
    ann.sync()
    with ann.db.session() as session:
        session.add(Task(account_id=account, title="First"))
    with ann.db.session() as session:
        session.add(Task(account_id=account, title="Too old", due_on=date(1850, 1, 1)))
    with ann.db.session() as session:
        session.add(Task(account_id=account, title="Third"))

    report = ann.sync()
    again = ann.sync()
    bob.sync()

    assert report.pushed == {"applied": 2, "rejected": 1}
    assert report.rejected[0]["code"] == "validation_failed"
    assert again.pushed == {}
    assert sorted(task.title for task in bob.rows(Task)) == ["First", "Third"]
    assert [entry.error_code for entry in _outbox(ann)] == ["validation_failed"]


def test_pull_keeps_pending_local_field(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", segment="smb", plan_tier="basic")
    ann.sync()
    cora.sync()
    ann.edit(Account, account, segment="enterprise")
    cora.edit(Account, account, plan_tier="pro")
    cora.sync()

    engine = ann.engine()
    engine._pull_all(
        engine.call(engine.transport.meta),
        __import__("csm_desktop.sync.engine", fromlist=["SyncReport"]).SyncReport(),
        __import__("csm_desktop.progress", fromlist=["CancelToken"]).CancelToken(),
    )
    pulled = ann.get(Account, account)
    report = ann.sync()

    assert pulled.plan_tier == "pro"
    assert pulled.segment == "enterprise"
    assert report.pushed == {"applied": 1}
    cora.sync()
    assert cora.get(Account, account).segment == "enterprise"


def test_clock_ahead_is_rejected(make_sqlite_client):
    ann = make_sqlite_client("ann", offset_ms=TWO_HOURS_MS)
    ann.add_account("Future")

    report = ann.sync()

    assert report.rejected[0]["code"] == "clock_ahead"
    assert "clock" in report.rejected[0]["detail"]


def test_slow_clock_edit_still_wins_later(make_sqlite_client):
    ann = make_sqlite_client("ann")
    bob = make_sqlite_client("bob", offset_ms=-TEN_MINUTES_MS)
    account = ann.add_account("Acme", industry="Old")
    ann.sync()
    bob.sync()

    ann.edit(Account, account, industry="By Ann")
    ann.sync()
    bob.edit(Account, account, industry="By Bob later")
    bob.sync()
    ann.sync()

    assert ann.get(Account, account).industry == "By Bob later"


def test_two_offline_note_edits_keep_both(make_sqlite_client):
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    account = ann.add_account("Acme")
    with ann.db.session() as session:
        note = Activity(
            account_id=account, occurred_on=date(2026, 1, 5), title="Kick-off", body="Agreed plan."
        )
        session.add(note)
        session.flush()
        note_id = note.id
    ann.sync()
    bob.sync()
    assert bob.get(Activity, note_id).body == "Agreed plan."

    ann.edit(Activity, note_id, body="Agreed plan. Ann's addition.")
    bob.edit(Activity, note_id, body="Agreed plan. Bob's addition.")
    ann.sync()
    bob.sync()
    ann.sync()

    heads = _conflicts(ann, "note_heads")
    assert len(heads) == 1
    assert heads[0].status == "open"
    with ann.db.session() as session:
        from csm_desktop.store.sync_models import SyncNoteRevision

        bodies = {r.content["body"] for r in session.scalars(select(SyncNoteRevision)).all()}
    assert {"Agreed plan. Ann's addition.", "Agreed plan. Bob's addition."} <= bodies

    ann.edit(Activity, note_id, body="Agreed plan. Ann's addition. Bob's addition.")
    ann.sync()
    bob.sync()
    assert bob.get(Activity, note_id).body == "Agreed plan. Ann's addition. Bob's addition."
    assert _conflicts(bob, "note_heads")[0].status == "resolved"


def test_new_account_keeps_its_id(make_sqlite_client):
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme")
    ann.sync()
    assert [row.id for row in ann.rows(Account)] == [account]
    assert isinstance(account, uuid.UUID)
