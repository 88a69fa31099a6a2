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

from csm_desktop.store.models import Account, Activity, Base, Contact, Goal, Task
from csm_desktop.store.types import Money, UTCDateTime


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


# TODO: health snapshots are not synced from the app yet. The server accepts them as
# immutable inserts, but local weekly snapshots are derived data that a recompute
# hard-deletes and re-inserts with new ids, so they need a stable id scheme first.
NOTE_TEXT_FIELDS = ("title", "summary", "body", "decisions", "next_steps")

# Parents before children: capture pushes and pull applies rows in this order.
ENTITIES: dict[str, EntitySpec] = {
    spec.name: spec
    for spec in (
        EntitySpec(
            "account",
            Account,
            (
                "name",
                "domain",
                "segment",
                "industry",
                "country",
                "plan_tier",
                "seats",
                "arr",
                "currency",
                "signup_date",
                "contract_start",
                "term_months",
                "renewal_date",
                "lifecycle_stage",
                "owner",
                "tags",
                "referral_source",
                "is_trial",
                "parent_id",
                "source",
                "external_id",
            ),
        ),
        EntitySpec(
            "contact",
            Contact,
            (
                "account_id",
                "name",
                "title",
                "email",
                "phone",
                "roles",
                "last_contacted",
                "source",
                "external_id",
            ),
        ),
        EntitySpec(
            "call_note",
            Activity,
            (
                "account_id",
                "kind",
                "occurred_on",
                "attendees",
                "sentiment",
                "author",
                "is_draft",
                "source",
                "external_id",
            ),
            text_fields=NOTE_TEXT_FIELDS,
        ),
        EntitySpec(
            "task",
            Task,
            (
                "account_id",
                "activity_id",
                "kind",
                "title",
                "reason",
                "priority",
                "due_on",
                "status",
                "snoozed_until",
                "snooze_reason",
                "completed_at",
            ),
        ),
        EntitySpec(
            "goal",
            Goal,
            (
                "account_id",
                "objective",
                "owner",
                "target_value",
                "current_value",
                "unit",
                "due_on",
                "status",
                "achieved_on",
            ),
        ),
    )
}
MODEL_ENTITY = {spec.model: spec.name for spec in ENTITIES.values()}


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
