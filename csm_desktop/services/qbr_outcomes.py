"""Outcome facts of a QBR quarter: goals, survey feedback, adoption and the ticket list.

Like ``qbr_data``, these are Core selects returning frozen dataclasses, and
soft-deleted rows are left out.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.store.models import Goal, SupportTicket, SurveyResponse, UsageMetric

log = logging.getLogger(__name__)

ACHIEVED = "achieved"
MISSED = "missed"
# Status shown for a goal still open on or after its due date at the quarter's
# end. It is never stored: the stored status stays as the CSM last set it.
OVERDUE = "overdue"
# Verbatims shown in the report; the appendix has no more, so pick the newest.
MAX_VERBATIMS = 6


@dataclass(frozen=True)
class GoalRecord:
    """A goal as the QBR shows it: ``status`` is the stored status or ``OVERDUE``."""

    objective: str
    owner: str | None
    target_value: float | None
    current_value: float | None
    unit: str | None
    due_on: date | None
    status: str
    achieved_on: date | None


@dataclass(frozen=True)
class GoalSummary:
    """Goals in scope for the quarter: due in it, achieved in it, or open and not yet overdue.

    ``planned`` counts goals due in the quarter; ``achieved`` counts those
    among them with status achieved by the quarter's last day.
    """

    goals: list[GoalRecord]
    planned: int
    achieved: int


@dataclass(frozen=True)
class Verbatim:
    responded_on: date
    kind: str
    score: float
    text: str


@dataclass(frozen=True)
class FeedbackSummary:
    """NPS and CSAT responses dated in the quarter, with the previous quarter's NPS.

    NPS is the promoter share minus the detractor share, in points from
    -100 to 100, None without responses. CSAT is the mean score on its own
    scale (``csat_scale_max``).
    """

    nps_responses: int
    promoters: int
    passives: int
    detractors: int
    nps: float | None
    previous_nps: float | None
    csat_responses: int
    mean_csat: float | None
    csat_scale_max: float | None
    verbatims: list[Verbatim]


@dataclass(frozen=True)
class AdoptionSummary:
    """Active users, seat use and feature breadth in the quarter and the previous one.

    Active users and seats used are the mean of the daily values recorded in
    the quarter; None when the metric was never recorded. ``features_available``
    counts the features any account used in the quarter, a proxy for the
    product's feature set.
    """

    active_users: float | None
    previous_active_users: float | None
    seats_used: float | None
    licensed_seats: int | None
    features_used: int
    previous_features_used: int
    features_available: int

    @property
    def seat_utilisation(self) -> float | None:
        used = self.seats_used if self.seats_used is not None else self.active_users
        if used is None or not self.licensed_seats:
            return None
        return used / self.licensed_seats


@dataclass(frozen=True)
class TicketRecord:
    opened_on: date
    subject: str | None
    priority: str | None
    status: str
    resolution_hours: float | None
    csat: float | None


def load_goals(session: Session, account_id: uuid.UUID, quarter: Quarter) -> GoalSummary:
    """Read the goals in scope for ``quarter``, due date first, undated last."""
    in_scope = or_(
        Goal.due_on.between(quarter.start, quarter.end),
        Goal.achieved_on.between(quarter.start, quarter.end),
        Goal.status.not_in((ACHIEVED, MISSED))
        & or_(Goal.due_on.is_(None), Goal.due_on >= quarter.start),
    )
    rows = session.execute(
        select(
            Goal.objective,
            Goal.owner,
            Goal.target_value,
            Goal.current_value,
            Goal.unit,
            Goal.due_on,
            Goal.status,
            Goal.achieved_on,
        )
        .where(Goal.account_id == account_id, Goal.deleted_at.is_(None), in_scope)
        .order_by(Goal.due_on.is_(None), Goal.due_on, Goal.objective)
    ).all()
    goals = [_as_of_quarter_end(GoalRecord(**row._asdict()), quarter) for row in rows]

    due = [goal for goal in goals if goal.due_on and quarter.start <= goal.due_on <= quarter.end]
    achieved = [
        goal
        for goal in due
        if goal.status == ACHIEVED and (goal.achieved_on is None or goal.achieved_on <= quarter.end)
    ]
    return GoalSummary(goals=goals, planned=len(due), achieved=len(achieved))


def _as_of_quarter_end(goal: GoalRecord, quarter: Quarter) -> GoalRecord:
    """Show an open goal due by the quarter's last day as overdue, whatever its stored status.

    A goal due on 31/12 and still "on track" on the stored record was not
    met by its due date, so the review of that quarter reports it as such.
    """
    if goal.status in (ACHIEVED, MISSED) or goal.due_on is None or goal.due_on > quarter.end:
        return goal
    return replace(goal, status=OVERDUE)


def _nps(session: Session, account_id: uuid.UUID, quarter: Quarter) -> tuple[int, int, int]:
    """Return (promoters, passives, detractors) among the quarter's NPS responses."""
    rows = session.execute(
        select(SurveyResponse.score).where(
            SurveyResponse.account_id == account_id,
            SurveyResponse.deleted_at.is_(None),
            SurveyResponse.kind == "nps",
            SurveyResponse.responded_on.between(quarter.start, quarter.end),
        )
    ).scalars()
    promoters = passives = detractors = 0
    for score in rows:
        if score >= 9:
            promoters += 1
        elif score >= 7:
            passives += 1
        else:
            detractors += 1
    return promoters, passives, detractors


def nps_score(promoters: int, passives: int, detractors: int) -> float | None:
    """Return the Net Promoter Score in points, or None without responses."""
    total = promoters + passives + detractors
    if not total:
        return None
    return 100.0 * (promoters - detractors) / total


def load_feedback(session: Session, account_id: uuid.UUID, quarter: Quarter) -> FeedbackSummary:
    """Summarise the NPS and CSAT survey responses dated in ``quarter``."""
    promoters, passives, detractors = _nps(session, account_id, quarter)
    previous = _nps(session, account_id, quarter.previous())

    in_quarter = (
        SurveyResponse.account_id == account_id,
        SurveyResponse.deleted_at.is_(None),
        SurveyResponse.responded_on.between(quarter.start, quarter.end),
    )
    csat_count, csat_mean, csat_max = session.execute(
        select(
            func.count(), func.avg(SurveyResponse.score), func.max(SurveyResponse.scale_max)
        ).where(*in_quarter, SurveyResponse.kind == "csat")
    ).one()
    verbatim_rows = session.execute(
        select(
            SurveyResponse.responded_on,
            SurveyResponse.kind,
            SurveyResponse.score,
            SurveyResponse.verbatim,
        )
        .where(*in_quarter, func.trim(func.coalesce(SurveyResponse.verbatim, "")) != "")
        .order_by(SurveyResponse.responded_on.desc())
        .limit(MAX_VERBATIMS)
    ).all()
    return FeedbackSummary(
        nps_responses=promoters + passives + detractors,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        nps=nps_score(promoters, passives, detractors),
        previous_nps=nps_score(*previous),
        csat_responses=csat_count,
        mean_csat=csat_mean,
        csat_scale_max=csat_max,
        verbatims=[
            Verbatim(day, kind, score, text.strip()) for day, kind, score, text in verbatim_rows
        ],
    )


def _mean_metric(
    session: Session, account_id: uuid.UUID, quarter: Quarter, metric: str
) -> float | None:
    daily = (
        select(func.sum(UsageMetric.value).label("total"))
        .where(
            UsageMetric.account_id == account_id,
            UsageMetric.deleted_at.is_(None),
            UsageMetric.metric == metric,
            UsageMetric.usage_date.between(quarter.start, quarter.end),
        )
        .group_by(UsageMetric.usage_date)
        .subquery()
    )
    return session.scalar(select(func.avg(daily.c.total)))


def _features_used(session: Session, quarter: Quarter, account_id: uuid.UUID | None) -> int:
    conditions = [
        UsageMetric.deleted_at.is_(None),
        UsageMetric.feature.is_not(None),
        UsageMetric.value > 0,
        UsageMetric.usage_date.between(quarter.start, quarter.end),
    ]
    if account_id is not None:
        conditions.append(UsageMetric.account_id == account_id)
    return session.scalar(select(func.count(func.distinct(UsageMetric.feature))).where(*conditions))


def load_adoption(
    session: Session, account_id: uuid.UUID, quarter: Quarter, licensed_seats: int | None
) -> AdoptionSummary:
    """Measure adoption in ``quarter`` against the previous quarter."""
    return AdoptionSummary(
        active_users=_mean_metric(session, account_id, quarter, "active_users"),
        previous_active_users=_mean_metric(session, account_id, quarter.previous(), "active_users"),
        seats_used=_mean_metric(session, account_id, quarter, "seats_used"),
        licensed_seats=licensed_seats,
        features_used=_features_used(session, quarter, account_id) or 0,
        previous_features_used=_features_used(session, quarter.previous(), account_id) or 0,
        features_available=_features_used(session, quarter, None) or 0,
    )


def load_tickets(session: Session, account_id: uuid.UUID, quarter: Quarter) -> list[TicketRecord]:
    """Read every ticket opened in ``quarter``, oldest first, for the appendix."""
    rows = session.execute(
        select(
            SupportTicket.opened_on,
            SupportTicket.subject,
            SupportTicket.priority,
            SupportTicket.status,
            SupportTicket.resolution_hours,
            SupportTicket.csat,
        )
        .where(
            SupportTicket.account_id == account_id,
            SupportTicket.deleted_at.is_(None),
            SupportTicket.opened_on.between(quarter.start, quarter.end),
        )
        .order_by(SupportTicket.opened_on, SupportTicket.created_at)
    ).all()
    return [TicketRecord(**row._asdict()) for row in rows]
