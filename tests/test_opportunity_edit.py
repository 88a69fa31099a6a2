"""Editing and deleting expansion opportunities, in the service and in the Renewal tab."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from csm_desktop.services.renewals import (
    InvalidForecastError,
    OpportunityNotFoundError,
    add_opportunity,
    delete_opportunity,
    load_renewal,
    set_opportunity_stage,
    update_opportunity,
)
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.store.workspace_models import ExpansionOpportunity
from csm_desktop.ui.account_renewal import RenewalTab
from tests.editing import NO, TODAY, YES, FakeQuestions, button_text


@pytest.fixture
def account(seeded_db: dict[str, uuid.UUID]) -> uuid.UUID:
    """The account these tests work on, in place of conftest's."""
    return seeded_db["Acme Foods"]


def stored(db: Database, opportunity_id: uuid.UUID) -> ExpansionOpportunity:
    with db.session() as session:
        row = session.get(ExpansionOpportunity, opportunity_id)
        session.expunge(row)
    return row


def open_tab(qtbot: QtBot, db: Database, account_id: uuid.UUID) -> RenewalTab:
    tab = RenewalTab(db)
    qtbot.addWidget(tab)
    with db.session() as session:
        tab.set_account(account_id, load_renewal(session, account_id), TODAY)
    tab.show()
    return tab


# Service


def test_update_opportunity_round_trip(db: Database, account: uuid.UUID) -> None:
    opportunity_id = add_opportunity(db, account, "Analytics add-on", amount=Decimal("1000"))

    update_opportunity(
        db,
        opportunity_id,
        "  Analytics add-on, 20 seats ",
        amount=Decimal("2500.50"),
        stage="proposal",
        expected_close=date(2025, 3, 1),
        notes=" Asked for by the CFO ",
    )

    with db.session() as session:
        view = load_renewal(session, account)
    (row,) = view.opportunities
    assert row.opportunity_id == opportunity_id
    assert row.title == "Analytics add-on, 20 seats"
    assert row.amount == Decimal("2500.50")
    assert row.stage == "proposal"
    assert row.expected_close == date(2025, 3, 1)
    assert row.notes == "Asked for by the CFO"
    assert view.open_pipeline == Decimal("2500.50")


def test_update_keeps_stored_currency(db: Database, account: uuid.UUID) -> None:
    opportunity_id = add_opportunity(db, account, "Seats", amount=Decimal("10"))
    currency = stored(db, opportunity_id).currency
    with db.session() as session:
        session.get(Account, account).currency = "JPY" if currency != "JPY" else "EUR"

    update_opportunity(
        db,
        opportunity_id,
        "Seats",
        amount=Decimal("20"),
        stage="won",
        expected_close=None,
        notes=None,
    )

    assert stored(db, opportunity_id).currency == currency


@pytest.mark.parametrize(
    ("title", "amount", "stage", "message"),
    [
        ("  ", Decimal("5"), "qualified", "no title"),
        ("Seats", Decimal("-1"), "qualified", "Amount -1 is negative"),
        ("Seats", Decimal("5"), "signed", "Invalid stage 'signed'"),
    ],
)
def test_invalid_update_keeps_stored_row(
    db: Database, account: uuid.UUID, title: str, amount: Decimal, stage: str, message: str
) -> None:
    opportunity_id = add_opportunity(
        db, account, "Original", amount=Decimal("100"), notes="first notes"
    )

    with pytest.raises(InvalidForecastError, match=message):
        update_opportunity(
            db, opportunity_id, title, amount=amount, stage=stage, expected_close=TODAY, notes="x"
        )

    row = stored(db, opportunity_id)
    assert row.title == "Original"
    assert row.amount == Decimal("100")
    assert row.stage == "identified"
    assert row.notes == "first notes"


def test_delete_opportunity_hides_it(db: Database, account: uuid.UUID) -> None:
    other_opportunity = add_opportunity(db, account, "Kept", amount=Decimal("300"))
    opportunity_id = add_opportunity(db, account, "Dropped", amount=Decimal("700"))

    delete_opportunity(db, opportunity_id)

    with db.session() as session:
        view = load_renewal(session, account)
    assert [row.opportunity_id for row in view.opportunities] == [other_opportunity]
    assert view.open_pipeline == Decimal("300")
    assert stored(db, opportunity_id).deleted_at is not None
    assert stored(db, other_opportunity).deleted_at is None


def test_deleted_opportunity_cannot_change(db: Database, account: uuid.UUID) -> None:
    opportunity_id = add_opportunity(db, account, "Gone", amount=None)
    delete_opportunity(db, opportunity_id)

    with pytest.raises(OpportunityNotFoundError, match=str(opportunity_id)):
        update_opportunity(
            db, opportunity_id, "Back", amount=None, stage="won", expected_close=None, notes=None
        )
    with pytest.raises(OpportunityNotFoundError, match="deleted"):
        delete_opportunity(db, opportunity_id)
    with pytest.raises(OpportunityNotFoundError):
        set_opportunity_stage(db, opportunity_id, "won")
    assert stored(db, opportunity_id).title == "Gone"


def test_missing_opportunity_not_found(db: Database) -> None:
    missing = uuid.uuid4()

    with pytest.raises(OpportunityNotFoundError, match=str(missing)):
        update_opportunity(
            db, missing, "X", amount=None, stage="won", expected_close=None, notes=None
        )
    with pytest.raises(OpportunityNotFoundError, match=str(missing)):
        delete_opportunity(db, missing)


# Renewal and expansion tab


def test_tab_edits_selected_opportunity(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    opportunity_id = add_opportunity(
        db, account, "Analytics", amount=Decimal("1200"), notes="From the QBR"
    )
    tab = open_tab(qtbot, db, account)
    assert button_text(tab.add_opportunity_button) == "Add opportunity"
    assert not tab.delete_opportunity_button.isEnabled()

    assert tab.select_opportunity(opportunity_id)

    assert tab.opportunity_title_edit.text() == "Analytics"
    assert tab.opportunity_amount_edit.amount() == Decimal("1200")
    assert tab.opportunity_notes_edit.text() == "From the QBR"
    assert button_text(tab.add_opportunity_button) == "Save changes"
    assert tab.delete_opportunity_button.isEnabled()

    tab.opportunity_title_edit.setText("Analytics suite")
    tab.opportunity_amount_edit.setText("1500")
    tab.stage_combo.setCurrentIndex(tab.stage_combo.findData("qualified"))
    qtbot.mouseClick(tab.add_opportunity_button, Qt.MouseButton.LeftButton)

    assert tab.message_label.text() == ""
    assert tab.opportunities_table.rowCount() == 1
    assert tab.opportunities_table.item(0, 3).text() == "Analytics suite"
    assert tab.opportunities_table.item(0, 0).text() == "Qualified"
    row = stored(db, opportunity_id)
    assert row.title == "Analytics suite"
    assert row.amount == Decimal("1500")
    assert row.stage == "qualified"
    assert row.notes == "From the QBR"


def test_tab_new_clears_form(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    opportunity_id = add_opportunity(db, account, "First", amount=Decimal("1"))
    tab = open_tab(qtbot, db, account)
    tab.select_opportunity(opportunity_id)

    qtbot.mouseClick(tab.new_opportunity_button, Qt.MouseButton.LeftButton)

    assert tab.opportunity_title_edit.text() == ""
    assert tab.opportunity_amount_edit.text() == ""
    assert button_text(tab.add_opportunity_button) == "Add opportunity"
    assert tab.opportunities_table.selectedItems() == []
    tab.opportunity_title_edit.setText("Second")
    qtbot.mouseClick(tab.add_opportunity_button, Qt.MouseButton.LeftButton)
    with db.session() as session:
        titles = [row.title for row in load_renewal(session, account).opportunities]
    assert titles == ["First", "Second"]


def test_tab_adds_two_in_a_row(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    tab = open_tab(qtbot, db, account)

    for title, amount in (("First", "100"), ("Second", "200")):
        tab.opportunity_title_edit.setText(title)
        tab.opportunity_amount_edit.setText(amount)
        qtbot.mouseClick(tab.add_opportunity_button, Qt.MouseButton.LeftButton)
        assert button_text(tab.add_opportunity_button) == "Add opportunity"
        assert tab.opportunity_title_edit.text() == ""

    with db.session() as session:
        amounts = {row.title: row.amount for row in load_renewal(session, account).opportunities}
    assert amounts == {"First": Decimal("100"), "Second": Decimal("200")}


def test_tab_refuses_letters_in_amount(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    tab = open_tab(qtbot, db, account)
    tab.opportunity_title_edit.setText("Upsell analytics")
    tab.opportunity_amount_edit.setText("12abcx5k")

    qtbot.mouseClick(tab.add_opportunity_button, Qt.MouseButton.LeftButton)

    assert "“12abcx5k” is not an amount" in tab.message_label.text()
    with db.session() as session:
        assert load_renewal(session, account).opportunities == []


def test_tab_invalid_edit_shows_error(qtbot: QtBot, db: Database, account: uuid.UUID) -> None:
    opportunity_id = add_opportunity(db, account, "Keep", amount=Decimal("5"))
    tab = open_tab(qtbot, db, account)
    tab.select_opportunity(opportunity_id)

    tab.opportunity_title_edit.clear()
    qtbot.mouseClick(tab.add_opportunity_button, Qt.MouseButton.LeftButton)

    assert "no title" in tab.message_label.text()
    assert stored(db, opportunity_id).title == "Keep"


def test_tab_delete_confirmed(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    other_opportunity = add_opportunity(db, account, "Kept", amount=Decimal("10"))
    opportunity_id = add_opportunity(db, account, "Typo deal", amount=Decimal("90"))
    tab = open_tab(qtbot, db, account)
    tab.select_opportunity(opportunity_id)
    questions.answers.append(YES)

    qtbot.mouseClick(tab.delete_opportunity_button, Qt.MouseButton.LeftButton)

    assert questions.asked == ["Delete the opportunity “Typo deal”?"]
    assert tab.opportunities_table.rowCount() == 1
    assert tab.opportunities_table.item(0, 3).text() == "Kept"
    assert tab.opportunities_table.selectedItems() == []
    assert tab.opportunity_title_edit.text() == ""
    assert button_text(tab.add_opportunity_button) == "Add opportunity"
    assert "10" in tab.pipeline_label.text()
    assert "100" not in tab.pipeline_label.text()
    assert stored(db, opportunity_id).deleted_at is not None
    assert stored(db, other_opportunity).deleted_at is None


def test_tab_delete_declined(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    opportunity_id = add_opportunity(db, account, "Still here", amount=None)
    tab = open_tab(qtbot, db, account)
    tab.select_opportunity(opportunity_id)
    questions.answers.append(NO)

    qtbot.mouseClick(tab.delete_opportunity_button, Qt.MouseButton.LeftButton)

    assert len(questions.asked) == 1
    assert tab.opportunities_table.rowCount() == 1
    assert tab.opportunity_title_edit.text() == "Still here"
    assert stored(db, opportunity_id).deleted_at is None


def test_tab_delete_key_asks(
    qtbot: QtBot, db: Database, account: uuid.UUID, questions: FakeQuestions
) -> None:
    opportunity_id = add_opportunity(db, account, "Delete by key", amount=None)
    tab = open_tab(qtbot, db, account)
    tab.select_opportunity(opportunity_id)
    questions.answers.append(YES)

    qtbot.keyClick(tab.opportunities_table, Qt.Key.Key_Delete)

    assert questions.asked == ["Delete the opportunity “Delete by key”?"]
    assert tab.opportunities_table.rowCount() == 0
    assert stored(db, opportunity_id).deleted_at is not None
