"""Reading and writing ``sync_record`` rows, and conflict records, inside a push."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select, update

from csm_server.policies import CONFLICT_ENTITY, POLICIES, owner_key
from csm_server.schema import app_user, scope_exit, sync_client, sync_record

# Conflict ids that must be stable (one "two heads" record per note) derive from this.
CONFLICT_NAMESPACE = uuid.UUID("6f1d3c52-8d0e-4a8e-9c57-2b0f9a6e4c11")


@dataclass
class Record:
    """One synced row as the push algorithm sees it."""

    entity: str
    id: uuid.UUID
    data: dict[str, Any] = field(default_factory=dict)
    field_seq: dict[str, int] = field(default_factory=dict)
    field_hlc: dict[str, str] = field(default_factory=dict)
    seq: int = 0
    deleted_seq: int | None = None
    restored_seq: int | None = None
    payload_sha256: str | None = None
    created_by: uuid.UUID | None = None
    updated_by: uuid.UUID | None = None
    exists: bool = False
    # The owner key as stored, so a save can tell that an account changed hands.
    stored_owner_key: str | None = None

    @property
    def deleted(self) -> bool:
        """True while the last delete is newer than the last restore."""
        if self.deleted_seq is None:
            return False
        return self.restored_seq is None or self.restored_seq < self.deleted_seq


def payload_hash(values: dict[str, Any]) -> str:
    """Return the sha256 of a canonical JSON form of an insert payload."""
    canonical = json.dumps(values, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_record(conn: Connection, team_id: uuid.UUID, entity: str, record_id: uuid.UUID) -> Record:
    """Return the stored record, or an empty one with ``exists`` False."""
    row = conn.execute(
        select(sync_record).where(
            sync_record.c.team_id == team_id,
            sync_record.c.entity == entity,
            sync_record.c.id == record_id,
        )
    ).first()
    if row is None:
        return Record(entity=entity, id=record_id)
    return Record(
        entity=entity,
        id=record_id,
        data=dict(row.data),
        field_seq=dict(row.field_seq),
        field_hlc=dict(row.field_hlc),
        seq=row.seq,
        deleted_seq=row.deleted_seq,
        restored_seq=row.restored_seq,
        payload_sha256=row.payload_sha256,
        created_by=row.created_by,
        updated_by=row.updated_by,
        exists=True,
        stored_owner_key=row.owner_key,
    )


def save_record(conn: Connection, team_id: uuid.UUID, record: Record) -> None:
    """Insert or update ``record``; the caller has set its new ``seq``.

    When an account's owner changes, its records move to the new owner's
    scope too (see ``move_account``).
    """
    account_id, owner = scope_of(conn, team_id, record)
    values = {
        "data": record.data,
        "field_seq": record.field_seq,
        "field_hlc": record.field_hlc,
        "seq": record.seq,
        "deleted_seq": record.deleted_seq,
        "restored_seq": record.restored_seq,
        "payload_sha256": record.payload_sha256,
        "updated_by": record.updated_by,
        "account_id": account_id,
        "owner_key": owner,
    }
    if record.exists and record.entity == "account" and owner != record.stored_owner_key:
        move_account(conn, team_id, record.id, record.stored_owner_key, record.seq)
    record.stored_owner_key = owner
    if record.exists:
        conn.execute(
            update(sync_record)
            .where(
                sync_record.c.team_id == team_id,
                sync_record.c.entity == record.entity,
                sync_record.c.id == record.id,
            )
            .values(**values)
        )
        return
    conn.execute(
        insert(sync_record).values(
            team_id=team_id,
            entity=record.entity,
            id=record.id,
            created_by=record.created_by,
            **values,
        )
    )
    record.exists = True


def scope_of(
    conn: Connection, team_id: uuid.UUID, record: Record
) -> tuple[uuid.UUID | None, str | None]:
    """Return the account ``record`` belongs to and, for an account, its owner key.

    Rows with no account (a task with none, a conflict about no account)
    return None and are seen by the whole team. A note revision belongs to
    its note's account.
    """
    if record.entity == "account":
        return record.id, owner_key(record.data.get("owner"))
    if record.entity == "note_revision":
        note_id = record.data.get("note_id")
        if not note_id:
            return None, None
        raw = conn.execute(
            select(sync_record.c.account_id).where(
                sync_record.c.team_id == team_id,
                sync_record.c.entity == "call_note",
                sync_record.c.id == uuid.UUID(str(note_id)),
            )
        ).scalar()
        return raw, None
    policy = POLICIES.get(record.entity)
    field_name = policy.account_field if policy is not None else "account_id"
    raw = record.data.get(field_name) if field_name else None
    if not raw:
        return None, None
    try:
        return uuid.UUID(str(raw)), None
    except ValueError:
        return None, None


def move_account(
    conn: Connection, team_id: uuid.UUID, account_id: uuid.UUID, old_owner: str | None, seq: int
) -> None:
    """Move an account's records to ``seq`` and record that it left ``old_owner``'s scope.

    Restamping the records makes the new owner's next pull carry them even
    though their cursor is past the records' old ``seq``. The old owner's
    next pull turns the ``scope_exit`` row into a ``remove`` change.
    """
    conn.execute(
        update(sync_record)
        .where(
            sync_record.c.team_id == team_id,
            sync_record.c.account_id == account_id,
            sync_record.c.entity != "account",
        )
        .values(seq=seq)
    )
    if old_owner is None:
        return
    exists = conn.execute(
        select(scope_exit.c.seq).where(
            scope_exit.c.team_id == team_id,
            scope_exit.c.seq == seq,
            scope_exit.c.account_id == account_id,
            scope_exit.c.owner_key == old_owner,
        )
    ).first()
    if exists is None:
        conn.execute(
            insert(scope_exit).values(
                team_id=team_id, seq=seq, account_id=account_id, owner_key=old_owner
            )
        )


def actor_of_hlc(conn: Connection, hlc: str | None) -> str | None:
    """Return the e-mail of the user whose device stamped ``hlc`` (its last part)."""
    if not hlc or hlc.count(".") < 2:
        return None
    try:
        client_id = uuid.UUID(hlc.split(".", 2)[2])
    except ValueError:
        return None
    row = conn.execute(
        select(app_user.c.email)
        .join(sync_client, sync_client.c.user_id == app_user.c.id)
        .where(sync_client.c.id == client_id)
    ).first()
    return row.email if row else None


def write_conflict(
    conn: Connection,
    team_id: uuid.UUID,
    seq: int,
    author: uuid.UUID,
    values: dict[str, Any],
    conflict_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Store a conflict or proposal record at ``seq``; return its id.

    ``values`` holds kind, entity, entity_id, field, base/kept/other values
    and actors. A given ``conflict_id`` is updated in place when it exists.
    """
    record = load_record(conn, team_id, CONFLICT_ENTITY, conflict_id or uuid.uuid4())
    data = {"status": "open", "resolution": None, "resolved_by": None, **values}
    record.data = {key: _jsonable(value) for key, value in data.items()}
    record.seq = seq
    record.updated_by = author
    if not record.exists:
        record.created_by = author
    save_record(conn, team_id, record)
    return record.id


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    return value
