"""The first-version (v1) health measures and the in-memory account history they read.

Every measure is computed point in time at a date D and reads only rows
dated on or before D. A window of N days "up to D" means the days D-N+1 to
D inclusive. Pure Python: no database and no Qt.
"""

from __future__ import annotations

import logging
import math
import uuid
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from csm_desktop.health.engine import (
    BandRule,
    DatedSeries,
    LinearRule,
    Measure,
    Reading,
    Scorecard,
)

log = logging.getLogger(__name__)

SCORECARD_VERSION = "v1"

USAGE_WINDOW_DAYS = 90
SUPPORT_WINDOW_DAYS = 90
CSAT_WINDOW_DAYS = 180
ESCALATION_WINDOW_DAYS = 180
CHURN_WINDOW_DAYS = 365

# Usage ratio used when the earlier window is empty but the recent one is not.
NEW_USAGE_RATIO = 2.0
# Extra support load per ticket on top of 1 for the ticket itself.
PRIORITY_EXTRA_LOAD = {"high": 1.0, "urgent": 2.0}
OPEN_TICKET_EXTRA_LOAD = 1.0
# Churn severity per event: a fresh churn counts 1 and a churn after a comeback less.
FRESH_CHURN_SEVERITY = 1.0
REACTIVATION_CHURN_SEVERITY = 0.5
CSAT_SCALE_MIN = 1.0
CSAT_SCALE_MAX = 5.0


@dataclass(frozen=True)
class TicketFact:
    """The facts of one support ticket that the measures need, with days as date ordinals."""

    opened: int
    closed: int | None
    priority: str | None
    csat: float | None
    escalated: bool


@dataclass
class AccountHistory:
    """One account's dated history, sorted for fast point-in-time queries.

    ``start`` is the first day of the account's history (the earlier of the
    signup date and the first dated row) or None when it has neither.
    """

    account_id: uuid.UUID
    start: date | None
    usage: DatedSeries = field(default_factory=DatedSeries)
    tickets: tuple[TicketFact, ...] = ()
    ticket_opened: list[int] = field(default_factory=list)
    escalations: DatedSeries = field(default_factory=DatedSeries)
    csat_closed: DatedSeries = field(default_factory=DatedSeries)
    fresh_churns: DatedSeries = field(default_factory=DatedSeries)
    reactivation_churns: DatedSeries = field(default_factory=DatedSeries)


def build_history(
    account_id: uuid.UUID,
    signup_date: date | None,
    usage: Iterable[tuple[date, float]] = (),
    tickets: Iterable[tuple[date, datetime | date | None, str | None, float | None, bool]] = (),
    churns: Iterable[tuple[date, bool]] = (),
) -> AccountHistory:
    """Build an ``AccountHistory`` from plain rows.

    ``usage`` rows are (day, feature events); negative or non-finite values
    are skipped. ``tickets`` rows are (opened_on, closed_at, priority, csat,
    escalated); ``churns`` rows are (churn_date, is_reactivation).
    """
    usage_points = [(d.toordinal(), v) for d, v in usage if math.isfinite(v) and v >= 0]
    facts = sorted((_ticket_fact(*row) for row in tickets), key=lambda fact: fact.opened)
    churn_rows = [(d.toordinal(), reactivation) for d, reactivation in churns]

    firsts = [signup_date.toordinal()] if signup_date else []
    firsts += [min(day for day, _ in usage_points)] if usage_points else []
    firsts += [facts[0].opened] if facts else []
    firsts += [min(day for day, _ in churn_rows)] if churn_rows else []
    start = date.fromordinal(min(firsts)) if firsts else None

    return AccountHistory(
        account_id=account_id,
        start=start,
        usage=DatedSeries(usage_points),
        tickets=tuple(facts),
        ticket_opened=[f.opened for f in facts],
        escalations=DatedSeries((f.opened, 1.0) for f in facts if f.escalated),
        csat_closed=DatedSeries(
            (f.closed, f.csat)
            for f in facts
            if f.closed is not None and f.csat is not None and math.isfinite(f.csat)
        ),
        fresh_churns=DatedSeries((d, 1.0) for d, again in churn_rows if not again),
        reactivation_churns=DatedSeries((d, 1.0) for d, again in churn_rows if again),
    )


def _ticket_fact(
    opened_on: date,
    closed_at: datetime | date | None,
    priority: str | None,
    csat: float | None,
    escalated: bool,
) -> TicketFact:
    closed = closed_at.toordinal() if closed_at is not None else None
    normalised = priority.strip().lower() if priority else None
    return TicketFact(opened_on.toordinal(), closed, normalised, csat, bool(escalated))


def _window(as_of: date, days: int) -> tuple[int, int]:
    """Return the first and last day ordinal of the ``days``-day window ending on ``as_of``."""
    last = as_of.toordinal()
    return last - days + 1, last


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _amount(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def read_usage_trend(history: AccountHistory, as_of: date) -> Reading:
    """Read the ratio of feature events in the 90 days up to D to the 90 days before.

    No usage in either window but usage earlier reads as ratio 0 (dormant).
    Usage only in the recent window reads as ratio 2 (started or resumed).
    No usage on or before D at all is not applicable.
    """
    first, last = _window(as_of, USAGE_WINDOW_DAYS)
    recent = history.usage.total(first, last)
    earlier = history.usage.total(first - USAGE_WINDOW_DAYS, first - 1)
    last_seen = history.usage.last_on_or_before(last)

    if last_seen is None:
        return Reading(None, f"No feature usage recorded up to {as_of.isoformat()}.")
    if recent <= 0 and earlier <= 0:
        seen = date.fromordinal(last_seen).isoformat()
        return Reading(0.0, f"No feature events in the last 180 days; the last were on {seen}.")

    head = f"{_amount(recent)} feature events in the last 90 days"
    if earlier <= 0:
        return Reading(NEW_USAGE_RATIO, f"{head}, none in the 90 days before.")
    ratio = recent / earlier
    change = round((ratio - 1.0) * 100)
    if change == 0:
        trend = "about the same as the 90 days before"
    else:
        trend = f"{'up' if change > 0 else 'down'} {abs(change)}% on the 90 days before"
    return Reading(ratio, f"{head}, {trend}.")


def read_support_load(history: AccountHistory, as_of: date) -> Reading:
    """Read the weighted count of tickets opened in the 90 days up to D.

    Each ticket counts 1, plus 1 when high priority or 2 when urgent, plus 1
    when it is still open at D (not closed by the end of D). Not applicable
    when the account has no ticket opened on or before D, because then the
    support data may simply be missing.
    """
    first, last = _window(as_of, SUPPORT_WINDOW_DAYS)
    if bisect_right(history.ticket_opened, last) == 0:
        return Reading(None, f"No support tickets recorded up to {as_of.isoformat()}.")

    start = bisect_left(history.ticket_opened, first)
    stop = bisect_right(history.ticket_opened, last)
    load = 0.0
    severe = still_open = 0
    for ticket in history.tickets[start:stop]:
        extra = PRIORITY_EXTRA_LOAD.get(ticket.priority or "", 0.0)
        is_open = ticket.closed is None or ticket.closed > last
        load += 1.0 + extra + (OPEN_TICKET_EXTRA_LOAD if is_open else 0.0)
        severe += extra > 0
        still_open += is_open

    opened = stop - start
    if opened == 0:
        return Reading(0.0, "No tickets opened in the last 90 days.")
    text = (
        f"{_count(opened, 'ticket')} opened in the last 90 days "
        f"({severe} high or urgent, {still_open} still open); load {_amount(load)}."
    )
    return Reading(load, text)


def read_csat(history: AccountHistory, as_of: date) -> Reading:
    """Read the mean CSAT (1-5) of tickets closed in the 180 days up to D.

    Only rated tickets count. Not applicable when none was closed in the window.
    """
    first, last = _window(as_of, CSAT_WINDOW_DAYS)
    rated = history.csat_closed.count(first, last)
    if rated == 0:
        return Reading(None, "No rated tickets closed in the last 180 days.")
    mean = history.csat_closed.total(first, last) / rated
    rated_text = _count(rated, "rated ticket")
    text = f"Mean CSAT {mean:.1f} of 5 over {rated_text} closed in the last 180 days."
    return Reading(mean, text)


def read_escalations(history: AccountHistory, as_of: date) -> Reading:
    """Read the number of escalated tickets opened in the 180 days up to D.

    Not applicable when the account has no ticket opened on or before D.
    NOTE: the escalation flag is the ticket's final state. The data has no
    escalation date, so a ticket escalated after D counts from its opening day.
    """
    first, last = _window(as_of, ESCALATION_WINDOW_DAYS)
    if bisect_right(history.ticket_opened, last) == 0:
        return Reading(None, f"No support tickets recorded up to {as_of.isoformat()}.")
    escalated = history.escalations.count(first, last)
    if escalated == 0:
        return Reading(0.0, "No escalated tickets in the last 180 days.")
    return Reading(
        float(escalated), f"{_count(escalated, 'escalated ticket')} in the last 180 days."
    )


def read_churn_history(history: AccountHistory, as_of: date) -> Reading:
    """Read the churn severity over the 365 days up to D.

    A fresh churn counts 1 and a churn flagged as a reactivation (the account
    had churned before and came back) counts 0.5. Applicable from the start of
    the account's history, because no churn event means the account stayed.
    """
    if history.start is None or history.start > as_of:
        return Reading(None, f"The account's history starts after {as_of.isoformat()}.")
    first, last = _window(as_of, CHURN_WINDOW_DAYS)
    fresh = history.fresh_churns.count(first, last)
    again = history.reactivation_churns.count(first, last)
    if fresh == 0 and again == 0:
        return Reading(0.0, "No churn events in the last 365 days.")
    severity = fresh * FRESH_CHURN_SEVERITY + again * REACTIVATION_CHURN_SEVERITY
    text = (
        f"{_count(fresh, 'fresh churn')} and {_count(again, 'churn')} after a reactivation "
        "in the last 365 days."
    )
    return Reading(severity, text)


def default_measures() -> tuple[Measure[AccountHistory], ...]:
    """Return the v1 measures with their default weights (they sum to 100)."""
    return (
        Measure(
            "usage_trend",
            "Usage trend",
            35.0,
            LinearRule(((0.0, 0.0), (0.5, 40.0), (1.0, 75.0), (1.5, 100.0))),
            read_usage_trend,
            "Feature events in the last 90 days divided by the 90 days before: "
            "0 scores 0, half scores 40, steady scores 75, +50% or more scores 100.",
        ),
        Measure(
            "support_load",
            "Support load",
            20.0,
            LinearRule(((0.0, 100.0), (1.0, 85.0), (3.0, 60.0), (6.0, 30.0), (10.0, 0.0))),
            read_support_load,
            "Tickets opened in the last 90 days, each counting 1, +1 if high, +2 if urgent, "
            "+1 if still open: 0 scores 100, 1 scores 85, 3 scores 60, 6 scores 30, 10 scores 0.",
        ),
        Measure(
            "csat",
            "CSAT",
            15.0,
            LinearRule(((CSAT_SCALE_MIN, 0.0), (CSAT_SCALE_MAX, 100.0))),
            read_csat,
            "Mean CSAT of tickets closed in the last 180 days: 1 scores 0, 5 scores 100.",
        ),
        Measure(
            "escalations",
            "Escalations",
            10.0,
            BandRule(edges=(1.0, 2.0, 3.0), scores=(100.0, 50.0, 25.0, 0.0)),
            read_escalations,
            "Escalated tickets in the last 180 days: none scores 100, 1 scores 50, "
            "2 scores 25, 3 or more score 0.",
        ),
        Measure(
            "churn_history",
            "Churn history",
            20.0,
            LinearRule(((0.0, 100.0), (0.5, 60.0), (1.0, 30.0), (2.0, 0.0))),
            read_churn_history,
            "Churn events in the last 365 days, a fresh churn counting 1 and a churn "
            "after a reactivation 0.5: 0 scores 100, 0.5 scores 60, 1 scores 30, 2 scores 0.",
        ),
    )


def default_scorecard() -> Scorecard[AccountHistory]:
    """Return the v1 scorecard with the default bands and coverage floor."""
    return Scorecard(default_measures(), version=SCORECARD_VERSION)
