"""The outbox: local changes waiting for the server, in ``client_seq`` order.

Entries are ``pending`` until first sent, then ``inflight`` and frozen, so a
retry after a lost reply sends exactly the same mutation. Only a pending
entry may absorb a later edit of the same row; it keeps the earliest base
of each field and the latest value.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from csm_desktop.store.sync_models import SyncOutbox
from csm_desktop.sync import state

log = logging.getLogger(__name__)

_outbox = SyncOutbox.__table__
PENDING, INFLIGHT, REJECTED = "pending", "inflight", "rejected"


@dataclass
class Entry:
    """One outbox row."""

    client_seq: int
    mutation_id: uuid.UUID
    tx: uuid.UUID
    entity: str
    entity_id: uuid.UUID
    note_id: uuid.UUID | None
    op: str
    base_seq: int
    fields: dict[str, Any]
    hlc: str
    state: str
    error_code: str | None = None
    error_detail: str | None = None

    def to_mutation(self) -> dict[str, Any]:
        return {
            "client_seq": self.client_seq,
            "mutation_id": str(self.mutation_id),
            "tx": str(self.tx),
            "entity": self.entity,
            "id": str(self.entity_id),
            "op": self.op,
            "hlc": self.hlc,
            "base_seq": self.base_seq,
            "fields": self.fields,
        }


def _entry(row: Any) -> Entry:
    return Entry(
        client_seq=row.client_seq,
        mutation_id=row.mutation_id,
        tx=row.tx,
        entity=row.entity,
        entity_id=row.entity_id,
        note_id=row.note_id,
        op=row.op,
        base_seq=row.base_seq,
        fields=dict(row.fields or {}),
        hlc=row.hlc,
        state=row.state,
        error_code=row.error_code,
        error_detail=row.error_detail,
    )


def add_entry(
    conn: Connection,
    *,
    entity: str,
    entity_id: uuid.UUID,
    op: str,
    fields: dict[str, Any],
    hlc: str,
    tx: uuid.UUID,
    base_seq: int = 0,
    note_id: uuid.UUID | None = None,
) -> int:
    """Append a pending entry and return its ``client_seq``."""
    client_seq = state.take_client_seqs(conn, 1)
    conn.execute(
        insert(_outbox).values(
            client_seq=client_seq,
            mutation_id=uuid.uuid4(),
            tx=tx,
            entity=entity,
            entity_id=entity_id,
            note_id=note_id,
            op=op,
            base_seq=base_seq,
            fields=fields,
            hlc=hlc,
            state=PENDING,
        )
    )
    return client_seq


def add_inserts(conn: Connection, entity: str, rows: list[tuple[uuid.UUID, dict, str]]) -> int:
    """Append pending inserts of ``(entity_id, fields, hlc)``, each its own transaction.

    One statement for the whole list, for bulk queues such as health
    snapshots. Returns the number of entries written.
    """
    if not rows:
        return 0
    first = state.take_client_seqs(conn, len(rows))
    conn.execute(
        insert(_outbox),
        [
            {
                "client_seq": first + offset,
                "mutation_id": uuid.uuid4(),
                "tx": uuid.uuid4(),
                "entity": entity,
                "entity_id": entity_id,
                "note_id": None,
                "op": "insert",
                "base_seq": 0,
                "fields": fields,
                "hlc": hlc,
                "state": PENDING,
            }
            for offset, (entity_id, fields, hlc) in enumerate(rows)
        ],
    )
    return len(rows)


def update_entry(conn: Connection, client_seq: int, fields: dict[str, Any], hlc: str) -> None:
    """Merge new values into a pending entry (never an inflight one)."""
    conn.execute(
        update(_outbox)
        .where(_outbox.c.client_seq == client_seq, _outbox.c.state == PENDING)
        .values(fields=fields, hlc=hlc)
    )


def entries_for(
    conn: Connection, entity: str, ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[Entry]]:
    """Return every outbox entry of the given rows (any state), by row id, in order."""
    id_list = list(ids)
    found: dict[uuid.UUID, list[Entry]] = {}
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        rows = conn.execute(
            select(_outbox)
            .where(
                (_outbox.c.entity == entity) & _outbox.c.entity_id.in_(chunk)
                | _outbox.c.note_id.in_(chunk),
            )
            .order_by(_outbox.c.client_seq)
        ).all()
        for row in rows:
            key = row.note_id if row.entity == "note_revision" else row.entity_id
            found.setdefault(key, []).append(_entry(row))
    return found


def next_batch(conn: Connection, limit: int) -> list[Entry]:
    """Return the oldest unsent or in-flight entries, whole client transactions only."""
    rows = conn.execute(
        select(_outbox)
        .where(_outbox.c.state.in_((PENDING, INFLIGHT)))
        .order_by(_outbox.c.client_seq)
        .limit(limit + 1)
    ).all()
    entries = [_entry(row) for row in rows]
    if len(entries) <= limit:
        return entries
    cut = entries[:limit]
    last_tx = cut[-1].tx
    if entries[limit].tx == last_tx and any(entry.tx != last_tx for entry in cut):
        cut = [entry for entry in cut if entry.tx != last_tx]
    return cut


def mark_inflight(conn: Connection, client_seqs: list[int]) -> None:
    conn.execute(
        update(_outbox).where(_outbox.c.client_seq.in_(client_seqs)).values(state=INFLIGHT)
    )


def remove(conn: Connection, client_seq: int) -> None:
    conn.execute(delete(_outbox).where(_outbox.c.client_seq == client_seq))


def mark_rejected(conn: Connection, client_seq: int, code: str, detail: str) -> None:
    conn.execute(
        update(_outbox)
        .where(_outbox.c.client_seq == client_seq)
        .values(state=REJECTED, error_code=code, error_detail=detail)
    )


def counts(conn: Connection) -> dict[str, int]:
    """Return the number of entries per state."""
    totals = {PENDING: 0, INFLIGHT: 0, REJECTED: 0}
    for row in conn.execute(select(_outbox.c.state)).all():
        totals[row.state] = totals.get(row.state, 0) + 1
    return totals


def list_entries(
    conn: Connection, states: tuple[str, ...] = (PENDING, INFLIGHT, REJECTED)
) -> list[Entry]:
    rows = conn.execute(
        select(_outbox).where(_outbox.c.state.in_(states)).order_by(_outbox.c.client_seq)
    ).all()
    return [_entry(row) for row in rows]


def renumber(conn: Connection) -> int:
    """Give every unsent and in-flight entry a new number from 1, for a newly registered device.

    The new device's server record expects change 1 next and then every
    number in turn, so rejected entries, which are never sent, must not use
    up numbers from 1 onwards. They get the numbers ``-n+1 .. 0`` instead,
    in their old order; a retry later gives them a positive number again.
    """
    entries = list_entries(conn, (PENDING, INFLIGHT))
    rejected = list_entries(conn, (REJECTED,))
    conn.execute(delete(_outbox))
    state.set_value(conn, state.NEXT_CLIENT_SEQ, "1")
    for entry in entries:
        entry.client_seq = state.take_client_seqs(conn, 1)
        entry.mutation_id = uuid.uuid4()
        entry.state = PENDING
        _insert_copy(conn, entry)
    for offset, entry in enumerate(rejected):
        entry.client_seq = offset - len(rejected) + 1
        _insert_copy(conn, entry)
    log.info(
        "Renumbered %d outbox entries for a new device id; kept %d rejected ones",
        len(entries),
        len(rejected),
    )
    return len(entries)


def requeue(conn: Connection, entries: list[Entry], stamp: Callable[[], str]) -> None:
    """Move ``entries`` to the end of the outbox as pending, in their order, with new stamps.

    Each gets a new ``client_seq``, ``mutation_id`` and clock stamp from
    ``stamp()``, so the server treats it as a new change and not as a
    replay of the number it rejected before.
    """
    conn.execute(delete(_outbox).where(_outbox.c.client_seq.in_([e.client_seq for e in entries])))
    for entry in entries:
        entry.client_seq = state.take_client_seqs(conn, 1)
        entry.mutation_id = uuid.uuid4()
        entry.hlc = stamp()
        entry.state = PENDING
        entry.error_code = entry.error_detail = None
        _insert_copy(conn, entry)


def _insert_copy(conn: Connection, entry: Entry) -> None:
    conn.execute(
        insert(_outbox).values(
            client_seq=entry.client_seq,
            mutation_id=entry.mutation_id,
            tx=entry.tx,
            entity=entry.entity,
            entity_id=entry.entity_id,
            note_id=entry.note_id,
            op=entry.op,
            base_seq=entry.base_seq,
            fields=entry.fields,
            hlc=entry.hlc,
            state=entry.state,
            error_code=entry.error_code,
            error_detail=entry.error_detail,
        )
    )
