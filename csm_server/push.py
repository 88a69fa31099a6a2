"""The push algorithm: one database transaction per request, one result per mutation.

1. A lock per client id turns a second concurrent push from the same device
   into ``409 sync_in_progress``: a lock in this process, taken before the
   transaction starts (on SQLite a waiting ``BEGIN IMMEDIATE`` would
   otherwise queue the second push), and on PostgreSQL also an advisory lock
   that covers several server processes. The device row is then checked.
2. ``UPDATE team SET seq = seq + 1 ... RETURNING seq`` takes the team row
   lock, so pushes of a team commit in ``seq`` order and a pull can never
   see ``seq`` N+1 before N.
3. Mutations at or below the device's ``last_client_seq`` get their stored
   result from ``mutation_log`` with status ``duplicate``; a different ``mutation_id`` there means
   the local database was restored or copied (``409 client_seq_reused``).
4. Each client transaction runs in a savepoint: a rejected mutation rejects
   its own transaction and the rest of the batch goes on.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text, update

from csm_server import faults
from csm_server.db import is_sqlite
from csm_server.errors import ProblemError
from csm_server.merge import Outcome, Principal, PushContext, RejectedWithConflict, apply_mutation
from csm_server.policies import MutationRejected
from csm_server.records import write_conflict
from csm_server.schema import mutation_log, sync_client, team
from csm_server.settings import Settings

log = logging.getLogger(__name__)

# Seconds a client rejected with ``sync_in_progress`` is asked to wait before retrying.
SYNC_IN_PROGRESS_RETRY_S = 2

_device_locks: dict[uuid.UUID, threading.Lock] = {}
_device_locks_guard = threading.Lock()


def handle_push(engine: Engine, settings: Settings, principal: Principal, body: dict) -> dict:
    """Apply a push request and return the response document."""
    mutations = sorted(body.get("mutations") or [], key=lambda m: int(m["client_seq"]))
    if len(mutations) > settings.max_batch:
        raise ProblemError(
            413,
            "batch_too_large",
            f"{len(mutations)} mutations; at most {settings.max_batch} per push",
            max_batch=settings.max_batch,
        )
    client_id = uuid.UUID(str(body["client_id"]))

    with _device_lock(client_id), engine.connect() as conn:
        trans = conn.begin()
        try:
            response = _push_in_transaction(
                conn, engine, settings, principal, client_id, body, mutations
            )
        except BaseException:
            trans.rollback()
            raise
        if response.pop("_nothing_new"):
            trans.rollback()
            return response
        faults.sleep("push.sleep_before_commit")
        trans.commit()
    faults.exit_if("push.exit_after_commit")
    log.info(
        "Push from client %s: client_seq %s..%s, seq %s, statuses %s",
        client_id,
        mutations[0]["client_seq"] if mutations else "-",
        mutations[-1]["client_seq"] if mutations else "-",
        response["seq"],
        _count_statuses(response["results"]),
    )
    return response


@contextmanager
def _device_lock(client_id: uuid.UUID) -> Iterator[None]:
    """Hold this process's push lock of ``client_id``, or raise ``409 sync_in_progress``."""
    with _device_locks_guard:
        lock = _device_locks.setdefault(client_id, threading.Lock())
    if not lock.acquire(blocking=False):
        log.info("Push from client %s rejected: another push of it is running", client_id)
        raise _sync_in_progress()
    try:
        yield
    finally:
        lock.release()


def _sync_in_progress() -> ProblemError:
    error = ProblemError(409, "sync_in_progress", "another sync of this device is running")
    error.headers["Retry-After"] = str(SYNC_IN_PROGRESS_RETRY_S)
    return error


def _push_in_transaction(
    conn: Connection,
    engine: Engine,
    settings: Settings,
    principal: Principal,
    client_id: uuid.UUID,
    body: dict,
    mutations: list[dict],
) -> dict:
    if not is_sqlite(engine):
        locked = conn.execute(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": _lock_key(client_id)}
        ).scalar()
        if not locked:
            raise _sync_in_progress()
    device = _load_device(conn, principal, client_id)
    team_row = conn.execute(select(team.c.epoch).where(team.c.id == principal.team_id)).one()
    if str(body.get("epoch") or "") != str(team_row.epoch):
        raise ProblemError(
            409,
            "epoch_mismatch",
            "the server database was restored or replaced; download a fresh copy",
            epoch=str(team_row.epoch),
        )
    faults.raise_if("push.db_unavailable", ProblemError(503, "unavailable", "database unavailable"))

    last = int(device.last_client_seq)
    results, fresh = _replay_known(conn, client_id, mutations, last)
    if not fresh:
        return {
            "seq": None,
            "results": results,
            "last_client_seq": last,
            "server_time": _now_iso(),
            "_nothing_new": True,
        }
    expected = last + 1
    for offset, mutation in enumerate(fresh):
        if int(mutation["client_seq"]) != expected + offset:
            raise ProblemError(
                409, "client_seq_gap", f"expected client_seq {expected}", expected=expected
            )

    seq = conn.execute(
        update(team)
        .where(team.c.id == principal.team_id)
        .values(seq=team.c.seq + 1)
        .returning(team.c.seq)
    ).scalar_one()
    ctx = PushContext(
        conn,
        principal,
        client_id,
        seq,
        int(body.get("schema_version") or 1),
        int(time.time() * 1000),
        settings.max_clock_ahead_ms,
    )
    for _tx, group in groupby(fresh, key=lambda m: m.get("tx") or m["mutation_id"]):
        results.extend(_apply_group(ctx, list(group)))
    _flush_log(ctx)

    new_last = int(fresh[-1]["client_seq"])
    conn.execute(
        update(sync_client)
        .where(sync_client.c.id == client_id)
        .values(last_client_seq=new_last, last_seen_at=datetime.now(UTC))
    )
    return {
        "seq": seq,
        "results": results,
        "last_client_seq": new_last,
        "server_time": _now_iso(),
        "_nothing_new": False,
    }


def _load_device(conn: Connection, principal: Principal, client_id: uuid.UUID):
    device = conn.execute(select(sync_client).where(sync_client.c.id == client_id)).first()
    if device is None:
        raise ProblemError(404, "unknown_client", f"device {client_id} is not registered")
    if device.user_id != principal.user_id:
        raise ProblemError(403, "forbidden", "this device is registered to another user")
    if device.revoked_at is not None:
        raise ProblemError(401, "device_revoked", "this device was revoked by an admin")
    return device


def _replay_known(
    conn: Connection, client_id: uuid.UUID, mutations: list[dict], last: int
) -> tuple[list[dict], list[dict]]:
    """Return the stored results of mutations already seen, and the list of new ones."""
    known = [m for m in mutations if int(m["client_seq"]) <= last]
    fresh = [m for m in mutations if int(m["client_seq"]) > last]
    results: list[dict] = []
    if not known:
        return results, fresh
    rows = conn.execute(
        select(mutation_log).where(
            mutation_log.c.client_id == client_id,
            mutation_log.c.client_seq.in_([int(m["client_seq"]) for m in known]),
        )
    ).all()
    logged = {row.client_seq: row for row in rows}
    for mutation in known:
        row = logged.get(int(mutation["client_seq"]))
        if row is not None and str(row.mutation_id) != str(mutation["mutation_id"]):
            log.warning(
                "Client %s reused client_seq %s with another mutation",
                client_id,
                mutation["client_seq"],
            )
            raise ProblemError(
                409,
                "client_seq_reused",
                "this device's change numbers were used before; the local "
                "database was probably restored or copied",
            )
        original = dict(row.result) if row is not None else {}
        results.append(
            {
                **original,
                "client_seq": int(mutation["client_seq"]),
                "mutation_id": str(mutation["mutation_id"]),
                "status": "duplicate",
                "original_status": original.get("status"),
                "seq": row.seq if row is not None else None,
            }
        )
    return results, fresh


def _apply_group(ctx: PushContext, group: list[dict]) -> list[dict]:
    """Apply one client transaction in a savepoint; reject all of it if one mutation fails."""
    savepoint = ctx.conn.begin_nested()
    outcomes: list[Outcome] = []
    try:
        for mutation in group:
            outcomes.append(apply_mutation(ctx, mutation))
    except MutationRejected as rejection:
        savepoint.rollback()
        return _reject_group(ctx, group, mutation, rejection)
    savepoint.commit()

    results = []
    for mutation, outcome in zip(group, outcomes, strict=True):
        result = {
            "client_seq": int(mutation["client_seq"]),
            "mutation_id": str(mutation["mutation_id"]),
            "status": outcome.status,
            "seq": outcome.seq,
            "conflicts": outcome.conflicts,
        }
        _log_result(ctx, mutation, result)
        results.append(result)
    return results


def _reject_group(
    ctx: PushContext, group: list[dict], failed: dict, rejection: MutationRejected
) -> list[dict]:
    log.info(
        "Rejected client %s tx %s: mutation %s %s",
        ctx.client_id,
        failed.get("tx"),
        failed["client_seq"],
        rejection,
    )
    conflicts: list[dict[str, Any]] = []
    if isinstance(rejection, RejectedWithConflict):
        conflict_id = write_conflict(
            ctx.conn, ctx.principal.team_id, ctx.seq, ctx.principal.user_id, rejection.conflict
        )
        conflicts.append(
            {
                "conflict_id": str(conflict_id),
                "kind": rejection.conflict["kind"],
                "field": None,
                "winner": "theirs",
            }
        )
    results = []
    for mutation in group:
        same = mutation is failed
        error = {
            "code": rejection.code if same else "tx_rejected",
            "detail": rejection.detail
            if same
            else f"rejected with change {failed['client_seq']} of the same transaction",
        }
        result = {
            "client_seq": int(mutation["client_seq"]),
            "mutation_id": str(mutation["mutation_id"]),
            "status": "rejected",
            "seq": ctx.seq,
            "error": error,
            "conflicts": conflicts if same else [],
        }
        _log_result(ctx, mutation, result)
        results.append(result)
    return results


def _log_result(ctx: PushContext, mutation: dict, result: dict) -> None:
    """Queue the mutation's log row; ``_flush_log`` writes all of a push in one statement."""
    ctx.log_rows.append(
        {
            "client_id": ctx.client_id,
            "client_seq": int(mutation["client_seq"]),
            "mutation_id": uuid.UUID(str(mutation["mutation_id"])),
            "tx": uuid.UUID(str(mutation["tx"])) if mutation.get("tx") else None,
            "status": result["status"],
            "seq": result["seq"],
            "result": result,
            "received_at": datetime.now(UTC),
        }
    )


def _flush_log(ctx: PushContext) -> None:
    if ctx.log_rows:
        ctx.conn.execute(insert(mutation_log), ctx.log_rows)


def _lock_key(client_id: uuid.UUID) -> int:
    """Map a client id onto PostgreSQL's signed 64-bit advisory lock key space."""
    return int.from_bytes(client_id.bytes[:8], "big", signed=True)


def _count_statuses(results: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return counts


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


def server_seq(conn: Connection, team_id: uuid.UUID) -> int:
    return int(
        conn.execute(select(func.coalesce(team.c.seq, 0)).where(team.c.id == team_id)).scalar_one()
    )
