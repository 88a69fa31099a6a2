"""Portfolio roll-up for the coordinator's report: ARR by health, renewals, movement, owners.

Built on ``load_portfolio`` so the report and the portfolio table agree on
every account's ARR, renewal and health.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.services.portfolio import PortfolioRow, load_portfolio
from csm_desktop.services.settings import reference_date
from csm_desktop.store.models import HealthSnapshot

log = logging.getLogger(__name__)

COLOURS = ("green", "yellow", "red", "none")
RENEWAL_QUARTERS = 4
ATTENTION_RENEWAL_DAYS = 90
# Health movement compares with the newest snapshot at least this many days old.
MOVEMENT_DAYS = 90


@dataclass(frozen=True)
class OwnerRollup:
    owner: str
    accounts: int
    arr: Decimal
    at_risk_arr: Decimal
    red: int


@dataclass(frozen=True)
class PortfolioSummary:
    """Figures of the portfolio report. Money is summed per ``currency`` (the most common one).

    ``movement`` maps (colour before, colour now) to a count of accounts;
    ``renewals`` maps each of the next four quarters to (count, ARR).
    """

    as_of: date
    currency: str
    accounts: int
    total_arr: Decimal
    arr_by_colour: dict[str, Decimal]
    count_by_colour: dict[str, int]
    at_risk_arr: Decimal
    renewals: dict[Quarter, tuple[int, Decimal]]
    movement: dict[tuple[str, str], int]
    attention: list[PortfolioRow]
    owners: list[OwnerRollup]
    # Accounts left out of money totals because they bill in another currency.
    other_currency: int


def _colour(row: PortfolioRow) -> str:
    return row.health_colour if row.health_colour in ("green", "yellow", "red") else "none"


def is_at_risk(row: PortfolioRow) -> bool:
    """Return True for red accounts and for yellow ones whose health is declining."""
    return row.health_colour == "red" or (row.health_colour == "yellow" and row.health_trend == -1)


def needs_attention(row: PortfolioRow) -> bool:
    """Return True when an account is at risk or renews within 90 days without being green."""
    renewing = row.days_to_renewal is not None and row.days_to_renewal <= ATTENTION_RENEWAL_DAYS
    return is_at_risk(row) or (renewing and row.health_colour != "green")


def summarise_portfolio(
    session: Session, account_ids: Collection[uuid.UUID] | None = None
) -> PortfolioSummary:
    """Roll up the portfolio, or only ``account_ids`` when given (the current view)."""
    as_of = reference_date(session)
    rows = load_portfolio(session)
    if account_ids is not None:
        requested = set(account_ids)
        rows = [row for row in rows if row.account_id in requested]

    currencies = Counter(row.currency for row in rows if row.arr)
    currency = currencies.most_common(1)[0][0] if currencies else "USD"
    priced = [row for row in rows if row.currency == currency]

    def arr(row: PortfolioRow) -> Decimal:
        return (row.arr or Decimal(0)) if row.currency == currency else Decimal(0)

    arr_by_colour = {colour: Decimal(0) for colour in COLOURS}
    count_by_colour = dict.fromkeys(COLOURS, 0)
    for row in rows:
        arr_by_colour[_colour(row)] += arr(row)
        count_by_colour[_colour(row)] += 1

    attention = sorted(
        (row for row in rows if needs_attention(row)),
        key=lambda row: (-(row.arr or 0), row.name),
    )
    return PortfolioSummary(
        as_of=as_of,
        currency=currency,
        accounts=len(rows),
        total_arr=sum((arr(row) for row in rows), Decimal(0)),
        arr_by_colour=arr_by_colour,
        count_by_colour=count_by_colour,
        at_risk_arr=sum((arr(row) for row in rows if is_at_risk(row)), Decimal(0)),
        renewals=_renewals(rows, as_of, arr),
        movement=_movement(session, rows, as_of),
        attention=attention,
        owners=_owners(rows, arr),
        other_currency=len(rows) - len(priced),
    )


def _renewals(rows, as_of: date, arr) -> dict[Quarter, tuple[int, Decimal]]:
    first = Quarter.containing(as_of)
    quarters = [first]
    for _ in range(RENEWAL_QUARTERS - 1):
        quarters.append(quarters[-1].next())
    totals: dict[Quarter, tuple[int, Decimal]] = {quarter: (0, Decimal(0)) for quarter in quarters}
    for row in rows:
        if row.renewal_date is None or row.renewal_date < as_of:
            continue
        quarter = Quarter.containing(row.renewal_date)
        if quarter in totals:
            count, amount = totals[quarter]
            totals[quarter] = (count + 1, amount + arr(row))
    return totals


def _movement(
    session: Session, rows: list[PortfolioRow], as_of: date
) -> dict[tuple[str, str], int]:
    """Count accounts by (colour about 90 days ago, colour now)."""
    cutoff = as_of - timedelta(days=MOVEMENT_DAYS)
    newest = (
        select(HealthSnapshot.account_id, func.max(HealthSnapshot.as_of).label("as_of"))
        .where(
            HealthSnapshot.kind == "weekly",
            HealthSnapshot.deleted_at.is_(None),
            HealthSnapshot.as_of <= cutoff,
        )
        .group_by(HealthSnapshot.account_id)
        .subquery()
    )
    before = dict(
        session.execute(
            select(HealthSnapshot.account_id, HealthSnapshot.colour)
            .join(
                newest,
                (HealthSnapshot.account_id == newest.c.account_id)
                & (HealthSnapshot.as_of == newest.c.as_of),
            )
            .where(HealthSnapshot.kind == "weekly", HealthSnapshot.deleted_at.is_(None))
        ).all()
    )
    movement: Counter[tuple[str, str]] = Counter()
    for row in rows:
        earlier = before.get(row.account_id)
        earlier = earlier if earlier in ("green", "yellow", "red") else "none"
        movement[(earlier, _colour(row))] += 1
    return dict(movement)


def _owners(rows: list[PortfolioRow], arr) -> list[OwnerRollup]:
    """Roll up per owner CSM; empty when no account has an owner."""
    if not any(row.owner for row in rows):
        return []
    groups: dict[str, list[PortfolioRow]] = defaultdict(list)
    for row in rows:
        groups[row.owner or ""].append(row)
    rollups = [
        OwnerRollup(
            owner=owner,
            accounts=len(members),
            arr=sum((arr(row) for row in members), Decimal(0)),
            at_risk_arr=sum((arr(row) for row in members if is_at_risk(row)), Decimal(0)),
            red=sum(1 for row in members if row.health_colour == "red"),
        )
        for owner, members in groups.items()
    ]
    return sorted(rollups, key=lambda rollup: (-rollup.arr, rollup.owner))
