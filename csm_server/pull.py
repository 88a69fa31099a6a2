"""Pull, checksum and meta: reading the team's changes in ``seq`` order.

A pull page contains whole ``seq`` groups: ``limit`` is a target, and the page
is extended to the end of its last ``seq`` so a client never sees half of a
push. Cursors are opaque to clients; inside they are ``epoch:seq``.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from sqlalchemy import Connection, and_, func, select

from csm_server.errors import ProblemError
from csm_server.merge import Principal
from csm_server.schema import sync_record, team


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


# TODO: every team member pulls the whole team's records. Limiting a CSM to their own
# accounts needs "remove" changes for records that leave a user's scope.
def pull_page(
    conn: Connection,
    principal: Principal,
    cursor: str | None,
    limit: int,
    entity: str | None = None,
) -> dict:
    """Return the changes after ``cursor``: at least ``limit`` rows unless the log ends.

    With ``entity`` only that entity's rows are returned (a targeted repair download).
    """
    team_row = conn.execute(select(team).where(team.c.id == principal.team_id)).one()
    since = parse_cursor(cursor, team_row.epoch)
    if 0 < since < team_row.min_cursor_seq:
        raise ProblemError(
            410,
            "cursor_expired",
            "deleted records older than this cursor were purged; download a fresh copy",
            min_cursor_seq=team_row.min_cursor_seq,
        )

    in_team = sync_record.c.team_id == principal.team_id
    if entity is not None:
        in_team = in_team & (sync_record.c.entity == entity)
    last_seq = conn.execute(
        select(sync_record.c.seq)
        .where(in_team, sync_record.c.seq > since)
        .order_by(sync_record.c.seq)
        .offset(limit - 1)
        .limit(1)
    ).scalar()
    upper = last_seq if last_seq is not None else team_row.seq
    rows = conn.execute(
        select(sync_record)
        .where(in_team, sync_record.c.seq > since, sync_record.c.seq <= upper)
        .order_by(sync_record.c.seq, sync_record.c.entity, sync_record.c.id)
    ).all()
    high = max((row.seq for row in rows), default=since)
    has_more = (
        conn.execute(
            select(sync_record.c.seq).where(in_team, sync_record.c.seq > high).limit(1)
        ).first()
        is not None
    )
    return {
        "changes": [_change(row) for row in rows],
        "next_cursor": f"{team_row.epoch}:{high}",
        "has_more": has_more,
    }


def _change(row: Any) -> dict:
    deleted = row.deleted_seq is not None and (
        row.restored_seq is None or row.restored_seq < row.deleted_seq
    )
    return {
        "seq": row.seq,
        "entity": row.entity,
        "id": str(row.id),
        "op": "delete" if deleted else "upsert",
        "row": row.data,
        "field_seq": row.field_seq,
        "field_hlc": row.field_hlc,
        "deleted_seq": row.deleted_seq,
    }


def checksum(conn: Connection, principal: Principal, up_to: int) -> dict[str, dict]:
    """Return per entity the count of live rows and a sha256 over ``(id, seq)`` up to ``up_to``."""
    rows = conn.execute(
        select(sync_record.c.entity, sync_record.c.id, sync_record.c.seq)
        .where(
            sync_record.c.team_id == principal.team_id,
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
