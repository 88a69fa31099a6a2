"""Resolve conflicts and proposals from the app, and describe outbox entries for the user.

A choice is applied locally at once: the chosen value is written to the
domain row through the ORM, so capture turns it into an ordinary outbox
change. The resolution itself (``POST /v1/conflicts/{id}/resolve``) is kept
in ``sync_state`` and sent by ``post_resolutions`` after the next push, so
the server records it only once the chosen value has reached it, and the
choice survives a closed app or a lost network.
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
from csm_desktop.sync.entities import ENTITIES, from_wire
from csm_desktop.sync.transport import ServerError, Transport

log = logging.getLogger(__name__)

PENDING_RESOLUTIONS = "pending_resolutions"
OPEN = "open"
# Local status of a conflict chosen here whose resolution the server has not recorded yet.
CHOSEN = "chosen"

MINE, THEIRS, ACCEPT, DISMISS = "mine", "theirs", "accept", "dismiss"
# Choice in the inbox -> resolution name the server's resolve endpoint accepts.
RESOLUTIONS = {MINE: "used_mine", THEIRS: "kept_theirs", ACCEPT: "accepted", DISMISS: "dismissed"}

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
    deleted record, or a note with two versions, ``field`` is None and
    only ``dismiss`` applies.
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

    @property
    def choices(self) -> tuple[str, ...]:
        if self.field is None or self.entity not in ENTITIES:
            # TODO: an edit of a deleted record has no Restore choice here, and two note
            # versions have no merge view yet; both can only be dismissed.
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
    mine_is_other = email is not None and other_actor == email
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
    differs, so the next sync pushes it. Raises ``ResolveError`` for a
    choice the item does not offer.
    """
    if choice not in item.choices:
        raise ResolveError(f"{choice!r} is not a valid choice for this {item.kind}")
    chosen_value = {MINE: item.mine, THEIRS: item.theirs, ACCEPT: item.proposed}.get(choice)
    if choice != DISMISS:
        _write_value(db, item, chosen_value)
    with db.engine.begin() as conn:
        pending = _load_pending(conn)
        pending[str(item.conflict_id)] = RESOLUTIONS[choice]
        _save_pending(conn, pending)
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


def post_resolutions(db: Database, transport: Transport) -> int:
    """Send every queued resolution to the server; return how many it recorded.

    Call after a push, so the chosen values are on the server first. A
    conflict the server no longer knows (404) is dropped from the queue,
    and any other server error leaves it queued for the next sync.
    """
    with db.engine.connect() as conn:
        pending = _load_pending(conn)
    sent = 0
    for conflict_id, resolution in list(pending.items()):
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
