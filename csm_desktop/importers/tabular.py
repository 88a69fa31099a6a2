"""One streaming reader for delimited text, Excel workbooks and JSON record lists.

``open_table`` sniffs the file (see ``sniff``), finds the header below any
title rows, makes the header names distinct and returns a ``Table`` whose
``rows()`` yields data rows one at a time with their line or row number.
Rows made only of delimiters and subtotal or footer rows are skipped and
counted, never imported. Memory stays bounded for text and Excel files;
JSON files are loaded whole.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.sniff import (
    ENCODINGS,
    SAMPLE_BYTES,
    Encoding,
    detect_delimiter,
    detect_encoding,
    detect_format,
    distinct_headers,
    find_header_row,
    is_summary_row,
)

log = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class ReadOptions:
    """Choices that override detection; None means detect."""

    encoding: str | None = None
    delimiter: str | None = None
    # 1-based row number of the header in the file or sheet.
    header_row: int | None = None
    sheet: str | None = None


@dataclass
class FileInfo:
    """What was detected about a file, shown in the wizard and the CLI report."""

    path: Path
    format: str
    header: list[str]
    header_row: int = 1
    encoding: Encoding | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    title_rows: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    size: int = 0

    def describe(self) -> str:
        """Summarise the detection in one line, e.g. "CSV, UTF-8 with BOM, semicolon delimiter".

        The words go through the installed Qt translator and stay English when
        none is installed.
        """
        parts = [self.format.upper()]
        if self.encoding is not None:
            parts.append(_encoding_text(self.encoding))
        if self.delimiter is not None:
            parts.append(_delimiter_text(self.delimiter))
        if self.sheet:
            parts.append(
                QCoreApplication.translate("FileInfo", "sheet %1").replace("%1", repr(self.sheet))
            )
        header_row = QCoreApplication.translate("FileInfo", "header on row %1")
        parts.append(header_row.replace("%1", str(self.header_row)))
        return ", ".join(parts)


def _encoding_text(encoding: Encoding) -> str:
    if encoding.codec == "utf-8-sig":
        return QCoreApplication.translate("FileInfo", "UTF-8 with BOM")
    return encoding.label


def _delimiter_text(delimiter: str) -> str:
    names = {
        ",": QCoreApplication.translate("FileInfo", "comma delimiter"),
        ";": QCoreApplication.translate("FileInfo", "semicolon delimiter"),
        "\t": QCoreApplication.translate("FileInfo", "tab delimiter"),
        "|": QCoreApplication.translate("FileInfo", "vertical bar delimiter"),
    }
    other = QCoreApplication.translate("FileInfo", "delimiter %1").replace("%1", repr(delimiter))
    return names.get(delimiter, other)


@dataclass(frozen=True)
class SourceRow:
    """One data row: its first line (text) or row number (Excel, JSON) and its cells."""

    number: int
    cells: list[Any]


@dataclass
class RowCounters:
    """Rows the reader skipped on its own: blank or delimiter-only, and summary rows."""

    blank: int = 0
    summary: int = 0
    summary_rows: list[int] = field(default_factory=list)


class Table:
    """An opened file: its ``info`` and a fresh iterator of data rows per ``rows()`` call."""

    def __init__(self, info: FileInfo, reader: Any) -> None:
        self.info = info
        self._reader = reader
        self.counters = RowCounters()

    @property
    def header(self) -> list[str]:
        return self.info.header

    def rows(self) -> Iterator[SourceRow]:
        """Yield the data rows; each call reads the file again from the start."""
        self.counters = RowCounters()
        width = len(self.info.header)
        for number, cells in self._reader.data_rows(self.info.header_row):
            if not _any_filled(cells):
                self.counters.blank += 1
                continue
            if is_summary_row(cells, width):
                self.counters.summary += 1
                self.counters.summary_rows.append(number)
                continue
            yield SourceRow(number, list(cells))


def _any_filled(cells: list[Any]) -> bool:
    try:
        return bool("".join(cells).strip())
    except TypeError:
        # Excel and JSON rows hold numbers, dates and None besides text.
        return any(_filled(c) for c in cells)


def _filled(cell: Any) -> bool:
    return cell is not None and (not isinstance(cell, str) or cell.strip() != "")


def open_table(path: Path | str, options: ReadOptions | None = None) -> Table:
    """Open ``path`` as a table, raising ``ImportFileError`` when it cannot be read."""
    path = Path(path)
    options = options or ReadOptions()
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
            complete = len(head) < SAMPLE_BYTES
    except OSError as exc:
        raise ImportFileError(f"Cannot open {path}: {exc.strerror}.") from exc
    if not head.strip():
        raise ImportFileError(f"{path.name} is empty; it needs a header row and data rows.")

    kind = detect_format(path, head)
    if kind == "xlsx":
        from csm_desktop.importers.xlsxfile import XlsxReader

        reader: Any = XlsxReader(path, options.sheet)
        info = FileInfo(path, "xlsx", [], sheet=reader.sheet, sheets=reader.sheets)
    elif kind == "json":
        reader = JsonReader(path)
        info = FileInfo(path, "json", [])
    else:
        encoding = _encoding(options, head, complete)
        text_sample = head.decode(encoding.codec, errors="replace")
        delimiter = options.delimiter or detect_delimiter(text_sample.lstrip("\ufeff"))
        reader = CsvReader(path, encoding, delimiter)
        info = FileInfo(path, "csv", [], encoding=encoding, delimiter=delimiter)

    info.size = len(head) if complete else path.stat().st_size
    _note_extension(info)
    _read_header(info, reader, options)
    return Table(info, reader)


def _encoding(options: ReadOptions, head: bytes, complete: bool) -> Encoding:
    if options.encoding:
        return ENCODINGS.get(options.encoding, Encoding(options.encoding, options.encoding))
    return detect_encoding(head, complete=complete)


def _note_extension(info: FileInfo) -> None:
    suffix = info.path.suffix.lower()
    expected = {"xlsx": {".xlsx", ".xlsm"}, "json": {".json"}}.get(info.format)
    if expected is not None and suffix not in expected:
        info.notes.append(
            f"{info.path.name} is named {suffix or 'without extension'} but "
            f"contains {info.format.upper()}; it is read as {info.format.upper()}."
        )
    if info.format == "csv" and suffix in {".xlsx", ".xls", ".json"}:
        info.notes.append(
            f"{info.path.name} is named {suffix} but contains delimited text; it is read as CSV."
        )


def _read_header(info: FileInfo, reader: Any, options: ReadOptions) -> None:
    first_rows: list[tuple[int, list[Any]]] = []
    for number, cells in reader.data_rows(0):
        first_rows.append((number, cells))
        if len(first_rows) >= HEADER_SEARCH_ROWS:
            break
    if not first_rows:
        raise ImportFileError(f"{info.path.name} has no rows; it needs a header and data rows.")

    if options.header_row is not None:
        index = next((i for i, (n, _) in enumerate(first_rows) if n >= options.header_row), None)
        if index is None:
            raise ImportFileError(
                f"{info.path.name} has no row {options.header_row}; choose another header row."
            )
    else:
        index = find_header_row([cells for _, cells in first_rows])
        if not any(_filled(c) for c in first_rows[index][1]):
            # A file of one column: the header is the first row that has any text.
            filled = [i for i, (_, cells) in enumerate(first_rows) if _any_filled(cells)]
            if not filled:
                raise ImportFileError(f"{info.path.name} has no header row with column names.")
            index = filled[0]
    info.header_row = first_rows[index][0]
    info.title_rows = [
        " ".join(str(c).strip() for c in cells if _filled(c))
        for _, cells in first_rows[:index]
        if any(_filled(c) for c in cells)
    ]
    info.header, notes = distinct_headers(first_rows[index][1])
    info.notes.extend(notes)
    if info.title_rows:
        info.notes.append(f"{len(info.title_rows)} title row(s) above the header are skipped.")


class CsvReader:
    """Streams rows of delimited text with the line number each row starts on."""

    def __init__(self, path: Path, encoding: Encoding, delimiter: str) -> None:
        self.path = path
        self.encoding = encoding
        self.delimiter = delimiter

    def data_rows(self, after: int) -> Iterator[tuple[int, list[str]]]:
        """Yield (first line, cells) for rows that start after line ``after``."""
        name = self.path.name
        try:
            with self.path.open(encoding=self.encoding.codec, newline="") as handle:
                reader = csv.reader(handle, delimiter=self.delimiter, quotechar='"', strict=False)
                line = 1
                for cells in reader:
                    start, line = line, reader.line_num + 1
                    if start > after:
                        yield start, cells
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{name} is not {self.encoding.label} text (byte {exc.start} of a block cannot "
                "be decoded). Choose its encoding in the import, or save it as CSV UTF-8."
            ) from exc
        except csv.Error as exc:
            raise ImportFileError(f"{name} is not a valid delimited text file: {exc}.") from exc
        except ValueError as exc:
            # Raised for NUL characters in text read with a decoder that allows them.
            raise ImportFileError(f"{name} is not a valid text file: {exc}.") from exc


class JsonReader:
    """Reads a JSON list of records, or an object holding one under a usual key."""

    RECORD_KEYS = ("records", "data", "results", "items", "rows")

    def __init__(self, path: Path) -> None:
        self.path = path
        self._rows: list[list[Any]] | None = None

    def data_rows(self, after: int) -> Iterator[tuple[int, list[Any]]]:
        """Yield the header (row 1) and one row per record (rows 2...)."""
        rows = self._load()
        for number, cells in enumerate(rows, start=1):
            if number > after:
                yield number, cells

    def _load(self) -> list[list[Any]]:
        if self._rows is not None:
            return self._rows
        try:
            document = json.loads(self.path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ImportFileError(f"{self.path.name} is not valid JSON: {exc}.") from exc
        records = self._records(document)
        flat = [_flatten(record) for record in records]
        columns: dict[str, None] = {}
        for record in flat:
            columns.update(dict.fromkeys(record))
        header = list(columns)
        self._rows = [header] + [[record.get(c) for c in header] for record in flat]
        return self._rows

    def _records(self, document: Any) -> list[dict[str, Any]]:
        if isinstance(document, dict):
            for key in self.RECORD_KEYS:
                if isinstance(document.get(key), list):
                    document = document[key]
                    break
        if not isinstance(document, list) or not all(isinstance(r, dict) for r in document):
            raise ImportFileError(
                f"{self.path.name} is JSON but not a list of records; expected [{{...}}, ...] "
                f"or an object with one of {', '.join(self.RECORD_KEYS)}."
            )
        if not document:
            raise ImportFileError(f"{self.path.name} contains no records.")
        return document


def _flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Flatten nested objects into dotted keys; lists become JSON text."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def read_text_sample(path: Path, encoding: Encoding, limit: int = 64 * 1024) -> str:
    """Return the start of a text file decoded with ``encoding`` (for the raw preview)."""
    with path.open("rb") as handle:
        return handle.read(limit).decode(encoding.codec, errors="replace")
