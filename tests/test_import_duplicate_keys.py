"""Imports when team sync has brought several rows with one (source, external id).

Since migration 0013 accounts and contacts may share a key. A re-import
then updates one row per key, the same one every time, and never inserts
a third copy.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, update

from csm_desktop.importers.engine import run_import
from csm_desktop.importers.mapping import ImportSpec
from csm_desktop.importers.resolve import AccountIndex, LookupIndex
from csm_desktop.importers.summary import EntityCounts
from csm_desktop.importers.upsert import upsert_rows
from csm_desktop.store.database import Database, open_database
from csm_desktop.store.models import Account, Contact

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "db"
ACCOUNTS_CSV = "id,name,arr\nC-1,Acme,1000\nC-2,Globex,2000\nC-3,Initech,3000\n"
ACCOUNT_SPEC = {"external_id": "id", "name": "name", "arr": "arr"}
LATER = datetime(2030, 1, 1, tzinfo=UTC)


def write_csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def import_accounts(db: Database, path: Path):
    return run_import(db, path, ImportSpec("accounts", "crm", columns=dict(ACCOUNT_SPEC)))


def add_copy(
    db: Database, model: type, external_id: str, created_at: datetime, **values
) -> uuid.UUID:
    """Insert a row with the key of an imported one, as a pull of a teammate's import does."""
    row_id = uuid.uuid4()
    with db.session() as session:
        session.execute(
            insert(model),
            [
                {
                    "id": row_id,
                    "source": "crm",
                    "external_id": external_id,
                    "created_at": created_at,
                    "updated_at": created_at,
                    **values,
                }
            ],
        )
    return row_id


def accounts_by_key(db: Database) -> dict[str, list[Account]]:
    found: dict[str, list[Account]] = {}
    with db.session() as session:
        query = select(Account).order_by(Account.created_at)
        for account in session.scalars(query):
            found.setdefault(account.external_id, []).append(account)
    return found


def test_reimport_updates_oldest_copy(db, tmp_path):
    import_accounts(db, write_csv(tmp_path, "a.csv", ACCOUNTS_CSV))
    first_ids = {key: rows[0].id for key, rows in accounts_by_key(db).items()}
    copy_1 = add_copy(db, Account, "C-1", LATER, name="Acme (Bob)", arr=Decimal(1000))
    copy_2 = add_copy(db, Account, "C-2", LATER, name="Globex (Bob)", arr=Decimal(2000))

    changed = ACCOUNTS_CSV.replace("1000", "1500").replace("2000", "2500")
    report = import_accounts(db, write_csv(tmp_path, "b.csv", changed))

    counts = report.summary.counts("accounts")
    assert (counts.created, counts.updated, counts.unchanged) == (0, 2, 1)
    rows = accounts_by_key(db)
    assert [len(rows[key]) for key in ("C-1", "C-2", "C-3")] == [2, 2, 1]
    assert {key: found[0].id for key, found in rows.items()} == first_ids
    assert rows["C-1"][0].arr == Decimal(1500)
    assert rows["C-1"][1].id == copy_1
    assert rows["C-1"][1].arr == Decimal(1000)
    assert rows["C-2"][1].id == copy_2
    assert rows["C-2"][1].arr == Decimal(2000)
    assert any("2 account id(s) match more than one" in note for note in report.notes)
    assert any("Possible duplicates" in note for note in report.notes)


def test_reimport_twice_changes_nothing(db, tmp_path):
    path = write_csv(tmp_path, "a.csv", ACCOUNTS_CSV)
    import_accounts(db, path)
    add_copy(db, Account, "C-1", LATER, name="Acme (Bob)")

    again = import_accounts(db, path)

    counts = again.summary.counts("accounts")
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 3)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 4


def test_reimport_skips_deleted_copy(db, tmp_path):
    import_accounts(db, write_csv(tmp_path, "a.csv", ACCOUNTS_CSV))
    live_copy = add_copy(db, Account, "C-1", LATER, name="Acme (Bob)")
    with db.session() as session:
        session.execute(
            update(Account)
            .where(Account.external_id == "C-1", Account.id != live_copy)
            .values(deleted_at=LATER)
        )

    report = import_accounts(db, write_csv(tmp_path, "b.csv", ACCOUNTS_CSV.replace("1000", "1700")))

    assert report.summary.counts("accounts").updated == 1
    assert report.rejected_rows == 0
    assert not any("match more than one" in note for note in report.notes)
    with db.session() as session:
        assert session.get(Account, live_copy).arr == Decimal(1700)


def test_same_created_at_picks_smaller_id(db, tmp_path):
    created = datetime(2025, 1, 1, tzinfo=UTC)
    names = {add_copy(db, Account, "C-9", created, name=f"Copy {n}"): f"Copy {n}" for n in range(3)}

    report = import_accounts(db, write_csv(tmp_path, "a.csv", "id,name,arr\nC-9,Renamed,10\n"))

    assert report.summary.counts("accounts").updated == 1
    with db.session() as session:
        stored = {row.id: row.name for row in session.scalars(select(Account))}
    assert stored == {**names, min(names): "Renamed"}


def test_contact_refs_resolve_to_oldest_account(db, tmp_path):
    import_accounts(db, write_csv(tmp_path, "a.csv", ACCOUNTS_CSV))
    oldest = accounts_by_key(db)["C-1"][0].id
    add_copy(db, Account, "C-1", LATER, name="Acme (Bob)")
    contacts = write_csv(tmp_path, "c.csv", "id,account,name\nP-1,C-1,Ana\nP-2,C-1,Luis\n")
    spec = ImportSpec(
        "contacts", "crm", columns={"external_id": "id", "account": "account", "name": "name"}
    )

    report = run_import(db, contacts, spec)

    assert report.rejected_rows == 0
    with db.session() as session:
        owners = set(session.scalars(select(Contact.account_id)))
    assert owners == {oldest}


def test_contact_reimport_updates_oldest_copy(db, tmp_path):
    import_accounts(db, write_csv(tmp_path, "a.csv", ACCOUNTS_CSV))
    account = accounts_by_key(db)["C-1"][0].id
    spec = ImportSpec(
        "contacts", "crm", columns={"external_id": "id", "account": "account", "name": "name"}
    )
    run_import(db, write_csv(tmp_path, "c.csv", "id,account,name\nP-1,C-1,Ana\n"), spec)
    copy = add_copy(db, Contact, "P-1", LATER, name="Ana (Bob)", account_id=account, roles=[])

    report = run_import(
        db, write_csv(tmp_path, "d.csv", "id,account,name\nP-1,C-1,Ana Ruiz\n"), spec
    )

    counts = report.summary.counts("contacts")
    assert (counts.created, counts.updated) == (0, 1)
    assert any("1 contact id(s) match more than one" in note for note in report.notes)
    with db.session() as session:
        names = {row.id: row.name for row in session.scalars(select(Contact))}
    assert names[copy] == "Ana (Bob)"
    assert sorted(names.values()) == ["Ana (Bob)", "Ana Ruiz"]


def test_indexes_pick_oldest_live_row(db, tmp_path):
    import_accounts(db, write_csv(tmp_path, "a.csv", ACCOUNTS_CSV))
    oldest = accounts_by_key(db)["C-2"][0].id
    add_copy(db, Account, "C-2", LATER, name="Globex (Bob)")
    add_copy(db, Account, "C-2", LATER - timedelta(days=1), name="Globex (Cora)")

    with db.session() as session:
        index = AccountIndex.load(session, "crm")
        contacts = LookupIndex.contacts(session, "crm")

    assert index.find("C-2", "external_id") == oldest
    assert contacts.by_key == {}


def test_upsert_rows_updates_oldest_copy(db):
    with db.session() as session:
        upsert_rows(
            session, Account, "crm", [{"external_id": "C-1", "name": "Acme"}], EntityCounts()
        )
    with db.session() as session:
        oldest = session.scalar(select(Account.id))
    copy = add_copy(db, Account, "C-1", LATER, name="Acme (Bob)")

    counts = EntityCounts()
    with db.session() as session:
        result = upsert_rows(
            session, Account, "crm", [{"external_id": "C-1", "name": "Acme 2"}], counts
        )

    assert result.ids == {"C-1": oldest}
    assert result.shared_keys == 1
    assert (counts.created, counts.updated) == (0, 1)
    with db.session() as session:
        assert session.get(Account, oldest).name == "Acme 2"
        assert session.get(Account, copy).name == "Acme (Bob)"


@pytest.mark.parametrize("revision", ["0001_initial", "0012_duplicate_dismissals"])
def test_migration_allows_shared_keys(revision, tmp_path):
    path = tmp_path / "portfolio.sqlite"
    shutil.copy(FIXTURE_DIR / f"{revision}.sqlite", path)
    old = sqlite3.connect(path)
    old_accounts = old.execute(
        "SELECT id, name, source, external_id FROM account ORDER BY id"
    ).fetchall()
    old_contacts = old.execute("SELECT id, account_id, name FROM contact ORDER BY id").fetchall()
    old.close()

    db = open_database(path)
    with db.engine.connect() as conn:
        accounts = conn.exec_driver_sql(
            "SELECT id, name, source, external_id FROM account ORDER BY id"
        ).fetchall()
        contacts = conn.exec_driver_sql(
            "SELECT id, account_id, name FROM contact ORDER BY id"
        ).fetchall()
    assert accounts == old_accounts
    assert contacts == old_contacts
    assert any(row[3] for row in accounts)

    source, external_id = accounts[0][2], accounts[0][3]
    copy = add_copy(db, Account, external_id, LATER, name="Second copy")
    with db.session() as session:
        session.execute(update(Account).where(Account.id == copy).values(source=source))
        contact_key = session.execute(select(Contact.account_id)).first()
    add_copy(db, Contact, "P-1", LATER, name="One", account_id=contact_key[0], roles=[])
    add_copy(db, Contact, "P-1", LATER, name="Two", account_id=contact_key[0], roles=[])

    with db.session() as session:
        shared = session.scalar(
            select(func.count()).where(Account.source == source, Account.external_id == external_id)
        )
        contacts_shared = session.scalar(select(func.count()).where(Contact.external_id == "P-1"))
    assert shared == 2
    assert contacts_shared == 2
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        names = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"ix_account_source_ext", "ix_contact_source_ext"} <= names
    assert not {"uq_account_source_ext", "uq_contact_source_ext"} & names
    db.dispose()
