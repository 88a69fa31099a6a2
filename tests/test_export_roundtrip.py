"""Export to CSV, Excel and the JSON archive, and reading each back without loss."""

from __future__ import annotations

import csv
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from csm_desktop.exporters.archive import export_archive, import_archive
from csm_desktop.exporters.sheets import export_csv, export_xlsx
from csm_desktop.exporters.tables import iter_rows
from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.engine import run_import
from csm_desktop.importers.mapping import ImportSpec
from csm_desktop.store.database import open_database
from csm_desktop.store.models import Account, Base, Contact, Invoice, SurveyResponse

TRICKY = [
    '=HYPERLINK("http://x")',
    "+34 600 111 222",
    "-minus",
    "@SUM(A1)",
    "\tTab",
    "'quoted",
    "Peña & Hijos, S.L.",
    "multi\nline",
    "plain",
]


@pytest.fixture
def full_db(seeded_db, db):
    """The seeded portfolio plus contacts, invoices, a survey and a tombstoned account."""
    with db.session() as session:
        account_id = seeded_db["Acme Robotics"]
        for number, text in enumerate(TRICKY):
            session.add(
                Contact(
                    account_id=account_id,
                    name=text,
                    email=f"c{number}@x.es",
                    phone="0034600111222",
                    source="crm",
                    external_id=f"00{number}",
                )
            )
        session.add(
            Invoice(
                account_id=account_id,
                amount=Decimal("1234.5678"),
                currency="EUR",
                issued_on=date(2024, 1, 31),
                status="paid",
            )
        )
        session.add(
            SurveyResponse(
                account_id=account_id,
                responded_on=date(2024, 5, 1),
                kind="nps",
                score=9.0,
                verbatim="¡Genial! 😀",
            )
        )
        session.add(
            Account(
                name="Gone Ltd",
                deleted_at=datetime(2024, 3, 1, tzinfo=UTC),
                tags=["vip", "es"],
                arr=Decimal("0.0001"),
            )
        )
    return db


def _snapshot(db) -> dict[str, list[dict]]:
    with db.session() as session:
        return {
            table.name: list(iter_rows(session, table, include_deleted=True))
            for table in Base.metadata.sorted_tables
        }


def test_archive_round_trip_lossless(full_db, tmp_path):
    archive = tmp_path / "all.json"
    counts = export_archive(full_db, archive)
    assert counts["contact"] == len(TRICKY)

    empty = open_database(tmp_path / "restored.sqlite")
    try:
        import_archive(empty, archive)
        assert _snapshot(empty) == _snapshot(full_db)
    finally:
        empty.dispose()


def test_archive_refuses_non_empty_database(full_db, tmp_path):
    archive = tmp_path / "all.json"
    export_archive(full_db, archive)
    with pytest.raises(ImportFileError, match="already holds data"):
        import_archive(full_db, archive)


def test_archive_rejects_other_json(db, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"records": []}', encoding="utf-8")
    with pytest.raises(ImportFileError, match="not a CSM Desktop archive"):
        import_archive(db, path)


def test_csv_has_bom_and_guards_formulas(full_db, tmp_path):
    path = tmp_path / "contacts.csv"
    assert export_csv(full_db, "contacts", path) == len(TRICKY)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = [row["name"] for row in rows]
    assert not any(name.startswith(("=", "+", "-", "@", "\t")) for name in names)
    assert '\'=HYPERLINK("http://x")' in names
    assert "''quoted" in names
    assert {row["external_id"] for row in rows} >= {"000", "008"}


def test_csv_numbers_stay_numbers(full_db, tmp_path):
    path = tmp_path / "invoices.csv"
    export_csv(full_db, "invoices", path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["amount"] == "1234.5678"
    assert row["issued_on"] == "2024-01-31"


def test_csv_without_bom(full_db, tmp_path):
    path = tmp_path / "accounts.csv"
    export_csv(full_db, "accounts", path, bom=False)
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_reimport_restores_text(full_db, tmp_path, db_factory):
    path = tmp_path / "contacts.csv"
    export_csv(full_db, "contacts", path)
    accounts = tmp_path / "accounts.csv"
    export_csv(full_db, "accounts", accounts)
    target = db_factory()
    run_import(
        target,
        accounts,
        ImportSpec("accounts", "backup", columns={"external_id": "id", "name": "name"}),
    )
    spec = ImportSpec(
        "contacts",
        "backup",
        columns={
            "external_id": "external_id",
            "account": "account_id",
            "name": "name",
            "phone": "phone",
        },
    )
    report = run_import(target, path, spec)
    assert report.rejected_rows == 0
    with target.session() as session:
        names = set(session.scalars(select(Contact.name)))
        phones = set(session.scalars(select(Contact.phone)))
    assert names == set(TRICKY)
    assert phones == {"0034600111222"}


def test_xlsx_keeps_text_and_types(full_db, tmp_path):
    path = tmp_path / "contacts.xlsx"
    export_xlsx(full_db, "contacts", path)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    name_column = header.index("name")
    cells = [row[name_column] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in cells} == set(TRICKY)
    assert all(c.data_type == "s" for c in cells)

    invoices = tmp_path / "invoices.xlsx"
    export_xlsx(full_db, "invoices", invoices)
    sheet = load_workbook(invoices).active
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[2]]
    assert row[header.index("amount")] == pytest.approx(1234.5678)
    assert isinstance(row[header.index("issued_on")], datetime)


def test_unknown_entity_rejected(db, tmp_path):
    with pytest.raises(ValueError, match="unknown entity"):
        export_csv(db, "planets", tmp_path / "p.csv")


@pytest.fixture
def db_factory(tmp_path):
    opened = []

    def make():
        database = open_database(tmp_path / f"{uuid.uuid4().hex}.sqlite")
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.dispose()
