"""What may be synced and how a concurrent change to each field is decided.

Each entity has a kind: ``fields`` (per-field three-way merge), ``note``
(metadata fields plus a set of head revisions), or ``immutable`` (insert
only, keyed by the client's UUID). Fields are listed with the schema
version that introduced them, so a push may only touch fields its client
knows about and an older client never clears a newer field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

FIELDS = "fields"
NOTE = "note"
IMMUTABLE = "immutable"
CONFLICT_ENTITY = "sync_conflict"

# Task status may only move forward; a concurrent move backwards is a proposal.
TASK_STATUS_RANK = {"open": 0, "snoozed": 0, "in_progress": 1, "done": 2, "cancelled": 3}


@dataclass(frozen=True)
class EntityPolicy:
    """Sync rules of one entity."""

    name: str
    kind: str
    # field name -> schema version that introduced it
    fields: dict[str, int]
    guarded: frozenset[str] = frozenset()
    date_fields: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    # Deletes need the coordinator role (CSMs archive instead).
    coordinator_delete: bool = False
    # Field holding the id of the account the row belongs to, for authorisation and scope.
    account_field: str | None = "account_id"
    # Immutable entities: fields left out of the payload hash, so the same
    # content pushed by two users is one row, not an ``id_conflict``.
    unhashed: frozenset[str] = frozenset()
    # Immutable entities: a field that must hold the pushing user's e-mail.
    author_field: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _v1(*names: str) -> dict[str, int]:
    return dict.fromkeys(names, 1)


POLICIES: dict[str, EntityPolicy] = {
    "account": EntityPolicy(
        name="account",
        kind=FIELDS,
        fields=_v1(
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
        )
        # The customer's executive sponsor. The desktop app has no column for it yet, so
        # only clients of schema version 2 or later send it or receive it in pulls.
        | {"executive_sponsor": 2},
        guarded=frozenset({"owner", "renewal_date", "arr", "lifecycle_stage"}),
        date_fields=frozenset({"signup_date", "contract_start", "renewal_date"}),
        required=frozenset({"name"}),
        coordinator_delete=True,
        account_field=None,
    ),
    "contact": EntityPolicy(
        name="contact",
        kind=FIELDS,
        fields=_v1(
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
        date_fields=frozenset({"last_contacted"}),
        required=frozenset({"name", "account_id"}),
    ),
    "task": EntityPolicy(
        name="task",
        kind=FIELDS,
        fields=_v1(
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
        date_fields=frozenset({"due_on", "snoozed_until"}),
        required=frozenset({"title"}),
    ),
    "goal": EntityPolicy(
        name="goal",
        kind=FIELDS,
        fields=_v1(
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
        date_fields=frozenset({"due_on", "achieved_on"}),
        required=frozenset({"objective", "account_id"}),
    ),
    "call_note": EntityPolicy(
        name="call_note",
        kind=NOTE,
        fields=_v1(
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
        date_fields=frozenset({"occurred_on"}),
        required=frozenset({"account_id"}),
    ),
    "note_revision": EntityPolicy(
        name="note_revision",
        kind=IMMUTABLE,
        fields=_v1("note_id", "parents", "content", "author"),
        required=frozenset({"note_id", "content"}),
        account_field=None,
    ),
    "health_snapshot": EntityPolicy(
        name="health_snapshot",
        kind=IMMUTABLE,
        fields=_v1(
            "account_id",
            "as_of",
            "kind",
            "score",
            "colour",
            "measures_used",
            "measures_total",
            "details",
            "scorecard_version",
            "supersedes_id",
            "author",
        ),
        date_fields=frozenset({"as_of"}),
        required=frozenset({"account_id", "as_of", "kind", "colour", "author"}),
        unhashed=frozenset({"author"}),
        author_field="author",
    ),
}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


class MutationRejected(Exception):
    """One mutation cannot be applied; ``code`` is the stable reason sent to the client."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def policy_for(entity: str) -> EntityPolicy:
    """Return the policy of ``entity``; raise ``MutationRejected`` for an unknown one."""
    policy = POLICIES.get(entity)
    if policy is None:
        raise MutationRejected("unknown_entity", f"entity {entity!r} is not synced")
    return policy


def check_fields(policy: EntityPolicy, values: dict[str, Any], schema_version: int) -> None:
    """Reject fields unknown at the client's schema version and invalid dates."""
    for name, value in values.items():
        introduced = policy.fields.get(name)
        if introduced is None or introduced > schema_version:
            raise MutationRejected(
                "unknown_field",
                f"{policy.name}.{name} is not a synced field at schema version {schema_version}",
            )
        if name in policy.date_fields and value is not None:
            _check_date(policy.name, name, value)
        if name in policy.required and value in (None, ""):
            raise MutationRejected("validation_failed", f"{policy.name}.{name} must not be empty")


def _check_date(entity: str, name: str, value: Any) -> None:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise MutationRejected(
            "validation_failed", f"{entity}.{name} must be an ISO date, got {value!r}"
        )
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError as exc:
        raise MutationRejected("validation_failed", f"{entity}.{name}: {exc}") from exc
    if parsed.year < 1900:
        raise MutationRejected(
            "validation_failed", f"{entity}.{name} is {value}; dates before 1900 are not accepted"
        )


def owner_key(owner: Any) -> str:
    """Return the form of an account's owner that scope and authorisation compare.

    Owners are free text (an e-mail or a name), compared without case and
    surrounding spaces; "" is an unowned account, which every CSM may change.
    """
    if owner is None:
        return ""
    return str(owner).strip().lower()


def task_status_rank(value: Any) -> int:
    return TASK_STATUS_RANK.get(str(value), 0)
