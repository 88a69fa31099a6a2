"""Bulk-insert weekly health snapshots with one DBAPI ``executemany`` per chunk.

A backfill writes hundreds of thousands of rows, and SQLAlchemy's per-row,
per-column type processing of a Core ``insert`` costs more than SQLite's
own work. This writer converts each value to its stored form once, in
Python, and passes plain tuples to the driver inside the session's
transaction. The stored forms are those of the model's column types:
``Uuid`` as 32 hex digits, ``Date`` as ISO text, ``UTCDateTime`` through
the column's own bind processor, ``JSON`` as JSON text (compact separators).

A snapshot's id is derived from its stored values (account, date, kind,
score, colour, coverage, detail and scorecard version). So a recompute that
gives the same result re-creates the same ids, which team sync does not
upload again, and a changed score for the same date gets a new id.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from csm_desktop.health.weekly import WeeklyScore
from csm_desktop.store.models import HealthSnapshot

log = logging.getLogger(__name__)

_COLUMNS = (
    "id",
    "account_id",
    "as_of",
    "kind",
    "score",
    "colour",
    "measures_used",
    "measures_total",
    "details",
    "scorecard_version",
    "created_at",
    "updated_at",
)
# Namespace of the content-derived snapshot ids (uuid5).
SNAPSHOT_ID_NAMESPACE = uuid.UUID("0b7f6c2e-4f0e-4c58-9a53-55f0d3a1c7e2")
_NAMESPACE_BYTES = SNAPSHOT_ID_NAMESPACE.bytes
_encode_json = json.JSONEncoder(separators=(",", ":")).encode


def snapshot_id(values: tuple[Any, ...]) -> str:
    """Return the id, as 32 hex digits, of a snapshot row in ``_COLUMNS`` order less the id.

    ``uuid.uuid5`` of the stored values joined with the control character
    0x1F, computed without building a ``UUID`` object. Only the version,
    the last value joined, is free text (the detail is JSON, which escapes
    control characters), so the joined name is unambiguous. The timestamps
    are left out, so only content counts.
    """
    name = "\x1f".join(map(str, values[:9]))
    digest = hashlib.sha1(_NAMESPACE_BYTES + name.encode("utf-8"), usedforsecurity=False).digest()
    value = int.from_bytes(digest[:16], "big")
    value = value & ~(0xC000 << 48) | 0x8000 << 48  # RFC 4122 variant
    value = value & ~(0xF000 << 64) | 5 << 76  # version 5
    return f"{value:032x}"


class SnapshotWriter:
    """Buffers snapshot rows in their stored form and inserts them in chunks.

    Call ``add_account`` with each account's snapshots in date order, then
    ``flush`` once at the end. Rows go into the session's open transaction.
    """

    def __init__(self, session: Session, kind: str, now: datetime, chunk_rows: int) -> None:
        self._session = session
        self._kind = kind
        self._chunk_rows = chunk_rows
        stamp = HealthSnapshot.__table__.c.created_at.type.bind_processor(
            session.get_bind().dialect
        )
        stored_now = stamp(now) if stamp else now
        self._stored_now = str(stored_now)
        self._dates: dict[date, str] = {}
        self._pending: list[tuple[Any, ...]] = []
        self._sql = (
            f"INSERT INTO {HealthSnapshot.__tablename__} ({', '.join(_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in _COLUMNS)})"
        )
        self.written = 0

    def add_account(self, account_id: uuid.UUID, version: str, scores: list[WeeklyScore]) -> None:
        """Buffer one account's snapshots; a detail equal to the week before reuses its JSON."""
        owner = account_id.hex
        previous: dict[str, list[Any]] | None = None
        text = ""
        for week in scores:
            if week.details != previous:
                previous = week.details
                text = _encode_json(previous)
            values = (
                owner,
                self._stored_date(week.as_of),
                self._kind,
                week.score,
                week.colour,
                week.measures_used,
                week.measures_total,
                text,
                version,
                self._stored_now,
                self._stored_now,
            )
            self._pending.append((snapshot_id(values), *values))
        if len(self._pending) >= self._chunk_rows:
            self.flush()

    def flush(self) -> None:
        """Insert the buffered rows with one ``executemany``."""
        if not self._pending:
            return
        self._session.connection().exec_driver_sql(self._sql, self._pending)
        self.written += len(self._pending)
        self._pending = []

    def _stored_date(self, day: date) -> str:
        stored = self._dates.get(day)
        if stored is None:
            stored = self._dates[day] = day.isoformat()
        return stored
