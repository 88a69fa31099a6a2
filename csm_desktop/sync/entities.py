"""Synced local tables, their entity names, and the JSON form of their values.

Call notes (``Activity``) sync their metadata as fields and their text as
append-only revisions, so two offline edits of one note become two
versions instead of one overwriting the other.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, DateTime, Table, Uuid

from csm_desktop.store.models import Account, Activity, Base, Contact, Goal, HealthSnapshot, Task
from csm_desktop.store.types import Money, UTCDateTime
from csm_server.policies import POLICIES


@dataclass(frozen=True)
class EntitySpec:
    """One synced local table."""

    name: str
    model: type[Base]
    fields: tuple[str, ...]
    # Text kept as note revisions instead of fields (call notes only).
    text_fields: tuple[str, ...] = ()

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[return-value]


NOTE_TEXT_FIELDS = ("title", "summary", "body", "decisions", "next_steps")

# Version of the synced field set this app supports, sent with its pushes. The server
# accepts only fields introduced at or below it and leaves newer ones out of pulls.
# Raise it together with the local columns of the fields the new version adds.
SCHEMA_VERSION = 1


def synced_fields(entity: str) -> tuple[str, ...]:
    """Return the fields of ``entity`` that schema version ``SCHEMA_VERSION`` syncs."""
    introduced = POLICIES[entity].fields
    return tuple(name for name, version in introduced.items() if version <= SCHEMA_VERSION)


# Parents before children: capture pushes and pull applies rows in this order. The
# synced field names come from the server's policy table, the one declaration of what
# each entity syncs (``csm_server.policies`` is plain Python and ships in this wheel).
ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        EntitySpec("account", Account, synced_fields("account")),
        EntitySpec("contact", Contact, synced_fields("contact")),
        EntitySpec(
            "call_note",
            Activity,
            synced_fields("call_note"),
            text_fields=NOTE_TEXT_FIELDS,
        ),
        EntitySpec("task", Task, synced_fields("task")),
        EntitySpec("goal", Goal, synced_fields("goal")),
    )
}
MODEL_ENTITY = {spec.model: spec.name for spec in ENTITIES.values()}

# Health snapshots are immutable: pushed once as inserts, never updated. They are not
# in ``ENTITIES``, because comparing a row with its base and coalescing edits does not
# apply to them. ``csm_desktop.sync.snapshots`` queues and stores them instead.
SNAPSHOT_ENTITY = "health_snapshot"
# The e-mail of the user whose app computed a snapshot; stored locally as ``origin``
# when it is someone else's.
SNAPSHOT_AUTHOR_FIELD = "author"
SNAPSHOT_SPEC = EntitySpec(
    SNAPSHOT_ENTITY,
    HealthSnapshot,
    tuple(name for name in POLICIES[SNAPSHOT_ENTITY].fields if name in HealthSnapshot.__table__.c),
)
# Every entity whose rows have a ``sync_base`` copy and a server checksum.
CHECKED_ENTITIES = (*ENTITIES, SNAPSHOT_ENTITY)


def to_wire(value: Any) -> Any:
    """Convert a column value to its JSON form (ISO dates, Decimal and UUID as text)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def from_wire(spec: EntitySpec, field: str, value: Any) -> Any:
    """Convert a JSON value back to the Python type of ``spec``'s column."""
    if value is None:
        return None
    column_type = spec.table.c[field].type
    if isinstance(column_type, Money):
        return Decimal(str(value))
    if isinstance(column_type, UTCDateTime | DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, Uuid):
        return uuid.UUID(str(value))
    return value


def row_to_wire(spec: EntitySpec, row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    """Return ``{field: JSON value}`` for ``names`` of a selected row."""
    mapping = row._mapping
    return {name: to_wire(mapping[name]) for name in names}
