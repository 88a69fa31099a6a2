"""Account detail for the workspace: facts, usage, tickets, churn events and notes.

Everything here reads or writes through plain sessions and returns frozen
dataclasses, so the UI can load it on a worker thread and hand the result
to widgets on the UI thread.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.services.portfolio import next_renewal
from csm_desktop.services.settings import reference_date
from csm_desktop.store.database import Database
from csm_desktop.store.models import (
    Account,
    Activity,
    ActivityType,
    ChurnEvent,
    LifecycleStage,
    SupportTicket,
    UsageMetric,
)

log = logging.getLogger(__name__)

USAGE_METRIC = "feature_events"


class AccountNotFoundError(LookupError):
    """No live account has the requested id."""


class InvalidNoteError(ValueError):
    """A note failed validation. The message says which field to fix."""


@dataclass(frozen=True, slots=True)
class AccountFacts:
    """The header facts of one account, with the renewal resolved as of ``as_of``."""

    account_id: uuid.UUID
    name: str
    segment: str | None
    owner: str | None
    industry: str | None
    country: str | None
    plan_tier: str | None
    seats: int | None
    arr: Decimal | None
    currency: str
    lifecycle_stage: str
    renewal_date: date | None
    days_to_renewal: int | None
    as_of: date


@dataclass(frozen=True, slots=True)
class TicketRow:
    opened_on: date
    closed_at: datetime | None
    subject: str | None
    priority: str | None
    status: str
    csat: float | None
    escalated: bool


@dataclass(frozen=True, slots=True)
class ChurnRow:
    churn_date: date
    reason_code: str | None
    is_reactivation: bool
    feedback_text: str | None


@dataclass(frozen=True, slots=True)
class NoteRow:
    note_id: uuid.UUID
    kind: str
    occurred_on: date
    title: str
    attendees: str | None
    summary: str | None
    body: str
    decisions: str | None
    next_steps: str | None
    is_draft: bool


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated item of the account timeline. ``source`` is note, ticket or churn."""

    day: date
    source: str
    kind: str
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class AccountDetail:
    facts: AccountFacts
    # (Monday of the week, summed feature events), oldest first.
    usage_by_week: list[tuple[date, float]]
    # Newest first.
    tickets: list[TicketRow]
    churn_events: list[ChurnRow]
    notes: list[NoteRow]


def load_account(session: Session, account_id: uuid.UUID) -> AccountDetail:
    """Load everything the workspace shows for one account.

    Raises ``AccountNotFoundError`` when the id is unknown or deleted.
    """
    return AccountDetail(
        facts=load_facts(session, account_id),
        usage_by_week=weekly_usage(session, account_id),
        tickets=load_tickets(session, account_id),
        churn_events=load_churn_events(session, account_id),
        notes=load_notes(session, account_id),
    )


def require_account(session: Session, account_id: uuid.UUID) -> Account:
    """Return the live account, or raise ``AccountNotFoundError``."""
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise AccountNotFoundError(f"Account {account_id} not found; it may have been deleted.")
    return account


def load_facts(session: Session, account_id: uuid.UUID) -> AccountFacts:
    """Load the header facts. Raise ``AccountNotFoundError`` for an unknown id."""
    account = require_account(session, account_id)

    as_of = reference_date(session)
    renewal = None
    if account.lifecycle_stage != LifecycleStage.CHURNED:
        renewal = next_renewal(
            account.contract_start, account.term_months, account.renewal_date, as_of
        )

    return AccountFacts(
        account_id=account.id,
        name=account.name,
        segment=account.segment,
        owner=account.owner,
        industry=account.industry,
        country=account.country,
        plan_tier=account.plan_tier,
        seats=account.seats,
        arr=account.arr,
        currency=account.currency or "USD",
        lifecycle_stage=account.lifecycle_stage,
        renewal_date=renewal,
        days_to_renewal=(renewal - as_of).days if renewal is not None else None,
        as_of=as_of,
    )


def weekly_usage(session: Session, account_id: uuid.UUID) -> list[tuple[date, float]]:
    """Sum the account's feature events per ISO week (keyed by its Monday), oldest first."""
    query = (
        select(UsageMetric.usage_date, func.sum(UsageMetric.value))
        .where(
            UsageMetric.account_id == account_id,
            UsageMetric.metric == USAGE_METRIC,
            UsageMetric.deleted_at.is_(None),
        )
        .group_by(UsageMetric.usage_date)
    )
    weeks: dict[date, float] = {}
    for day, total in session.execute(query):
        monday = day - timedelta(days=day.weekday())
        weeks[monday] = weeks.get(monday, 0.0) + float(total or 0.0)
    return sorted(weeks.items())


def load_tickets(session: Session, account_id: uuid.UUID) -> list[TicketRow]:
    query = (
        select(SupportTicket)
        .where(SupportTicket.account_id == account_id, SupportTicket.deleted_at.is_(None))
        .order_by(SupportTicket.opened_on.desc())
    )
    return [
        TicketRow(
            opened_on=ticket.opened_on,
            closed_at=ticket.closed_at,
            subject=ticket.subject,
            priority=ticket.priority,
            status=ticket.status,
            csat=ticket.csat,
            escalated=ticket.escalated,
        )
        for ticket in session.scalars(query)
    ]


def load_churn_events(session: Session, account_id: uuid.UUID) -> list[ChurnRow]:
    query = (
        select(ChurnEvent)
        .where(ChurnEvent.account_id == account_id, ChurnEvent.deleted_at.is_(None))
        .order_by(ChurnEvent.churn_date.desc())
    )
    return [
        ChurnRow(
            churn_date=event.churn_date,
            reason_code=event.reason_code,
            is_reactivation=event.is_reactivation,
            feedback_text=event.feedback_text,
        )
        for event in session.scalars(query)
    ]


def load_notes(session: Session, account_id: uuid.UUID) -> list[NoteRow]:
    """Load the CSM's published notes, newest first; notes of one day newest-created first.

    Drafts are left out: the note editor offers them for recovery instead.
    """
    query = (
        select(Activity)
        .where(
            Activity.account_id == account_id,
            Activity.deleted_at.is_(None),
            Activity.is_draft.is_(False),
        )
        .order_by(Activity.occurred_on.desc(), Activity.created_at.desc())
    )
    return [
        NoteRow(
            note_id=note.id,
            kind=note.kind,
            occurred_on=note.occurred_on,
            title=note.title,
            attendees=note.attendees,
            summary=note.summary,
            body=note.body,
            decisions=note.decisions,
            next_steps=note.next_steps,
            is_draft=note.is_draft,
        )
        for note in session.scalars(query)
    ]


def add_note(
    db: Database,
    account_id: uuid.UUID,
    *,
    kind: str,
    occurred_on: date,
    title: str,
    body: str,
    attendees: str | None = None,
    summary: str | None = None,
    next_steps: str | None = None,
) -> uuid.UUID:
    """Validate and store a note in its own committed transaction. Return its id.

    Raises ``InvalidNoteError`` for an empty title or body or an unknown
    kind, and ``AccountNotFoundError`` for an unknown account.
    """
    title = title.strip()
    body = body.strip()
    validate_note(kind, title, body)

    with db.session() as session:
        account = session.get(Account, account_id)
        if account is None or account.deleted_at is not None:
            raise AccountNotFoundError(f"Account {account_id} not found; the note was not saved.")
        note = Activity(
            account_id=account_id,
            kind=kind,
            occurred_on=occurred_on,
            title=title,
            body=body,
            attendees=_blank_to_none(attendees),
            summary=_blank_to_none(summary),
            next_steps=_blank_to_none(next_steps),
            is_draft=False,
        )
        session.add(note)
        session.flush()
        note_id = note.id

    log.info("Stored %s note %s for account %s", kind, note_id, account_id)
    return note_id


def validate_note(kind: str, title: str, body: str) -> None:
    """Raise ``InvalidNoteError`` for an unknown kind, an empty title or an empty text."""
    if kind not in {member.value for member in ActivityType}:
        allowed = ", ".join(member.value for member in ActivityType)
        raise InvalidNoteError(f"Invalid note type {kind!r}; use one of: {allowed}.")
    if not title:
        raise InvalidNoteError("The note has no title. Enter a short title and save again.")
    if not body:
        raise InvalidNoteError("The note has no text. Write the note body and save again.")


def _blank_to_none(text: str | None) -> str | None:
    if text is None:
        return None
    stripped = text.strip()
    return stripped or None


def account_timeline(session: Session, account_id: uuid.UUID) -> list[TimelineEntry]:
    """Merge notes, support tickets and churn events into one list, newest first."""
    entries = [
        TimelineEntry(note.occurred_on, "note", note.kind, note.title, note.summary or note.body)
        for note in load_notes(session, account_id)
    ]
    entries += [
        TimelineEntry(
            ticket.opened_on,
            "ticket",
            ticket.priority or "",
            ticket.subject or "",
            ticket.status,
        )
        for ticket in load_tickets(session, account_id)
    ]
    entries += [
        TimelineEntry(
            event.churn_date,
            "churn",
            "reactivation" if event.is_reactivation else "churn",
            event.reason_code or "",
            event.feedback_text or "",
        )
        for event in load_churn_events(session, account_id)
    ]
    # Stable sort, so entries of one day keep the note, ticket, churn order.
    entries.sort(key=lambda entry: entry.day, reverse=True)
    return entries


def account_quarters(session: Session, account_id: uuid.UUID) -> list[Quarter]:
    """List quarters from the account's first dated record to the reference date, newest first."""
    as_of = reference_date(session)
    first = _first_dated_record(session, account_id) or as_of
    first = min(first, as_of)

    quarters: list[Quarter] = []
    quarter = Quarter.containing(as_of)
    while quarter >= Quarter.containing(first):
        quarters.append(quarter)
        quarter = quarter.previous()
    return quarters


def _first_dated_record(session: Session, account_id: uuid.UUID) -> date | None:
    candidates = [
        session.scalar(select(Account.contract_start).where(Account.id == account_id)),
        session.scalar(select(Account.signup_date).where(Account.id == account_id)),
        session.scalar(
            select(func.min(UsageMetric.usage_date)).where(UsageMetric.account_id == account_id)
        ),
        session.scalar(
            select(func.min(SupportTicket.opened_on)).where(SupportTicket.account_id == account_id)
        ),
    ]
    dated = [day for day in candidates if day is not None]
    return min(dated) if dated else None
