"""The portfolio row and the renewal-date rule, free of SQLAlchemy.

The first paint of the portfolio builds these rows before SQLAlchemy is
imported (see ``portfolio_read``), so nothing here may import it.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class PortfolioRow:
    """Summary of one account as the portfolio table shows it."""

    account_id: uuid.UUID
    name: str
    industry: str | None
    country: str | None
    plan_tier: str | None
    seats: int | None
    arr: Decimal | None
    currency: str
    renewal_date: date | None
    # Negative when an explicit renewal date has passed without being updated.
    days_to_renewal: int | None
    health_score: float | None
    # One of the ``HealthColour`` values, or None when no snapshot exists yet.
    health_colour: str | None
    # +1 improving, 0 flat, -1 declining. None without a snapshot.
    health_trend: int | None
    # Newest date of any usage, ticket, churn event or note.
    last_activity: date | None
    segment: str | None = None
    lifecycle_stage: str | None = None
    owner: str | None = None
    tags: tuple[str, ...] = ()


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by whole months, clamped to the last day of a shorter month."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last_day))


def next_renewal(
    contract_start: date | None,
    term_months: int | None,
    explicit: date | None,
    on_or_after: date,
) -> date | None:
    """Return the renewal date an account is heading for as seen on ``on_or_after``.

    An explicit renewal date wins as stored, even when it has passed, so the
    UI can flag it as overdue. Otherwise the date rolls forward from
    ``contract_start`` in steps of ``term_months`` to the first one on or
    after ``on_or_after``. Each step is counted from the contract start, so
    a 31 January start renews on 28 February and then on 31 March. Without a
    start or a positive term there is no renewal date.
    """
    if explicit is not None:
        return explicit
    if contract_start is None or not term_months or term_months <= 0:
        return None

    # The first whole-term step that reaches the month of ``on_or_after``
    # is at most one step short of the result, and the step before it falls
    # in an earlier month, so counting up from there finds the smallest one.
    months_between = (on_or_after.year - contract_start.year) * 12 + (
        on_or_after.month - contract_start.month
    )
    terms = max(1, months_between // term_months)
    candidate = add_months(contract_start, terms * term_months)
    while candidate < on_or_after:
        terms += 1
        candidate = add_months(contract_start, terms * term_months)
    return candidate
