"""Advocacy records: references, case studies, reviews, referrals and events.

Deleting a record tombstones it (``deleted_at``) instead of removing the row.
"""

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
from csm_desktop.store.types import utc_now
from csm_desktop.store.workspace_models import AdvocacyRecord

log = logging.getLogger(__name__)


class AdvocacyKind(StrEnum):
    REFERENCE = "reference"
    CASE_STUDY = "case_study"
    REVIEW = "review"
    REFERRAL = "referral"
    EVENT = "event"


class AdvocacyStatus(StrEnum):
    WILLING = "willing"
    REQUESTED = "requested"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DECLINED = "declined"


class InvalidAdvocacyError(ValueError):
    """An advocacy field failed validation. The message says which one to fix."""


class AdvocacyNotFoundError(LookupError):
    """No live advocacy record has the requested id."""


@dataclass(frozen=True, slots=True)
class AdvocacyRow:
    record_id: uuid.UUID
    kind: str
    status: str
    occurred_on: date | None
    contact_id: uuid.UUID | None
    contact_name: str | None
    notes: str | None


def list_advocacy(session: Session, account_id: uuid.UUID) -> list[AdvocacyRow]:
    """List the account's live advocacy records, newest first (undated ones last)."""
    query = (
        select(AdvocacyRecord, Contact.name)
        .outerjoin(Contact, Contact.id == AdvocacyRecord.contact_id)
        .where(AdvocacyRecord.account_id == account_id, AdvocacyRecord.deleted_at.is_(None))
    )
    rows = [
        AdvocacyRow(
            record.id,
            record.kind,
            record.status,
            record.occurred_on,
            record.contact_id,
            name,
            record.notes,
        )
        for record, name in session.execute(query)
    ]
    rows.sort(key=lambda row: (row.occurred_on is None, -(row.occurred_on or date.min).toordinal()))
    return rows


def add_advocacy(
    db: Database,
    account_id: uuid.UUID,
    kind: str,
    *,
    status: str = AdvocacyStatus.WILLING,
    occurred_on: date | None = None,
    contact_id: uuid.UUID | None = None,
    notes: str | None = None,
) -> uuid.UUID:
    """Validate and store an advocacy record. Return its id."""
    _check_kind_and_status(kind, status)
    with db.session() as session:
        require_account(session, account_id)
        _check_contact(session, account_id, contact_id)
        record = AdvocacyRecord(
            account_id=account_id,
            contact_id=contact_id,
            kind=kind,
            status=status,
            occurred_on=occurred_on,
            notes=(notes or "").strip() or None,
        )
        session.add(record)
        session.flush()
        record_id = record.id
    log.info("Added %s advocacy record %s on account %s", kind, record_id, account_id)
    return record_id


def update_advocacy(
    db: Database,
    record_id: uuid.UUID,
    kind: str,
    *,
    status: str,
    occurred_on: date | None,
    contact_id: uuid.UUID | None,
    notes: str | None,
) -> None:
    """Replace the record's fields with the given ones.

    Raises ``InvalidAdvocacyError`` for an unknown type or status or a contact
    of another account (the stored record is left unchanged) and
    ``AdvocacyNotFoundError`` for a missing or deleted record.
    """
    _check_kind_and_status(kind, status)
    with db.session() as session:
        record = _live_record(session, record_id)
        _check_contact(session, record.account_id, contact_id)
        record.kind = kind
        record.status = status
        record.occurred_on = occurred_on
        record.contact_id = contact_id
        record.notes = (notes or "").strip() or None
    log.info("Updated advocacy record %s", record_id)


def delete_advocacy(db: Database, record_id: uuid.UUID) -> None:
    """Tombstone the advocacy record.

    Raises ``AdvocacyNotFoundError`` for a missing or already deleted record.
    """
    with db.session() as session:
        record = _live_record(session, record_id)
        record.deleted_at = utc_now()
    log.info("Deleted advocacy record %s", record_id)


def _check_kind_and_status(kind: str, status: str) -> None:
    if kind not in {member.value for member in AdvocacyKind}:
        allowed = ", ".join(member.value for member in AdvocacyKind)
        raise InvalidAdvocacyError(f"Invalid advocacy type {kind!r}; use one of: {allowed}.")
    if status not in {member.value for member in AdvocacyStatus}:
        allowed = ", ".join(member.value for member in AdvocacyStatus)
        raise InvalidAdvocacyError(f"Invalid advocacy status {status!r}; use one of: {allowed}.")


def _check_contact(session: Session, account_id: uuid.UUID, contact_id: uuid.UUID | None) -> None:
    if contact_id is None:
        return
    contact = session.get(Contact, contact_id)
    if contact is None or contact.account_id != account_id:
        raise InvalidAdvocacyError(
            f"Contact {contact_id} is not a contact of this account; choose one from its list."
        )


def _live_record(session: Session, record_id: uuid.UUID) -> AdvocacyRecord:
    record = session.get(AdvocacyRecord, record_id)
    if record is None or record.deleted_at is not None:
        raise AdvocacyNotFoundError(
            f"Advocacy record {record_id} not found; it may have been deleted."
        )
    return record
