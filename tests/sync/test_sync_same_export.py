"""Two teammates import the same CRM export, then sync: both copies are kept and flagged.

The server keys rows by UUID only, so each teammate's import is a separate
set of accounts and contacts with the same (source, external id). Every
client must store both sets, list them as possible duplicates, and keep
updating its own copy on a re-import.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select

from csm_desktop.importers.engine import ImportReport, run_import
from csm_desktop.importers.mapping import ImportSpec
from csm_desktop.services import contacts, privacy
from csm_desktop.store.models import Account, Contact
from csm_desktop.sync import state
from csm_desktop.sync.apply import PageApplyError
from csm_desktop.sync.duplicates import CRM_ID, open_pairs
from csm_server.schema import sync_record
from tests.sync.harness import Client, ServerProcess

ACCOUNTS_CSV = (
    "id,name,arr\nCRM-1,Acme,1000\nCRM-2,Globex,2000\nCRM-3,Initech,3000\nCRM-4,Umbrella,4000\n"
)
CONTACTS_CSV = "id,account,name\nP-1,CRM-1,Ana Ruiz\nP-2,CRM-3,Luis Gil\n"
ACCOUNT_COLUMNS = {"external_id": "id", "name": "name", "arr": "arr"}
CONTACT_COLUMNS = {"external_id": "id", "account": "account", "name": "name"}


def import_export(client: Client, folder: Path, accounts_csv: str = ACCOUNTS_CSV) -> ImportReport:
    """Import the accounts and contacts files of one export into ``client``'s database."""
    folder.mkdir(parents=True, exist_ok=True)
    accounts = folder / "accounts.csv"
    contacts = folder / "contacts.csv"
    accounts.write_text(accounts_csv, encoding="utf-8")
    contacts.write_text(CONTACTS_CSV, encoding="utf-8")
    report = run_import(client.db, accounts, ImportSpec("accounts", "crm", columns=ACCOUNT_COLUMNS))
    run_import(client.db, contacts, ImportSpec("contacts", "crm", columns=CONTACT_COLUMNS))
    return report


def ids(client: Client, model: type) -> set[uuid.UUID]:
    return {row.id for row in client.rows(model)}


def server_ids(server: ServerProcess, entity: str) -> set[uuid.UUID]:
    engine = server.admin_engine()
    with engine.connect() as conn:
        rows = conn.execute(select(sync_record.c.id).where(sync_record.c.entity == entity)).all()
    engine.dispose()
    return {row.id for row in rows}


def crm_pairs(client: Client) -> set[frozenset[uuid.UUID]]:
    return {
        frozenset((pair.first.id, pair.second.id))
        for pair in open_pairs(client.db)
        if CRM_ID in pair.reasons
    }


def count_by_key(client: Client) -> dict[str, int]:
    with client.db.session() as session:
        rows = session.execute(
            select(Account.external_id, func.count()).group_by(Account.external_id)
        ).all()
    return dict(rows)


@pytest.mark.parametrize("first", ["ann", "bob"])
def test_same_export_syncs_in_either_order(make_client, server, tmp_path, first) -> None:
    clients = {"ann": make_client("ann"), "bob": make_client("bob")}
    own = {}
    for name, client in clients.items():
        import_export(client, tmp_path / f"export-{name}")
        own[name] = ids(client, Account)
    second = "bob" if first == "ann" else "ann"

    clients[first].sync()
    clients[second].sync()
    clients[first].sync()

    expected = own["ann"] | own["bob"]
    assert len(expected) == 8
    assert server_ids(server, "account") == expected
    assert len(server_ids(server, "contact")) == 4
    for client in clients.values():
        assert ids(client, Account) == expected
        assert len(client.rows(Contact)) == 4
        assert count_by_key(client) == {f"CRM-{n}": 2 for n in range(1, 5)}
        pairs = crm_pairs(client)
        assert len(pairs) == 4
        assert all(len(pair & own["ann"]) == 1 for pair in pairs)
        assert all(len(pair & own["bob"]) == 1 for pair in pairs)


def test_reimport_after_sync_updates_own_copy(make_client, server, tmp_path) -> None:
    ann, bob = make_client("ann"), make_client("bob")
    import_export(ann, tmp_path / "export-ann")
    ann.sync()
    import_export(bob, tmp_path / "export-bob")
    bob_own = ids(bob, Account)
    bob.sync()

    changed = ACCOUNTS_CSV.replace("1000", "1500")
    report = import_export(bob, tmp_path / "export-bob-2", changed)
    bob.sync()
    ann.sync()

    counts = report.summary.counts("accounts")
    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 3)
    assert any("4 account id(s) match more than one" in note for note in report.notes)
    for client in (ann, bob):
        assert len(client.rows(Account)) == 8
        arr = {row.id: row.arr for row in client.rows(Account) if row.external_id == "CRM-1"}
        assert sorted(arr.values()) == [1000, 1500]
        updated = [row_id for row_id, value in arr.items() if value == 1500]
        assert updated[0] in bob_own
    assert len(server_ids(server, "account")) == 8


def test_constraint_failure_keeps_page(make_sqlite_client) -> None:
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    twin = ann.add_account("Twin")
    ann.sync()
    bob.add_account("Twin")
    # A local constraint the server does not have, standing in for any that can still collide.
    with bob.db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE UNIQUE INDEX test_unique_name ON account (name)")

    with pytest.raises(PageApplyError) as raised:
        bob.sync()

    error = raised.value
    assert error.entity == "account"
    assert error.row_id == str(twin)
    assert "UNIQUE constraint failed: account.name" in error.constraint
    assert str(twin) in str(error)
    with bob.db.engine.connect() as conn:
        assert state.get_value(conn, state.CURSOR) is None
    assert twin not in ids(bob, Account)

    with bob.db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX test_unique_name")
    bob.sync()
    assert twin in ids(bob, Account)
    assert len(bob.rows(Account)) == 2


def test_erased_contact_stays_erased_after_pull(make_sqlite_client) -> None:
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    account = ann.add_account("Acme")
    fields = contacts.ContactFields(name="Fay", email="fay@x.io", phone="555")
    contact = contacts.save_contact(ann.db, account, fields)
    ann.sync()
    bob.sync()
    privacy.erase_contact(bob.db, contact)
    bob.sync()
    ann.sync()
    ann.edit(Contact, contact, email="fay@new.io", phone="556", title="CFO")

    ann.sync()
    bob.sync()

    erased = bob.get(Contact, contact)
    assert erased.erased_at is not None
    assert erased.email is None
    assert erased.phone is None
    assert erased.title == "CFO"
