"""Facts about one account and one calendar quarter, gathered for a QBR.

Everything here is plain data read with Core selects, so the PDF builder,
the app and the tests share one definition of "the quarter's numbers".
Soft-deleted rows (``deleted_at`` set) are left out everywhere.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.services.account_lookup import AccountNotFoundError
from csm_desktop.services.health import HealthBreakdown, health_timeline, latest_breakdown
from csm_desktop.services.qbr_commercial import (
    CommercialSummary,
    InternalSummary,
    RiskInputs,
    load_commercial,
    load_internal,
)
from csm_desktop.services.qbr_outcomes import (
    AdoptionSummary,
    FeedbackSummary,
    GoalSummary,
    TicketRecord,
    load_adoption,
    load_feedback,
    load_goals,
    load_tickets,
)
from csm_desktop.services.qbr_usage import UsageSummary, load_usage
from csm_desktop.store.models import (
    Account,
    Activity,
    ActivityType,
    ChurnEvent,
    SupportTicket,
)

log = logging.getLogger(__name__)

CLOSED_TICKET_STATUSES = frozenset({"closed", "resolved", "solved"})


@dataclass(frozen=True)
class AccountFacts:
    id: uuid.UUID
    name: str
    external_id: str | None
    industry: str | None
    country: str | None
    plan_tier: str | None
    seats: int | None
    arr: Decimal | None
    currency: str
    renewal_date: date | None
    owner: str | None


@dataclass(frozen=True)
class HealthSample:
    """One weekly health snapshot; ``score`` is None when data was insufficient."""

    as_of: date
    score: float | None
    colour: str


@dataclass(frozen=True)
class HealthSummary:
    """Whole health history up to the quarter's end, and the scores framing the quarter.

    ``start`` is the last snapshot on or before the quarter's first day, or
    the first one inside the quarter when none is older. ``end`` is the last
    snapshot on or before the quarter's last day.
    """

    timeline: list[HealthSample]
    start: HealthSample | None
    end: HealthSample | None


@dataclass(frozen=True)
class SupportSummary:
    """Tickets opened in the quarter; means skip tickets where the value is missing."""

    count: int
    by_priority: dict[str, int]
    mean_resolution_hours: float | None
    mean_first_response_minutes: float | None
    mean_csat: float | None
    csat_responses: int
    escalated: int
    still_open: int


@dataclass(frozen=True)
class ChurnRecord:
    churn_date: date
    reason_code: str | None
    is_reactivation: bool
    feedback_text: str | None


@dataclass(frozen=True)
class NoteRecord:
    occurred_on: date
    kind: str
    title: str
    attendees: str | None
    summary: str | None
    body: str
    decisions: str | None
    next_steps: str | None


@dataclass(frozen=True)
class QbrData:
    """Everything one QBR shows. ``internal`` is None in the customer version.

    In the customer version ``account.arr`` is None as well, internal notes
    are left out of ``notes`` and ``churn_events`` is empty, so no section
    builder can print an internal value by mistake.
    """

    account: AccountFacts
    quarter: Quarter
    health: HealthSummary
    usage: UsageSummary
    support: SupportSummary
    goals: GoalSummary
    feedback: FeedbackSummary
    adoption: AdoptionSummary
    commercial: CommercialSummary
    tickets: list[TicketRecord] = field(default_factory=list)
    # The newest per-measure breakdown dated within the quarter, if any.
    breakdown: HealthBreakdown | None = None
    churn_events: list[ChurnRecord] = field(default_factory=list)
    notes: list[NoteRecord] = field(default_factory=list)
    internal: InternalSummary | None = None

    @property
    def is_internal(self) -> bool:
        return self.internal is not None


def gather_qbr_data(
    session: Session,
    account_id: uuid.UUID,
    quarter: Quarter,
    *,
    internal: bool = False,
) -> QbrData:
    """Read everything a QBR shows for ``account_id`` in ``quarter``.

    With ``internal`` False (the customer version) ARR, forecast, risk,
    churn reasons and internal notes are not read at all. Raises
    ``AccountNotFoundError`` when the account does not exist or was deleted.
    """
    facts = load_account_facts(session, account_id)
    if not internal:
        facts = dataclasses.replace(facts, arr=None)
    health = load_health(session, account_id, quarter)
    usage = load_usage(session, account_id, quarter)
    support = load_support(session, account_id, quarter)
    feedback = load_feedback(session, account_id, quarter)
    commercial = load_commercial(session, account_id, quarter)

    internal_summary = None
    if internal:
        inputs = RiskInputs(
            end_colour=health.end.colour if health.end else None,
            health_change=_health_change(health),
            usage_change=usage.change,
            escalated_tickets=support.escalated,
            detractors=feedback.detractors,
            overdue_invoices=commercial.invoices.overdue,
            days_to_renewal=commercial.days_to_renewal,
        )
        internal_summary = load_internal(session, account_id, quarter, inputs)

    return QbrData(
        account=facts,
        quarter=quarter,
        health=health,
        usage=usage,
        support=support,
        goals=load_goals(session, account_id, quarter),
        feedback=feedback,
        adoption=load_adoption(session, account_id, quarter, facts.seats),
        commercial=commercial,
        tickets=load_tickets(session, account_id, quarter),
        breakdown=_quarter_breakdown(session, account_id, quarter),
        churn_events=load_churn_events(session, account_id, quarter) if internal else [],
        notes=load_notes(session, account_id, quarter, include_internal=internal),
        internal=internal_summary,
    )


def _health_change(health: HealthSummary) -> float | None:
    if health.start is None or health.end is None:
        return None
    if health.start.score is None or health.end.score is None:
        return None
    return health.end.score - health.start.score


def _quarter_breakdown(
    session: Session, account_id: uuid.UUID, quarter: Quarter
) -> HealthBreakdown | None:
    """Return the newest breakdown when it is dated inside ``quarter``.

    TODO: the health service exposes only the newest snapshot's breakdown,
    so a QBR for an older quarter shows none; read the breakdown as of the
    quarter's end once the service offers a point-in-time read.
    """
    try:
        breakdown = latest_breakdown(session, account_id)
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        # A stored breakdown in a format this version cannot read must not
        # stop the export, so the section states that no breakdown is available.
        log.warning("Health breakdown of account %s could not be read: %s", account_id, exc)
        return None
    if breakdown is None or not quarter.start <= breakdown.as_of <= quarter.end:
        return None
    return breakdown


def load_account_facts(session: Session, account_id: uuid.UUID) -> AccountFacts:
    """Read the account's descriptive fields; raise ``AccountNotFoundError`` if it is missing."""
    row = session.execute(
        select(
            Account.id,
            Account.name,
            Account.external_id,
            Account.industry,
            Account.country,
            Account.plan_tier,
            Account.seats,
            Account.arr,
            Account.currency,
            Account.renewal_date,
            Account.owner,
        ).where(Account.id == account_id, Account.deleted_at.is_(None))
    ).one_or_none()
    if row is None:
        raise AccountNotFoundError(f"Account {account_id} was not found or was deleted.", [])
    return AccountFacts(**row._asdict())


def load_health(session: Session, account_id: uuid.UUID, quarter: Quarter) -> HealthSummary:
    """Read the weekly health snapshots dated up to the quarter's last day."""
    timeline = [
        HealthSample(as_of, score, colour)
        for as_of, score, colour in health_timeline(session, account_id)
        if as_of <= quarter.end
    ]

    before_start = [sample for sample in timeline if sample.as_of <= quarter.start]
    inside = [sample for sample in timeline if sample.as_of >= quarter.start]
    start = None
    if before_start:
        start = before_start[-1]
    elif inside:
        start = inside[0]
    end = timeline[-1] if timeline else None
    return HealthSummary(timeline=timeline, start=start, end=end)


def load_support(session: Session, account_id: uuid.UUID, quarter: Quarter) -> SupportSummary:
    """Summarise the tickets opened in the quarter, whatever their status today."""
    in_quarter = (
        SupportTicket.account_id == account_id,
        SupportTicket.deleted_at.is_(None),
        SupportTicket.opened_on.between(quarter.start, quarter.end),
    )
    by_priority = {
        priority or "unspecified": count
        for priority, count in session.execute(
            select(SupportTicket.priority, func.count())
            .where(*in_quarter)
            .group_by(SupportTicket.priority)
        ).all()
    }
    aggregates = session.execute(
        select(
            func.count(),
            func.avg(SupportTicket.resolution_hours),
            func.avg(SupportTicket.first_response_minutes),
            func.avg(SupportTicket.csat),
            func.count(SupportTicket.csat),
            func.count(case((SupportTicket.escalated.is_(True), 1))),
        ).where(*in_quarter)
    ).one()
    still_open = session.scalar(
        select(func.count()).where(
            *in_quarter,
            SupportTicket.closed_at.is_(None),
            func.lower(SupportTicket.status).not_in(CLOSED_TICKET_STATUSES),
        )
    )
    count, resolution, first_response, csat, csat_responses, escalated = aggregates
    return SupportSummary(
        count=count,
        by_priority=by_priority,
        mean_resolution_hours=resolution,
        mean_first_response_minutes=first_response,
        mean_csat=csat,
        csat_responses=csat_responses,
        escalated=escalated,
        still_open=still_open or 0,
    )


def load_churn_events(
    session: Session, account_id: uuid.UUID, quarter: Quarter
) -> list[ChurnRecord]:
    """Read churn and reactivation events dated in the quarter, oldest first."""
    rows = session.execute(
        select(
            ChurnEvent.churn_date,
            ChurnEvent.reason_code,
            ChurnEvent.is_reactivation,
            ChurnEvent.feedback_text,
        )
        .where(
            ChurnEvent.account_id == account_id,
            ChurnEvent.deleted_at.is_(None),
            ChurnEvent.churn_date.between(quarter.start, quarter.end),
        )
        .order_by(ChurnEvent.churn_date)
    ).all()
    return [ChurnRecord(**row._asdict()) for row in rows]


def load_notes(
    session: Session, account_id: uuid.UUID, quarter: Quarter, *, include_internal: bool
) -> list[NoteRecord]:
    """Read the quarter's finished notes, oldest first, leaving out drafts."""
    conditions = [
        Activity.account_id == account_id,
        Activity.deleted_at.is_(None),
        Activity.is_draft.is_(False),
        Activity.occurred_on.between(quarter.start, quarter.end),
    ]
    if not include_internal:
        conditions.append(Activity.kind != ActivityType.INTERNAL_NOTE)

    rows = session.execute(
        select(
            Activity.occurred_on,
            Activity.kind,
            Activity.title,
            Activity.attendees,
            Activity.summary,
            Activity.body,
            Activity.decisions,
            Activity.next_steps,
        )
        .where(*conditions)
        .order_by(Activity.occurred_on, Activity.created_at)
    ).all()
    return [NoteRecord(**row._asdict()) for row in rows]
