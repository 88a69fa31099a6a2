"""CSV files that open safely in spreadsheets: UTF-8 with BOM, formula cells neutralised.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as
a formula, and some also react to a leading tab or carriage return. Such a
text cell gets a leading apostrophe, which spreadsheets show as plain text.
Numbers and dates written by the app are printed plainly (``-3``,
``1234.5``, ``2025-01-31``) and are not altered, because they are not text
that came from outside.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from csm_desktop.progress import Cancelled, CancelToken

log = logging.getLogger(__name__)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# How many rows are written between two progress reports and cancellation checks.
PROGRESS_STEP = 2_000


def safe_cell(value: Any) -> str:
    """Return ``value`` as CSV cell text, neutralising text that a spreadsheet would run."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    total: int = 0,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Write ``header`` and ``rows`` to ``path`` and return the number of data rows.

    The file is written next to ``path`` first and renamed over it at the
    end, so a cancelled or failed export leaves no half-written file.
    Raises ``Cancelled`` when ``cancel`` is set between two batches.
    """
    partial = path.with_name(path.name + ".partial")
    count = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([safe_cell(title) for title in header])
            for row in rows:
                writer.writerow([safe_cell(value) for value in row])
                count += 1
                if count % PROGRESS_STEP == 0:
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled()
                    if progress is not None:
                        progress(count, total, "")
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    log.info("Wrote %d rows to %s", count, path)
    return count
