"""Pull, checksum and meta: reading the team's changes in ``seq`` order.

A pull page contains whole ``seq`` groups: ``limit`` is a target, and the page
is extended to the end of its last ``seq`` so a client never sees half of a
push. Cursors are opaque to clients; inside they are ``epoch:seq``.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, true

from csm_server import SCHEMA_VERSION
from csm_server.errors import ProblemError
from csm_server.merge import Principal
from csm_server.policies import POLICIES
from csm_server.schema import scope_exit, sync_record, team

# Clients that send no ``Sync-Schema`` header predate it, so they support schema version 1.
DEFAULT_CLIENT_SCHEMA = 1


class HistoryLost(Exception):
    """A device has seen a ``seq`` above the team's: the database was restored, epoch unchanged.

    Pushes only ever raise the team's ``seq``, so a cursor beyond it names
    changes this database no longer has.
    """

    def __init__(self, team_id: uuid.UUID, epoch: uuid.UUID, seen_seq: int, team_seq: int):
        super().__init__(f"device has seen seq {seen_seq}, the team's seq is {team_seq}")
        self.team_id = team_id
        self.epoch = epoch
        self.seen_seq = seen_seq
        self.team_seq = team_seq


def check_history(team_row: Any, seen_seq: int) -> None:
    """Raise ``HistoryLost`` when ``seen_seq`` is above the team's current seq."""
    if seen_seq > int(team_row.seq):
        raise HistoryLost(team_row.id, team_row.epoch, seen_seq, int(team_row.seq))


def parse_cursor(cursor: str | None, epoch: uuid.UUID) -> int:
    """Return the seq inside ``cursor``; raise 409 when it names another epoch."""
    if not cursor:
        return 0
    epoch_text, _, seq_text = cursor.partition(":")
    if epoch_text != str(epoch):
        raise ProblemError(
            409,
            "epoch_mismatch",
            "the server database was restored or replaced; download a fresh copy",
            epoch=str(epoch),
        )
    try:
        return int(seq_text)
    except ValueError as exc:
        raise ProblemError(400, "invalid_request", f"malformed cursor {cursor!r}") from exc


def client_schema(header: str | None) -> int:
    """Return the schema version in a ``Sync-Schema`` header; raise 400 or 409 when unusable."""
    if header is None:
        return DEFAULT_CLIENT_SCHEMA
    try:
        version = int(header)
    except ValueError as exc:
        raise ProblemError(
            400, "invalid_request", f"Sync-Schema header {header!r} is not a whole number"
        ) from exc
    if version < 1:
        raise ProblemError(
            400, "invalid_request", f"Sync-Schema header {version} is invalid; send 1 or higher"
        )
    if version > SCHEMA_VERSION:
        raise ProblemError(
            409,
            "server_schema_behind",
            "this server is older than the app; ask your admin to upgrade it",
            schema_version=SCHEMA_VERSION,
        )
    return version


def scope_filter(principal: Principal) -> ColumnElement[bool] | None:
    """Return the condition on ``sync_record`` rows that ``principal`` may pull (None: all).

    A coordinator pulls the whole team. A CSM pulls the accounts they own,
    the unowned ones, every record hanging from those accounts (by the
    ``account_id`` scope column) and the team-wide rows that belong to no
    account. The accounts are a subquery on ``ix_sync_record_owner``.

    NOTE: a record whose account is not on the server (its insert was
    rejected) is seen by coordinators only, although its author may keep
    a copy. The scope follows the user's current role, e-mail and name: a
    change of these reaches rows changed after it, not older ones.
    """
    if principal.is_coordinator:
        return None
    owned = sync_record.alias("owned")
    accounts = select(owned.c.id).where(
        owned.c.team_id == principal.team_id,
        owned.c.entity == "account",
        owned.c.owner_key.in_(principal.scope_keys),
    )
    return or_(sync_record.c.account_id.is_(None), sync_record.c.account_id.in_(accounts))


def pull_page(
    conn: Connection,
    principal: Principal,
    cursor: str | None,
    limit: int,
    entity: str | None = None,
    schema_version: int = SCHEMA_VERSION,
) -> dict:
    """Return the changes in ``principal``'s scope after ``cursor``.

    The page contains at least ``limit`` rows unless the log ends, and only
    whole ``seq`` groups. With ``entity`` only that entity's rows are returned (a
    targeted repair download). Accounts that left a CSM's scope come as
    ``remove`` changes (see ``_removals``). Fields newer than ``schema_version``
    are left out of each row, so an older client never stores a value it cannot
    send back.
    """
    team_row = conn.execute(select(team).where(team.c.id == principal.team_id)).one()
    since = parse_cursor(cursor, team_row.epoch)
    check_history(team_row, since)
    if 0 < since < team_row.min_cursor_seq:
        raise ProblemError(
            410,
            "cursor_expired",
            "deleted records older than this cursor were purged; download a fresh copy",
            min_cursor_seq=team_row.min_cursor_seq,
        )

    visible = sync_record.c.team_id == principal.team_id
    if entity is not None:
        visible = visible & (sync_record.c.entity == entity)
    scope = scope_filter(principal)
    if scope is not None:
        visible = visible & scope
    last_seq = conn.execute(
        select(sync_record.c.seq)
        .where(visible, sync_record.c.seq > since)
        .order_by(sync_record.c.seq)
        .offset(limit - 1)
        .limit(1)
    ).scalar()
    # Rows up to the team's seq were committed before it was read, because a push keeps
    # the team row locked until it commits. So a page that ends there skips nothing.
    upper = last_seq if last_seq is not None else team_row.seq
    rows = conn.execute(
        select(sync_record)
        .where(visible, sync_record.c.seq > since, sync_record.c.seq <= upper)
        .order_by(sync_record.c.seq, sync_record.c.entity, sync_record.c.id)
    ).all()
    removals = _removals(conn, principal, since, upper) if entity is None else []
    changes = _merge_in_seq_order(removals, [_change(row, schema_version) for row in rows])

    more_rows = conn.execute(
        select(sync_record.c.seq).where(visible, sync_record.c.seq > upper).limit(1)
    ).first()
    more_removals = entity is None and bool(_removals(conn, principal, upper, None, limit=1))
    # The cursor moves to ``upper`` even when the user's last row is older, so the
    # next scoped pull does not scan the other CSMs' rows again.
    return {
        "changes": changes,
        "next_cursor": f"{team_row.epoch}:{max(upper, since)}",
        "has_more": more_rows is not None or more_removals,
    }


def _removals(
    conn: Connection,
    principal: Principal,
    since: int,
    upper: int | None,
    *,
    limit: int | None = None,
) -> list[dict]:
    """Return ``remove`` changes for accounts that left a CSM's scope after ``since``.

    On a remove the app drops its copy of the account and of every record
    hanging from it, and pushes no delete. An account that came back
    later is in the same or a later page as upserts at a higher ``seq``.
    """
    if principal.is_coordinator:
        return []
    query = (
        select(scope_exit.c.seq, scope_exit.c.account_id)
        .where(
            scope_exit.c.team_id == principal.team_id,
            scope_exit.c.seq > since,
            scope_exit.c.owner_key.in_(principal.scope_keys),
        )
        .order_by(scope_exit.c.seq, scope_exit.c.account_id)
    )
    if upper is not None:
        query = query.where(scope_exit.c.seq <= upper)
    if limit is not None:
        query = query.limit(limit)
    changes = []
    for row in conn.execute(query).all():
        changes.append(
            {
                "seq": row.seq,
                "entity": "account",
                "id": str(row.account_id),
                "op": "remove",
                "row": {},
                "field_seq": {},
                "field_hlc": {},
                "deleted_seq": None,
            }
        )
    return changes


def _merge_in_seq_order(removals: list[dict], upserts: list[dict]) -> list[dict]:
    """Interleave both lists by ``seq``, a remove before an upsert of the same ``seq``."""
    if not removals:
        return upserts
    merged = [(change["seq"], 0, index, change) for index, change in enumerate(removals)]
    merged += [(change["seq"], 1, index, change) for index, change in enumerate(upserts)]
    merged.sort(key=lambda item: item[:3])
    return [item[3] for item in merged]


def _change(row: Any, schema_version: int) -> dict:
    deleted = row.deleted_seq is not None and (
        row.restored_seq is None or row.restored_seq < row.deleted_seq
    )
    newer = _newer_fields(row.entity, schema_version)
    return {
        "seq": row.seq,
        "entity": row.entity,
        "id": str(row.id),
        "op": "delete" if deleted else "upsert",
        "row": _without(row.data, newer),
        "field_seq": _without(row.field_seq, newer),
        "field_hlc": _without(row.field_hlc, newer),
        "deleted_seq": row.deleted_seq,
    }


def _newer_fields(entity: str, schema_version: int) -> frozenset[str]:
    """Return the fields of ``entity`` introduced after ``schema_version``."""
    policy = POLICIES.get(entity)
    if policy is None:
        return frozenset()
    return frozenset(name for name, version in policy.fields.items() if version > schema_version)


def _without(values: dict[str, Any], names: frozenset[str]) -> dict[str, Any]:
    if not names:
        return values
    return {name: value for name, value in values.items() if name not in names}


def checksum(conn: Connection, principal: Principal, up_to: int) -> dict[str, dict]:
    """Return per entity the count of live rows and a sha256 over ``(id, seq)`` up to ``up_to``.

    Only rows in ``principal``'s scope count, as in ``pull_page``. Raises ``HistoryLost``
    when ``up_to`` is above the team's seq.
    """
    check_history(conn.execute(select(team).where(team.c.id == principal.team_id)).one(), up_to)
    scope = scope_filter(principal)
    rows = conn.execute(
        select(sync_record.c.entity, sync_record.c.id, sync_record.c.seq)
        .where(
            sync_record.c.team_id == principal.team_id,
            scope if scope is not None else true(),
            sync_record.c.seq <= up_to,
            ~and_(
                sync_record.c.deleted_seq.is_not(None),
                func.coalesce(sync_record.c.restored_seq, 0) < sync_record.c.deleted_seq,
            ),
        )
        .order_by(sync_record.c.entity, sync_record.c.id)
    ).all()
    return summarize((row.entity, str(row.id), int(row.seq)) for row in rows)


def summarize(items) -> dict[str, dict]:
    """Fold ``(entity, id, seq)`` triples, sorted by entity and id, into counts and digests."""
    digests: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for entity, record_id, seq in items:
        digest = digests.setdefault(entity, hashlib.sha256())
        digest.update(f"{record_id}:{seq};".encode())
        counts[entity] = counts.get(entity, 0) + 1
    return {
        entity: {"count": counts[entity], "sha256": digests[entity].hexdigest()}
        for entity in counts
    }
