"""Erase a contact's personal data on request, keeping the account's history whole.

Erasure clears the contact's name (replaced by a neutral placeholder, since
a contact row needs one), title, email and phone, and the verbatim comments
of the survey responses they gave. Scores, dates, roles, the contact row
itself and every other record of the account stay, so health history and
NPS trends are unchanged. An ``ErasureRecord`` notes which fields were
cleared and when, without their former values.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select, update

from csm_desktop.store.database import Database
from csm_desktop.store.models import Contact, SurveyResponse
from csm_desktop.store.reliability_models import ErasureRecord
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)

ERASED_FIELDS = ("name", "title", "email", "phone", "survey_response.verbatim")


class ContactNotFoundError(LookupError):
    """No contact has the given id."""


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure changed: the contact, the cleared survey comments, and whether it was new."""

    contact_id: uuid.UUID
    surveys_cleared: int
    already_erased: bool


def erased_name() -> str:
    """Return the placeholder shown instead of an erased contact's name."""
    return QCoreApplication.translate("Privacy", "Erased contact")


def erase_contact(db: Database, contact_id: uuid.UUID) -> ErasureResult:
    """Erase the personal data of one contact in a single transaction.

    Erasing twice is harmless: the second call clears anything written since
    (for example a survey comment imported later) and records that too.
    Raises ``ContactNotFoundError`` for an unknown id.
    """
    with db.session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise ContactNotFoundError(f"Contact {contact_id} not found; nothing was erased.")
        already_erased = contact.erased_at is not None

        now = utc_now()
        contact.name = erased_name()
        contact.title = None
        contact.email = None
        contact.phone = None
        contact.erased_at = now
        contact.updated_at = now

        cleared = session.execute(
            update(SurveyResponse)
            .where(SurveyResponse.contact_id == contact_id)
            .where(SurveyResponse.verbatim.is_not(None))
            .values(verbatim=None, updated_at=now)
        ).rowcount

        session.add(
            ErasureRecord(
                contact_id=contact_id,
                account_id=contact.account_id,
                erased_at=now,
                fields=",".join(ERASED_FIELDS),
                surveys_cleared=cleared,
            )
        )
    log.info("Erased the personal data of contact %s (%d survey comments)", contact_id, cleared)
    return ErasureResult(contact_id, cleared, already_erased)


def find_contacts(db: Database, text: str) -> list[Contact]:
    """Return contacts whose id, name or email matches ``text`` (for the CLI)."""
    with db.session() as session:
        try:
            contact = session.get(Contact, uuid.UUID(text))
        except ValueError:
            contact = None
        if contact is not None:
            return [contact]
        pattern = f"%{text}%"
        query = select(Contact).where(Contact.name.ilike(pattern) | Contact.email.ilike(pattern))
        return list(session.scalars(query))
