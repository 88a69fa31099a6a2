"""Recover from a device clock that was ahead of the server's and has been corrected.

The server rejects a change stamped more than ``max_clock_ahead_ms`` after
its own time (``clock_ahead``). The device's hybrid clock never moves
backwards on its own, so after the user fixes the wall clock the stored
clock would still be ahead, and every later edit would be rejected too.

Why moving the clock back is safe here: the server accepts a stamp only
when it is at most ``max_clock_ahead_ms`` after the server's time at that
moment, so every stamp it ever accepted from this device is at most
``server_now + max_clock_ahead_ms``. A clock beyond that bound therefore
ran ahead only in stamps the server rejected or has not seen yet. The clock
is moved back to the highest stamp the server accepted from this database
(recorded at each push), or to the wall clock or the server's time when
they are later. Later stamps then still sort after every accepted one, so
a later edit from this device still beats its own earlier accepted edit in
the server's last-writer-wins comparison.

The edits stamped with the wrong clock are the user's, and the rejection
message tells the user to fix the clock and sync again. So changes rejected
with ``clock_ahead`` (and the rest of their client transactions) go back
into the outbox, and unsent changes get new stamps in their original order.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, update

from csm_desktop.sync import outbox, state
from csm_desktop.sync.capture import load_clock, save_clock
from csm_desktop.sync.entities import ENTITIES, from_wire
from csm_desktop.sync.hlc import HybridClock, WallClock, parse_hlc

log = logging.getLogger(__name__)

CLOCK_AHEAD = "clock_ahead"
TX_REJECTED = "tx_rejected"


def note_accepted(conn: Connection, stamps: list[str]) -> None:
    """Record the highest of ``stamps`` (accepted by the server) if it beats the stored one."""
    known = state.get_value(conn, state.HLC_ACCEPTED)
    candidates = [*stamps, *([known] if known else [])]
    if candidates:
        state.set_value(conn, state.HLC_ACCEPTED, max(candidates, key=_order))


def recover(
    conn: Connection, wall: WallClock, server_ms: int | None, max_ahead_ms: int | None
) -> int:
    """Rewind a clock left ahead and re-queue the changes it stamped; return how many moved.

    Does nothing while the wall clock is still too far ahead of ``server_ms``,
    because new stamps would be rejected again.
    """
    if not server_ms or max_ahead_ms is None:
        return 0
    limit = int(server_ms) + int(max_ahead_ms)
    if wall.now_ms() > limit:
        log.warning("The device clock is still ahead of the server's; changes keep their stamps")
        return 0

    clock = load_clock(conn, wall)
    if clock.physical_ms > limit:
        _rewind(conn, clock, wall, int(server_ms), limit)
    moved = _spoiled_entries(conn, limit)
    if moved:
        _restore_local_values(conn, moved)
        outbox.requeue(conn, moved, clock.tick)
        log.info("Re-queued %d changes stamped by a clock that was ahead", len(moved))
    save_clock(conn, clock)
    return len(moved)


def _rewind(
    conn: Connection, clock: HybridClock, wall: WallClock, server_ms: int, limit: int
) -> None:
    accepted = state.get_value(conn, state.HLC_ACCEPTED)
    # One millisecond past the accepted stamp, because the rewound clock restarts its
    # counter at 0. Without a record (a database from before it was kept), the bound
    # on what the server can have accepted is the floor.
    floor = parse_hlc(accepted)[0] + 1 if accepted else limit
    target = max(wall.now_ms(), server_ms, floor)
    log.warning(
        "Device clock was %d s ahead of the server; moving it back to %d ms (Unix time)",
        (clock.physical_ms - server_ms) // 1000,
        target,
    )
    clock.rewind(target)


def _spoiled_entries(conn: Connection, limit: int) -> list[outbox.Entry]:
    """Return the entries to send again: clock rejections, their transactions, unsent ones.

    Every pending entry moves too, even one with a good stamp, so that all
    of them keep their order in ``client_seq`` and in clock stamps.
    """
    entries = outbox.list_entries(conn, (outbox.PENDING, outbox.REJECTED))
    clock_txs = {entry.tx for entry in entries if entry.error_code == CLOCK_AHEAD}
    rejected = [
        entry
        for entry in entries
        if entry.state == outbox.REJECTED
        and entry.tx in clock_txs
        and entry.error_code in (CLOCK_AHEAD, TX_REJECTED)
    ]
    pending = [entry for entry in entries if entry.state == outbox.PENDING]
    if not rejected and not any(_order(entry.hlc)[0] > limit for entry in pending):
        return []
    return sorted([*rejected, *pending], key=lambda entry: entry.client_seq)


def _restore_local_values(conn: Connection, entries: list[outbox.Entry]) -> None:
    """Write the values of re-queued rejected changes back into their rows.

    A rejection showed the server's value again. A field that a later
    unsent edit changed keeps that newer local value.
    """
    later: dict[tuple[str, uuid.UUID], set[str]] = {}
    for entry in reversed(entries):
        key = _row_key(entry)
        if entry.state == outbox.REJECTED:
            _write_back(conn, entry, later.get(key, set()))
        later.setdefault(key, set()).update(_touched(entry))


def _write_back(conn: Connection, entry: outbox.Entry, skip: set[str]) -> None:
    entity, row_id = _row_key(entry)
    spec = ENTITIES.get(entity)
    if spec is None or row_id is None:
        return
    values: dict[str, Any] = {}
    if entry.entity == "note_revision":
        content = entry.fields["content"]["value"]
        values = {name: content.get(name) for name in spec.text_fields if name not in skip}
    else:
        values = {
            name: from_wire(spec, name, change.get("value"))
            for name, change in entry.fields.items()
            if name in spec.fields and name not in skip
        }
    if entry.op in ("insert", "restore") and "deleted_at" not in skip:
        values["deleted_at"] = None
    if entry.op == "delete" and "deleted_at" not in skip:
        values["deleted_at"] = datetime.now(UTC)
    if values:
        conn.execute(update(spec.table).where(spec.table.c.id == row_id).values(**values))


def _row_key(entry: outbox.Entry) -> tuple[str, uuid.UUID | None]:
    if entry.entity == "note_revision":
        return "call_note", entry.note_id
    return entry.entity, entry.entity_id


def _touched(entry: outbox.Entry) -> set[str]:
    if entry.entity == "note_revision":
        return set(entry.fields["content"]["value"])
    names = set(entry.fields)
    if entry.op in ("delete", "restore"):
        names.add("deleted_at")
    return names


def _order(stamp: str) -> tuple[int, int]:
    physical, counter, _ = parse_hlc(stamp)
    return physical, counter
