"""Local tables of team sync: state, outbox, server base copies, conflicts, note revisions.

None of these tables is synced itself. ``sync_base`` keeps, per synced row,
the values and per-field sequence numbers last received from the server;
the difference between a domain row and its base is what the outbox sends.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from csm_desktop.store.models import Base
from csm_desktop.store.types import utc_now


class SyncState(Base):
    """One key and value of sync bookkeeping (client id, cursor, clock, counters)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncOutbox(Base):
    """A local change waiting to be pushed, or rejected by the server and kept for the user.

    ``state`` is ``pending`` (may still be merged with later edits),
    ``inflight`` (sent at least once, so frozen until the server answers)
    or ``rejected``.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_entity", "entity", "entity_id"),)

    client_seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    mutation_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    tx: Mapped[uuid.UUID] = mapped_column(Uuid)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    # For note revisions: the note they belong to.
    note_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    op: Mapped[str] = mapped_column(String(10))
    base_seq: Mapped[int] = mapped_column(Integer, default=0)
    # {field: {"value": ..., "base_seq": n, "base": ...}}
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    hlc: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(String(10), default="pending")
    error_code: Mapped[str | None] = mapped_column(String(40), default=None)
    error_detail: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class SyncBase(Base):
    """The server's copy of one synced row as last received: the base of three-way merges."""

    __tablename__ = "sync_base"

    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    field_seq: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    field_hlc: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # True while the domain row cannot be written yet (its parent row has not arrived).
    parked: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncConflict(Base):
    """A conflict, proposal or deleted-record edit recorded by the server, as last pulled."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    account_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None, index=True)
    field: Mapped[str | None] = mapped_column(String(60), default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")
    seq: Mapped[int] = mapped_column(Integer, default=0)
    # base_value, kept_value, other_value, actors and HLCs as the server sent them.
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class SyncNoteRevision(Base):
    """One immutable version of a call note's text."""

    __tablename__ = "sync_note_revision"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    note_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    parents: Mapped[list[str]] = mapped_column(JSON, default=list)
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    author: Mapped[str | None] = mapped_column(String(255), default=None)
    hlc: Mapped[str] = mapped_column(String(80), default="")
    seq: Mapped[int] = mapped_column(Integer, default=0)


class DuplicateDismissal(Base):
    """A pair of accounts the user marked as not duplicates, so the inbox no longer lists it.

    The pair is stored once, with the smaller UUID as ``first_id``. It is
    local to this database and is not synced.
    """

    __tablename__ = "duplicate_dismissal"

    first_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    second_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    dismissed_at: Mapped[datetime] = mapped_column(default=utc_now)
