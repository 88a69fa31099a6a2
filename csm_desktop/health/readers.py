"""Health measures beyond the first version: 30-day usage, adoption, seats, NPS,
engagement, invoices and onboarding.

Each reader takes an ``AccountHistory`` and a date D, reads only rows dated
on or before D, and returns ``Reading(None, ...)`` when the account has no
data for it, so the measure is left out of the score. Pure Python.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import date

from csm_desktop.health.engine import Reading
from csm_desktop.health.explain import Why
from csm_desktop.health.history import AccountHistory
from csm_desktop.health.measures import read_usage_ratio

log = logging.getLogger(__name__)

SHORT_USAGE_WINDOW_DAYS = 30
BREADTH_WINDOW_DAYS = 90
SEATS_WINDOW_DAYS = 30
NPS_WINDOW_DAYS = 365
NPS_PROMOTER_FROM = 9
NPS_DETRACTOR_UP_TO = 6
# Readings without arguments never change, so each is built once (a backfill
# returns them hundreds of thousands of times).
_NO_DATA = {code: Reading(None, Why(code)) for code in ("b0", "s0", "n0", "r0", "i0", "g0")}
_ZERO = {code: Reading(0.0, Why(code)) for code in ("i1",)}


def read_usage_trend_30(history: AccountHistory, as_of: date) -> Reading:
    """Read the ratio of feature events in the 30 days up to D to the 30 days before."""
    return read_usage_ratio(history, as_of, SHORT_USAGE_WINDOW_DAYS)


def read_adoption_breadth(history: AccountHistory, as_of: date) -> Reading:
    """Read the share (0-1) of the portfolio's key features the account used in 90 days up to D.

    Not applicable when no key feature was known by D (no feature-level usage
    in the portfolio) or when the account never used any feature by D.
    """
    last = as_of.toordinal()
    first = last - BREADTH_WINDOW_DAYS + 1
    known = history.key_features.count_known_on(last)
    if not known:
        return _NO_DATA["b0"]

    # Only the account's own features can count, so loop over those rather
    # than over every key feature of the portfolio.
    first_seen = history.key_features.first_seen
    used_ever = False
    used = 0
    newest: int | None = None
    for name, days in history.feature_days.items():
        seen_first = first_seen.get(name)
        if seen_first is None or seen_first > last or not days:
            continue
        upto = bisect_right(days, last)
        if upto == 0:
            continue
        used_ever = True
        newest = max(newest or 0, days[upto - 1])
        if days[upto - 1] >= first:
            used += 1
    if not used_ever:
        return _NO_DATA["b0"]
    data_on = date.fromordinal(newest) if newest else None
    return Reading(used / known, Why("b1", (used, known, BREADTH_WINDOW_DAYS)), data_on)


def read_adoption_breadth_dates(history: AccountHistory, dates: Sequence[date]) -> list[Reading]:
    """Read adoption breadth at each of ``dates`` in one sweep over the account's feature events.

    Returns the same readings as ``read_adoption_breadth`` at each date. The
    sweep keeps each feature's last day of use so far, so it needs ``dates``
    in ascending order. Dates in any other order are read one by one.
    """
    if any(later < earlier for earlier, later in zip(dates, dates[1:], strict=False)):
        return [read_adoption_breadth(history, as_of) for as_of in dates]

    events = sorted((day, name) for name, days in history.feature_days.items() for day in days)
    first_seen = history.key_features.first_seen
    last_use: dict[str, int] = {}
    position = 0
    readings = []
    for as_of in dates:
        last = as_of.toordinal()
        while position < len(events) and events[position][0] <= last:
            day, name = events[position]
            last_use[name] = day
            position += 1
        readings.append(_breadth_at(history, last_use, first_seen, last))
    return readings


def _breadth_at(
    history: AccountHistory, last_use: dict[str, int], first_seen: Mapping[str, int], last: int
) -> Reading:
    """Read adoption breadth on day ``last`` from each feature's last day of use up to it."""
    known = history.key_features.count_known_on(last)
    if not known:
        return _NO_DATA["b0"]
    first = last - BREADTH_WINDOW_DAYS + 1
    used = 0
    newest = 0
    for name, day in last_use.items():
        seen_first = first_seen.get(name)
        if seen_first is None or seen_first > last:
            continue
        newest = max(newest, day)
        if day >= first:
            used += 1
    if not newest:
        return _NO_DATA["b0"]
    why = Why("b1", (used, known, BREADTH_WINDOW_DAYS))
    return Reading(used / known, why, date.fromordinal(newest))


def read_seat_utilisation(history: AccountHistory, as_of: date) -> Reading:
    """Read the latest seats-used figure in the 30 days up to D divided by licensed seats.

    Not applicable without a licensed seat count or without a figure in the
    window. Values above 1 (more users than seats) are kept as they are.
    """
    if not history.seats:
        return _NO_DATA["s0"]
    last = as_of.toordinal()
    index = bisect_right(history.seats_used.days, last)
    if index == 0 or history.seats_used.days[index - 1] < last - SEATS_WINDOW_DAYS + 1:
        return Reading(None, Why("s1", (SEATS_WINDOW_DAYS,)))
    day = history.seats_used.days[index - 1]
    used = history.seats_used_values[index - 1]
    seen = date.fromordinal(day)
    return Reading(used / history.seats, Why("s2", (used, history.seats, seen.isoformat())), seen)


def read_nps(history: AccountHistory, as_of: date) -> Reading:
    """Read the account's NPS (-100 to 100) from its responses in the 365 days up to D.

    When there is none in the window but older ones exist, the 365 days up
    to the newest older response are used, and ``data_on`` makes the
    measure stale. Not applicable without any response by D.
    """
    last = as_of.toordinal()
    days = history.nps_days
    upto = bisect_right(days, last)
    if upto == 0:
        return _NO_DATA["n0"]
    newest = days[upto - 1]
    start = bisect_left(days, newest - NPS_WINDOW_DAYS + 1)
    scores = [score for _, score in history.nps[start:upto]]
    promoters = sum(1 for s in scores if s >= NPS_PROMOTER_FROM)
    detractors = sum(1 for s in scores if s <= NPS_DETRACTOR_UP_TO)
    nps = 100.0 * (promoters - detractors) / len(scores)
    seen = date.fromordinal(newest)
    why = Why("n1", (round(nps), len(scores), promoters, detractors, seen.isoformat()))
    return Reading(nps, why, seen)


def read_engagement_recency(history: AccountHistory, as_of: date) -> Reading:
    """Read the days from the last customer-facing touch on or before D to D.

    Internal notes and drafts are not touches; the loader leaves them out.
    Not applicable when the account has no touch by D.
    """
    last = as_of.toordinal()
    upto = bisect_right(history.touches, last)
    if upto == 0:
        return _NO_DATA["r0"]
    touched = history.touches[upto - 1]
    days = last - touched
    return Reading(float(days), Why("r1", (days, date.fromordinal(touched).isoformat())))


def read_invoice_status(history: AccountHistory, as_of: date) -> Reading:
    """Read the days the oldest invoice unpaid at D is overdue (0 when none is).

    An invoice is overdue at D when it is due before D and not paid by D.
    Not applicable when no invoice is due on or before D.
    """
    last = as_of.toordinal()
    upto = bisect_right(history.invoice_due_days, last)
    if upto == 0:
        return _NO_DATA["i0"]
    overdue = [
        last - due
        for due, paid in history.invoices[:upto]
        if due < last and (paid is None or paid > last)
    ]
    if not overdue:
        return _ZERO["i1"]
    oldest = max(overdue)
    return Reading(float(oldest), Why("i2", (len(overdue), oldest)))


def read_onboarding_progress(history: AccountHistory, as_of: date) -> Reading:
    """Read the share (0-1) of goals due on or before D that were met by their due date or D.

    A goal counts as met when its achieved date is on or before D. Not
    applicable when no goal is due by D.
    """
    last = as_of.toordinal()
    upto = bisect_right(history.goal_due_days, last)
    if upto == 0:
        return _NO_DATA["g0"]
    met = sum(
        1 for _, achieved in history.goals[:upto] if achieved is not None and achieved <= last
    )
    return Reading(met / upto, Why("g1", (met, upto)))
