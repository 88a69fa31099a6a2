"""Writing converted rows in batches: insert new, update changed, count unchanged.

Rows match stored rows on (source, external id), or on the stored id the
converter found (accounts matched by name or domain). When team sync has
brought several rows with one key, the row is written to the first in
``preferred_first`` order (live, then oldest), never to a new one. Only the columns the
file maps are compared and written, so an import never blanks a column it
does not carry. A key repeated in the file is rejected with the line of its
first occurrence, unless all its values equal the first (a report that
repeats the account on every contact row), which is merged and counted.
The keys seen so far live in a temporary SQLite table, so
memory stays bounded on files of millions of rows.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from csm_desktop.importers.convert import ConvertedRow
from csm_desktop.importers.resolve import preferred_first
from csm_desktop.importers.summary import EntityCounts
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)

SEEN_TABLE = "temp_import_seen"
# SQLite allows 32,766 bound parameters per statement since 3.32.
LOOKUP_CHUNK = 900


class BatchWriter:
    """Upserts batches of one entity within the caller's transaction."""

    def __init__(self, session: Session, model: type, source: str, counts: EntityCounts) -> None:
        self.session = session
        self.model = model
        self.table = model.__table__
        self.source = source
        self.counts = counts
        self.now = utc_now()
        session.execute(text(f"DROP TABLE IF EXISTS temp.{SEEN_TABLE}"))
        session.execute(
            text(
                f"CREATE TEMP TABLE {SEEN_TABLE} "
                "(key TEXT PRIMARY KEY, line INTEGER NOT NULL, digest TEXT NOT NULL)"
            )
        )
        # Repeats identical to their first occurrence: merged, not rejected.
        self.repeats = 0
        # Number of the file's keys that match more than one live stored row.
        self.shared_keys = 0

    def close(self) -> None:
        self.session.execute(text(f"DROP TABLE IF EXISTS temp.{SEEN_TABLE}"))

    def write(self, rows: Sequence[ConvertedRow]) -> list[tuple[ConvertedRow, str]]:
        """Write ``rows``; return the rows rejected as repeats or deleted, with the reason."""
        rejected: list[tuple[ConvertedRow, str]] = []
        unique = self._drop_repeats(rows, rejected)
        if not unique:
            return rejected

        by_key = self._stored_by_key([r.external_id for r in unique if r.target_id is None])
        by_id = self._stored_by_id([r.target_id for r in unique if r.target_id is not None])
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for row in unique:
            stored = by_id.get(row.target_id) if row.target_id else by_key.get(row.external_id)
            if stored is None:
                inserts.append(self._new(row))
                continue
            if stored["deleted_at"] is not None:
                rejected.append((row, _deleted_reason()))
                continue
            changed = {k: v for k, v in row.values.items() if not _same(v, stored.get(k))}
            if changed:
                updates.append({"id": stored["id"], **changed, "updated_at": self.now})
            else:
                self.counts.unchanged += 1

        if inserts:
            self.session.execute(insert(self.model), inserts)
        for group in _by_shape(updates):
            self.session.execute(update(self.model), group)
        self.counts.created += len(inserts)
        self.counts.updated += len(updates)
        return rejected

    def _new(self, row: ConvertedRow) -> dict[str, Any]:
        return {
            **row.values,
            "id": uuid.uuid4(),
            "source": self.source,
            "external_id": row.external_id,
            "created_at": self.now,
            "updated_at": self.now,
        }

    def _drop_repeats(
        self, rows: Sequence[ConvertedRow], rejected: list[tuple[ConvertedRow, str]]
    ) -> list[ConvertedRow]:
        keys = [self._seen_key(r) for r in rows]
        earlier: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(keys):
            query = text(
                f"SELECT key, line, digest FROM {SEEN_TABLE} WHERE key IN ({_marks(chunk)})"
            )
            for key, line, digest in self.session.execute(query, _params(chunk)):
                earlier[key] = (line, digest)

        unique = []
        new_seen = []
        for row, key in zip(rows, keys, strict=True):
            digest = _digest(row)
            if key in earlier:
                first_line, first_digest = earlier[key]
                if digest == first_digest:
                    self.repeats += 1
                else:
                    rejected.append(
                        (
                            row,
                            QCoreApplication.translate(
                                "ImportReason",
                                "repeats the key of line %1 with other values; "
                                "the first one is kept",
                            ).replace("%1", str(first_line)),
                        )
                    )
                continue
            earlier[key] = (row.line, digest)
            unique.append(row)
            new_seen.append({"key": key, "line": row.line, "digest": digest})
        if new_seen:
            self.session.execute(
                text(f"INSERT INTO {SEEN_TABLE} (key, line, digest) VALUES (:key, :line, :digest)"),
                new_seen,
            )
        return unique

    @staticmethod
    def _seen_key(row: ConvertedRow) -> str:
        return f"id:{row.target_id}" if row.target_id else row.external_id

    def _columns(self) -> list[Any]:
        return list(self.table.c)

    def _stored_by_key(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """Return the stored row each key updates: the first in ``preferred_first`` order."""
        found: dict[str, dict[str, Any]] = {}
        live: dict[str, int] = {}
        for chunk in _chunks(keys):
            query = (
                select(*self._columns())
                .where(self.table.c.source == self.source, self.table.c.external_id.in_(chunk))
                .order_by(*preferred_first(self.table))
            )
            for record in self.session.execute(query).mappings():
                key = record["external_id"]
                found.setdefault(key, dict(record))
                if record["deleted_at"] is None:
                    live[key] = live.get(key, 0) + 1
        self.shared_keys += sum(1 for count in live.values() if count > 1)
        return found

    def _stored_by_id(self, ids: list[uuid.UUID | None]) -> dict[uuid.UUID, dict[str, Any]]:
        found: dict[uuid.UUID, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            query = select(*self._columns()).where(self.table.c.id.in_(chunk))
            for record in self.session.execute(query).mappings():
                found[record["id"]] = dict(record)
        return found


def _digest(row: ConvertedRow) -> str:
    """Fingerprint a row's values, to tell an identical repeat from a conflicting one."""
    text_form = repr(sorted((k, repr(v)) for k, v in row.values.items()))
    return hashlib.sha1(text_form.encode("utf-8")).hexdigest()


def _same(new: Any, stored: Any) -> bool:
    """Compare an incoming value with a stored one (Decimal 5 equals stored 5.0000)."""
    if new is None or stored is None:
        return new is None and stored is None
    return new == stored


def _by_shape(updates: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group updates by the columns they set: ORM bulk UPDATE needs one shape per call."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in updates:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    return list(groups.values())


def _chunks(items: list[Any]) -> list[list[Any]]:
    return [items[i : i + LOOKUP_CHUNK] for i in range(0, len(items), LOOKUP_CHUNK)]


def _deleted_reason() -> str:
    return QCoreApplication.translate(
        "ImportReason", "this record was deleted in the app and is not restored"
    )


def _marks(chunk: list[Any]) -> str:
    return ", ".join(f":k{i}" for i in range(len(chunk)))


def _params(chunk: list[Any]) -> dict[str, Any]:
    return {f"k{i}": key for i, key in enumerate(chunk)}
