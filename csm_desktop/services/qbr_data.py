"""Facts about one account and one calendar quarter, gathered for a QBR.

Everything here is plain data read with Core selects, so the PDF builder,
the app and the tests share one definition of "the quarter's numbers".
Soft-deleted rows (``deleted_at`` set) are left out everywhere.
"""

from __future__ import annotations

import difflib
import logging
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Row, case, func, select
from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.services import accounts
from csm_desktop.services.health import health_timeline
from csm_desktop.store.models import (
    Account,
    Activity,
    ActivityType,
    ChurnEvent,
    SupportTicket,
    UsageMetric,
)

log = logging.getLogger(__name__)

USAGE_METRIC = "feature_events"
CLOSED_TICKET_STATUSES = frozenset({"closed", "resolved", "solved"})
MAX_CANDIDATES = 5


class AccountLookupError(LookupError):
    """No single account matches a name or id; ``candidates`` lists close account names."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class AccountNotFoundError(AccountLookupError, accounts.AccountNotFoundError):
    """No account matches the name or id.

    It also derives from the account service's error, so one ``except``
    clause in a caller catches a missing account from either module.
    """


class AmbiguousAccountError(AccountLookupError):
    """More than one account matches the name or prefix."""


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
class UsageSummary:
    """Weekly feature-event totals as (bucket start, total) pairs.

    Buckets are ISO weeks starting on Monday, except that the first one of
    a quarter starts on the quarter's first day. Weeks with no events hold 0.
    """

    weekly: list[tuple[date, float]]
    previous_weekly: list[tuple[date, float]]
    total: float
    previous_total: float
    # Fractional change against the previous quarter, None when that had no events.
    change: float | None
    # Feature name and its event total in the quarter, highest total first.
    features: list[tuple[str, float]]

    @property
    def has_data(self) -> bool:
        return any(value for _, value in self.weekly)


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
    account: AccountFacts
    quarter: Quarter
    health: HealthSummary
    usage: UsageSummary
    support: SupportSummary
    churn_events: list[ChurnRecord] = field(default_factory=list)
    notes: list[NoteRecord] = field(default_factory=list)


def gather_qbr_data(
    session: Session,
    account_id: uuid.UUID,
    quarter: Quarter,
    *,
    include_internal_notes: bool = False,
) -> QbrData:
    """Read everything a QBR shows for ``account_id`` in ``quarter``.

    Internal notes are left out unless ``include_internal_notes`` is True,
    because the QBR goes to the customer. Raises ``AccountNotFoundError``
    when the account does not exist or was deleted.
    """
    return QbrData(
        account=load_account_facts(session, account_id),
        quarter=quarter,
        health=load_health(session, account_id, quarter),
        usage=load_usage(session, account_id, quarter),
        support=load_support(session, account_id, quarter),
        churn_events=load_churn_events(session, account_id, quarter),
        notes=load_notes(session, account_id, quarter, include_internal=include_internal_notes),
    )


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


def week_start(day: date) -> date:
    """Return the Monday of the ISO week that contains ``day``."""
    return day - timedelta(days=day.weekday())


def _weekly_totals(
    session: Session, account_id: uuid.UUID, quarter: Quarter
) -> list[tuple[date, float]]:
    rows = session.execute(
        select(UsageMetric.usage_date, func.sum(UsageMetric.value))
        .where(
            UsageMetric.account_id == account_id,
            UsageMetric.metric == USAGE_METRIC,
            UsageMetric.deleted_at.is_(None),
            UsageMetric.usage_date.between(quarter.start, quarter.end),
        )
        .group_by(UsageMetric.usage_date)
    ).all()
    # The first bucket starts on the quarter's first day rather than the
    # Monday before it, so the two quarters' buckets never share a date.
    totals: Counter[date] = Counter()
    for usage_date, value in rows:
        totals[max(week_start(usage_date), quarter.start)] += float(value or 0)

    weeks = []
    bucket = quarter.start
    while bucket <= quarter.end:
        weeks.append((bucket, totals.get(bucket, 0.0)))
        bucket = week_start(bucket) + timedelta(days=7)
    return weeks


def load_usage(session: Session, account_id: uuid.UUID, quarter: Quarter) -> UsageSummary:
    """Sum feature events per week for the quarter and the one before it."""
    weekly = _weekly_totals(session, account_id, quarter)
    previous_weekly = _weekly_totals(session, account_id, quarter.previous())
    total = sum(value for _, value in weekly)
    previous_total = sum(value for _, value in previous_weekly)
    change = (total - previous_total) / previous_total if previous_total else None

    feature_total = func.sum(UsageMetric.value)
    features = session.execute(
        select(UsageMetric.feature, feature_total)
        .where(
            UsageMetric.account_id == account_id,
            UsageMetric.metric == USAGE_METRIC,
            UsageMetric.deleted_at.is_(None),
            UsageMetric.feature.is_not(None),
            UsageMetric.usage_date.between(quarter.start, quarter.end),
        )
        .group_by(UsageMetric.feature)
        .order_by(feature_total.desc(), UsageMetric.feature)
    ).all()
    return UsageSummary(
        weekly=weekly,
        previous_weekly=previous_weekly,
        total=total,
        previous_total=previous_total,
        change=change,
        features=[(name, float(value or 0)) for name, value in features],
    )


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


def find_account(session: Session, name_or_id: str) -> uuid.UUID:
    """Resolve an account from user input, trying each rule in turn.

    Rules in order: a UUID string, an exact external id, an exact name
    (case-insensitive), then a name prefix that only one account has.
    Raises ``AccountNotFoundError`` or ``AmbiguousAccountError`` with close
    account names in the message and in ``candidates``.
    """
    wanted = name_or_id.strip()
    if not wanted:
        raise AccountNotFoundError("No account name or id was given.", [])

    # Names are compared in Python because SQLite's lower() folds ASCII only,
    # which would miss "ŁÓDŹ" against "Łódź". A CSM's portfolio is expected to
    # hold a few thousand accounts at most, so one read of ids and names is cheap.
    accounts = session.execute(
        select(Account.id, Account.name, Account.external_id).where(Account.deleted_at.is_(None))
    ).all()

    by_uuid = _parse_uuid(wanted)
    if by_uuid is not None and any(row.id == by_uuid for row in accounts):
        return by_uuid

    rules = (
        lambda row: row.external_id == wanted,
        lambda row: row.name.casefold() == wanted.casefold(),
        lambda row: row.name.casefold().startswith(wanted.casefold()),
    )
    for rule in rules:
        matches = [row for row in accounts if rule(row)]
        if len(matches) == 1:
            return matches[0].id
        if matches:
            names = sorted(_label(row) for row in matches)
            shown = names[:MAX_CANDIDATES]
            more = len(names) - len(shown)
            listed = ", ".join(shown) + (f" and {more} more" if more else "")
            raise AmbiguousAccountError(
                f"{len(matches)} accounts match {wanted!r}: {listed}. "
                "Give the full name or the id.",
                shown,
            )

    close = difflib.get_close_matches(
        wanted.casefold(), [row.name.casefold() for row in accounts], n=MAX_CANDIDATES
    )
    candidates = [row.name for row in accounts if row.name.casefold() in close][:MAX_CANDIDATES]
    hint = f" Close names: {', '.join(candidates)}." if candidates else ""
    raise AccountNotFoundError(f"No account matches {wanted!r}.{hint}", candidates)


def _parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _label(row: Row[tuple[uuid.UUID, str, str | None]]) -> str:
    return f"{row.name} ({row.external_id})" if row.external_id else row.name
