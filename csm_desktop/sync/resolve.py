"""Resolve conflicts and proposals from the app, and describe outbox entries for the user.

A choice is applied locally at once: the chosen value is written to the
domain row through the ORM, so capture turns it into an ordinary outbox
change. The resolution itself (``POST /v1/conflicts/{id}/resolve``) is kept
in ``sync_state`` and sent by ``post_resolutions`` after the next push, so
the server records it only once the chosen value has reached it, and the
choice survives a closed app or a lost network.

An edit rejected because another user deleted the record (``edited_deleted``)
offers Restore: the row is undeleted locally and the rejected values are
written again, so the next push sends an explicit ``restore`` followed by
the edit. Its resolution waits until the server has accepted the restore.
If the server rejects the restore, the conflict opens again with the
server's reason.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, update

from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncConflict
from csm_desktop.sync import outbox, state
from csm_desktop.sync.capture import install_capture
from csm_desktop.sync.entities import ENTITIES, EntitySpec, from_wire
from csm_desktop.sync.transport import ServerError, Transport

log = logging.getLogger(__name__)

PENDING_RESOLUTIONS = "pending_resolutions"
# Conflict id -> [entity, entity id] of each Restore the server has not accepted or rejected yet.
PENDING_RESTORES = "pending_restores"
OPEN = "open"
EDITED_DELETED = "edited_deleted"
# Key in a local conflict's ``data`` for the server's reason a Restore was rejected.
RESTORE_ERROR = "restore_error"
# Local status of a conflict chosen here whose resolution the server has not recorded yet.
CHOSEN = "chosen"

MINE, THEIRS, ACCEPT, DISMISS = "mine", "theirs", "accept", "dismiss"
RESTORE, KEEP_DELETED = "restore", "keep_deleted"
# Choice in the inbox -> resolution name the server's resolve endpoint accepts.
RESOLUTIONS = {
    MINE: "used_mine",
    THEIRS: "kept_theirs",
    ACCEPT: "accepted",
    DISMISS: "dismissed",
    RESTORE: "used_mine",
    KEEP_DELETED: "kept_theirs",
}

_conflict = SyncConflict.__table__


class ResolveError(Exception):
    """A choice cannot be applied to this conflict; the message is fit to show the user."""


@dataclass(frozen=True)
class ConflictItem:
    """One open conflict or proposal as the inbox shows it, from this user's point of view.

    Values are in their JSON form (ISO dates, decimals as text). ``mine``
    is the value this user wrote. When neither side is this user (a
    coordinator looking at a team conflict), it is the value now in force.
    ``proposed`` is the value a proposal would set. For an edit of a
    deleted record ``field`` is None, ``mine`` is the rejected edit as a
    dict of field values and ``theirs`` is None (the delete). A note with
    two versions also has no ``field`` and can only be dismissed.
    ``error`` is the server's reason when a Restore was rejected.
    """

    conflict_id: uuid.UUID
    kind: str
    entity: str
    entity_id: uuid.UUID
    record: str
    field: str | None
    base: Any
    mine: Any
    theirs: Any
    mine_actor: str | None
    theirs_actor: str | None
    proposed: Any = None
    error: str | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        if self.entity not in ENTITIES:
            return (DISMISS,)
        if self.kind == EDITED_DELETED and isinstance(self.mine, dict):
            return (RESTORE, KEEP_DELETED)
        if self.field is None:
            # TODO: two note versions have no merge view yet, so they can only be dismissed.
            # A note edit that already brought its note back needs no restore either.
            return (DISMISS,)
        if self.kind == "proposal":
            return (ACCEPT, DISMISS)
        return (MINE, THEIRS)


def open_items(db: Database) -> list[ConflictItem]:
    """Return the open conflicts and proposals, oldest first."""
    with db.engine.connect() as conn:
        email = state.get_value(conn, state.USER_EMAIL)
        rows = conn.execute(
            select(_conflict).where(_conflict.c.status == OPEN).order_by(_conflict.c.seq)
        ).all()
        return [_item(conn, row, email) for row in rows]


def _item(conn: Connection, row: Any, email: str | None) -> ConflictItem:
    data = dict(row.data or {})
    kept, other = data.get("kept_value"), data.get("other_value")
    kept_actor, other_actor = data.get("kept_actor"), data.get("other_actor")
    # The server stores the rejected edit of a deleted record as the other value.
    mine_is_other = row.kind == EDITED_DELETED or (email is not None and other_actor == email)
    if mine_is_other:
        mine, theirs, mine_actor, theirs_actor = other, kept, other_actor, kept_actor
    else:
        mine, theirs, mine_actor, theirs_actor = kept, other, kept_actor, other_actor
    return ConflictItem(
        conflict_id=row.id,
        kind=row.kind,
        entity=row.entity,
        entity_id=row.entity_id,
        record=record_label(conn, row.entity, row.entity_id, row.account_id),
        field=row.field,
        base=data.get("base_value"),
        mine=mine,
        theirs=theirs,
        mine_actor=mine_actor,
        theirs_actor=theirs_actor,
        proposed=other if row.kind == "proposal" else None,
        error=data.get(RESTORE_ERROR),
    )


def record_label(
    conn: Connection, entity: str, entity_id: uuid.UUID, account_id: uuid.UUID | None = None
) -> str:
    """Return a short name for a synced row: the account name, or the entity and its account."""
    if entity == "account":
        account_id = entity_id
    name = None
    if account_id is not None:
        name = conn.execute(
            select(Account.__table__.c.name).where(Account.id == account_id)
        ).scalar()
    if entity == "account":
        return name or str(entity_id)[:8]
    return f"{entity} · {name}" if name else f"{entity} {str(entity_id)[:8]}"


def choose(db: Database, item: ConflictItem, choice: str) -> None:
    """Apply ``choice`` to ``item`` locally and queue its resolution for the server.

    ``mine`` and ``accept`` write that value into the local row when it
    differs, so the next sync pushes it. ``restore`` undeletes the row and
    writes the rejected edit again. ``restore`` and ``keep_deleted`` drop the
    rejected outbox entries of the row, because the choice settles them.
    Raises ``ResolveError`` for a choice the item does not offer.
    """
    if choice not in item.choices:
        raise ResolveError(f"{choice!r} is not a valid choice for this {item.kind}")
    chosen_value = {MINE: item.mine, THEIRS: item.theirs, ACCEPT: item.proposed}.get(choice)
    if choice == RESTORE:
        _restore(db, item)
    elif choice == KEEP_DELETED:
        with db.engine.begin() as conn:
            _drop_rejected(conn, item.entity, item.entity_id)
    elif choice != DISMISS:
        _write_value(db, item, chosen_value)
    with db.engine.begin() as conn:
        pending = _load_pending(conn)
        pending[str(item.conflict_id)] = RESOLUTIONS[choice]
        _save_pending(conn, pending)
        if choice == RESTORE:
            restores = _load_restores(conn)
            restores[str(item.conflict_id)] = [item.entity, str(item.entity_id)]
            _save_restores(conn, restores)
        conn.execute(
            update(_conflict).where(_conflict.c.id == item.conflict_id).values(status=CHOSEN)
        )
    log.info("Conflict %s resolved locally as %s", item.conflict_id, RESOLUTIONS[choice])


def _write_value(db: Database, item: ConflictItem, wire_value: Any) -> None:
    """Set the conflicting field of the local row to ``wire_value`` through the ORM."""
    spec = ENTITIES[item.entity]
    assert item.field is not None
    value = from_wire(spec, item.field, wire_value)
    install_capture()
    with db.session() as session:
        row = session.get(spec.model, item.entity_id)
        if row is None:
            raise ResolveError(f"the {item.entity} {item.record} is not in this database")
        if getattr(row, item.field) != value:
            setattr(row, item.field, value)


def _restore(db: Database, item: ConflictItem) -> None:
    """Undelete the local row and write the rejected edit again, in one transaction.

    Capture compares the row with its base, which is deleted, so the flush
    queues a ``restore`` entry followed by an update of the edited fields.
    """
    spec = ENTITIES[item.entity]
    values = _edited_values(spec, item.mine)
    install_capture()
    with db.session() as session:
        row = session.get(spec.model, item.entity_id)
        if row is None:
            raise ResolveError(f"the {item.entity} {item.record} is not in this database")
        _drop_rejected(session.connection(), item.entity, item.entity_id)
        row.deleted_at = None
        for name, value in values.items():
            setattr(row, name, value)
    log.info(
        "Restore of %s %s queued for conflict %s", item.entity, item.entity_id, item.conflict_id
    )


def _edited_values(spec: EntitySpec, wire_values: dict[str, Any]) -> dict[str, Any]:
    """Convert the rejected edit's JSON values to model values, skipping unknown fields."""
    return {
        name: from_wire(spec, name, value)
        for name, value in wire_values.items()
        if name in spec.fields
    }


def _drop_rejected(conn: Connection, entity: str, entity_id: uuid.UUID) -> None:
    entries = outbox.entries_for(conn, entity, [entity_id]).get(entity_id, [])
    for entry in entries:
        if entry.entity == entity and entry.state == outbox.REJECTED:
            outbox.remove(conn, entry.client_seq)


def post_resolutions(db: Database, transport: Transport) -> int:
    """Send every queued resolution to the server; return how many it recorded.

    Call after a push, so the chosen values are on the server first. A
    Restore's resolution waits while its ``restore`` entry is still in the
    outbox, and a rejected Restore opens its conflict again instead. A
    conflict the server no longer knows (404) is dropped from the queue,
    and any other server error leaves it queued for the next sync.
    """
    with db.engine.begin() as conn:
        waiting = _settle_restores(conn)
        pending = _load_pending(conn)
    sent = 0
    for conflict_id, resolution in list(pending.items()):
        if conflict_id in waiting:
            continue
        try:
            transport.resolve_conflict(conflict_id, resolution)
        except ServerError as error:
            if error.status != 404:
                log.warning("Resolving conflict %s failed: %s", conflict_id, error)
                continue
            log.warning("Conflict %s not found on the server; dropped", conflict_id)
        else:
            sent += 1
        with db.engine.begin() as conn:
            # Reload the queue: the user may have chosen more while this ran.
            _save_pending(conn, {**_load_pending(conn), conflict_id: None})
            conn.execute(
                update(_conflict)
                .where(_conflict.c.id == uuid.UUID(conflict_id))
                .values(status="resolved")
            )
    return sent


def _settle_restores(conn: Connection) -> set[str]:
    """Reopen conflicts whose restore the server rejected; return those still waiting.

    A restore that left the outbox was accepted, so its resolution may be
    sent now.
    """
    restores = _load_restores(conn)
    waiting: set[str] = set()
    for conflict_id, (entity, entity_text) in list(restores.items()):
        entity_id = uuid.UUID(entity_text)
        entries = outbox.entries_for(conn, entity, [entity_id]).get(entity_id, [])
        restore_entries = [entry for entry in entries if entry.op == "restore"]
        if any(entry.state != outbox.REJECTED for entry in restore_entries):
            waiting.add(conflict_id)
            continue
        rejected = [entry for entry in restore_entries if entry.state == outbox.REJECTED]
        if rejected:
            _reopen(conn, uuid.UUID(conflict_id), rejected[-1])
            _save_pending(conn, {**_load_pending(conn), conflict_id: None})
        del restores[conflict_id]
    _save_restores(conn, restores)
    return waiting


def _reopen(conn: Connection, conflict_id: uuid.UUID, entry: outbox.Entry) -> None:
    """Show the conflict again with the reason the server gave for rejecting the restore."""
    data = conn.execute(select(_conflict.c.data).where(_conflict.c.id == conflict_id)).scalar()
    if data is None:
        # The conflict was removed meanwhile, e.g. because its account left this user's scope.
        return
    reason = entry.error_detail or entry.error_code or "rejected"
    conn.execute(
        update(_conflict)
        .where(_conflict.c.id == conflict_id)
        .values(status=OPEN, data={**data, RESTORE_ERROR: reason})
    )
    log.warning("Restore for conflict %s was rejected: %s", conflict_id, reason)


def _load_restores(conn: Connection) -> dict[str, list[str]]:
    text = state.get_value(conn, PENDING_RESTORES)
    return json.loads(text) if text else {}


def _save_restores(conn: Connection, restores: dict[str, list[str]]) -> None:
    state.set_value(conn, PENDING_RESTORES, json.dumps(restores) if restores else None)


def _load_pending(conn: Connection) -> dict[str, str]:
    text = state.get_value(conn, PENDING_RESOLUTIONS)
    return json.loads(text) if text else {}


def _save_pending(conn: Connection, pending: dict[str, str | None]) -> None:
    """Store the queue; a None value removes that conflict from it."""
    kept = {key: value for key, value in pending.items() if value is not None}
    state.set_value(conn, PENDING_RESOLUTIONS, json.dumps(kept) if kept else None)


@dataclass(frozen=True)
class PendingChange:
    """One outbox entry as the pending changes view shows it."""

    client_seq: int
    record: str
    op: str
    fields: tuple[str, ...]
    state: str
    error: str | None


def pending_changes(db: Database) -> list[PendingChange]:
    """Return every change waiting to be sent, sent without a reply yet, or rejected."""
    with db.engine.connect() as conn:
        entries = outbox.list_entries(conn)
        return [_pending(conn, entry) for entry in entries]


def _pending(conn: Connection, entry: outbox.Entry) -> PendingChange:
    entity, row_id = entry.entity, entry.entity_id
    if entity == "note_revision" and entry.note_id is not None:
        # A note's text travels as revisions; show the note they belong to.
        entity, row_id = "call_note", entry.note_id
    label = record_label(conn, entity, row_id, _account_of(conn, entity, row_id))
    detail = None
    if entry.state == outbox.REJECTED:
        detail = entry.error_detail or entry.error_code
    return PendingChange(
        client_seq=entry.client_seq,
        record=label,
        op=entry.op,
        fields=tuple(sorted(entry.fields)),
        state=entry.state,
        error=detail,
    )


def _account_of(conn: Connection, entity: str, row_id: uuid.UUID) -> uuid.UUID | None:
    spec = ENTITIES.get(entity)
    if spec is None or "account_id" not in spec.table.c:
        return None
    table = spec.table
    return conn.execute(select(table.c.account_id).where(table.c.id == row_id)).scalar()
