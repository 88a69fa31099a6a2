"""One account's dated history in memory, sorted for fast point-in-time queries.

Days are proleptic date ordinals (``date.toordinal()``). Every series is
sorted so that a measure reads "up to D" with a binary search. Pure Python:
no database and no Qt.
"""

from __future__ import annotations

import math
import uuid
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from csm_desktop.health.engine import DatedSeries

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


@dataclass(frozen=True)
class KeyFeatures:
    """The features that count for adoption breadth, each with the first day it was seen.

    Shared by every account of a portfolio. A feature counts at D only when
    it was first seen on or before D, so a later launch does not lower old
    scores.
    """

    first_seen: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Sorted first days, so counting the features known on a day is one bisect.
        object.__setattr__(self, "_first_days", sorted(self.first_seen.values()))

    def known_on(self, day: int) -> list[str]:
        return [name for name, first in self.first_seen.items() if first <= day]

    def count_known_on(self, day: int) -> int:
        """Return how many features were first seen on or before ``day``."""
        return bisect_right(self._first_days, day)  # type: ignore[attr-defined]


@dataclass
class AccountHistory:
    """One account's dated history.

    ``start`` is the first day of the account's history (the earlier of the
    signup date and the first dated row) or None when it has neither.
    ``seats`` is the current licensed seat count: the store keeps no seat
    history, so seat utilisation compares past usage with today's licence.
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
    feature_days: dict[str, list[int]] = field(default_factory=dict)
    key_features: KeyFeatures = field(default_factory=KeyFeatures)
    seats: int | None = None
    seats_used: DatedSeries = field(default_factory=DatedSeries)
    seats_used_values: list[float] = field(default_factory=list)
    nps: list[tuple[int, float]] = field(default_factory=list)
    touches: list[int] = field(default_factory=list)
    # (due day, paid day or None), sorted by due day.
    invoices: list[tuple[int, int | None]] = field(default_factory=list)
    # (due day, achieved day or None), sorted by due day.
    goals: list[tuple[int, int | None]] = field(default_factory=list)
    # The day columns of ``nps``, ``invoices`` and ``goals``, kept for bisecting.
    nps_days: list[int] = field(default_factory=list)
    invoice_due_days: list[int] = field(default_factory=list)
    goal_due_days: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ExtraInputs:
    """The inputs beyond usage, tickets and churn, as plain rows with ``date`` values.

    ``features`` rows are (day, feature name); ``seats_used`` rows are
    (day, seats used); ``nps`` rows are (day, score 0-10); ``csat`` rows are
    (day, score, scale min, scale max); ``touches`` are the days of
    customer-facing activities; ``invoices`` are (due, paid or None);
    ``goals`` are (due, achieved or None).
    """

    features: Iterable[tuple[date, str]] = ()
    seats: int | None = None
    seats_used: Iterable[tuple[date, float]] = ()
    nps: Iterable[tuple[date, float]] = ()
    csat: Iterable[tuple[date, float, float, float]] = ()
    touches: Iterable[date] = ()
    invoices: Iterable[tuple[date, date | None]] = ()
    goals: Iterable[tuple[date, date | None]] = ()
    key_features: KeyFeatures = field(default_factory=KeyFeatures)


def build_history(
    account_id: uuid.UUID,
    signup_date: date | None,
    usage: Iterable[tuple[date, float]] = (),
    tickets: Iterable[tuple[date, datetime | date | None, str | None, float | None, bool]] = (),
    churns: Iterable[tuple[date, bool]] = (),
    extra: ExtraInputs | None = None,
) -> AccountHistory:
    """Build an ``AccountHistory`` from plain rows.

    ``usage`` rows are (day, feature events); negative or non-finite values
    are skipped. ``tickets`` rows are (opened_on, closed_at, priority, csat,
    escalated); ``churns`` rows are (churn_date, is_reactivation).
    """
    extra = extra or ExtraInputs()
    usage_points = [(d.toordinal(), v) for d, v in usage if math.isfinite(v) and v >= 0]
    facts = sorted((_ticket_fact(*row) for row in tickets), key=lambda fact: fact.opened)
    churn_rows = [(d.toordinal(), reactivation) for d, reactivation in churns]

    firsts = [signup_date.toordinal()] if signup_date else []
    firsts += [min(day for day, _ in usage_points)] if usage_points else []
    firsts += [facts[0].opened] if facts else []
    firsts += [min(day for day, _ in churn_rows)] if churn_rows else []
    start = date.fromordinal(min(firsts)) if firsts else None

    history = AccountHistory(
        account_id=account_id,
        start=start,
        usage=DatedSeries(usage_points),
        tickets=tuple(facts),
        ticket_opened=[f.opened for f in facts],
        escalations=DatedSeries((f.opened, 1.0) for f in facts if f.escalated),
        csat_closed=DatedSeries(_csat_points(facts, extra.csat)),
        fresh_churns=DatedSeries((d, 1.0) for d, again in churn_rows if not again),
        reactivation_churns=DatedSeries((d, 1.0) for d, again in churn_rows if again),
    )
    _add_extra(history, extra)
    return history


def _add_extra(history: AccountHistory, extra: ExtraInputs) -> None:
    """Fill the fields that the measures beyond the first version read."""
    feature_days: dict[str, set[int]] = {}
    for day, name in extra.features:
        feature_days.setdefault(name, set()).add(day.toordinal())
    history.feature_days = {name: sorted(days) for name, days in feature_days.items()}
    history.key_features = extra.key_features

    history.seats = extra.seats if extra.seats and extra.seats > 0 else None
    seat_rows = sorted(
        (d.toordinal(), v) for d, v in extra.seats_used if math.isfinite(v) and v >= 0
    )
    history.seats_used = DatedSeries((day, 1.0) for day, _ in seat_rows)
    history.seats_used_values = [value for _, value in seat_rows]

    history.nps = sorted(
        (d.toordinal(), s) for d, s in extra.nps if math.isfinite(s) and 0 <= s <= 10
    )
    history.touches = sorted(d.toordinal() for d in extra.touches)
    # Sorted by due day only, because the second item may be None.
    history.invoices = sorted(
        ((due.toordinal(), paid.toordinal() if paid else None) for due, paid in extra.invoices),
        key=lambda row: row[0],
    )
    history.goals = sorted(
        ((due.toordinal(), met.toordinal() if met else None) for due, met in extra.goals),
        key=lambda row: row[0],
    )
    history.nps_days = [day for day, _ in history.nps]
    history.invoice_due_days = [due for due, _ in history.invoices]
    history.goal_due_days = [due for due, _ in history.goals]


def _csat_points(
    facts: Iterable[TicketFact], surveys: Iterable[tuple[date, float, float, float]]
) -> list[tuple[int, float]]:
    """Merge rated closed tickets (1-5) and CSAT survey answers rescaled to 1-5."""
    points = [
        (f.closed, f.csat)
        for f in facts
        if f.closed is not None and f.csat is not None and math.isfinite(f.csat)
    ]
    for day, score, low, high in surveys:
        if not (math.isfinite(score) and math.isfinite(low) and math.isfinite(high)):
            continue
        if high <= low or not low <= score <= high:
            continue
        fraction = (score - low) / (high - low)
        scaled = CSAT_SCALE_MIN + fraction * (CSAT_SCALE_MAX - CSAT_SCALE_MIN)
        points.append((day.toordinal(), scaled))
    return points


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
