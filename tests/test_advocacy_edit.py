"""Editing and deleting advocacy records, in the service and in the Advocacy tab."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from csm_desktop.services.advocacy import (
    AdvocacyNotFoundError,
    InvalidAdvocacyError,
    add_advocacy,
    delete_advocacy,
    list_advocacy,
    update_advocacy,
)
from csm_desktop.services.contacts import ContactFields, list_contacts, save_contact
from csm_desktop.store.database import Database
from csm_desktop.store.workspace_models import AdvocacyRecord
from csm_desktop.ui.account_advocacy import AdvocacyTab
from tests.editing import NO, TODAY, YES, FakeQuestions, button_text


@pytest.fixture
def account(seeded_db: dict[str, uuid.UUID]) -> uuid.UUID:
    """The account these tests work on, in place of conftest's."""
    return seeded_db["Blue Harbor"]


def stored(db: Database, record_id: uuid.UUID) -> AdvocacyRecord:
    with db.session() as session:
        record = session.get(AdvocacyRecord, record_id)
        session.expunge(record)
    return record


def open_tab(qtbot: QtBot, db: Database, account_id: uuid.UUID) -> AdvocacyTab:
    tab = AdvocacyTab(db)
    qtbot.addWidget(tab)
    with db.session() as session:
        rows = list_advocacy(session, account_id)
        contacts = list_contacts(session, account_id)
    tab.set_account(account_id, rows, contacts, TODAY)
    tab.show()
    return tab


# Service


def test_update_advocacy_round_trip(db: Database, account: uuid.UUID) -> None:
    dana = save_contact(db, account, ContactFields(name="Dana Ruiz"))
    record_id = add_advocacy(db, account, "reference", notes="Happy to talk")

    update_advocacy(
        db,
        record_id,
        "case_study",
        status="in_progress",
        occurred_on=date(2025, 2, 14),
        contact_id=dana,
        notes="  Draft with marketing ",
    )

    with db.session() as session:
        (row,) = list_advocacy(session, account)
    assert row.record_id == record_id
    assert row.kind == "case_study"
    assert row.status == "in_progress"
    assert row.occurred_on == date(2025, 2, 14)
    assert row.contact_id == dana
    assert row.contact_name == "Dana Ruiz"
    assert row.notes == "Draft with marketing"


def test_update_clears_contact_and_date(db: Database, account: uuid.UUID) -> None:
    dana = save_contact(db, account, ContactFields(name="Dana Ruiz"))
    record_id = add_advocacy(db, account, "review", occurred_on=TODAY, contact_id=dana)

    update_advocacy(
        db, record_id, "review", status="done", occurred_on=None, contact_id=None, notes=""
    )

    record = stored(db, record_id)
    assert record.contact_id is None
    assert record.occurred_on is None
    assert record.notes is None


def test_invalid_update_keeps_stored_record(
    db: Database, account: uuid.UUID, seeded_db: dict[str, uuid.UUID]
) -> None:
    stranger = save_contact(db, seeded_db["Zenith Labs"], ContactFields(name="Stranger"))
    record_id = add_advocacy(db, account, "referral", status="requested", notes="original")
    cases = [
        ({"kind": "podcast"}, "Invalid advocacy type 'podcast'"),
        ({"status": "maybe"}, "Invalid advocacy status 'maybe'"),
        ({"contact_id": stranger}, f"Contact {stranger} is not a contact of this account"),
    ]

    for change, message in cases:
        fields = {"kind": "event", "status": "done", "contact_id": None} | change
        kind = fields.pop("kind")
        with pytest.raises(InvalidAdvocacyError, match=message):
            update_advocacy(db, record_id, kind, occurred_on=TODAY, notes="changed", **fields)

        record = stored(db, record_id)
        assert record.kind == "referral", change
        assert record.status == "requested", change
        assert record.notes == "original", change


def test_delete_advocacy_hides_it(db: Database, account: uuid.UUID) -> None:
    other_record = add_advocacy(db, account, "event", occurred_on=date(2024, 5, 1))
    record_id = add_advocacy(db, account, "review", occurred_on=date(2024, 6, 1))

    delete_advocacy(db, record_id)

    with db.session() as session:
        assert [row.record_id for row in list_advocacy(session, account)] == [other_record]
    assert stored(db, record_id).deleted_at is not None
    assert stored(db, other_record).deleted_at is None


def test_deleted_record_cannot_change(db: Database, account: uuid.UUID) -> None:
    record_id = add_advocacy(db, account, "reference", notes="gone")
    delete_advocacy(db, record_id)

    with pytest.raises(AdvocacyNotFoundError, match=str(record_id)):
        update_advocacy(
            db,
            record_id,
            "reference",
            status="done",
            occurred_on=None,
            contact_id=None,
            notes="back",
        )
    with pytest.raises(AdvocacyNotFoundError, match="deleted"):
        delete_advocacy(db, record_id)
    assert stored(db, record_id).notes == "gone"


def test_missing_record_not_found(db: Database) -> None:
    missing = uuid.uuid4()

    with pytest.raises(AdvocacyNotFoundError, match=str(missing)):
        update_advocacy(
            db, missing, "reference", status="done", occurred_on=None, contact_id=None, notes=None
        )
    with pytest.raises(AdvocacyNotFoundError, match=str(missing)):
        delete_advocacy(db, missing)


# Advocacy tab


def test_tab_edits_selected_record(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    dana = save_contact(db, account, ContactFields(name="Dana Ruiz"))
    record_id = add_advocacy(
        db, account, "reference", occurred_on=date(2024, 10, 1), contact_id=dana, notes="Call ok"
    )
    tab = open_tab(qtbot, db, account)
    assert button_text(tab.add_button) == "Add"
    assert not tab.delete_button.isEnabled()

    assert tab.select_record(record_id)

    assert tab.kind_combo.currentData() == "reference"
    assert tab.contact_combo.currentData() == dana
    assert tab.date_edit.optional_date() == date(2024, 10, 1)
    assert tab.notes_edit.text() == "Call ok"
    assert button_text(tab.add_button) == "Save changes"
    assert tab.delete_button.isEnabled()

    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("case_study"))
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("done"))
    tab.notes_edit.setText("Published on the blog")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)

    assert tab.message_label.text() == ""
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == "Case study"
    assert tab.table.item(0, 4).text() == "Published on the blog"
    record = stored(db, record_id)
    assert record.kind == "case_study"
    assert record.status == "done"
    assert record.contact_id == dana
    assert record.occurred_on == date(2024, 10, 1)


def test_tab_keeps_contact_added_later(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    """A record naming a contact the combo does not list yet keeps that contact on save."""
    tab = open_tab(qtbot, db, account)
    eve = save_contact(db, account, ContactFields(name="Eve Moss"))
    record_id = add_advocacy(db, account, "review", contact_id=eve)
    tab.reload()

    assert tab.select_record(record_id)
    assert tab.contact_combo.currentText() == "Eve Moss"
    tab.notes_edit.setText("G2 review")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)

    record = stored(db, record_id)
    assert record.contact_id == eve
    assert record.notes == "G2 review"


def test_tab_new_clears_form(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    record_id = add_advocacy(db, account, "event", notes="Conference talk")
    tab = open_tab(qtbot, db, account)
    tab.select_record(record_id)

    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)

    assert tab.notes_edit.text() == ""
    assert tab.date_edit.optional_date() == TODAY
    assert button_text(tab.add_button) == "Add"
    assert tab.table.selectedItems() == []
    tab.notes_edit.setText("Second record")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        notes = sorted(row.notes for row in list_advocacy(session, account))
    assert notes == ["Conference talk", "Second record"]


def test_tab_delete_confirmed(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    dana = save_contact(db, account, ContactFields(name="Dana Ruiz"))
    other_record = add_advocacy(db, account, "event", occurred_on=date(2024, 1, 5))
    record_id = add_advocacy(db, account, "review", occurred_on=TODAY, contact_id=dana)
    tab = open_tab(qtbot, db, account)
    tab.select_record(record_id)
    questions.answers.append(YES)

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)

    assert len(questions.asked) == 1
    assert "Review" in questions.asked[0]
    assert "Dana Ruiz" in questions.asked[0]
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 1).text() == "Event"
    assert tab.table.selectedItems() == []
    assert button_text(tab.add_button) == "Add"
    assert stored(db, record_id).deleted_at is not None
    assert stored(db, other_record).deleted_at is None


def test_tab_delete_declined(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    record_id = add_advocacy(db, account, "referral", notes="Still here")
    tab = open_tab(qtbot, db, account)
    tab.select_record(record_id)
    questions.answers.append(NO)

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)

    assert len(questions.asked) == 1
    assert tab.table.rowCount() == 1
    assert tab.notes_edit.text() == "Still here"
    assert stored(db, record_id).deleted_at is None


def test_tab_delete_key_asks(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    record_id = add_advocacy(db, account, "reference")
    tab = open_tab(qtbot, db, account)
    tab.select_record(record_id)
    questions.answers.append(YES)

    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)

    assert questions.asked == ["Delete the advocacy record “Reference”?"]
    assert tab.table.rowCount() == 0
    assert stored(db, record_id).deleted_at is not None
