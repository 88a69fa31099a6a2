"""Erasing a contact's personal data on request, with the account's history kept whole."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from csm_desktop.cli import main as cli_main

# The CLI creates a plain QCoreApplication when none exists, which would stop later widget
# tests from creating a QApplication; the qapp fixture makes the QApplication first.
from csm_desktop.services.privacy import ContactNotFoundError, erase_contact, erased_name
from csm_desktop.store.models import Activity, Contact, SurveyResponse
from csm_desktop.store.reliability_models import ErasureRecord


@pytest.fixture
def contact_id(seeded_db, db) -> uuid.UUID:
    account_id = seeded_db["Acme Robotics"]
    with db.session() as session:
        contact = Contact(
            account_id=account_id,
            name="María José Ñúñez",
            title="CFO",
            email="mj@example.com",
            phone="+34 600 123 456",
            roles=["economic_buyer"],
        )
        session.add(contact)
        session.flush()
        for number, verbatim in enumerate(["Muy útil", None]):
            session.add(
                SurveyResponse(
                    account_id=account_id,
                    contact_id=contact.id,
                    responded_on=date(2024, 10, number + 1),
                    kind="nps",
                    score=9,
                    verbatim=verbatim,
                )
            )
        session.add(
            SurveyResponse(
                account_id=account_id,
                responded_on=date(2024, 10, 5),
                kind="nps",
                score=4,
                verbatim="Someone else's comment",
            )
        )
        return contact.id


def test_erase_clears_personal_fields(db, contact_id):
    result = erase_contact(db, contact_id)

    with db.session() as session:
        contact = session.get(Contact, contact_id)
        assert contact.name == erased_name()
        assert contact.email is None
        assert contact.phone is None
        assert contact.title is None
        assert contact.erased_at is not None
        assert contact.roles == ["economic_buyer"]
    assert result.surveys_cleared == 1
    assert result.already_erased is False


def test_erase_keeps_history(db, contact_id):
    with db.session() as session:
        activities = session.scalar(select(func.count()).select_from(Activity))
    erase_contact(db, contact_id)

    with db.session() as session:
        surveys = session.scalars(
            select(SurveyResponse).order_by(SurveyResponse.responded_on)
        ).all()
        assert [survey.score for survey in surveys] == [9, 9, 4]
        assert [survey.verbatim for survey in surveys] == [None, None, "Someone else's comment"]
        assert session.scalar(select(func.count()).select_from(Activity)) == activities
        record = session.scalars(select(ErasureRecord)).one()
        assert record.contact_id == contact_id
        assert "mj@example.com" not in record.fields


def test_erased_contact_rejects_email_again(db, contact_id):
    erase_contact(db, contact_id)

    with pytest.raises(IntegrityError, match="ck_contact_erased"), db.session() as session:
        session.get(Contact, contact_id).email = "mj@example.com"


def test_erase_unknown_contact(db):
    with pytest.raises(ContactNotFoundError, match="nothing was erased"):
        erase_contact(db, uuid.uuid4())


def test_erase_twice_is_harmless(db, contact_id):
    erase_contact(db, contact_id)
    second = erase_contact(db, contact_id)
    assert second.already_erased is True
    assert second.surveys_cleared == 0


def test_cli_erase_contact(qapp, db, contact_id, capsys):
    db.dispose()
    assert cli_main(["--db", str(db.path), "erase-contact", "mj@example.com"]) == 0
    assert str(contact_id) in capsys.readouterr().out
    assert cli_main(["--db", str(db.path), "erase-contact", "mj@example.com"]) == 1
    assert "No contact matches" in capsys.readouterr().err
