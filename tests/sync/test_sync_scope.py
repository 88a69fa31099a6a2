"""Pull scope: a CSM pulls their own accounts and what hangs from them, a coordinator all."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import event, select

from csm_desktop.store.models import Account, Activity, Contact, HealthSnapshot, Task
from csm_desktop.store.sync_models import SyncBase, SyncOutbox
from csm_desktop.sync.transport import Transport
from csm_server.auth import authenticate
from csm_server.pull import pull_page
from tests.sync.test_sync_snapshots import _add_snapshots


def _add_children(client, account_id: uuid.UUID, label: str) -> dict[str, uuid.UUID]:
    """Add a contact, a task and a call note to an account; return their ids by entity."""
    with client.db.session() as session:
        contact = Contact(account_id=account_id, name=f"{label} champion")
        task = Task(account_id=account_id, title=f"Call {label}")
        note = Activity(
            account_id=account_id,
            kind="call",
            occurred_on=date(2026, 3, 2),
            title=f"{label} kickoff",
            body="Agreed on goals.",
        )
        session.add_all([contact, task, note])
        session.flush()
        return {"contact": contact.id, "task": task.id, "call_note": note.id}


def _live_names(client, model) -> set[str]:
    with client.db.session() as session:
        rows = session.scalars(select(model).where(model.deleted_at.is_(None))).all()
        return {getattr(row, "name", None) or getattr(row, "title", None) for row in rows}


def _bases(client, entity: str) -> set[uuid.UUID]:
    with client.db.session() as session:
        rows = session.scalars(
            select(SyncBase.entity_id).where(SyncBase.entity == entity, ~SyncBase.deleted)
        ).all()
        return set(rows)


def test_csm_pulls_only_own_accounts(make_client):
    ann, bob, cora = make_client("ann"), make_client("bob"), make_client("cora")
    ann_account = ann.add_account("Acme", owner="ann@t.io")
    _add_children(ann, ann_account, "Acme")
    bob_account = bob.add_account("Globex", owner="Bob")
    _add_children(bob, bob_account, "Globex")
    shared = cora.add_account("Initech", owner=None)

    for client in (ann, bob, cora, ann, bob, cora):
        report = client.sync()
        assert report.checksum_ok is True, client.name

    assert _live_names(ann, Account) == {"Acme", "Initech"}
    assert _live_names(ann, Task) == {"Call Acme"}
    assert _live_names(ann, Contact) == {"Acme champion"}
    assert _live_names(ann, Activity) == {"Acme kickoff"}
    assert _live_names(bob, Account) == {"Globex", "Initech"}
    assert _live_names(bob, Task) == {"Call Globex"}
    assert _live_names(cora, Account) == {"Acme", "Globex", "Initech"}
    assert _live_names(cora, Task) == {"Call Acme", "Call Globex"}
    assert _live_names(cora, Activity) == {"Acme kickoff", "Globex kickoff"}
    assert shared in _bases(bob, "account")


def test_owner_change_moves_scope(make_client):
    ann, bob, cora = make_client("ann"), make_client("bob"), make_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    children = _add_children(ann, account, "Acme")
    snapshots = _add_snapshots(ann, account, [70.0, 74.0])
    kept = ann.add_account("Kept", owner="ann@t.io")
    ann.sync()
    bob.add_account("Globex", owner="bob@t.io")
    bob.sync()
    cora.sync()

    cora.edit(Account, account, owner="bob@t.io")
    cora.sync()
    ann_report = ann.sync()
    bob_report = bob.sync()

    assert _live_names(ann, Account) == {"Kept"}
    assert _live_names(ann, Task) == set()
    assert _live_names(ann, Activity) == set()
    assert account not in _bases(ann, "account")
    assert children["task"] not in _bases(ann, "task")
    assert _bases(ann, "health_snapshot") == set()
    assert ann_report.checksum_ok is True
    with ann.db.session() as session:
        assert session.scalars(select(SyncOutbox)).all() == []
    assert kept in _bases(ann, "account")

    assert _live_names(bob, Account) == {"Acme", "Globex"}
    assert _live_names(bob, Task) == {"Call Acme"}
    assert _live_names(bob, Contact) == {"Acme champion"}
    assert _live_names(bob, Activity) == {"Acme kickoff"}
    with bob.db.session() as session:
        received = session.scalars(
            select(HealthSnapshot.id).where(HealthSnapshot.account_id == account)
        ).all()
    assert sorted(received) == sorted(snapshots)
    assert bob_report.checksum_ok is True
    assert cora.get(Account, account).deleted_at is None


def test_owner_change_back_restores(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    children = _add_children(ann, account, "Acme")
    ann.sync()
    cora.sync()

    cora.edit(Account, account, owner="bob@t.io")
    cora.sync()
    cora.edit(Account, account, owner="ann@t.io")
    cora.sync()
    report = ann.sync()

    assert _live_names(ann, Account) == {"Acme"}
    assert _live_names(ann, Task) == {"Call Acme"}
    assert children["task"] in _bases(ann, "task")
    assert report.checksum_ok is True


def test_scoped_pages_skip_nothing(sqlite_only_server):
    """Pages of a scoped pull, with pushes between pages, carry each row once."""
    ann = Transport(sqlite_only_server.url, sqlite_only_server.tokens["ann"], timeout=30)
    bob = Transport(sqlite_only_server.url, sqlite_only_server.tokens["bob"], timeout=30)
    pushers = {"ann": _Pusher(ann, "ann@t.io"), "bob": _Pusher(bob, "bob@t.io")}
    expected: set[str] = set()
    try:
        for round_number in range(6):
            for name, pusher in pushers.items():
                ids = pusher.push_account_with_tasks(f"{name} {round_number}", 4)
                if name == "ann":
                    expected |= ids

        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            page = ann.pull(cursor, 5)
            seen += [change["id"] for change in page["changes"]]
            cursor = page["next_cursor"]
            pages += 1
            if pages == 2:
                expected |= pushers["ann"].push_account_with_tasks("ann late", 2)
                pushers["bob"].push_account_with_tasks("bob late", 2)
            if not page["has_more"]:
                break
    finally:
        ann.close()
        bob.close()

    assert pages > 5
    assert len(seen) == len(set(seen))
    assert set(seen) == expected


class _Pusher:
    """Pushes hand-written accounts and tasks from one raw device."""

    def __init__(self, transport: Transport, owner: str) -> None:
        self.transport = transport
        self.owner = owner
        self.client_id = str(uuid.uuid4())
        transport.register_device(self.client_id, "raw", "0.1.0")
        self.epoch = transport.meta()["epoch"]
        self.next_seq = 1

    def push_account_with_tasks(self, name: str, tasks: int) -> set[str]:
        account = str(uuid.uuid4())
        rows = [("account", account, {"name": name, "owner": self.owner})]
        rows += [
            ("task", str(uuid.uuid4()), {"account_id": account, "title": f"{name} #{number}"})
            for number in range(tasks)
        ]
        mutations = []
        for entity, row_id, fields in rows:
            mutations.append(
                {
                    "client_seq": self.next_seq,
                    "mutation_id": str(uuid.uuid4()),
                    "entity": entity,
                    "id": row_id,
                    "op": "insert",
                    "hlc": "0000000000001.0000.raw",
                    "fields": {key: {"value": value} for key, value in fields.items()},
                }
            )
            self.next_seq += 1
        body = {"client_id": self.client_id, "epoch": self.epoch, "mutations": mutations}
        results = self.transport.push(body)["results"]
        assert {result["status"] for result in results} == {"applied"}
        return {row_id for _, row_id, _ in rows}


def test_scoped_pull_uses_indexes(make_sqlite_client, sqlite_only_server):
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    for number in range(3):
        account = ann.add_account(f"Acme {number}", owner="ann@t.io")
        _add_children(ann, account, f"Acme {number}")
        bob.add_account(f"Globex {number}", owner="bob@t.io")
    ann.sync()
    bob.sync()

    engine = sqlite_only_server.admin_engine()
    statements: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _executemany):
        if "sync_record" in statement or "scope_exit" in statement:
            statements.append((statement, parameters))

    with engine.connect() as conn:
        principal, _ = authenticate(conn, f"Bearer {sqlite_only_server.tokens['ann']}")
        event.listen(engine, "before_cursor_execute", record)
        page = pull_page(conn, principal, None, 5)
        event.remove(engine, "before_cursor_execute", record)
        plans = [
            " | ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
            for sql, params in statements
        ]
    engine.dispose()

    assert page["changes"]
    for plan in plans:
        assert "SCAN sync_record" not in plan, plan
        assert "SCAN owned" not in plan, plan
    assert any("ix_sync_record_team_seq" in plan for plan in plans)
    assert any("ix_sync_record_owner" in plan for plan in plans)


def test_old_owner_edit_after_move_rejected(make_sqlite_client):
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme", owner="ann@t.io")
    children = _add_children(ann, account, "Acme")
    ann.sync()
    cora.sync()

    cora.edit(Account, account, owner="bob@t.io")
    cora.sync()
    ann.edit(Task, children["task"], title="Call Acme today")
    report = ann.sync()

    assert report.rejected[0]["code"] == "forbidden"
    assert ann.get(Task, children["task"]).deleted_at is not None
    with cora.db.session() as session:
        assert session.get(Task, children["task"]).title == "Call Acme"
    assert cora.get(Task, children["task"]).deleted_at is None


def test_migration_fills_scope_columns(tmp_path):
    """Rows written before pull scope existed get their account and owner key on upgrade."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import JSON, column, insert, table

    from csm_server import admin, migrations
    from csm_server.db import make_engine, sqlite_url
    from csm_server.schema import sync_record

    engine = make_engine(sqlite_url(tmp_path / "old.sqlite"))
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "s0001_initial")
    team_id = admin.create_team(engine, "T")
    account, note, task, loose = (uuid.uuid4() for _ in range(4))
    revision, conflict = uuid.uuid4(), uuid.uuid4()
    rows = [
        ("account", account, {"name": "Acme", "owner": " Ann@T.io "}),
        ("task", task, {"title": "Call", "account_id": str(account)}),
        ("task", loose, {"title": "Expenses"}),
        ("call_note", note, {"account_id": str(account)}),
        ("note_revision", revision, {"note_id": str(note), "content": {}}),
        ("sync_conflict", conflict, {"account_id": str(account), "kind": "conflict"}),
    ]
    # The table as the first revision has it, without the scope columns.
    old_table = table(
        "sync_record",
        *(column(name) for name in ("team_id", "entity", "id", "seq")),
        *(column(name, JSON) for name in ("data", "field_seq", "field_hlc")),
    )
    with engine.begin() as conn:
        for seq, (entity, row_id, data) in enumerate(rows, start=1):
            values = {
                "team_id": team_id,
                "entity": entity,
                "id": row_id,
                "data": data,
                "field_seq": {},
                "field_hlc": {},
                "seq": seq,
            }
            values["team_id"] = team_id.hex
            values["id"] = row_id.hex
            conn.execute(insert(old_table).values(**values))

    admin.migrate(engine)
    with engine.connect() as conn:
        found = {
            row.id: (row.account_id, row.owner_key)
            for row in conn.execute(
                select(sync_record.c.id, sync_record.c.account_id, sync_record.c.owner_key)
            )
        }
    engine.dispose()

    assert found[account] == (account, "ann@t.io")
    assert found[task] == (account, None)
    assert found[loose] == (None, None)
    assert found[note] == (account, None)
    assert found[revision] == (account, None)
    assert found[conflict] == (account, None)
