"""Every service write method that changes synced rows leaves one outbox entry per change.

The test finds the write methods of ``csm_desktop.services`` by reading their
source (see ``_write_methods``). Each one must either have a case in
``CASES``, which calls it on a real database with sync enabled, or appear in
``NO_SYNCED_WRITES`` with the reason it changes no synced row. So a new write
method fails this test until someone adds a case for it.

A case compares the synced tables before and after the call with what the
outbox contains after the same scan a sync runs first: one entry per changed row
(``insert`` with every field for a new row, ``delete`` for a tombstoned row,
``update`` with exactly the changed fields otherwise), one note revision per
call note whose text changed, and nothing else. The entries are then pushed,
and the server must apply all of them.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

import csm_desktop.services as services_package
from csm_desktop.services import (
    accounts,
    contacts,
    demo,
    goals,
    notes,
    playbooks,
    privacy,
    tasks,
)
from csm_desktop.store.models import Activity
from csm_desktop.store.sync_models import SyncOutbox
from csm_desktop.sync import capture
from csm_desktop.sync.entities import ENTITIES, row_to_wire
from tests.sync.harness import Client

# --- Finding the write methods ----------------------------------------------

# Session methods and SQL functions that write rows.
SESSION_WRITES = {"add", "add_all", "delete", "merge", "bulk_save_objects", "bulk_insert_mappings"}
DML_FUNCTIONS = {"insert", "update", "delete", "setattr"}


def _writes(function: ast.AST) -> bool:
    """True when ``function``'s body adds, deletes or assigns to an attribute of a row."""
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            called = node.func
            if isinstance(called, ast.Attribute) and called.attr in SESSION_WRITES:
                return True
            if isinstance(called, ast.Name) and called.id in DML_FUNCTIONS:
                return True
        targets: list[ast.AST] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and not _is_self(target.value):
                return True
    return False


def _is_self(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id in ("self", "cls")


def _takes_database(function: ast.FunctionDef) -> bool:
    """True for the ``db: Database`` convention of methods that open their own transaction."""
    return any(
        argument.annotation is not None and ast.unparse(argument.annotation) == "Database"
        for argument in function.args.args
    )


def _write_methods() -> set[str]:
    """Return ``module.function`` for every public service function that may write rows.

    A function counts when it, or a private helper of its module that it calls,
    writes (``_writes``), or when it takes a ``Database`` and so opens its own
    transaction (which also catches writes delegated to other packages).
    """
    found: set[str] = set()
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"{services_package.__name__}.{info.name}")
        tree = ast.parse(inspect.getsource(module))
        functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
        for name, function in functions.items():
            if name.startswith("_"):
                continue
            reached = _reachable(name, functions)
            if _takes_database(function) or any(_writes(functions[n]) for n in reached):
                found.add(f"{info.name}.{name}")
    return found


def _reachable(name: str, functions: dict[str, ast.FunctionDef]) -> set[str]:
    """Return ``name`` and the functions of the same module it calls, transitively."""
    seen: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for node in ast.walk(functions[current]):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in functions
            ):
                pending.append(node.func.id)
    return seen


# Write methods that change no synced row, and why.
NO_SYNCED_WRITES = {
    "backups.keep_count": "reads a setting",
    "backups.set_keep_count": "writes an app setting, which is local",
    "backups.run_daily_backup": "copies the database file",
    "backups.backup_now": "copies the database file",
    "batch_export.export_qbr_batch": "writes PDF files and reads the database",
    "demo.recompute_health": (
        "writes health snapshots, which are immutable and queued by csm_desktop.sync.snapshots "
        "instead of the outbox (tests/sync/test_sync_snapshots.py covers them)"
    ),
    "advocacy.add_advocacy": "writes an advocacy record, a local table that does not sync",
    "advocacy.update_advocacy": "updates an advocacy record, which does not sync",
    "advocacy.delete_advocacy": "tombstones an advocacy record, which does not sync",
    "playbooks.save_playbook": "writes playbook templates, which are local",
    "privacy.find_contacts": "reads contacts",
    "qbr_drafts.save_drafts": "writes QBR drafts, which are local",
    "qbr_drafts.save_choice": "writes a QBR preference, which is local",
    "renewals.save_forecast": "writes a renewal forecast, a local table that does not sync",
    "renewals.add_opportunity": "writes an expansion opportunity, which does not sync",
    "renewals.set_opportunity_stage": "updates an expansion opportunity, which does not sync",
    "renewals.update_opportunity": "updates an expansion opportunity, which does not sync",
    "renewals.delete_opportunity": "tombstones an expansion opportunity, which does not sync",
    "settings.set_setting": "writes an app setting, which is local",
    "today.dismiss_alert": "writes an alert dismissal, which is local",
    "today.snooze_alert": "writes an alert dismissal, which is local",
    "today.restore_alert": "deletes alert dismissals, which are local",
    "views.save_view": "writes a saved view, which is local",
    "views.delete_view": "deletes a saved view, which is local",
}


# --- The cases --------------------------------------------------------------


@dataclass
class World:
    """The client under test and ids of rows the cases start from."""

    client: Client
    account_id: uuid.UUID
    ids: dict[str, uuid.UUID] = field(default_factory=dict)

    @property
    def db(self):
        return self.client.db


# A case is a generator: the code before ``yield`` prepares rows (synced before the
# measured step), the code after it is the call under test.
Case = Callable[[World], Iterator[None]]
SOON = date.today() + timedelta(days=7)


def case_add_note(world: World) -> Iterator[None]:
    yield
    accounts.add_note(
        world.db,
        world.account_id,
        kind="call",
        occurred_on=date(2026, 3, 2),
        title="Kickoff",
        body="Agreed on goals.",
        next_steps="Send the deck",
    )


def case_save_contact_new(world: World) -> Iterator[None]:
    yield
    contacts.save_contact(
        world.db, world.account_id, contacts.ContactFields(name="Dana", email="dana@x.io")
    )


def case_save_contact_edit(world: World) -> Iterator[None]:
    fields = contacts.ContactFields(name="Eve", email="eve@x.io", title="CTO")
    contact_id = contacts.save_contact(world.db, world.account_id, fields)
    yield
    edited = contacts.ContactFields(name="Eve", email="eve@y.io", title="CEO")
    contacts.save_contact(world.db, world.account_id, edited, contact_id)


def case_create_goal(world: World) -> Iterator[None]:
    yield
    goals.create_goal(world.db, world.account_id, "Cut onboarding to 30 days", target_value=30)


def case_update_goal(world: World) -> Iterator[None]:
    goal_id = goals.create_goal(world.db, world.account_id, "Adopt alerts", target_value=5)
    yield
    goals.update_goal(
        world.db,
        goal_id,
        "Adopt alerts in every team",
        target_value=8,
        current_value=None,
        unit="teams",
        owner=None,
        due_on=SOON,
    )


def case_delete_goal(world: World) -> Iterator[None]:
    goal_id = goals.create_goal(world.db, world.account_id, "Retire the old API")
    goals.add_check_in(world.db, goal_id, date.today(), "on_track", comment="started")
    yield
    goals.delete_goal(world.db, goal_id)


def case_add_check_in(world: World) -> Iterator[None]:
    goal_id = goals.create_goal(world.db, world.account_id, "Adopt reporting", target_value=10)
    yield
    goals.add_check_in(world.db, goal_id, date.today(), "at_risk", value=4, comment="slow")


def case_save_draft(world: World) -> Iterator[None]:
    yield
    notes.save_draft(world.db, world.account_id, None, notes.NoteFields(title="Half", body="x"))


def case_save_draft_blank(world: World) -> Iterator[None]:
    draft_id = notes.save_draft(
        world.db, world.account_id, None, notes.NoteFields(title="Gone", body="soon")
    )
    yield
    notes.save_draft(world.db, world.account_id, draft_id, notes.NoteFields())


def case_discard_draft(world: World) -> Iterator[None]:
    draft_id = notes.save_draft(
        world.db, world.account_id, None, notes.NoteFields(title="Drop", body="me")
    )
    yield
    notes.discard_draft(world.db, draft_id)


def case_publish_note(world: World) -> Iterator[None]:
    draft_id = notes.save_draft(
        world.db, world.account_id, None, notes.NoteFields(title="Draft", body="first")
    )
    yield
    fields = notes.NoteFields(
        occurred_on=date(2026, 3, 3),
        title="QBR prep",
        body="Reviewed usage.",
        next_steps="Book the QBR\nShare the report",
    )
    notes.publish_note(
        world.db, world.account_id, draft_id, fields, create_tasks=True, tasks_due_on=SOON
    )


def case_apply_playbook(world: World) -> Iterator[None]:
    yield
    playbooks.apply_playbook(world.db, world.account_id, "builtin:onboarding")


def case_erase_contact(world: World) -> Iterator[None]:
    fields = contacts.ContactFields(name="Fay", email="fay@x.io", phone="555", title="VP")
    contact_id = contacts.save_contact(world.db, world.account_id, fields)
    yield
    privacy.erase_contact(world.db, contact_id)


def case_create_task(world: World) -> Iterator[None]:
    yield
    tasks.create_task(world.db, world.account_id, "Call the sponsor", due_on=SOON)


def case_tasks_from_note(world: World) -> Iterator[None]:
    note_id = accounts.add_note(
        world.db,
        world.account_id,
        kind="call",
        occurred_on=date(2026, 3, 4),
        title="Sync",
        body="Talked.",
        next_steps="First step\nSecond step",
    )
    yield
    with world.db.session() as session:
        tasks.tasks_from_note(session, session.get(Activity, note_id), due_on=SOON)


def case_snooze_task(world: World) -> Iterator[None]:
    task_id = tasks.create_task(world.db, world.account_id, "Snooze me")
    yield
    tasks.snooze_task(world.db, task_id, SOON, "waiting for legal")


def case_set_task_done(world: World) -> Iterator[None]:
    task_id = tasks.create_task(world.db, world.account_id, "Finish me")
    yield
    tasks.set_task_done(world.db, task_id, True)


def case_set_task_reopened(world: World) -> Iterator[None]:
    task_id = tasks.create_task(world.db, world.account_id, "Reopen me")
    tasks.set_task_done(world.db, task_id, True)
    yield
    tasks.set_task_done(world.db, task_id, False)


def case_load_demo(world: World) -> Iterator[None]:
    yield
    demo.load_demo(world.db)


# module.function -> the cases that call it.
CASES: dict[str, list[Case]] = {
    "accounts.add_note": [case_add_note],
    "contacts.save_contact": [case_save_contact_new, case_save_contact_edit],
    "goals.create_goal": [case_create_goal],
    "goals.update_goal": [case_update_goal],
    "goals.delete_goal": [case_delete_goal],
    "goals.add_check_in": [case_add_check_in],
    "notes.save_draft": [case_save_draft, case_save_draft_blank],
    "notes.discard_draft": [case_discard_draft],
    "notes.publish_note": [case_publish_note],
    "playbooks.apply_playbook": [case_apply_playbook],
    "privacy.erase_contact": [case_erase_contact],
    "tasks.create_task": [case_create_task],
    "tasks.tasks_from_note": [case_tasks_from_note],
    "tasks.snooze_task": [case_snooze_task],
    "tasks.set_task_done": [case_set_task_done, case_set_task_reopened],
    "demo.load_demo": [case_load_demo],
}
# The demo import adds hundreds of rows; pushing them all would only slow the test.
NOT_PUSHED = {case_load_demo}


# --- Checking a case --------------------------------------------------------


def _synced_rows(client: Client) -> dict[tuple[str, uuid.UUID], dict[str, Any]]:
    """Return every synced row as ``{(entity, id): {field: JSON value}}``, tombstones included."""
    rows: dict[tuple[str, uuid.UUID], dict[str, Any]] = {}
    with client.db.engine.connect() as conn:
        for spec in ENTITIES.values():
            names = spec.fields + spec.text_fields
            table = spec.table
            query = select(table.c.id, table.c.deleted_at, *(table.c[n] for n in names))
            for row in conn.execute(query).all():
                values = row_to_wire(spec, row, names)
                values["deleted"] = row.deleted_at is not None
                rows[(spec.name, row.id)] = values
    return rows


def _expected_entries(before: dict, after: dict) -> Counter:
    """Return the outbox entries the change from ``before`` to ``after`` must produce.

    Each entry is ``(entity, id, op, frozenset of field names)``; note revisions
    are ``("note_revision", note id, "insert", frozenset())``.
    """
    expected: Counter = Counter()
    for key, values in after.items():
        entity, row_id = key
        spec = ENTITIES[entity]
        old = before.get(key)
        if old is None:
            if not values["deleted"]:
                expected[(entity, row_id, "insert", frozenset(spec.fields))] += 1
                if any(values[name] for name in spec.text_fields):
                    expected[("note_revision", row_id, "insert", frozenset())] += 1
            continue
        if values["deleted"] and not old["deleted"]:
            expected[(entity, row_id, "delete", frozenset())] += 1
            continue
        changed = frozenset(name for name in spec.fields if values[name] != old[name])
        if changed:
            expected[(entity, row_id, "update", changed)] += 1
        if any(values[name] != old[name] for name in spec.text_fields):
            expected[("note_revision", row_id, "insert", frozenset())] += 1
    return expected


def _outbox_entries(client: Client) -> Counter:
    """Return the outbox as the same tuples as ``_expected_entries``."""
    entries: Counter = Counter()
    with client.db.session() as session:
        for entry in session.scalars(select(SyncOutbox)).all():
            if entry.entity == "note_revision":
                entries[("note_revision", entry.note_id, entry.op, frozenset())] += 1
            else:
                names = frozenset(entry.fields)
                entries[(entry.entity, entry.entity_id, entry.op, names)] += 1
    return entries


def _scan(client: Client) -> None:
    """Run the scan a sync starts with, which finds rows written without the ORM."""
    with client.db.engine.begin() as conn:
        capture.scan(conn, client.wall)


def _outbox_size(client: Client) -> int:
    with client.db.session() as session:
        return len(session.scalars(select(SyncOutbox)).all())


# --- Tests ------------------------------------------------------------------


def test_write_methods_all_have_cases():
    """Each write method found in the services has a case or a reason it syncs nothing."""
    found = _write_methods()
    listed = set(CASES) | set(NO_SYNCED_WRITES)

    assert found - listed == set(), "write methods without a case in CASES"
    assert listed - found == set(), "CASES or NO_SYNCED_WRITES name methods that do not exist"
    assert set(CASES).isdisjoint(NO_SYNCED_WRITES)


def test_finder_sees_a_new_write_method():
    """The source reader flags an ORM edit, a bulk update and a session.add as writes."""
    samples = [
        "def rename(db: Database, row_id):\n    pass\n",
        "def rename(session, row):\n    row.name = 'x'\n",
        "def rename(session):\n    session.execute(update(Account).values(name='x'))\n",
        "def rename(session):\n    session.add(Account(name='x'))\n",
    ]
    for source in samples:
        function = ast.parse(source).body[0]
        assert _takes_database(function) or _writes(function), source
    reader = ast.parse("def names(session):\n    return [a.name for a in session.scalars(q)]\n")
    assert not _writes(reader.body[0])


ALL_CASES = [
    pytest.param(case, id=case.__name__.removeprefix("case_"))
    for cases in CASES.values()
    for case in cases
]


@pytest.mark.parametrize("case", ALL_CASES)
def test_write_method_fills_outbox(case: Case, make_sqlite_client):
    """The call leaves exactly one outbox entry per changed row and field, and all apply."""
    cora = make_sqlite_client("cora")
    account_id = cora.add_account(
        "Acme", owner="cora@t.io", contract_start=date(2026, 1, 5), renewal_date=date(2027, 1, 5)
    )
    cora.sync()
    world = World(cora, account_id)
    steps = case(world)
    next(steps)
    cora.sync()
    assert _outbox_size(cora) == 0
    before = _synced_rows(cora)

    with pytest.raises(StopIteration):
        next(steps)
    _scan(cora)
    after = _synced_rows(cora)
    expected = _expected_entries(before, after)
    entries = _outbox_entries(cora)

    assert expected, "the call changed no synced row; the case tests nothing"
    assert entries == expected
    if case in NOT_PUSHED:
        return
    report = cora.sync()
    assert set(report.pushed) == {"applied"}
    assert report.pushed["applied"] == sum(expected.values())
    assert _outbox_size(cora) == 0
