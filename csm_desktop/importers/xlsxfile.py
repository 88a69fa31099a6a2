"""Streaming rows of an Excel workbook (.xlsx) with openpyxl's read-only mode."""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from csm_desktop.importers.csvfile import ImportFileError

log = logging.getLogger(__name__)


class XlsxReader:
    """Reads one sheet; cells keep their Excel types (number, date, text, boolean).

    Formulas give the value Excel last calculated; a workbook saved by a
    tool that never calculated them gives blanks there.
    """

    def __init__(self, path: Path, sheet: str | None) -> None:
        self.path = path
        workbook = self._open()
        try:
            self.sheets = list(workbook.sheetnames)
            if sheet is not None and sheet not in self.sheets:
                raise ImportFileError(
                    f"{path.name} has no sheet {sheet!r}; its sheets are {', '.join(self.sheets)}."
                )
            self.sheet = sheet or self._first_sheet_with_data(workbook)
        finally:
            workbook.close()

    def _open(self) -> Any:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            # A file object, because openpyxl rejects a path whose extension is not .xlsx.
            handle = self.path.open("rb")
            return load_workbook(handle, read_only=True, data_only=True)
        except (
            zipfile.BadZipFile,
            KeyError,
            OSError,
            ValueError,
            TypeError,
            InvalidFileException,
        ) as exc:
            raise ImportFileError(
                f"{self.path.name} is not a readable Excel workbook ({exc}). "
                "Open it in Excel and save it again as .xlsx, or export CSV."
            ) from exc

    def _first_sheet_with_data(self, workbook: Any) -> str:
        for worksheet in workbook.worksheets:
            for row in worksheet.iter_rows(max_row=50, values_only=True):
                if any(cell not in (None, "") for cell in row):
                    return worksheet.title
        return self.sheets[0]

    def data_rows(self, after: int) -> Iterator[tuple[int, list[Any]]]:
        """Yield (row number, cell values) for rows below row ``after``."""
        workbook = self._open()
        try:
            worksheet = workbook[self.sheet]
            for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if number > after:
                    yield number, list(row)
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise ImportFileError(f"{self.path.name}: the sheet cannot be read ({exc}).") from exc
        finally:
            workbook.close()
