"""The first-version (v1) health measures: usage trend, support, CSAT, escalations, churn.

Every measure is computed point in time at a date D and reads only rows
dated on or before D. A window of N days "up to D" means the days D-N+1 to
D inclusive. Pure Python: no database and no Qt. The measures added later
live in ``readers.py``; the configured scorecards are built in ``catalogue.py``.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from datetime import date

from csm_desktop.health.engine import BandRule, LinearRule, Measure, Reading, Scorecard
from csm_desktop.health.explain import Why
from csm_desktop.health.history import (
    CSAT_SCALE_MAX,
    CSAT_SCALE_MIN,
    AccountHistory,
    TicketFact,
    build_history,
)

__all__ = ["AccountHistory", "TicketFact", "build_history"]

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
# Readings without arguments never change, so each is built once (a backfill
# returns them hundreds of thousands of times).
_NO_DATA = {code: Reading(None, Why(code)) for code in ("u0", "t0", "c0", "h0")}
_ZERO = {code: Reading(0.0, Why(code)) for code in ("t1", "e0", "h1")}


def _window(as_of: date, days: int) -> tuple[int, int]:
    """Return the first and last day ordinal of the ``days``-day window ending on ``as_of``."""
    last = as_of.toordinal()
    return last - days + 1, last


def read_usage_trend(history: AccountHistory, as_of: date) -> Reading:
    """Read the ratio of feature events in the 90 days up to D to the 90 days before."""
    return read_usage_ratio(history, as_of, USAGE_WINDOW_DAYS)


def read_usage_ratio(history: AccountHistory, as_of: date, days: int) -> Reading:
    """Read the ratio of feature events in the ``days`` days up to D to the ``days`` before.

    No usage in either window but usage earlier reads as ratio 0 (dormant).
    Usage only in the recent window reads as ratio 2 (started or resumed).
    No usage on or before D at all is not applicable. ``data_on`` is the day
    of the last usage row, so a feed that stopped makes the measure stale.
    """
    first, last = _window(as_of, days)
    recent = history.usage.total(first, last)
    earlier = history.usage.total(first - days, first - 1)
    last_seen = history.usage.last_on_or_before(last)

    if last_seen is None:
        return _NO_DATA["u0"]
    seen = date.fromordinal(last_seen)
    if recent <= 0 and earlier <= 0:
        return Reading(0.0, Why("u1", (days, seen.isoformat())), seen)
    if earlier <= 0:
        return Reading(NEW_USAGE_RATIO, Why("u2", (days, recent)), seen)

    ratio = recent / earlier
    change = round((ratio - 1.0) * 100)
    if change == 0:
        why = Why("u3", (days, recent))
    elif change > 0:
        why = Why("u4", (days, recent, change, earlier))
    else:
        # The fifth argument, the days with usage before, is not shown; the
        # Today alert reads it to ignore falls measured on a handful of rows.
        active = history.usage.count(first - days, first - 1)
        why = Why("u5", (days, recent, -change, earlier, active))
    return Reading(ratio, why, seen)


def read_support_load(history: AccountHistory, as_of: date) -> Reading:
    """Read the weighted count of tickets opened in the 90 days up to D.

    Each ticket counts 1, plus 1 when high priority or 2 when urgent, plus 1
    when it is still open at D (not closed by the end of D). Not applicable
    when the account has no ticket opened on or before D, because then the
    support data may simply be missing.
    """
    first, last = _window(as_of, SUPPORT_WINDOW_DAYS)
    if bisect_right(history.ticket_opened, last) == 0:
        return _NO_DATA["t0"]

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
        return _ZERO["t1"]
    return Reading(load, Why("t2", (opened, severe, still_open, load)))


def read_csat(history: AccountHistory, as_of: date) -> Reading:
    """Read the mean CSAT (1-5) of closed tickets and CSAT answers in the 180 days up to D.

    Survey answers are rescaled from their own scale to 1-5. Not applicable
    when there is no rating in the window.
    """
    first, last = _window(as_of, CSAT_WINDOW_DAYS)
    rated = history.csat_closed.count(first, last)
    if rated == 0:
        return _NO_DATA["c0"]
    mean = history.csat_closed.total(first, last) / rated
    return Reading(mean, Why("c1", (round(mean, 1), rated)))


def read_escalations(history: AccountHistory, as_of: date) -> Reading:
    """Read the number of escalated tickets opened in the 180 days up to D.

    Not applicable when the account has no ticket opened on or before D.
    NOTE: the escalation flag is the ticket's final state. The data has no
    escalation date, so a ticket escalated after D counts from its opening day.
    """
    first, last = _window(as_of, ESCALATION_WINDOW_DAYS)
    if bisect_right(history.ticket_opened, last) == 0:
        return _NO_DATA["t0"]
    escalated = history.escalations.count(first, last)
    if escalated == 0:
        return _ZERO["e0"]
    return Reading(float(escalated), Why("e1", (escalated,)))


def read_churn_history(history: AccountHistory, as_of: date) -> Reading:
    """Read the churn severity over the 365 days up to D.

    A fresh churn counts 1 and a churn flagged as a reactivation (the account
    had churned before and came back) counts 0.5. Applicable from the start of
    the account's history, because no churn event means the account stayed.
    """
    if history.start is None or history.start > as_of:
        return _NO_DATA["h0"]
    first, last = _window(as_of, CHURN_WINDOW_DAYS)
    fresh = history.fresh_churns.count(first, last)
    again = history.reactivation_churns.count(first, last)
    if fresh == 0 and again == 0:
        return _ZERO["h1"]
    severity = fresh * FRESH_CHURN_SEVERITY + again * REACTIVATION_CHURN_SEVERITY
    return Reading(severity, Why("h2", (fresh, again)))


def v1_measures() -> tuple[Measure[AccountHistory], ...]:
    """Return the v1 measures with their v1 weights (they sum to 100)."""
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


def v1_scorecard() -> Scorecard[AccountHistory]:
    """Return the v1 scorecard with the default bands and coverage floor.

    The app scores with the configured profiles (``catalogue.py``); this
    fixed scorecard stays as a reference for tests and comparisons.
    """
    return Scorecard(v1_measures(), version=SCORECARD_VERSION)
