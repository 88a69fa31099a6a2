"""Apply one mutation to its record: per-field three-way merge, deletes, notes, immutables.

For a field whose stored ``field_seq`` equals the mutation's ``base_seq``
no other device changed it, so the value is applied. Otherwise the change was
concurrent and the entity's rule decides: guarded fields keep the server
value and store a proposal, task status moves only forward, and every other
field goes to the later hybrid logical clock with the losing value kept in
a conflict record. Nothing a client sent is dropped without a record.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from csm_server.policies import (
    IMMUTABLE,
    NOTE,
    EntityPolicy,
    MutationRejected,
    check_fields,
    owner_key,
    policy_for,
    task_status_rank,
)
from csm_server.records import (
    CONFLICT_NAMESPACE,
    Record,
    actor_of_hlc,
    load_record,
    payload_hash,
    save_record,
    write_conflict,
)


@dataclass(frozen=True)
class Principal:
    """The authenticated user behind a request."""

    user_id: uuid.UUID
    team_id: uuid.UUID
    email: str
    name: str
    role: str

    @property
    def is_coordinator(self) -> bool:
        return self.role in ("coordinator", "admin")

    @property
    def scope_keys(self) -> tuple[str, ...]:
        """Owner keys of the accounts a CSM may change and pulls: their own and unowned ones."""
        return ("", owner_key(self.email), owner_key(self.name))

    def owns(self, owner: Any) -> bool:
        """True for an unowned account or one whose owner names this user."""
        return owner_key(owner) in self.scope_keys


@dataclass
class PushContext:
    """State shared by every mutation of one push transaction."""

    conn: Connection
    principal: Principal
    client_id: uuid.UUID
    seq: int
    schema_version: int
    now_ms: int
    max_clock_ahead_ms: int
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    # mutation_log rows, written in one statement at the end of the push.
    log_rows: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Outcome:
    """Result of applying one mutation; ``status`` is applied, merged, proposal or duplicate."""

    status: str
    seq: int
    conflicts: list[dict[str, Any]] = field(default_factory=list)


class RejectedWithConflict(MutationRejected):
    """A rejection that must still leave a visible conflict record (written after rollback)."""

    def __init__(self, code: str, detail: str, conflict: dict[str, Any]) -> None:
        super().__init__(code, detail)
        self.conflict = conflict


def apply_mutation(ctx: PushContext, mutation: dict[str, Any]) -> Outcome:
    """Apply ``mutation`` or raise ``MutationRejected`` with a stable code."""
    policy = policy_for(mutation["entity"])
    _check_clock(ctx, mutation["hlc"])
    record_id = uuid.UUID(str(mutation["id"]))
    record = load_record(ctx.conn, ctx.principal.team_id, policy.name, record_id)
    values = {name: spec.get("value") for name, spec in (mutation.get("fields") or {}).items()}
    check_fields(policy, values, ctx.schema_version)

    if policy.kind == IMMUTABLE:
        return _apply_immutable(ctx, policy, record, mutation, values)
    op = mutation["op"]
    if op == "delete":
        return _apply_delete(ctx, policy, record, mutation)
    if op == "restore":
        return _apply_restore(ctx, policy, record, mutation)
    if op not in ("insert", "update"):
        raise MutationRejected("invalid_request", f"unknown op {op!r}")
    return _apply_fields(ctx, policy, record, mutation, values)


def _check_clock(ctx: PushContext, hlc: str) -> None:
    try:
        physical = int(hlc.split(".", 1)[0])
    except (ValueError, AttributeError) as exc:
        raise MutationRejected("invalid_request", f"malformed hlc {hlc!r}") from exc
    ahead = physical - ctx.now_ms
    if ahead > ctx.max_clock_ahead_ms:
        raise MutationRejected(
            "clock_ahead",
            f"this device's clock is {ahead // 1000} s ahead of the server; "
            "set the correct time and sync again",
        )


def authorize(
    ctx: PushContext, policy: EntityPolicy, record: Record, values: dict, op: str
) -> None:
    """Let coordinators change anything and CSMs change only their own accounts' records."""
    principal = ctx.principal
    if principal.is_coordinator:
        return
    if op == "delete" and policy.coordinator_delete:
        raise MutationRejected("forbidden", f"only a coordinator can delete a {policy.name}")
    if policy.name == "account":
        if record.exists and not principal.owns(record.data.get("owner")):
            raise MutationRejected("forbidden", "this account belongs to another CSM")
        if not record.exists and not principal.owns(values.get("owner")):
            raise MutationRejected("forbidden", "a CSM can only create accounts they own")
        return
    account_id = _account_of(ctx, policy, record, values)
    if account_id is None:
        return
    account = load_record(ctx.conn, principal.team_id, "account", account_id)
    if account.exists and not principal.owns(account.data.get("owner")):
        raise MutationRejected("forbidden", "the record's account belongs to another CSM")


def _account_of(ctx: PushContext, policy: EntityPolicy, record: Record, values: dict):
    if policy.name == "note_revision":
        note_id = values.get("note_id") or record.data.get("note_id")
        note = load_record(ctx.conn, ctx.principal.team_id, "call_note", uuid.UUID(str(note_id)))
        raw = note.data.get("account_id")
    elif policy.account_field is None:
        return None
    else:
        raw = values.get(policy.account_field) or record.data.get(policy.account_field)
    return uuid.UUID(str(raw)) if raw else None


# The field that names a row of each entity in messages; other entities show only their id.
LABEL_FIELDS = ("name", "title", "objective")


def _describe_record(policy: EntityPolicy, record: Record, values: dict) -> str:
    """Name a record for a message: its entity, its name or title when known, and its id."""
    for name in LABEL_FIELDS:
        label = record.data.get(name) or values.get(name)
        if label:
            return f'{policy.name} "{label}" ({record.id})'
    return f"{policy.name} {record.id}"


def _stamp(ctx: PushContext, record: Record) -> None:
    record.seq = ctx.seq
    record.updated_by = ctx.principal.user_id
    if not record.exists:
        record.created_by = ctx.principal.user_id


def _apply_fields(
    ctx: PushContext, policy: EntityPolicy, record: Record, mutation: dict, values: dict
) -> Outcome:
    authorize(ctx, policy, record, values, mutation["op"])
    if record.exists and record.deleted:
        raise RejectedWithConflict(
            "entity_deleted",
            f"{_describe_record(policy, record, values)} was deleted; "
            "restore it to apply this change",
            _conflict_values(
                policy,
                record,
                "edited_deleted",
                None,
                None,
                None,
                values,
                mutation,
                actor=ctx.principal.email,
            ),
        )
    if not record.exists and mutation["op"] == "update":
        if _has_server_base(mutation):
            # Only a tombstone purge removes a record, so this edit was made before its
            # delete reached the device. Like any edit of a deleted row, it leaves a conflict.
            raise RejectedWithConflict(
                "entity_deleted",
                f"{policy.name} {record.id} no longer exists on the server (deleted, and "
                "its tombstone purged); the change was not applied",
                _conflict_values(
                    policy,
                    record,
                    "edited_deleted",
                    None,
                    None,
                    None,
                    values,
                    mutation,
                    actor=ctx.principal.email,
                ),
            )
        raise MutationRejected("not_found", f"{policy.name} {record.id} does not exist")

    if not record.exists:
        _stamp(ctx, record)
        record.data = dict(values)
        record.field_seq = dict.fromkeys(values, ctx.seq)
        record.field_hlc = dict.fromkeys(values, mutation["hlc"])
        save_record(ctx.conn, ctx.principal.team_id, record)
        return Outcome("applied", ctx.seq)

    outcome = Outcome("applied", ctx.seq)
    changed = False
    for name, spec in (mutation.get("fields") or {}).items():
        # An insert of an id that exists is an update on which every field is concurrent.
        base_seq = 0 if mutation["op"] == "insert" else int(spec.get("base_seq") or 0)
        changed |= _merge_field(ctx, policy, record, mutation, name, spec, base_seq, outcome)
    if changed or outcome.conflicts:
        _stamp(ctx, record)
        save_record(ctx.conn, ctx.principal.team_id, record)
    return outcome


def _has_server_base(mutation: dict) -> bool:
    """True when the edit started from a version of the row that this server sent."""
    if int(mutation.get("base_seq") or 0) > 0:
        return True
    fields = (mutation.get("fields") or {}).values()
    return any(int(spec.get("base_seq") or 0) > 0 for spec in fields)


def _merge_field(
    ctx: PushContext,
    policy: EntityPolicy,
    record: Record,
    mutation: dict,
    name: str,
    spec: dict,
    base_seq: int,
    outcome: Outcome,
) -> bool:
    """Merge one field into ``record``; return True when its stored value changed."""
    value = spec.get("value")
    current = record.data.get(name)
    current_seq = int(record.field_seq.get(name, 0))
    if value == current:
        return False
    if current_seq <= base_seq or name not in record.data:
        _set_field(record, name, value, ctx.seq, mutation["hlc"])
        return True

    current_hlc = record.field_hlc.get(name, "")
    if name in policy.guarded:
        _add_conflict(
            ctx, policy, record, "proposal", name, spec, current, value, mutation, outcome
        )
        outcome.status = "proposal"
        return False
    if policy.name == "task" and name == "status":
        incoming, stored = task_status_rank(value), task_status_rank(current)
        if incoming < stored:
            _add_conflict(
                ctx, policy, record, "proposal", name, spec, current, value, mutation, outcome
            )
            outcome.status = "proposal"
            return False
        wins = incoming > stored or mutation["hlc"] > current_hlc
    else:
        wins = mutation["hlc"] > current_hlc

    if wins:
        _add_conflict(
            ctx,
            policy,
            record,
            "conflict",
            name,
            spec,
            value,
            current,
            mutation,
            outcome,
            incoming_kept=True,
        )
        _set_field(record, name, value, ctx.seq, mutation["hlc"])
    else:
        _add_conflict(
            ctx, policy, record, "conflict", name, spec, current, value, mutation, outcome
        )
    if outcome.status == "applied":
        outcome.status = "merged"
    return wins


def _set_field(record: Record, name: str, value: Any, seq: int, hlc: str) -> None:
    record.data[name] = value
    record.field_seq[name] = seq
    record.field_hlc[name] = hlc


def _add_conflict(
    ctx: PushContext,
    policy: EntityPolicy,
    record: Record,
    kind: str,
    name: str,
    spec: dict,
    kept: Any,
    other: Any,
    mutation: dict,
    outcome: Outcome,
    *,
    incoming_kept: bool = False,
) -> None:
    stored_hlc = record.field_hlc.get(name)
    stored_actor = actor_of_hlc(ctx.conn, stored_hlc)
    values = {
        "kind": kind,
        "entity": policy.name,
        "entity_id": str(record.id),
        "account_id": _account_id_text(policy, record),
        "field": name,
        "base_value": spec.get("base"),
        "kept_value": kept,
        "other_value": other,
        "kept_actor": ctx.principal.email if incoming_kept else stored_actor,
        "other_actor": stored_actor if incoming_kept else ctx.principal.email,
        "kept_hlc": mutation["hlc"] if incoming_kept else stored_hlc,
        "other_hlc": stored_hlc if incoming_kept else mutation["hlc"],
        "client_seq": mutation["client_seq"],
    }
    conflict_id = write_conflict(
        ctx.conn, ctx.principal.team_id, ctx.seq, ctx.principal.user_id, values
    )
    summary = {
        "conflict_id": str(conflict_id),
        "kind": kind,
        "field": name,
        "winner": "mine" if incoming_kept else "theirs",
    }
    outcome.conflicts.append(summary)
    ctx.conflicts.append(summary)


def _account_id_text(policy: EntityPolicy, record: Record) -> str | None:
    if policy.name == "account":
        return str(record.id)
    if policy.account_field:
        return record.data.get(policy.account_field)
    return None


def _conflict_values(
    policy: EntityPolicy,
    record: Record,
    kind: str,
    name: str | None,
    base: Any,
    kept: Any,
    other: Any,
    mutation: dict,
    *,
    actor: str | None = None,
) -> dict[str, Any]:
    """Describe a rejected change as a conflict; ``actor`` made it and may resolve it."""
    return {
        "kind": kind,
        "entity": policy.name,
        "entity_id": str(record.id),
        "account_id": _account_id_text(policy, record),
        "field": name,
        "base_value": base,
        "kept_value": kept,
        "other_value": other,
        "kept_actor": None,
        "other_actor": actor,
        "kept_hlc": None,
        "other_hlc": mutation["hlc"],
        "client_seq": mutation["client_seq"],
    }


def _apply_delete(
    ctx: PushContext, policy: EntityPolicy, record: Record, mutation: dict
) -> Outcome:
    if not record.exists:
        raise MutationRejected("not_found", f"{policy.name} {record.id} does not exist")
    authorize(ctx, policy, record, {}, "delete")
    if record.deleted:
        return Outcome("applied", record.seq)
    base_seq = int(mutation.get("base_seq") or 0)
    if policy.kind == NOTE and record.seq > base_seq:
        # A revision written since the deleter last looked wins over the delete.
        raise RejectedWithConflict(
            "note_changed",
            "the note has a newer version than the one deleted; it was kept",
            _conflict_values(policy, record, "delete_lost", None, None, None, None, mutation),
        )
    _stamp(ctx, record)
    record.deleted_seq = ctx.seq
    save_record(ctx.conn, ctx.principal.team_id, record)
    return Outcome("applied", ctx.seq)


def _apply_restore(
    ctx: PushContext, policy: EntityPolicy, record: Record, mutation: dict
) -> Outcome:
    if not record.exists:
        raise MutationRejected("not_found", f"{policy.name} {record.id} does not exist")
    authorize(ctx, policy, record, {}, "restore")
    if not record.deleted:
        return Outcome("applied", record.seq)
    if int(mutation.get("base_seq") or 0) < int(record.deleted_seq or 0):
        raise MutationRejected("restore_stale", "restore is allowed only after seeing the delete")
    _stamp(ctx, record)
    record.restored_seq = ctx.seq
    save_record(ctx.conn, ctx.principal.team_id, record)
    return Outcome("applied", ctx.seq)


def _apply_immutable(
    ctx: PushContext, policy: EntityPolicy, record: Record, mutation: dict, values: dict
) -> Outcome:
    if mutation["op"] != "insert":
        raise MutationRejected(
            "immutable", f"{policy.name} {record.id} cannot be changed or deleted, only added"
        )
    digest = payload_hash({k: v for k, v in values.items() if k not in policy.unhashed})
    if record.exists:
        if record.payload_sha256 == digest:
            return Outcome("duplicate", record.seq)
        raise MutationRejected(
            "id_conflict",
            f"{policy.name} {record.id} exists with other data; a changed row needs a new id",
        )
    authorize(ctx, policy, record, values, "insert")
    author = values.get(policy.author_field) if policy.author_field else None
    if policy.author_field and owner_key(author) != owner_key(ctx.principal.email):
        raise MutationRejected(
            "validation_failed",
            f"{policy.name}.{policy.author_field} is {author!r}; "
            f"it must be the pushing user's e-mail {ctx.principal.email}",
        )

    _stamp(ctx, record)
    record.data = dict(values)
    record.payload_sha256 = digest
    record.field_hlc = {"*": mutation["hlc"]}
    if policy.name == "note_revision":
        _add_head(ctx, record, mutation)
    save_record(ctx.conn, ctx.principal.team_id, record)
    return Outcome("applied", ctx.seq)


def _add_head(ctx: PushContext, revision: Record, mutation: dict) -> None:
    """Make ``revision`` a head of its note, replacing the heads it names as parents."""
    note_id = uuid.UUID(str(revision.data["note_id"]))
    note = load_record(ctx.conn, ctx.principal.team_id, "call_note", note_id)
    if not note.exists:
        raise MutationRejected("not_found", f"call_note {note_id} does not exist")
    parents = {str(parent) for parent in revision.data.get("parents") or []}
    heads = [head for head in note.data.get("heads", []) if head not in parents]
    heads.append(str(revision.id))
    note.data["heads"] = heads
    if note.deleted:
        # A new version beats a concurrent delete: the note comes back, and the clash is logged.
        note.restored_seq = ctx.seq
        write_conflict(
            ctx.conn,
            ctx.principal.team_id,
            ctx.seq,
            ctx.principal.user_id,
            {
                "kind": "edited_deleted",
                "entity": "call_note",
                "entity_id": str(note_id),
                "account_id": note.data.get("account_id"),
                "field": None,
                "other_actor": ctx.principal.email,
                "other_hlc": mutation["hlc"],
            },
        )
    _stamp(ctx, note)
    save_record(ctx.conn, ctx.principal.team_id, note)

    heads_conflict = uuid.uuid5(CONFLICT_NAMESPACE, f"heads:{note_id}")
    existing = load_record(ctx.conn, ctx.principal.team_id, "sync_conflict", heads_conflict)
    if len(heads) > 1 or existing.exists:
        write_conflict(
            ctx.conn,
            ctx.principal.team_id,
            ctx.seq,
            ctx.principal.user_id,
            {
                "kind": "note_heads",
                "entity": "call_note",
                "entity_id": str(note_id),
                "account_id": note.data.get("account_id"),
                "field": None,
                "other_value": heads,
                "status": "open" if len(heads) > 1 else "resolved",
                "resolution": None if len(heads) > 1 else "merged",
            },
            conflict_id=heads_conflict,
        )
