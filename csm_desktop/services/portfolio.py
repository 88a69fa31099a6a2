"""Portfolio rows: one summary line per live account, read with aggregate queries.

``load_portfolio`` issues a fixed number of queries whatever the number of
accounts (one for the accounts, one per dated source for the newest date,
plus the health service's own), so it scales to tens of thousands of rows.
"""

from __future__ import annotations

import calendar
import logging
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from csm_desktop.services.settings import reference_date
from csm_desktop.store.models import (
    Account,
    Activity,
    ChurnEvent,
    LifecycleStage,
    SupportTicket,
    UsageMetric,
)

log = logging.getLogger(__name__)


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
    # is at most one step short of the answer, and the step before it falls
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


def load_portfolio(session: Session) -> list[PortfolioRow]:
    """Load one row per account that is not deleted, ordered by name."""
    as_of = reference_date(session)
    last_dates = _last_activity_dates(session)
    health = _latest_health(session)

    rows: list[PortfolioRow] = []
    for account in session.execute(_account_query()):
        rows.append(_make_row(account, as_of, last_dates.get(account.id), health.get(account.id)))

    log.debug("Loaded %d portfolio rows as of %s", len(rows), as_of)
    return rows


def _account_query() -> Any:
    return (
        select(
            Account.id,
            Account.name,
            Account.industry,
            Account.country,
            Account.plan_tier,
            Account.seats,
            Account.arr,
            Account.currency,
            Account.renewal_date,
            Account.contract_start,
            Account.term_months,
            Account.lifecycle_stage,
            Account.segment,
            Account.owner,
            Account.tags,
        )
        .where(Account.deleted_at.is_(None))
        .order_by(Account.name)
    )


def _make_row(account: Any, as_of: date, last_activity: date | None, health: Any) -> PortfolioRow:
    renewal = None
    if account.lifecycle_stage != LifecycleStage.CHURNED:
        renewal = next_renewal(
            account.contract_start, account.term_months, account.renewal_date, as_of
        )

    return PortfolioRow(
        account_id=account.id,
        name=account.name,
        industry=account.industry,
        country=account.country,
        plan_tier=account.plan_tier,
        seats=account.seats,
        arr=account.arr,
        currency=account.currency or "USD",
        renewal_date=renewal,
        days_to_renewal=(renewal - as_of).days if renewal is not None else None,
        health_score=health.score if health is not None else None,
        health_colour=str(health.colour) if health is not None else None,
        health_trend=health.trend if health is not None else None,
        last_activity=last_activity,
        segment=account.segment,
        lifecycle_stage=account.lifecycle_stage,
        owner=account.owner,
        tags=_clean_tags(account.tags),
    )


def _clean_tags(tags: Any) -> tuple[str, ...]:
    """Return the stored tag list as a tuple of non-blank strings (JSON may hold anything)."""
    if not isinstance(tags, list):
        return ()
    return tuple(str(tag).strip() for tag in tags if str(tag).strip())


def _last_activity_dates(session: Session) -> dict[uuid.UUID, date]:
    """Return the newest dated record per account across the four dated sources."""
    sources = (
        (UsageMetric.account_id, UsageMetric.usage_date, UsageMetric.deleted_at),
        (SupportTicket.account_id, SupportTicket.opened_on, SupportTicket.deleted_at),
        (ChurnEvent.account_id, ChurnEvent.churn_date, ChurnEvent.deleted_at),
        (Activity.account_id, Activity.occurred_on, Activity.deleted_at),
    )
    newest: dict[uuid.UUID, date] = {}
    for account_col, date_col, deleted_col in sources:
        query = (
            select(account_col, func.max(date_col))
            .where(deleted_col.is_(None))
            .group_by(account_col)
        )
        for account_id, day in session.execute(query):
            current = newest.get(account_id)
            if day is not None and (current is None or day > current):
                newest[account_id] = day
    return newest


def _latest_health(session: Session) -> dict[uuid.UUID, Any]:
    """Return the health service's latest summary per account.

    Imported here rather than at module level so the portfolio loads even
    before any health snapshot exists and so tests can replace the service.
    """
    from csm_desktop.services import health as health_service

    return health_service.latest_health(session)
