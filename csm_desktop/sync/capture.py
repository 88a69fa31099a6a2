"""Turn local edits into outbox entries by comparing each row with its server base.

Comparing against ``sync_base`` instead of listening to individual writes
catches every way a row can change: ORM edits (captured at flush, so the
clock stamp is the edit's time), bulk ``insert``/``update`` statements of
imports and backfills (found by their ``updated_at``), and the first sync of
a database that existed before sync (rows without a base are inserts, keyed
by their own UUID, so nothing is uploaded twice).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, event, select
from sqlalchemy.orm import Session

from csm_desktop.store.sync_models import SyncBase
from csm_desktop.sync import outbox, state
from csm_desktop.sync.entities import ENTITIES, MODEL_ENTITY, EntitySpec, row_to_wire
from csm_desktop.sync.hlc import HybridClock, WallClock

log = logging.getLogger(__name__)

_base = SyncBase.__table__
# Rows written this long before a scan started are scanned again next time, so a
# transaction that committed during the scan is never skipped.
SCAN_OVERLAP = timedelta(minutes=1)
APPLYING_REMOTE = "sync_applying_remote"


def load_clock(conn: Connection, wall: WallClock | None = None) -> HybridClock:
    """Return the device's clock, continuing from the last stamp stored in the database."""
    client_id = state.get_value(conn, state.CLIENT_ID) or "unregistered"
    return HybridClock(client_id, wall, state.get_value(conn, state.HLC))


def save_clock(conn: Connection, clock: HybridClock) -> None:
    state.set_value(conn, state.HLC, clock.last)


def scan(conn: Connection, wall: WallClock | None = None) -> int:
    """Capture every changed or never-synced row of every entity; return the entries written."""
    clock = load_clock(conn, wall)
    started = datetime.now(UTC)
    watermark_text = state.get_value(conn, state.SCAN_WATERMARK)
    watermark = datetime.fromisoformat(watermark_text) if watermark_text else None
    written = 0
    for spec in ENTITIES.values():
        written += _capture_entity(conn, clock, spec, None, watermark, per_row_tx=True)
    state.set_value(conn, state.SCAN_WATERMARK, (started - SCAN_OVERLAP).isoformat())
    save_clock(conn, clock)
    if written:
        log.info("Sync scan captured %d outbox entries", written)
    return written


def capture_ids(
    conn: Connection, targets: dict[str, set[uuid.UUID]], wall: WallClock | None = None
) -> int:
    """Capture the given rows now, as one client transaction; return the entries written."""
    clock = load_clock(conn, wall)
    tx = uuid.uuid4()
    written = 0
    for name, spec in ENTITIES.items():
        ids = targets.get(name)
        if ids:
            written += _capture_entity(conn, clock, spec, ids, None, per_row_tx=False, tx=tx)
    save_clock(conn, clock)
    return written


def _capture_entity(
    conn: Connection,
    clock: HybridClock,
    spec: EntitySpec,
    ids: Iterable[uuid.UUID] | None,
    watermark: datetime | None,
    *,
    per_row_tx: bool,
    tx: uuid.UUID | None = None,
) -> int:
    table = spec.table
    columns = [
        table.c.id,
        table.c.deleted_at,
        *(table.c[n] for n in spec.fields + spec.text_fields),
    ]
    query = select(*columns).outerjoin(
        _base, (_base.c.entity == spec.name) & (_base.c.entity_id == table.c.id)
    )
    if ids is not None:
        query = query.where(table.c.id.in_(list(ids)))
    elif watermark is not None:
        query = query.where((table.c.updated_at > watermark) | _base.c.entity_id.is_(None))
    rows = conn.execute(query).all()
    if ids is not None:
        rows += _hard_deleted(conn, spec, ids, {row.id for row in rows})
    if not rows:
        return 0

    row_ids = [row.id for row in rows]
    bases = _load_bases(conn, spec.name, row_ids)
    pending = outbox.entries_for(conn, spec.name, row_ids)
    written = 0
    for row in rows:
        row_tx = uuid.uuid4() if per_row_tx else tx
        written += _capture_row(
            conn, clock, spec, row, bases.get(row.id), pending.get(row.id, []), row_tx
        )
    return written


def _hard_deleted(conn: Connection, spec: EntitySpec, ids, found: set) -> list:
    """Rows removed from the table outright; they are captured as deletes."""
    missing = [row_id for row_id in ids if row_id not in found]
    return [_Gone(row_id) for row_id in missing]


class _Gone:
    """Stands in for a row that no longer exists locally."""

    def __init__(self, row_id: uuid.UUID) -> None:
        self.id = row_id
        self.deleted_at = datetime.now(UTC)
        self.gone = True


def _load_bases(conn: Connection, entity: str, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    bases: dict[uuid.UUID, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(
            select(_base).where(_base.c.entity == entity, _base.c.entity_id.in_(chunk))
        ).all():
            bases[row.entity_id] = row
    return bases


def _capture_row(
    conn: Connection,
    clock: HybridClock,
    spec: EntitySpec,
    row: Any,
    base: Any,
    entries: list[outbox.Entry],
    tx: uuid.UUID,
) -> int:
    """Write the entries that bring the server from base-plus-outbox to this row's state."""
    own = [e for e in entries if e.entity == spec.name and e.state != outbox.REJECTED]
    rejected = [e for e in entries if e.entity == spec.name and e.state == outbox.REJECTED]
    entries = [e for e in entries if e.state != outbox.REJECTED]
    effective, effective_deleted = _effective(base, own)
    local_deleted = row.deleted_at is not None
    known = base is not None or bool(own)
    if not known:
        # A rejected first upload stays in the rejected list until the user retries or
        # discards it; sending it again on every sync would only be rejected again.
        if local_deleted or any(entry.op == "insert" for entry in rejected):
            return 0
        local = row_to_wire(spec, row, spec.fields)
        fields = {
            name: {"value": value, "base_seq": 0, "base": None} for name, value in local.items()
        }
        outbox.add_entry(
            conn,
            entity=spec.name,
            entity_id=row.id,
            op="insert",
            fields=fields,
            hlc=clock.tick(),
            tx=tx,
        )
        return 1 + _capture_text(conn, clock, spec, row, base, entries, tx)

    written = 0
    base_seq = base.seq if base is not None else 0
    if local_deleted and not effective_deleted:
        outbox.add_entry(
            conn,
            entity=spec.name,
            entity_id=row.id,
            op="delete",
            fields={},
            hlc=clock.tick(),
            tx=tx,
            base_seq=base_seq,
        )
        return 1
    if local_deleted:
        return 0
    if effective_deleted:
        outbox.add_entry(
            conn,
            entity=spec.name,
            entity_id=row.id,
            op="restore",
            fields={},
            hlc=clock.tick(),
            tx=tx,
            base_seq=base_seq,
        )
        written += 1

    local = row_to_wire(spec, row, spec.fields)
    changed = {name: value for name, value in local.items() if value != effective.get(name)}
    if changed:
        written += _write_changes(conn, clock, spec, row.id, base, own, changed, tx)
    return written + _capture_text(conn, clock, spec, row, base, entries, tx)


def _effective(base: Any, entries: list[outbox.Entry]) -> tuple[dict[str, Any], bool]:
    """Return the row as the server will hold it once the outbox is applied."""
    values = dict(base.values) if base is not None else {}
    deleted = bool(base.deleted) if base is not None else False
    for entry in entries:
        if entry.op == "delete":
            deleted = True
        elif entry.op == "restore":
            deleted = False
        for name, spec in entry.fields.items():
            values[name] = spec.get("value")
    return values, deleted


def _write_changes(
    conn: Connection,
    clock: HybridClock,
    spec: EntitySpec,
    row_id: uuid.UUID,
    base: Any,
    own: list[outbox.Entry],
    changed: dict[str, Any],
    tx: uuid.UUID,
) -> int:
    target = next(
        (e for e in reversed(own) if e.state == outbox.PENDING and e.op in ("insert", "update")),
        None,
    )
    if target is not None:
        fields = dict(target.fields)
        for name, value in changed.items():
            previous = fields.get(name) or _field_base(base, name)
            fields[name] = {**previous, "value": value}
        outbox.update_entry(conn, target.client_seq, fields, clock.tick())
        return 0
    fields = {name: {**_field_base(base, name), "value": value} for name, value in changed.items()}
    op = "update" if base is not None or own else "insert"
    outbox.add_entry(
        conn,
        entity=spec.name,
        entity_id=row_id,
        op=op,
        fields=fields,
        hlc=clock.tick(),
        tx=tx,
        base_seq=base.seq if base is not None else 0,
    )
    return 1


def _field_base(base: Any, name: str) -> dict[str, Any]:
    if base is None:
        return {"base_seq": 0, "base": None}
    return {"base_seq": int(base.field_seq.get(name, 0)), "base": base.values.get(name)}


def _capture_text(
    conn: Connection,
    clock: HybridClock,
    spec: EntitySpec,
    row: Any,
    base: Any,
    entries: list[outbox.Entry],
    tx: uuid.UUID,
) -> int:
    """Write a note revision when a call note's text differs from its latest known version."""
    if not spec.text_fields or getattr(row, "gone", False):
        return 0
    revisions = [entry for entry in entries if entry.entity == "note_revision"]
    heads = list(base.values.get("heads", [])) if base is not None else []
    text = {name: base.values.get(name) for name in spec.text_fields} if base is not None else {}
    for revision in revisions:
        parents = revision.fields["parents"]["value"]
        heads = [head for head in heads if head not in parents] + [str(revision.entity_id)]
        text = dict(revision.fields["content"]["value"])
    local = row_to_wire(spec, row, spec.text_fields)
    if local == text:
        return 0

    last = revisions[-1] if revisions else None
    if last is not None and last.state == outbox.PENDING:
        fields = dict(last.fields)
        fields["content"] = {"value": local}
        outbox.update_entry(conn, last.client_seq, fields, clock.tick())
        return 0
    author = state.get_value(conn, state.USER_EMAIL)
    fields = {
        "note_id": {"value": str(row.id)},
        "parents": {"value": heads},
        "content": {"value": local},
        "author": {"value": author},
    }
    outbox.add_entry(
        conn,
        entity="note_revision",
        entity_id=uuid.uuid4(),
        op="insert",
        fields=fields,
        hlc=clock.tick(),
        tx=tx,
        note_id=row.id,
    )
    return 1


def install_capture() -> None:
    """Capture ORM edits of synced rows at flush time, in the same transaction."""
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


def _after_flush(session: Session, _context: object) -> None:
    if session.info.get(APPLYING_REMOTE):
        return
    targets: dict[str, set[uuid.UUID]] = {}
    for obj in (*session.new, *session.dirty, *session.deleted):
        entity = MODEL_ENTITY.get(type(obj))
        if entity is not None and getattr(obj, "id", None) is not None:
            targets.setdefault(entity, set()).add(obj.id)
    if not targets:
        return
    conn = session.connection()
    if not state.is_enabled(conn):
        return
    capture_ids(conn, targets)
