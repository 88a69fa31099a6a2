"""Export of one entity to CSV or Excel, safe to open in a spreadsheet.

In CSV, text cells that a spreadsheet would run as a formula get an
apostrophe in front (``guard_formula``), which the importer removes again,
so a round trip restores the original text. In Excel such text is stored as
a string cell, which Excel shows and never calculates. Numbers, dates and booleans are written as
values and never prefixed. CSV is UTF-8 with a BOM by default, so Excel on
Windows shows accents, and dates are ISO (YYYY-MM-DD) so that no locale
reads them the wrong way round.
"""

from __future__ import annotations

import csv
import logging
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from csm_desktop.exporters.tables import cell_value, entity_table, iter_rows
from csm_desktop.importers.values import guard_formula
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.store.database import Database

log = logging.getLogger(__name__)

PROGRESS_EVERY = 5_000


def _text_cell(value: Any) -> str:
    value = cell_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, int | float):
        return repr(value)
    return guard_formula(value)


def export_csv(
    db: Database,
    entity: str,
    path: Path,
    *,
    bom: bool = True,
    delimiter: str = ",",
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write every live row of ``entity`` to ``path``; return the number of rows."""
    table = entity_table(entity)
    columns = list(table.c.keys())
    count = 0
    temporary = path.with_name(path.name + ".part")
    with (
        db.session() as session,
        temporary.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle,
    ):
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(columns)
        for row in iter_rows(session, table):
            writer.writerow([_text_cell(row[c]) for c in columns])
            count += 1
            if count % PROGRESS_EVERY == 0:
                progress(count, 0, f"Exported {count:,} rows")
                if cancel is not None:
                    cancel.raise_if_cancelled()
    temporary.replace(path)
    log.info("Exported %d %s rows to %s", count, entity, path)
    return count


def export_xlsx(
    db: Database,
    entity: str,
    path: Path,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Write every live row of ``entity`` to one sheet of a new workbook at ``path``."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    table = entity_table(entity)
    columns = list(table.c.keys())
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(entity[:31])
    sheet.append(columns)
    count = 0
    with db.session() as session:
        for row in iter_rows(session, table):
            cells = []
            for name in columns:
                value = cell_value(row[name])
                if isinstance(value, Decimal):
                    value = float(value) if abs(value) < 10**15 else str(value)
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    # openpyxl stores text starting with "=" as a formula; typed
                    # as a string it is shown and kept exactly as written.
                    cell.data_type = "s"
                elif isinstance(value, date) and not isinstance(value, datetime):
                    cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            sheet.append(cells)
            count += 1
            if count % PROGRESS_EVERY == 0:
                progress(count, 0, f"Exported {count:,} rows")
                if cancel is not None:
                    cancel.raise_if_cancelled()
    temporary = path.with_name(path.name + ".part")
    workbook.save(temporary)
    temporary.replace(path)
    log.info("Exported %d %s rows to %s", count, entity, path)
    return count
