"""Which table each exportable entity reads, and how a stored value becomes a cell."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from csm_desktop.importers.fields import ENTITIES

FETCH_SIZE = 5_000


def entity_table(entity: str) -> Table:
    """Return the table of an importable entity name (accounts, usage, ...)."""
    try:
        return ENTITIES[entity].model.__table__
    except KeyError:
        raise ValueError(
            f"unknown entity {entity!r}; choose one of {', '.join(ENTITIES)}"
        ) from None


def iter_rows(
    session: Session, table: Table, *, include_deleted: bool = False
) -> Iterator[dict[str, Any]]:
    """Yield the rows of ``table`` as dicts in primary key order, streamed in chunks."""
    query = select(table)
    if "deleted_at" in table.c and not include_deleted:
        query = query.where(table.c.deleted_at.is_(None))
    query = query.order_by(*table.primary_key.columns)
    result = session.execute(query.execution_options(yield_per=FETCH_SIZE))
    for record in result.mappings():
        yield dict(record)


def cell_value(value: Any) -> Any:
    """Convert a stored value to a spreadsheet cell: numbers stay numbers, ids become text."""
    if value is None:
        return None
    if isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return value
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
