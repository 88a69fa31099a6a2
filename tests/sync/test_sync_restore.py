"""Restore from the conflicts inbox after an edit of a record another user deleted.

Two headless clients talk to a real ``csm-server`` process; the inbox is the
real dialog, driven with qtbot.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from csm_desktop.store.models import Task
from csm_desktop.store.sync_models import SyncConflict, SyncOutbox
from csm_desktop.sync.engine import SyncReport
from csm_desktop.sync.resolve import KEEP_DELETED, RESTORE, post_resolutions
from csm_desktop.sync.transport import Transport
from csm_desktop.ui.sync_conflicts import KIND, MINE_COLUMN, THEIRS_COLUMN, ConflictsDialog
from csm_server import admin
from csm_server.schema import sync_record, team
from tests.sync.harness import Client, ServerProcess

DELETED_AT = datetime(2026, 1, 1, tzinfo=UTC)


def sync_and_resolve(client: Client) -> SyncReport:
    """Run a sync, then send the chosen resolutions, as the app's sync job does."""
    report = client.sync()
    transport = Transport(client.url, client.token, timeout=30)
    try:
        post_resolutions(client.db, transport)
    finally:
        transport.close()
    return report


def add_task(client: Client, account_id: uuid.UUID, title: str) -> uuid.UUID:
    with client.db.session() as session:
        task = Task(account_id=account_id, title=title)
        session.add(task)
        session.flush()
        return task.id


def outbox_rows(client: Client) -> list[tuple[str, str]]:
    with client.db.session() as session:
        rows = session.execute(
            select(SyncOutbox.op, SyncOutbox.state).order_by(SyncOutbox.client_seq)
        ).all()
        return [(row.op, row.state) for row in rows]


def server_record(server: ServerProcess, record_id: uuid.UUID):
    engine = server.admin_engine()
    with engine.connect() as conn:
        row = conn.execute(select(sync_record).where(sync_record.c.id == record_id)).first()
    engine.dispose()
    return row


def server_conflicts(server: ServerProcess, kind: str) -> list[dict]:
    engine = server.admin_engine()
    with engine.connect() as conn:
        rows = conn.execute(
            select(sync_record.c.data).where(sync_record.c.entity == "sync_conflict")
        ).all()
    engine.dispose()
    return [row.data for row in rows if row.data.get("kind") == kind]


def team_seq(server: ServerProcess) -> int:
    engine = server.admin_engine()
    with engine.connect() as conn:
        seq = conn.execute(select(team.c.seq)).scalar_one()
    engine.dispose()
    return seq


def edit_of_deleted_task(cora: Client, ann: Client) -> uuid.UUID:
    """Cora deletes Ann's task while Ann edits it offline; Ann's sync leaves the conflict."""
    account = ann.add_account("Acme")
    task_id = add_task(ann, account, "Call champion")
    ann.sync()
    cora.sync()

    cora.edit(Task, task_id, deleted_at=DELETED_AT)
    cora.sync()
    ann.edit(Task, task_id, title="Call champion today")
    report = ann.sync()
    assert [rejection["code"] for rejection in report.rejected] == ["entity_deleted"]
    return task_id


def open_inbox(qtbot: QtBot, client: Client) -> ConflictsDialog:
    inbox = ConflictsDialog(client.db)
    qtbot.addWidget(inbox)
    return inbox


def test_restore_brings_edit_back(
    qtbot: QtBot, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    cora, ann = make_sqlite_client("cora"), make_sqlite_client("ann")
    task_id = edit_of_deleted_task(cora, ann)
    assert ann.get(Task, task_id).deleted_at is not None

    inbox = open_inbox(qtbot, ann)
    assert len(inbox.items) == 1
    item = inbox.items[0]
    assert item.kind == "edited_deleted"
    assert item.choices == (RESTORE, KEEP_DELETED)
    assert item.mine == {"title": "Call champion today"}
    assert inbox.table.item(0, MINE_COLUMN).text() == "title: Call champion today (ann@t.io)"
    assert inbox.table.item(0, THEIRS_COLUMN).text() == "(deleted)"

    inbox.set_choice(0, RESTORE)
    with qtbot.waitSignal(inbox.choices_applied):
        assert inbox.apply_choices() == 1
    assert inbox.items == []
    restored = ann.get(Task, task_id)
    assert restored.deleted_at is None
    assert restored.title == "Call champion today"
    # The rejected edit gave way to an explicit restore and the edit again.
    assert outbox_rows(ann) == [("restore", "pending"), ("update", "pending")]

    report = sync_and_resolve(ann)
    cora.sync()

    assert report.pushed == {"applied": 2}
    assert report.rejected == []
    assert outbox_rows(ann) == []
    for client in (ann, cora):
        task = client.get(Task, task_id)
        assert task.deleted_at is None, client.name
        assert task.title == "Call champion today", client.name
    record = server_record(sqlite_only_server, task_id)
    assert record.restored_seq > record.deleted_seq
    assert record.data["title"] == "Call champion today"
    assert open_inbox(qtbot, ann).items == []


def test_keep_deleted_leaves_task_deleted(
    qtbot: QtBot, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    cora, ann = make_sqlite_client("cora"), make_sqlite_client("ann")
    task_id = edit_of_deleted_task(cora, ann)
    assert outbox_rows(ann) == [("update", "rejected")]

    inbox = open_inbox(qtbot, ann)
    inbox.set_choice(0, KEEP_DELETED)
    assert inbox.apply_choices() == 1
    assert inbox.items == []
    # The rejected edit is settled by the choice, so it leaves the outbox.
    assert outbox_rows(ann) == []

    report = sync_and_resolve(ann)
    cora.sync()

    assert report.pushed == {}
    for client in (ann, cora):
        assert client.get(Task, task_id).deleted_at is not None, client.name
    record = server_record(sqlite_only_server, task_id)
    assert record.deleted_seq is not None
    assert record.restored_seq is None
    assert open_inbox(qtbot, ann).items == []


def test_rejected_restore_reopens_conflict(
    qtbot: QtBot, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    cora, ann = make_sqlite_client("cora"), make_sqlite_client("ann")
    task_id = edit_of_deleted_task(cora, ann)
    # An admin purges the tombstone, so the server has nothing left to restore.
    engine = sqlite_only_server.admin_engine()
    assert admin.purge_tombstones(engine, "T", team_seq(sqlite_only_server)) == 1
    engine.dispose()

    inbox = open_inbox(qtbot, ann)
    inbox.set_choice(0, RESTORE)
    assert inbox.apply_choices() == 1
    assert inbox.items == []
    report = sync_and_resolve(ann)

    assert [rejection["code"] for rejection in report.rejected] == ["not_found", "tx_rejected"]
    assert ann.get(Task, task_id).deleted_at is not None
    inbox.reload()
    assert len(inbox.items) == 1
    item = inbox.items[0]
    assert item.choices == (RESTORE, KEEP_DELETED)
    assert item.error is not None
    assert "does not exist" in item.error
    assert inbox.table.item(0, KIND).text().startswith("Restore rejected: ")
    # The resolution was not sent: the conflict is still open on the server.
    assert [data["status"] for data in server_conflicts(sqlite_only_server, "edited_deleted")] == [
        "open"
    ]

    inbox.set_choice(0, KEEP_DELETED)
    assert inbox.apply_choices() == 1
    assert outbox_rows(ann) == []
    assert ann.get(Task, task_id).deleted_at is not None


def test_restore_resolution_recorded_on_server(
    qtbot: QtBot, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    cora, ann = make_sqlite_client("cora"), make_sqlite_client("ann")
    edit_of_deleted_task(cora, ann)

    inbox = open_inbox(qtbot, ann)
    inbox.set_choice(0, RESTORE)
    inbox.apply_choices()
    sync_and_resolve(ann)

    conflicts = server_conflicts(sqlite_only_server, "edited_deleted")
    assert [(data["status"], data["resolution"]) for data in conflicts] == [
        ("resolved", "used_mine")
    ]


def test_coordinator_restore_resolution_recorded(
    qtbot: QtBot, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme")
    task_id = add_task(ann, account, "Call champion")
    ann.sync()
    cora.sync()
    ann.edit(Task, task_id, deleted_at=DELETED_AT)
    ann.sync()
    cora.edit(Task, task_id, priority="high")
    cora.sync()

    inbox = open_inbox(qtbot, cora)
    assert [item.choices for item in inbox.items] == [(RESTORE, KEEP_DELETED)]
    inbox.set_choice(0, RESTORE)
    inbox.apply_choices()
    sync_and_resolve(cora)
    ann.sync()

    assert ann.get(Task, task_id).deleted_at is None
    assert ann.get(Task, task_id).priority == "high"
    conflicts = server_conflicts(sqlite_only_server, "edited_deleted")
    assert [(data["status"], data["resolution"]) for data in conflicts] == [
        ("resolved", "used_mine")
    ]
    with cora.db.session() as session:
        assert session.scalars(select(SyncConflict.status)).all() == ["resolved"]
