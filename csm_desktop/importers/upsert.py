"""Bulk insert-or-update of imported rows, matched on (source, external_id).

Re-importing the same file must change nothing, so each incoming row is
compared with the stored one column by column: only rows that differ are
updated (and their ``updated_at`` moves), new rows are inserted in bulk,
and the rest are counted as unchanged. When team sync has brought several
accounts with one key, the first in ``preferred_first`` order (live, then
oldest) is updated. Rows are written with ORM bulk
statements, which apply column types such as ``Money`` but skip per-object
bookkeeping (about seven times faster than ``add_all`` on this stack).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from csm_desktop.importers.resolve import SHARED_KEY_TABLES, preferred_first
from csm_desktop.importers.summary import EntityCounts
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)

BATCH_SIZE = 5_000


@dataclass
class UpsertResult:
    """Map from external id to the stored row's UUID, and the ids of tombstoned rows."""

    ids: dict[str, uuid.UUID]
    deleted: set[str]
    # Number of stored keys shared by more than one live row (possible duplicates from team sync).
    shared_keys: int = 0


def upsert_rows(
    session: Session,
    model: type,
    source: str,
    rows: Sequence[dict[str, Any]],
    counts: EntityCounts,
) -> UpsertResult:
    """Insert new rows and update changed ones; every row needs an ``external_id`` key.

    A row whose stored copy was deleted in the app is neither revived nor
    changed; it is reported back in ``deleted`` so the caller can say so.
    """
    if not rows:
        return UpsertResult(ids={}, deleted=set())

    columns = [name for name in rows[0] if name != "external_id"]
    existing, shared_keys = _load_existing(session, model, source, columns)

    now = utc_now()
    ids: dict[str, uuid.UUID] = {}
    deleted: set[str] = set()
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []

    for row in rows:
        external_id = row["external_id"]
        stored = existing.get(external_id)
        if stored is None:
            new_id = uuid.uuid4()
            ids[external_id] = new_id
            inserts.append(
                {**row, "id": new_id, "source": source, "created_at": now, "updated_at": now}
            )
            continue

        row_id, stored_values, deleted_at = stored
        ids[external_id] = row_id
        if deleted_at is not None:
            deleted.add(external_id)
            continue
        changed = {name: row[name] for name in columns if not _same(row[name], stored_values[name])}
        if changed:
            updates.append({"id": row_id, **changed, "updated_at": now})
        else:
            counts.unchanged += 1

    _write(session, model, inserts, updates)
    counts.created += len(inserts)
    counts.updated += len(updates)
    return UpsertResult(ids=ids, deleted=deleted, shared_keys=shared_keys)


def _load_existing(
    session: Session, model: type, source: str, columns: list[str]
) -> tuple[dict[str, tuple[uuid.UUID, dict[str, Any], Any]], int]:
    """Return the row each stored key updates, and the number of keys shared by live rows."""
    table = model.__table__
    selected = [table.c.id, table.c.external_id, table.c.deleted_at, *(table.c[c] for c in columns)]
    query = select(*selected).where(table.c.source == source)
    if table.name in SHARED_KEY_TABLES:
        # Only these tables can hold a key twice; sorting the others (usage) costs time.
        query = query.order_by(*preferred_first(table))
    existing = {}
    live: dict[str, int] = {}
    for record in session.execute(query):
        if record[2] is None:
            live[record[1]] = live.get(record[1], 0) + 1
        if record[1] in existing:
            continue
        values = {name: record[index + 3] for index, name in enumerate(columns)}
        existing[record[1]] = (record[0], values, record[2])
    return existing, sum(1 for count in live.values() if count > 1)


def _same(new: Any, stored: Any) -> bool:
    """Compare an incoming value with a stored one (Decimal 5 equals stored 5.0000)."""
    if new is None or stored is None:
        return new is None and stored is None
    return new == stored


def _write(
    session: Session,
    model: type,
    inserts: list[dict[str, Any]],
    updates: list[dict[str, Any]],
) -> None:
    for start in range(0, len(inserts), BATCH_SIZE):
        session.execute(insert(model), inserts[start : start + BATCH_SIZE])

    # ORM bulk UPDATE by primary key needs the same keys in every dict of a
    # batch, so group the updates by the set of columns they change.
    by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in updates:
        by_shape.setdefault(tuple(sorted(row)), []).append(row)
    for group in by_shape.values():
        session.execute(update(model), group)
    if inserts or updates:
        log.debug("%s: %d inserted, %d updated", model.__tablename__, len(inserts), len(updates))
