"""Reading of delimited text files with a known header, row by row."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from csm_desktop.importers.summary import RowIssue

# Lines of binary junk or one enormous unquoted field would otherwise hit
# the csv module's 128 KiB default and raise mid-file.
csv.field_size_limit(16 * 1024 * 1024)


class ImportFileError(Exception):
    """A file cannot be imported at all; the message names the file and the fix."""


@dataclass(frozen=True)
class CsvRecord:
    """One data row with its first line number in the file (1 is the header)."""

    file: str
    line: int
    values: dict[str, str]

    def issue(self, column: str, reason: str) -> RowIssue:
        """Describe a problem with one cell of this row."""
        return RowIssue(self.file, self.line, column, self.values.get(column, ""), reason)


def read_csv(path: Path, required: Sequence[str]) -> Iterator[CsvRecord]:
    """Yield the rows of a UTF-8 CSV file (with or without BOM) that has ``required`` columns.

    Rows made only of empty cells are skipped. Raises ``ImportFileError``
    when the file is missing, not UTF-8 text, or lacks a required column.
    """
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ImportFileError(f"Cannot open {path}: {exc.strerror}.") from exc

    with handle:
        try:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or []]
            _check_header(path, header, required)
            reader.fieldnames = header
            start_line = reader.line_num + 1
            for row in reader:
                line = start_line
                start_line = reader.line_num + 1
                if not any(
                    (value or "").strip() for value in row.values() if isinstance(value, str)
                ):
                    continue
                values = {k: v if isinstance(v, str) else "" for k, v in row.items() if k}
                yield CsvRecord(path.name, line, values)
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{path.name} is not UTF-8 text (byte {exc.start} cannot be decoded). "
                "Save it as CSV UTF-8 and import it again."
            ) from exc
        except csv.Error as exc:
            raise ImportFileError(f"{path.name} is not a valid CSV file: {exc}.") from exc


def _check_header(path: Path, header: list[str], required: Sequence[str]) -> None:
    if not header:
        raise ImportFileError(f"{path.name} is empty; it needs a header row and data rows.")
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFileError(
            f"{path.name} lacks the column(s) {', '.join(missing)}. "
            f"Its header is: {', '.join(header[:15])}. Export the file again with every column."
        )
