"""The whole database as one JSON archive, and its import into an empty database.

Every table of the schema is written with every row, tombstoned ones
included, and every value tagged by its column type so it reads back
exactly: amounts as decimal strings, instants and dates in ISO form,
UUIDs as text and floats with all their digits (``repr``). Importing into a
database that already holds data is refused, so an archive never merges
silently with other rows.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.types import JSON, Boolean, Date, DateTime, Float, Integer, Uuid

from csm_desktop import __version__
from csm_desktop.exporters.tables import iter_rows
from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.store.database import Database
from csm_desktop.store.models import Base
from csm_desktop.store.types import Money, UTCDateTime

log = logging.getLogger(__name__)

FORMAT = "csm-desktop-archive"
FORMAT_VERSION = 1
INSERT_BATCH = 5_000
# Tables the archive leaves out: schema bookkeeping, not data.
SKIPPED_TABLES = {"alembic_version"}


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else repr(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _decoder(column_type: Any):
    """Return a function that turns an archived value back into the column's Python value."""
    if isinstance(column_type, Money):
        return lambda v: None if v is None else Decimal(v)
    if isinstance(column_type, UTCDateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v).astimezone(UTC)
    if isinstance(column_type, DateTime):
        return lambda v: None if v is None else datetime.fromisoformat(v)
    if isinstance(column_type, Date):
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(column_type, Uuid):
        return lambda v: None if v is None else uuid.UUID(v)
    if isinstance(column_type, Float):
        return lambda v: None if v is None else float(v)
    if isinstance(column_type, Boolean | Integer | JSON):
        return lambda v: v
    return lambda v: v


def export_archive(
    db: Database,
    path: Path,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> dict[str, int]:
    """Write every table to ``path`` as JSON; return the row count per table."""
    tables = _tables()
    counts: dict[str, int] = {}
    temporary = path.with_name(path.name + ".part")
    with db.session() as session, temporary.open("w", encoding="utf-8") as out:
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "app_version": __version__,
            "exported_at": datetime.now(UTC).isoformat(),
        }
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "tables": {')
        for number, table in enumerate(tables):
            progress(number, len(tables), f"Exporting {table.name}")
            if cancel is not None:
                cancel.raise_if_cancelled()
            columns = list(table.c.keys())
            out.write(("," if number else "") + f"\n{json.dumps(table.name)}: ")
            out.write(json.dumps({"columns": columns})[:-1] + ', "rows": [')
            count = 0
            for row in iter_rows(session, table, include_deleted=True):
                cells = [_encode(row[c]) for c in columns]
                out.write(("," if count else "") + "\n" + json.dumps(cells, ensure_ascii=False))
                count += 1
            out.write("]}")
            counts[table.name] = count
        out.write("}}\n")
    temporary.replace(path)
    progress(len(tables), len(tables), "Export finished")
    log.info("Archived %d rows of %d tables to %s", sum(counts.values()), len(tables), path)
    return counts


def import_archive(
    db: Database,
    path: Path,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> dict[str, int]:
    """Load an archive into an empty database in one transaction; return rows per table."""
    document = _read(path)
    archived = document["tables"]
    known = {t.name: t for t in _tables()}
    unknown = sorted(set(archived) - set(known))
    if unknown:
        raise ImportFileError(
            f"{path.name} contains table(s) {', '.join(unknown)} that this version does not know. "
            "Update the app, then import the archive again."
        )

    counts: dict[str, int] = {}
    with db.session() as session:
        _check_empty(session)
        for number, table in enumerate(_tables()):
            progress(number, len(known), f"Importing {table.name}")
            if cancel is not None:
                cancel.raise_if_cancelled()
            block = archived.get(table.name)
            if not block:
                continue
            counts[table.name] = _load_table(session, table, block, path.name)
    log.info("Imported archive %s: %d rows", path, sum(counts.values()))
    return counts


def _read(path: Path) -> dict[str, Any]:
    # TODO: the archive is parsed whole, so importing one needs memory for all its rows.
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFileError(f"{path.name} is not a readable JSON archive: {exc}.") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFileError(f"{path.name} is not a CSM Desktop archive.")
    if document.get("version", 0) > FORMAT_VERSION:
        raise ImportFileError(f"{path.name} was written by a newer version; update the app.")
    return document


def _check_empty(session: Any) -> None:
    for table in _tables():
        if table.name == "app_setting":
            continue
        if session.scalar(select(func.count()).select_from(table)):
            raise ImportFileError(
                f"The database already holds data (table {table.name}). Import the archive "
                "into a new, empty database file."
            )


def _load_table(session: Any, table: Table, block: dict[str, Any], name: str) -> int:
    columns = block.get("columns", [])
    missing = [c for c in columns if c not in table.c]
    if missing:
        raise ImportFileError(f"{name}: table {table.name} has no column(s) {', '.join(missing)}.")
    decoders = [_decoder(table.c[c].type) for c in columns]
    rows = [
        {c: decode(v) for c, decode, v in zip(columns, decoders, cells, strict=True)}
        for cells in block.get("rows", [])
    ]
    if table.name == "app_setting":
        # Opening the database may have written settings already; the archive's win.
        session.execute(table.delete().where(table.c.key.in_([r["key"] for r in rows])))
    for start in range(0, len(rows), INSERT_BATCH):
        session.execute(insert(table), rows[start : start + INSERT_BATCH])
    return len(rows)
