"""Every row an import rejected, written to a CSV file as the import runs.

The report keeps the first ``MAX_ISSUES`` rejections in memory for the
screen. A file of millions of rows can reject more than that, so each
rejected row also goes to a CSV file beside the user's data. The file has
the source's header and raw cells, one line per rejected row, plus two
columns at the end: the row's line in the source file and the reasons. The
user can save it elsewhere, fix the cells in a spreadsheet and import it
again with the same mapping, because the two extra columns are not mapped.
Only the newest ``KEEP_FILES`` files are kept.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication

from csm_desktop.importers.tabular import FileInfo
from csm_desktop.importers.values import guard_formula
from csm_desktop.paths import user_data_dir

log = logging.getLogger(__name__)

FOLDER_NAME = "import-rejections"
KEEP_FILES = 20
# A cell that reads as a number keeps its sign. Any other text that a spreadsheet would
# run as a formula gets an apostrophe, which the importer removes again.
_NUMBER_RE = re.compile(r"^[+-]?[\d.,]*\d[\d.,]*%?$")


def rejections_folder() -> Path:
    """Return the folder that contains the rejection files."""
    return user_data_dir() / FOLDER_NAME


def extra_columns() -> tuple[str, str]:
    """Return the translated names of the line and reasons columns added after the source's."""
    return (
        QCoreApplication.translate("RejectionLog", "Line in source file"),
        QCoreApplication.translate("RejectionLog", "Rejection reasons"),
    )


class RejectionLog:
    """A CSV file of rejected rows, created on the first one.

    Text files are written with the source's delimiter and encoding family
    (UTF-8 always with a BOM, so that Excel reads accents), so a mapping saved
    with a fixed delimiter or encoding reads the file too. Excel and JSON
    sources give comma-separated UTF-8.

    NOTE: title rows above the source's header are not copied, so a spec with
    an explicit ``header_row`` above 1 needs it cleared to read this file.
    """

    def __init__(self, info: FileInfo, folder: Path | None = None) -> None:
        self._source_name = info.path.name
        self._folder = folder or rejections_folder()
        self._delimiter = info.delimiter if info.format == "csv" and info.delimiter else ","
        codec = info.encoding.codec if info.format == "csv" and info.encoding else "utf-8"
        self._codec = "utf-8-sig" if codec.replace("_", "-").lower() in ("utf-8", "utf8") else codec
        self._header, self._width = _source_header(info.header)
        self._handle: TextIO | None = None
        self._writer: Any = None
        self.path: Path | None = None
        self.count = 0

    def add(self, line: int, cells: Sequence[Any], reasons: Sequence[str]) -> None:
        """Write one rejected row; the file is opened on the first call."""
        if self._writer is None:
            self._open()
        assert self._writer is not None

        texts = [_cell_text(cell) for cell in list(cells)[: self._width]]
        texts.extend([""] * (self._width - len(texts)))
        self._writer.writerow([*texts, line, guard_formula("; ".join(reasons))])
        self.count += 1

    def close(self) -> Path | None:
        """Close the file and prune old ones; return its path, or None when nothing was rejected."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._writer = None
            _prune(self._folder)
            log.info("Wrote %d rejected rows to %s", self.count, self.path)
        return self.path

    def _open(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stem = re.sub(r"[^\w.-]+", "_", Path(self._source_name).stem)[:60] or "import"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        self.path = self._folder / f"{stem}-rejected-{stamp}.csv"
        # Reasons may contain characters a legacy code page lacks; those become "?".
        self._handle = self.path.open("w", encoding=self._codec, errors="replace", newline="")
        self._writer = csv.writer(self._handle, delimiter=self._delimiter)
        self._writer.writerow([*self._header, *extra_columns()])


def _source_header(header: list[str]) -> tuple[list[str], int]:
    """Return the header to repeat and how many cells of each row to keep.

    A file of rejected rows imported again ends with the two extra columns,
    so they are replaced, not repeated, in the next file of rejections.
    NOTE: the names are compared in the current UI language, so a file made
    in another language keeps its old extra columns as data.
    """
    if tuple(header[-2:]) == extra_columns():
        header = header[:-2]
    return list(header), len(header)


def _cell_text(cell: Any) -> str:
    """Return a cell as the text a spreadsheet shows and the importer reads back."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat(sep=" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, int | float):
        return repr(cell)
    text = str(cell)
    return text if _NUMBER_RE.match(text.strip()) else guard_formula(text)


def _prune(folder: Path) -> None:
    """Delete all but the newest ``KEEP_FILES`` rejection files."""
    files = sorted(
        folder.glob("*-rejected-*.csv"), key=lambda path: path.name.rsplit("-rejected-")[-1]
    )
    for old in files[:-KEEP_FILES]:
        try:
            old.unlink()
        except OSError as exc:
            log.warning("Could not delete the old rejection file %s: %s", old, exc)
