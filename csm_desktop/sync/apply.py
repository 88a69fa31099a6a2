"""Write server state into the local database: pulled changes, push acknowledgements, reverts.

A pulled row first updates ``sync_base``; the domain row then takes the
server value of every field that has no local change waiting in the
outbox, so a pull never overwrites a pending edit. Local edits not yet in
the outbox are captured first, against the old base, for the same reason.

A pulled row that breaks a local constraint raises ``PageApplyError``. The
engine applies a page in one transaction with its cursor, so the page is
rolled back and pulled again at the next sync instead of being lost.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from csm_desktop.store.sync_models import SyncBase, SyncConflict, SyncNoteRevision
from csm_desktop.sync import outbox
from csm_desktop.sync.capture import capture_ids
from csm_desktop.sync.entities import ENTITIES, SNAPSHOT_ENTITY, EntitySpec, from_wire
from csm_desktop.sync.scope import remove_account
from csm_desktop.sync.snapshots import acknowledge_snapshot, store_snapshots, write_parked
from csm_desktop.sync.transport import SyncError

log = logging.getLogger(__name__)

_base = SyncBase.__table__
_conflict = SyncConflict.__table__
_revision = SyncNoteRevision.__table__


class PageApplyError(SyncError):
    """A row from the server broke a local database constraint, so its page was not applied.

    ``entity``, ``row_id`` and ``constraint`` let the UI build a translated
    message; ``str()`` is the English one.
    """

    def __init__(self, entity: str, row_id: str, constraint: str) -> None:
        self.entity = entity
        self.row_id = row_id
        self.constraint = constraint
        super().__init__(
            f"The {entity} {row_id} from the team server cannot be stored in this database: "
            f"{constraint}. This step of the sync was rolled back, so nothing is lost, and the "
            "next sync fetches it again. Report this problem with the log file."
        )


@contextmanager
def _integrity_as_sync_error(entity: str, row_id: uuid.UUID | None) -> Iterator[None]:
    """Turn an ``IntegrityError`` from writing a pulled row into a ``PageApplyError``.

    ``row_id`` None means a batch of rows; the id then comes from the failed
    statement's parameters when they have one.
    """
    try:
        yield
    except IntegrityError as error:
        failed = str(row_id) if row_id is not None else _statement_row_id(error)
        constraint = str(error.orig) if error.orig is not None else str(error)
        log.error("Storing %s %s from the server failed: %s", entity, failed, constraint)
        raise PageApplyError(entity, failed, constraint) from error


def _statement_row_id(error: IntegrityError) -> str:
    params = error.params
    if isinstance(params, dict) and params.get("id") is not None:
        return str(params["id"])
    return "(unknown id)"


def apply_page(conn: Connection, changes: list[dict[str, Any]]) -> set[tuple[str, uuid.UUID]]:
    """Apply one pull page; return the ``(entity, id)`` of every synced row it carried.

    ``remove`` changes (an account that left the user's scope) go first: an
    upsert of the same row in the page has a higher or equal ``seq``, so it
    means the row is back in scope.
    """
    targets: dict[str, set[uuid.UUID]] = {}
    for change in changes:
        if change["entity"] in ENTITIES:
            targets.setdefault(change["entity"], set()).add(uuid.UUID(change["id"]))
    capture_ids(conn, targets)

    upserts = [change for change in changes if change["op"] != "remove"]
    for change in changes:
        if change["op"] == "remove" and change["entity"] == "account":
            remove_account(conn, uuid.UUID(change["id"]))
    seen: set[tuple[str, uuid.UUID]] = set()
    for change in upserts:
        with _integrity_as_sync_error(change["entity"], uuid.UUID(change["id"])):
            if change["entity"] == "note_revision":
                _store_revision(conn, change)
            elif change["entity"] == "sync_conflict":
                _store_conflict(conn, change)
    for name, spec in ENTITIES.items():
        for change in upserts:
            if change["entity"] == name:
                _apply_row(conn, spec, change)
                seen.add((name, uuid.UUID(change["id"])))
    snapshots = [change for change in upserts if change["entity"] == SNAPSHOT_ENTITY]
    with _integrity_as_sync_error(SNAPSHOT_ENTITY, None):
        store_snapshots(conn, snapshots)
    seen |= {(SNAPSHOT_ENTITY, uuid.UUID(change["id"])) for change in snapshots}
    retry_parked(conn)
    return seen


def _store_revision(conn: Connection, change: dict) -> None:
    row = change["row"]
    values = {
        "note_id": uuid.UUID(row["note_id"]),
        "parents": row.get("parents") or [],
        "content": row.get("content") or {},
        "author": row.get("author"),
        "hlc": (change.get("field_hlc") or {}).get("*", ""),
        "seq": change["seq"],
    }
    statement = sqlite_insert(_revision).values(id=uuid.UUID(change["id"]), **values)
    conn.execute(
        statement.on_conflict_do_update(index_elements=["id"], set_={"seq": change["seq"]})
    )


def _store_conflict(conn: Connection, change: dict) -> None:
    row = change["row"]
    account = row.get("account_id")
    values = {
        "kind": row.get("kind", "conflict"),
        "entity": row.get("entity", ""),
        "entity_id": uuid.UUID(row["entity_id"]),
        "account_id": uuid.UUID(account) if account else None,
        "field": row.get("field"),
        "status": row.get("status", "open"),
        "seq": change["seq"],
        "data": row,
    }
    statement = sqlite_insert(_conflict).values(id=uuid.UUID(change["id"]), **values)
    conn.execute(statement.on_conflict_do_update(index_elements=["id"], set_=values))


def _apply_row(conn: Connection, spec: EntitySpec, change: dict) -> None:
    row_id = uuid.UUID(change["id"])
    values = dict(change["row"])
    base = {
        "seq": change["seq"],
        "values": values,
        "field_seq": change.get("field_seq") or {},
        "field_hlc": change.get("field_hlc") or {},
        "deleted": change["op"] == "delete",
    }
    if spec.text_fields:
        values.update(_head_text(conn, spec, values.get("heads") or []))
    save_base(conn, spec.name, row_id, base)
    materialize(conn, spec, row_id)


def save_base(conn: Connection, entity: str, row_id: uuid.UUID, base: dict[str, Any]) -> None:
    statement = sqlite_insert(_base).values(entity=entity, entity_id=row_id, parked=False, **base)
    conn.execute(statement.on_conflict_do_update(index_elements=["entity", "entity_id"], set_=base))


def _head_text(conn: Connection, spec: EntitySpec, heads: list[str]) -> dict[str, Any]:
    """Return the text of the newest head revision (by clock stamp); empty when none is known."""
    if not heads:
        return {}
    rows = conn.execute(
        select(_revision.c.content, _revision.c.hlc).where(
            _revision.c.id.in_([uuid.UUID(head) for head in heads])
        )
    ).all()
    if not rows:
        return {}
    newest = max(rows, key=lambda row: row.hlc)
    return {name: newest.content.get(name) for name in spec.text_fields}


def materialize(conn: Connection, spec: EntitySpec, row_id: uuid.UUID) -> None:
    """Make the domain row show its base, except for fields with a change waiting in the outbox.

    Raises ``PageApplyError`` when the row breaks a local constraint.
    """
    with _integrity_as_sync_error(spec.name, row_id):
        _materialize(conn, spec, row_id)


def _materialize(conn: Connection, spec: EntitySpec, row_id: uuid.UUID) -> None:
    base = conn.execute(
        select(_base).where(_base.c.entity == spec.name, _base.c.entity_id == row_id)
    ).first()
    if base is None:
        return
    entries = outbox.entries_for(conn, spec.name, [row_id]).get(row_id, [])
    live = [entry for entry in entries if entry.state != outbox.REJECTED]
    pending_fields = {name for entry in live if entry.entity == spec.name for name in entry.fields}
    pending_delete = any(entry.op in ("delete", "restore") for entry in live)
    pending_text = any(entry.entity == "note_revision" for entry in live)

    table = spec.table
    exists = conn.execute(
        select(table.c.id, table.c.deleted_at).where(table.c.id == row_id)
    ).first()
    if base.deleted:
        if exists is not None and exists.deleted_at is None and not live:
            conn.execute(update(table).where(table.c.id == row_id).values(deleted_at=_now()))
        return

    names = [name for name in spec.fields if name in base.values and name not in pending_fields]
    if not pending_text:
        names += [name for name in spec.text_fields if name in base.values]
    values = {name: from_wire(spec, name, base.values.get(name)) for name in names}
    if spec.text_fields and not pending_text:
        values = {
            key: ("" if value is None and key in ("title", "body") else value)
            for key, value in values.items()
        }
    if exists is not None:
        if not pending_delete:
            values["deleted_at"] = None
        if spec.name == "contact":
            _keep_erasure(conn, row_id, values)
        if values:
            conn.execute(update(table).where(table.c.id == row_id).values(**values))
        return
    if not _parents_present(conn, spec, values):
        conn.execute(
            update(_base)
            .where(_base.c.entity == spec.name, _base.c.entity_id == row_id)
            .values(parked=True)
        )
        return
    now = _now()
    conn.execute(insert(table).values(id=row_id, created_at=now, updated_at=now, **values))
    conn.execute(
        update(_base)
        .where(_base.c.entity == spec.name, _base.c.entity_id == row_id)
        .values(parked=False)
    )


def _keep_erasure(conn: Connection, row_id: uuid.UUID, values: dict[str, Any]) -> None:
    """Leave out a teammate's e-mail and phone for a contact erased in this database.

    ``erased_at`` is not synced. The CHECK ``ck_contact_erased_has_no_contact_details``
    rejects those details on an erased contact, which would fail every pull.
    """
    table = ENTITIES["contact"].table
    erased = conn.execute(select(table.c.erased_at).where(table.c.id == row_id)).scalar()
    if erased is not None:
        values.pop("email", None)
        values.pop("phone", None)


def _parents_present(conn: Connection, spec: EntitySpec, values: dict[str, Any]) -> bool:
    for column in spec.table.columns:
        value = values.get(column.name)
        if value is None:
            continue
        for foreign_key in column.foreign_keys:
            target = foreign_key.column
            if conn.execute(select(target).where(target == value)).first() is None:
                return False
    return True


def retry_parked(conn: Connection) -> None:
    """Write rows whose parent row has arrived since they were pulled."""
    for row in conn.execute(select(_base.c.entity, _base.c.entity_id).where(_base.c.parked)).all():
        spec = ENTITIES.get(row.entity)
        if spec is not None:
            materialize(conn, spec, row.entity_id)
        elif row.entity == SNAPSHOT_ENTITY:
            with _integrity_as_sync_error(SNAPSHOT_ENTITY, row.entity_id):
                write_parked(conn, row.entity_id)


def acknowledge(conn: Connection, entry: outbox.Entry, seq: int | None) -> None:
    """Drop an entry the server accepted and fold the sent values into the base."""
    outbox.remove(conn, entry.client_seq)
    if entry.entity == "note_revision":
        _acknowledge_revision(conn, entry, seq or 0)
        return
    if entry.entity == SNAPSHOT_ENTITY:
        acknowledge_snapshot(conn, entry, seq)
        return
    spec = ENTITIES.get(entry.entity)
    if spec is None:
        return
    current = conn.execute(
        select(_base).where(_base.c.entity == entry.entity, _base.c.entity_id == entry.entity_id)
    ).first()
    values = dict(current.values) if current else {}
    field_seq = dict(current.field_seq) if current else {}
    deleted = bool(current.deleted) if current else False
    for name, change in entry.fields.items():
        values[name] = change.get("value")
        field_seq[name] = seq or 0
    if entry.op == "delete":
        deleted = True
    elif entry.op == "restore":
        deleted = False
    save_base(
        conn,
        entry.entity,
        entry.entity_id,
        {
            "seq": max(seq or 0, current.seq if current else 0),
            "values": values,
            "field_seq": field_seq,
            "field_hlc": dict(current.field_hlc) if current else {},
            "deleted": deleted,
        },
    )
    _rebase_pending(conn, entry, seq or 0)


def _rebase_pending(conn: Connection, acked: outbox.Entry, seq: int) -> None:
    """Later unsent edits of the same fields were based on the value just accepted."""
    later = outbox.entries_for(conn, acked.entity, [acked.entity_id]).get(acked.entity_id, [])
    for entry in later:
        if entry.state != outbox.PENDING or entry.entity != acked.entity:
            continue
        fields = dict(entry.fields)
        for name in set(fields) & set(acked.fields):
            fields[name] = {
                **fields[name],
                "base_seq": seq,
                "base": acked.fields[name].get("value"),
            }
        outbox.update_entry(conn, entry.client_seq, fields, entry.hlc)


def _acknowledge_revision(conn: Connection, entry: outbox.Entry, seq: int) -> None:
    note_id = uuid.UUID(entry.fields["note_id"]["value"])
    content = entry.fields["content"]["value"]
    parents = entry.fields["parents"]["value"]
    statement = sqlite_insert(_revision).values(
        id=entry.entity_id,
        note_id=note_id,
        parents=parents,
        content=content,
        author=entry.fields.get("author", {}).get("value"),
        hlc=entry.hlc,
        seq=seq,
    )
    conn.execute(statement.on_conflict_do_nothing(index_elements=["id"]))
    current = conn.execute(
        select(_base).where(_base.c.entity == "call_note", _base.c.entity_id == note_id)
    ).first()
    if current is None:
        return
    values = dict(current.values)
    heads = [head for head in values.get("heads", []) if head not in parents]
    values["heads"] = [*heads, str(entry.entity_id)]
    values.update(content)
    conn.execute(
        update(_base)
        .where(_base.c.entity == "call_note", _base.c.entity_id == note_id)
        .values(values=values)
    )


def revert_rejected(conn: Connection, entry: outbox.Entry, code: str, detail: str) -> None:
    """Keep a rejected change for the user to see and show the server's value again."""
    outbox.mark_rejected(conn, entry.client_seq, code, detail)
    entity = "call_note" if entry.entity == "note_revision" else entry.entity
    row_id = entry.note_id if entry.entity == "note_revision" else entry.entity_id
    spec = ENTITIES.get(entity)
    if spec is not None and row_id is not None:
        materialize(conn, spec, row_id)


def forget_bases(conn: Connection, keys: set[tuple[str, uuid.UUID]]) -> None:
    for entity, row_id in keys:
        conn.execute(delete(_base).where(_base.c.entity == entity, _base.c.entity_id == row_id))


def _now() -> datetime:
    return datetime.now(UTC)
