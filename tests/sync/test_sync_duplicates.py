"""Possible duplicate accounts after a first sync: flagged in the inbox, never merged."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, insert, select

from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.sync.duplicates import DOMAIN, NAME
from csm_desktop.ui.sync_conflicts import ConflictsDialog
from csm_server.schema import sync_record
from tests.sync.harness import Client, ServerProcess


class FakeMainWindow(QWidget):
    """Records the accounts the inbox requests to open, as the main window's slot would."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[uuid.UUID] = []

    @Slot(object)
    def open_account(self, account_id: uuid.UUID) -> None:
        self.opened.append(account_id)


def server_count(server: ServerProcess, entity: str) -> int:
    engine = server.admin_engine()
    with engine.connect() as conn:
        count = conn.execute(
            select(func.count()).select_from(sync_record).where(sync_record.c.entity == entity)
        ).scalar_one()
    engine.dispose()
    return count


def pair_ids(inbox: ConflictsDialog) -> dict[frozenset[uuid.UUID], tuple[str, ...]]:
    return {
        frozenset((pair.first.id, pair.second.id)): pair.reasons for pair in inbox.duplicates.pairs
    }


def row_of(inbox: ConflictsDialog, account_id: uuid.UUID) -> int:
    """Return the duplicates table row of the pair that contains ``account_id``."""
    for row, pair in enumerate(inbox.duplicates.pairs):
        if account_id in (pair.first.id, pair.second.id):
            return row
    raise AssertionError(f"no pair contains account {account_id}")


def open_inbox(qtbot: QtBot, client: Client) -> ConflictsDialog:
    return loaded_inbox(qtbot, client.db)


def loaded_inbox(qtbot: QtBot, db: Database, parent=None) -> ConflictsDialog:
    """Open the inbox and wait until the duplicates, found in the background, are shown."""
    inbox = ConflictsDialog(db, parent)
    if parent is None:
        qtbot.addWidget(inbox)
    with qtbot.waitSignal(inbox.duplicates.reloaded, timeout=10_000):
        pass
    return inbox


def add_account(db: Database, name: str, **values) -> uuid.UUID:
    with db.session() as session:
        account = Account(name=name, **values)
        session.add(account)
        session.flush()
        return account.id


def test_first_sync_flags_duplicates(qtbot: QtBot, server: ServerProcess, make_client) -> None:
    ann, bob = make_client("ann"), make_client("bob")
    bob_ids = [
        bob.add_account(f"Bob account {number}", domain=f"bob{number}.example")
        for number in range(30)
    ]
    bob.sync()
    # Ann's 20 accounts existed before she enabled sync; two are customers Bob also has.
    with ann.db.session() as session:
        session.execute(insert(Account), [{"name": f"Ann account {n}"} for n in range(18)])
    same_name = ann.add_account("BOB Account 3, Inc.", owner="Ann")
    same_domain = ann.add_account("Seventh customer", domain="https://www.Bob7.example/contact")
    ann_ids = {row.id for row in ann.rows(Account)}

    first = ann.sync()

    assert first.pushed == {"applied": 20}
    assert server_count(server, "account") == 50
    assert len(ann.rows(Account)) == 50
    assert ann_ids <= {row.id for row in ann.rows(Account)}
    inbox = open_inbox(qtbot, ann)
    assert inbox.items == []
    assert pair_ids(inbox) == {
        frozenset((same_name, bob_ids[3])): (NAME,),
        frozenset((same_domain, bob_ids[7])): (DOMAIN,),
    }
    assert inbox.tabs.tabText(1) == "Possible duplicates (2)"
    name_row = row_of(inbox, same_name)
    cells = [inbox.duplicates.table.item(name_row, column).text() for column in range(7)]
    assert sorted([cells[0], cells[3]]) == ["BOB Account 3, Inc.", "Bob account 3"]
    assert sorted([cells[1], cells[4]]) == ["", "Ann"]
    assert cells[6] == "name"

    inbox.duplicates.select_row(row_of(inbox, same_domain))
    with qtbot.waitSignal(inbox.duplicates.reloaded, timeout=10_000):
        qtbot.mouseClick(inbox.duplicates.not_duplicates_button, Qt.MouseButton.LeftButton)

    assert pair_ids(inbox) == {frozenset((same_name, bob_ids[3])): (NAME,)}
    assert inbox.tabs.tabText(1) == "Possible duplicates (1)"
    ann.reopen()
    reopened = open_inbox(qtbot, ann)
    assert pair_ids(reopened) == {frozenset((same_name, bob_ids[3])): (NAME,)}
    # Dismissals are local: Bob's inbox still lists the pair Ann dismissed. Ann's own account is
    # outside his pull scope, so he has 49 accounts and no name pair.
    bob.sync()
    assert len(bob.rows(Account)) == 49
    assert pair_ids(open_inbox(qtbot, bob)) == {frozenset((same_domain, bob_ids[7])): (DOMAIN,)}


def test_open_asks_main_window(qtbot: QtBot, db: Database) -> None:
    first = add_account(db, "Initech", domain="initech.com")
    second = add_account(db, "Initech LLC")
    window = FakeMainWindow()
    qtbot.addWidget(window)

    inbox = loaded_inbox(qtbot, db, window)
    assert not inbox.duplicates.open_first_button.isEnabled()
    inbox.duplicates.select_row(0)
    assert inbox.duplicates.open_first_button.isEnabled()
    pair = inbox.duplicates.pairs[0]
    qtbot.mouseClick(inbox.duplicates.open_first_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(inbox.duplicates.open_second_button, Qt.MouseButton.LeftButton)

    assert window.opened == [pair.first.id, pair.second.id]
    assert {pair.first.id, pair.second.id} == {first, second}


def test_deleted_account_not_flagged(qtbot: QtBot, db: Database) -> None:
    add_account(db, "Initech")
    deleted_id = add_account(db, "Initech Inc.")
    inbox = loaded_inbox(qtbot, db)
    assert len(inbox.duplicates.pairs) == 1

    with db.session() as session:
        session.get(Account, deleted_id).deleted_at = datetime.now(UTC)
    with qtbot.waitSignal(inbox.duplicates.reloaded, timeout=10_000):
        inbox.reload()

    assert inbox.duplicates.pairs == []
    assert inbox.duplicates.summary.text() == "No possible duplicate accounts."
