"""Reading files as they come: encodings, delimiters, title and total rows, odd headers, formats."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.tabular import ReadOptions, open_table

DATA = Path(__file__).parent / "data"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _rows(path: Path, **options) -> list[list[object]]:
    table = open_table(path, ReadOptions(**options))
    return [row.cells for row in table.rows()]


def test_utf8_with_bom_detected(tmp_path):
    path = _write(tmp_path, "a.csv", "\ufeffName,City\nÁlvaro,León\n")
    table = open_table(path)
    assert table.info.encoding.label == "UTF-8 with BOM"
    assert table.header == ["Name", "City"]
    assert _rows(path) == [["Álvaro", "León"]]


def test_windows_1252_detected(tmp_path):
    path = _write(tmp_path, "a.csv", "Nombre;Importe\nPeña “Sur”;1.234,56 €\n", "cp1252")
    table = open_table(path)
    assert table.info.encoding.codec == "cp1252"
    assert table.info.delimiter == ";"
    assert _rows(path) == [["Peña “Sur”", "1.234,56 €"]]


def test_latin1_control_bytes_still_read(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"name,note\nJos\xe9,x\x81y\n")
    table = open_table(path)
    assert table.info.encoding.codec != "utf-8"
    assert _rows(path)[0][0] == "José"


def test_encoding_override(tmp_path):
    path = _write(tmp_path, "a.csv", "name\nJosé\n", "cp1252")
    assert _rows(path, encoding="latin-1") == [["José"]]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_detected(tmp_path, delimiter):
    text = delimiter.join(["id", "name", "amount"]) + "\n"
    text += delimiter.join(["1", '"Acme, Inc; ltd"', "3"]) + "\n"
    text += delimiter.join(["2", "Beta", "4"]) + "\n"
    path = _write(tmp_path, "a.csv", text)
    assert open_table(path).info.delimiter == delimiter


def test_semicolon_with_decimal_commas(tmp_path):
    path = _write(tmp_path, "a.csv", "a;b;c\n1,5;2,5;3,5\n4,5;5,5;6,5\n")
    assert open_table(path).info.delimiter == ";"


def test_quoted_line_breaks_kept_whole(tmp_path):
    path = _write(tmp_path, "a.csv", 'id,note\r\n1,"line one\r\nline two"\r\n2,plain\r\n')
    table = open_table(path)
    rows = list(table.rows())
    assert rows[0].cells == ["1", "line one\r\nline two"]
    assert [r.number for r in rows] == [2, 4]


def test_title_rows_above_header(tmp_path):
    text = "Accounts report\nFiltered by: Owner = me\n\nName,ARR,Owner\nAcme,100,Ann\n"
    path = _write(tmp_path, "a.csv", text)
    table = open_table(path)
    assert table.header == ["Name", "ARR", "Owner"]
    assert table.info.header_row == 4
    assert table.info.title_rows == ["Accounts report", "Filtered by: Owner = me"]


def test_subtotal_and_footer_rows_skipped(tmp_path):
    text = (
        "Name,ARR,Owner\nAcme,100,Ann\nTotal Wine,50,Bo\nSubtotal,150,\n\n"
        "Grand Totals (2 records),150,\nConfidential Information - Do Not Distribute\n"
    )
    path = _write(tmp_path, "a.csv", text)
    table = open_table(path)
    names = [row.cells[0] for row in table.rows()]
    assert names == ["Acme", "Total Wine"]
    assert table.counters.summary == 3
    assert table.counters.blank == 1


def test_delimiter_only_rows_counted(tmp_path):
    path = _write(tmp_path, "a.csv", "a;b;c\n1;2;3\n;;\n;;\n4;5;6\n")
    table = open_table(path)
    assert len(list(table.rows())) == 2
    assert table.counters.blank == 2


def test_duplicate_and_blank_headers_made_distinct(tmp_path):
    path = _write(tmp_path, "a.csv", "Email,,Email,Name,\n1,2,3,4,5\n")
    table = open_table(path)
    assert table.header == ["Email", "Column 2", "Email (2)", "Name", "Column 5"]
    assert len(table.info.notes) == 3


def test_ragged_rows_read(tmp_path):
    source = DATA / "salesforce-lwc-recipes" / "Accounts-Contacts.csv"
    table = open_table(source)
    rows = list(table.rows())
    assert table.header[0] == "Account: Account Name"
    assert len(rows) == 14
    assert sum(1 for r in rows if len(r.cells) == 3) == 8


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body><table><tr><td>x</td></tr></table></body></html>", "web page"),
        (b"%PDF-1.4\n...", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "97-2003"),
        (b"\x00\x01\x02binary\x00junk" * 20, "binary"),
        (b"", "empty"),
        (b"PK\x03\x04 not really a zip", "Excel workbook"),
    ],
)
def test_files_not_what_they_claim(tmp_path, content, message):
    path = tmp_path / "report.xls"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        open_table(path)


def test_csv_named_xlsx_noted(tmp_path):
    path = _write(tmp_path, "data.xlsx", "a,b\n1,2\n")
    table = open_table(path)
    assert table.info.format == "csv"
    assert any("named .xlsx" in note for note in table.info.notes)


def test_xlsx_typed_cells(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Cuentas"
    sheet.append(["Informe"])
    sheet.append([])
    sheet.append(["Nombre", "ARR", "Renovación", "Activo", "Código"])
    sheet.append(["Acme", 1234.5, datetime(2025, 3, 1), True, "00123"])
    path = tmp_path / "cuentas.xlsx"
    workbook.save(path)

    table = open_table(path)
    assert table.info.sheet == "Cuentas"
    assert table.info.header_row == 3
    assert table.header == ["Nombre", "ARR", "Renovación", "Activo", "Código"]
    assert [r.cells for r in table.rows()] == [
        ["Acme", 1234.5, datetime(2025, 3, 1), True, "00123"]
    ]


def test_json_records_flattened():
    table = open_table(DATA / "salesforce-lwc-recipes" / "Contacts.json")
    assert table.header[:3] == ["attributes.type", "attributes.referenceId", "AccountId"]
    rows = list(table.rows())
    assert len(rows) == 6
    assert rows[0].cells[2] == "@AccountRef1"


def test_json_not_records(tmp_path):
    path = _write(tmp_path, "a.json", '{"name": 1}')
    with pytest.raises(ImportFileError, match="not a list of records"):
        open_table(path)


def test_utf16_tab_text(tmp_path):
    path = tmp_path / "excel-unicode.txt"
    path.write_bytes("Name\tCity\r\nÁlvaro\tLeón\r\n".encode("utf-16"))
    table = open_table(path)
    assert table.info.delimiter == "\t"
    assert [r.cells for r in table.rows()] == [["Álvaro", "León"]]
