"""Changes a restored server lost: recorded after an epoch change, then re-uploaded or discarded.

A server restored from an older backup no longer has some rows and values
that it had acknowledged. After the fresh download the client lists them
here (as JSON in ``sync_state``) instead of pushing them at once, and the
user decides. Until then the local database matches the server: lost rows
are soft-deleted and lost values show the server's value.

Only changes this database sent are listed (see ``csm_desktop.sync.resync``),
so a re-upload is recorded as this user's edit. Re-uploading queues lost
rows as inserts and lost values as updates. A lost value whose clock stamp
is later than the stamp of the server's current value overwrote that value
before the restore, so it is sent with the current value's ``base_seq`` and
applies without a conflict. Otherwise someone changed the field after the
lost edit, and ``base_seq = 0`` makes the server record a conflict instead
of overwriting it silently. Discarding only drops the list.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, select, update

from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncBase
from csm_desktop.sync import outbox, state
from csm_desktop.sync.capture import capture_ids, load_clock, save_clock
from csm_desktop.sync.entities import ENTITIES, from_wire
from csm_desktop.sync.hlc import WallClock, parse_hlc

log = logging.getLogger(__name__)

LOST_CHANGES = "lost_changes"
INSERT, UPDATE = "insert", "update"
# The column that names a row of each entity in the list shown to the user.
NAME_COLUMNS = {
    "account": "name",
    "contact": "name",
    "call_note": "title",
    "task": "title",
    "goal": "objective",
}

_base = SyncBase.__table__
_account = Account.__table__


@dataclass(frozen=True)
class LostChange:
    """One row, or some fields of one row, that the restored server no longer has."""

    entity: str
    entity_id: uuid.UUID
    # ``insert``: the whole row is missing on the server. ``update``: only ``fields`` differ.
    op: str
    # The values this device last saw acknowledged, by field name (JSON form).
    fields: dict[str, Any]
    # The row's name and, for rows that belong to an account, the account's name.
    name: str
    account: str | None


def record(conn: Connection, changes: list[dict[str, Any]]) -> int:
    """Add ``changes`` (``entity``, ``id``, ``op``, ``fields``) to the list; return its size.

    A row already listed by an earlier epoch change is replaced, so the list
    contains one entry per row.
    """
    listed = {(item["entity"], item["id"]): item for item in _load(conn)}
    for change in changes:
        listed[(change["entity"], change["id"])] = change
    _save(conn, list(listed.values()))
    return len(listed)


def count(conn: Connection) -> int:
    return len(_load(conn))


def list_changes(conn: Connection) -> list[LostChange]:
    """Return the listed changes with the names of their rows, parents first."""
    order = {name: position for position, name in enumerate(ENTITIES)}
    items = sorted(_load(conn), key=lambda item: order.get(item["entity"], len(order)))
    return [_describe(conn, item) for item in items]


def reupload(conn: Connection, wall: WallClock | None = None) -> int:
    """Queue every listed change for the next push and empty the list; return how many.

    Lost rows are written back locally and captured as inserts in one client
    transaction, parents before children. Lost values are written back and
    queued as updates, which conflict on the server only with a value written
    after the lost edit (see the module documentation).
    """
    items = _load(conn)
    inserts: dict[str, set[uuid.UUID]] = {}
    for item in items:
        entity, row_id = item["entity"], uuid.UUID(item["id"])
        if item["op"] == INSERT:
            _restore_row(conn, entity, row_id)
            inserts.setdefault(entity, set()).add(row_id)
    if inserts:
        capture_ids(conn, inserts, wall)

    clock = load_clock(conn, wall)
    for item in items:
        if item["op"] == UPDATE:
            _queue_values(conn, clock, item)
    save_clock(conn, clock)
    _save(conn, [])
    log.info("Re-uploading %d changes the restored server lost", len(items))
    return len(items)


def discard(conn: Connection) -> int:
    """Drop the list and keep the server's version of every row in it; return how many.

    Lost rows stay soft-deleted here, like rows deleted on the server.
    """
    items = _load(conn)
    for item in items:
        log.info(
            "Discarded %s of %s %s lost by the server restore (fields %s)",
            item["op"],
            item["entity"],
            item["id"],
            ", ".join(sorted(item["fields"])),
        )
    _save(conn, [])
    return len(items)


def _load(conn: Connection) -> list[dict[str, Any]]:
    text = state.get_value(conn, LOST_CHANGES)
    return json.loads(text) if text else []


def _save(conn: Connection, items: list[dict[str, Any]]) -> None:
    state.set_value(conn, LOST_CHANGES, json.dumps(items) if items else None)


def _describe(conn: Connection, item: dict[str, Any]) -> LostChange:
    entity, row_id = item["entity"], uuid.UUID(item["id"])
    spec = ENTITIES[entity]
    table = spec.table
    name_column = table.c[NAME_COLUMNS.get(entity, "id")]
    columns = [name_column]
    if "account_id" in table.c:
        columns.append(table.c.account_id)
    row = conn.execute(select(*columns).where(table.c.id == row_id)).first()
    name = str(row[0]) if row is not None and row[0] else str(row_id)[:8]
    account = None
    if row is not None and len(row) > 1 and row[1] is not None:
        account = conn.execute(select(_account.c.name).where(_account.c.id == row[1])).scalar()
    return LostChange(entity, row_id, item["op"], dict(item["fields"]), name, account)


def _restore_row(conn: Connection, entity: str, row_id: uuid.UUID) -> None:
    """Undo the soft delete of a lost row and forget its base, so capture treats it as new."""
    table = ENTITIES[entity].table
    conn.execute(update(table).where(table.c.id == row_id).values(deleted_at=None))
    conn.execute(delete(_base).where(_base.c.entity == entity, _base.c.entity_id == row_id))


def _queue_values(conn: Connection, clock, item: dict[str, Any]) -> None:
    """Queue the lost values of one row that still differ from the server's current value."""
    entity, row_id = item["entity"], uuid.UUID(item["id"])
    spec = ENTITIES[entity]
    base = conn.execute(
        select(_base).where(_base.c.entity == entity, _base.c.entity_id == row_id)
    ).first()
    current = base.values if base is not None else None
    if current is None:
        log.info("Lost values of %s %s not re-uploaded: the row is gone", entity, row_id)
        return
    entries = outbox.entries_for(conn, entity, [row_id]).get(row_id, [])
    edited = {
        name
        for entry in entries
        if entry.entity == entity and entry.state != outbox.REJECTED
        for name in entry.fields
    }
    # A field edited here since the restore keeps that newer edit, which is already queued.
    lost = {
        name: value
        for name, value in item["fields"].items()
        if current.get(name) != value and name not in edited
    }
    if not lost:
        return

    stamps = item.get("stamps") or {}
    fields = {
        name: {
            "value": value,
            "base_seq": _base_seq(base, name, stamps.get(name)),
            "base": current.get(name),
        }
        for name, value in lost.items()
    }
    outbox.add_entry(
        conn,
        entity=entity,
        entity_id=row_id,
        op=UPDATE,
        fields=fields,
        hlc=clock.tick(),
        tx=uuid.uuid4(),
        base_seq=0,
    )
    values = {name: from_wire(spec, name, value) for name, value in lost.items()}
    conn.execute(update(spec.table).where(spec.table.c.id == row_id).values(**values))


def _base_seq(base: Any, name: str, lost_stamp: str | None) -> int:
    """Return the current value's seq when the lost edit came after it, else 0 (a conflict)."""
    current_stamp = (base.field_hlc or {}).get(name)
    if lost_stamp is None or current_stamp is None:
        return 0
    if _stamp_order(current_stamp) >= _stamp_order(lost_stamp):
        return 0
    return int((base.field_seq or {}).get(name, 0))


def _stamp_order(stamp: str) -> tuple[int, int]:
    physical, counter, _ = parse_hlc(stamp)
    return physical, counter
