"""Recognising what a file is: its format, text encoding, delimiter and header row.

Every decision is made from the bytes, not the file name, and is returned
with a label the wizard shows, so a wrong guess is visible and can be
overridden. Files that are not what their name claims (an HTML page saved
as .xls, a PDF, an old binary .xls) raise ``ImportFileError`` naming the fix.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from csm_desktop.importers.csvfile import ImportFileError

log = logging.getLogger(__name__)

SAMPLE_BYTES = 256 * 1024
DELIMITERS = (",", ";", "\t", "|")
# Bytes 0x80-0x9F that Windows-1252 leaves undefined; in a real Windows-1252
# file they never occur, so their presence points to another code page.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass(frozen=True)
class Encoding:
    """A text encoding: the codec name Python uses and the name shown to the user."""

    codec: str
    label: str


UTF8 = Encoding("utf-8", "UTF-8")
UTF8_BOM = Encoding("utf-8-sig", "UTF-8 with BOM")
WINDOWS_1252 = Encoding("cp1252", "Windows-1252")
LATIN_1 = Encoding("latin-1", "ISO-8859-1 (Latin-1)")
ENCODINGS = {e.codec: e for e in (UTF8, UTF8_BOM, WINDOWS_1252, LATIN_1)}


def detect_format(path: Path, head: bytes) -> str:
    """Return "csv", "xlsx" or "json" from the first bytes, or raise ``ImportFileError``."""
    name = path.name
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            f"{name} is an Excel 97-2003 workbook (.xls), which cannot be read. "
            "Open it in Excel and save it as .xlsx or CSV UTF-8."
        )
    if head.startswith(b"%PDF"):
        raise ImportFileError(f"{name} is a PDF document, not a table. Export the data as CSV.")
    stripped = _decode_head(head).lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("{", "["):
        return "json"
    if re.match(r"<(!doctype|html|table|\?xml)", stripped[:40], re.IGNORECASE):
        raise ImportFileError(
            f"{name} is a web page or XML file although it may be named .xls or .csv "
            "(Salesforce and some CRMs save reports this way). Export the report as CSV "
            "or as .xlsx and import that file."
        )
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            f"{name} is a binary file, not text or an Excel workbook. Export the data as CSV."
        )
    return "csv"


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.decode("latin-1")


def detect_encoding(sample: bytes, *, complete: bool) -> Encoding:
    """Detect the encoding of a sample of a text file.

    A BOM decides. Otherwise valid UTF-8 is UTF-8 (a multi-byte character cut
    at the end of a partial sample is allowed). Anything else is read as
    Windows-1252, which also covers ISO-8859-1 text, unless bytes that
    Windows-1252 leaves undefined appear, which point to Latin-1. Other code
    pages (Mac Roman, DOS 850) are not told apart on short samples, so the
    user picks them in the wizard or with ``--encoding``.
    """
    if sample.startswith(b"\xef\xbb\xbf"):
        return UTF8_BOM
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Encoding("utf-16", "UTF-16")
    try:
        sample.decode("utf-8")
        return UTF8
    except UnicodeDecodeError as exc:
        if not complete and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return UTF8
    if any(byte in _CP1252_UNDEFINED for byte in sample):
        return LATIN_1
    return WINDOWS_1252


def detect_delimiter(text: str) -> str:
    """Pick the delimiter that splits the sample into the most consistent field counts.

    Each candidate parses the sample with the csv module (so quoted
    delimiters and line breaks are respected); the winner gives the largest
    share of rows with the same field count above one. A file of one column
    has no delimiter to find and is read with a comma.
    """
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        widths = _row_widths(text, delimiter)
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        if width < 2:
            continue
        score = (count / len(widths), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _row_widths(text: str, delimiter: str) -> list[int]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', strict=False)
    widths = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                widths.append(len(row))
            if len(widths) >= 200:
                break
    except csv.Error:
        # The sample may end inside a quoted field; the rows read so far still count.
        pass
    # The sample's last line may be cut off mid-row.
    return widths[:-1] if len(widths) > 2 else widths


def find_header_row(rows: list[list[str]]) -> int:
    """Return the index of the header among the first rows, skipping title rows above it.

    Report exports put a title, filter description and blank lines above the
    header. The header is the first row that fills at least half of the
    usual row width, has at least two cells, and is mostly text.
    """
    filled = [sum(1 for c in row if _text(c)) for row in rows]
    candidates = [n for n in filled if n >= 2]
    if not candidates:
        return 0
    usual = Counter(candidates).most_common(1)[0][0]
    for index, row in enumerate(rows):
        count = filled[index]
        if count < max(2, (usual + 1) // 2):
            continue
        texts = [_text(c) for c in row if _text(c)]
        numeric = sum(1 for t in texts if re.fullmatch(r"[-+]?[\d.,\s%$€£]+", t))
        if numeric <= len(texts) // 2:
            return index
    return 0


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


_SUMMARY_RE = re.compile(
    r"^(grand\s+totals?|sub-?totals?|totals?|total\s+general|suma(\s+total)?|recuento|"
    r"count|sum|average|promedio|media)(\s*[:(]|\s*$|\s+\(|\s+\d)",
    re.IGNORECASE,
)
_FOOTER_RE = re.compile(
    r"^(confidential information|copyright \(c\)|generated by:|informaci[oó]n confidencial)",
    re.IGNORECASE,
)


def is_summary_row(cells: list[object], header_width: int) -> bool:
    """True for a subtotal, grand total or report footer row (never for a full data row).

    The first filled cell must read like "Total", "Subtotal (3)", "Grand
    Totals (14 records)", "Total general" or a Salesforce footer, and the row
    must leave some columns empty, so an account named "Total Wine" survives.
    """
    first = next((t for t in map(_text, cells) if t), "")
    if not first or first[0].isdigit():
        return False
    if _FOOTER_RE.match(first):
        return True
    if not _SUMMARY_RE.match(first):
        return False
    filled = sum(1 for cell in cells if _text(cell))
    return filled < max(header_width, 2)


def distinct_headers(names: list[object]) -> tuple[list[str], list[str]]:
    """Make header names unique and non-blank; return them and notes on what changed.

    A blank header becomes "Column N" (N counts from 1); a repeated name gets
    " (2)", " (3)" in order of appearance. A BOM or surrounding space is removed.
    """
    notes: list[str] = []
    result: list[str] = []
    seen: Counter[str] = Counter()
    for position, raw in enumerate(names, start=1):
        name = _text(raw).lstrip("\ufeff").strip()
        if not name:
            name = f"Column {position}"
            notes.append(f"column {position} has no header and is called {name!r}")
        seen[name.casefold()] += 1
        if seen[name.casefold()] > 1:
            renamed = f"{name} ({seen[name.casefold()]})"
            notes.append(f"column {position} repeats the header {name!r} and is called {renamed!r}")
            name = renamed
        result.append(name)
    return result, notes
