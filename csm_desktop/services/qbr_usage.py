"""Weekly feature-event totals of a QBR quarter and the quarter before it."""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.store.models import UsageMetric

log = logging.getLogger(__name__)

USAGE_METRIC = "feature_events"


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
