"""Contacts of an account with their roles in the deal and the last time they were contacted."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.accounts import require_account
from csm_desktop.store.database import Database
from csm_desktop.store.models import Contact

log = logging.getLogger(__name__)


class ContactRole(StrEnum):
    CHAMPION = "champion"
    ECONOMIC_BUYER = "economic_buyer"
    EXECUTIVE_SPONSOR = "executive_sponsor"
    ADMIN = "admin"
    DETRACTOR = "detractor"


class InvalidContactError(ValueError):
    """A contact field failed validation. The message says which one to fix."""


@dataclass(frozen=True, slots=True)
class ContactFields:
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    roles: tuple[str, ...] = ()
    last_contacted: date | None = None


@dataclass(frozen=True, slots=True)
class ContactRow:
    contact_id: uuid.UUID
    fields: ContactFields


def list_contacts(session: Session, account_id: uuid.UUID) -> list[ContactRow]:
    """List the account's live contacts by name."""
    query = (
        select(Contact)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.name)
    )
    return [
        ContactRow(
            contact.id,
            ContactFields(
                name=contact.name,
                title=contact.title or "",
                email=contact.email or "",
                phone=contact.phone or "",
                roles=tuple(contact.roles or ()),
                last_contacted=contact.last_contacted,
            ),
        )
        for contact in session.scalars(query)
    ]


def save_contact(
    db: Database,
    account_id: uuid.UUID,
    contact: ContactFields,
    contact_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Create a contact, or update ``contact_id``. Return the contact's id.

    Raises ``InvalidContactError`` for a missing name, an email without "@"
    or an unknown role.
    """
    _validate(contact)
    with db.session() as session:
        require_account(session, account_id)
        row = session.get(Contact, contact_id) if contact_id is not None else None
        if contact_id is not None and (row is None or row.deleted_at is not None):
            raise LookupError(f"Contact {contact_id} not found; it may have been deleted.")
        if row is None:
            row = Contact(account_id=account_id, name=contact.name.strip())
            session.add(row)
        row.name = contact.name.strip()
        row.title = contact.title.strip() or None
        row.email = contact.email.strip() or None
        row.phone = contact.phone.strip() or None
        # Keep the roles in their declared order, whatever order the caller gave.
        row.roles = [role.value for role in ContactRole if role.value in contact.roles]
        row.last_contacted = contact.last_contacted
        session.flush()
        saved_id = row.id
    log.info("Saved contact %s on account %s", saved_id, account_id)
    return saved_id


def _validate(contact: ContactFields) -> None:
    if not contact.name.strip():
        raise InvalidContactError("The contact has no name. Enter the person's name.")
    email = contact.email.strip()
    if email and ("@" not in email or email.startswith("@") or email.endswith("@")):
        raise InvalidContactError(f"Invalid email address {email!r}; use the form name@domain.")
    unknown = set(contact.roles) - {role.value for role in ContactRole}
    if unknown:
        raise InvalidContactError(f"Unknown contact roles: {', '.join(sorted(unknown))}.")
