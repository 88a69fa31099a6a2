"""Random bytes and random CSV shapes never crash the importer nor leave a partial import."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.engine import run_import
from csm_desktop.importers.mapping import ImportSpec, suggest_columns
from csm_desktop.importers.tabular import open_table
from csm_desktop.store.models import Account

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "1.234,56",
            "1,234.56",
            "03/04/2025",
            "15/04/2025",
            "TRUE",
            "sí",
            "=1+1",
            "",
            " ",
            "Total",
            '"',
            "\n",
            "€ 5",
            "0012",
        ]
    ),
)


def _accounts(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Account))


def _attempt(db, path: Path, spec: ImportSpec | None) -> None:
    """Import and accept only a report or a clean ImportFileError; check all-or-nothing."""
    before = _accounts(db)
    try:
        if spec is None:
            header = open_table(path).header
            columns = suggest_columns("accounts", header)
            if "name" not in columns:
                columns = {k: v for k, v in columns.items() if v != header[0]}
                columns["name"] = header[0]
            spec = ImportSpec("accounts", "fuzz", columns=columns)
        report = run_import(db, path, spec)
    except ImportFileError:
        assert _accounts(db) == before
        return
    created = report.summary.counts("accounts").created
    assert _accounts(db) == before + created


@given(st.binary(max_size=2_000))
@SETTINGS
def test_random_bytes_never_crash(db, tmp_path, data):
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    _attempt(db, path, None)


@given(
    header=st.lists(
        st.sampled_from(["id", "name", "Nombre", "ARR", "Renewal", "", "name", "x"]),
        min_size=1,
        max_size=6,
    ),
    rows=st.lists(st.lists(CELL, max_size=8), max_size=25),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
@SETTINGS
def test_random_csv_shapes_all_or_nothing(db, tmp_path, header, rows, delimiter, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "shape.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    _attempt(db, path, None)


@given(rows=st.lists(st.tuples(st.text(min_size=1, max_size=10), CELL), min_size=1, max_size=20))
@SETTINGS
def test_failure_mid_import_rolls_back(db, tmp_path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", "arr"])
    writer.writerows(rows)
    path = tmp_path / "rows.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    spec = ImportSpec("accounts", "fuzz", columns={"name": "name", "arr": "arr"})
    _attempt(db, path, spec)
