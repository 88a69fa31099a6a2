"""Read stored health snapshots for the portfolio view, charts, reports and the "why" panel.

Only weekly snapshots that are not tombstoned are read. All queries are
Core selects of columns, so the portfolio of thousands of accounts loads
in a few queries.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from csm_desktop.store.models import HealthSnapshot

log = logging.getLogger(__name__)

WEEKLY = "weekly"
# The trend compares with the newest snapshot at least this many days older.
TREND_LOOKBACK_DAYS = 28
# A change of at least this many points counts as up or down.
TREND_MIN_CHANGE = 5.0


@dataclass(frozen=True)
class HealthSummary:
    """An account's newest health, with ``trend`` +1, 0 or -1 against four weeks earlier."""

    account_id: uuid.UUID
    as_of: date
    score: float | None
    colour: str
    trend: int
    measures_used: int
    measures_total: int


@dataclass(frozen=True)
class MeasureDetail:
    """One measure of a snapshot, with ``weight`` its share of the score (0 when left out)."""

    key: str
    label: str
    score: float | None
    weight: float
    value: float | None
    explanation: str


@dataclass(frozen=True)
class HealthBreakdown:
    """The newest snapshot of one account with its per-measure detail, in scorecard order."""

    as_of: date
    score: float | None
    colour: str
    measures_used: int
    measures_total: int
    scorecard_version: str
    measures: tuple[MeasureDetail, ...]


def _live_weekly() -> Any:
    return and_(HealthSnapshot.kind == WEEKLY, HealthSnapshot.deleted_at.is_(None))


def trend_between(current: float | None, earlier: float | None) -> int:
    """Return +1 or -1 for a change of at least 5 points, else 0 (also when a score is missing)."""
    if current is None or earlier is None:
        return 0
    change = current - earlier
    if change >= TREND_MIN_CHANGE:
        return 1
    if change <= -TREND_MIN_CHANGE:
        return -1
    return 0


def latest_health(session: Session) -> dict[uuid.UUID, HealthSummary]:
    """Return each account's newest weekly snapshot, with its trend over four weeks."""
    newest = (
        select(HealthSnapshot.account_id, func.max(HealthSnapshot.as_of).label("as_of"))
        .where(_live_weekly())
        .group_by(HealthSnapshot.account_id)
        .subquery()
    )
    rows = session.execute(
        select(
            HealthSnapshot.account_id,
            HealthSnapshot.as_of,
            HealthSnapshot.score,
            HealthSnapshot.colour,
            HealthSnapshot.measures_used,
            HealthSnapshot.measures_total,
            _earlier_score().label("earlier_score"),
        )
        .join(
            newest,
            and_(
                HealthSnapshot.account_id == newest.c.account_id,
                HealthSnapshot.as_of == newest.c.as_of,
            ),
        )
        .where(_live_weekly())
    )
    return {
        row.account_id: HealthSummary(
            account_id=row.account_id,
            as_of=row.as_of,
            score=row.score,
            colour=row.colour,
            trend=trend_between(row.score, row.earlier_score),
            measures_used=row.measures_used,
            measures_total=row.measures_total,
        )
        for row in rows
    }


def _earlier_score() -> Any:
    """Select the score of the newest snapshot at least 28 days before the outer one.

    Correlated per account, so SQLite seeks the (account_id, as_of, kind)
    unique index instead of scanning. Dates are stored as ISO text, so
    SQLite's ``date()`` shifts them and text comparison orders them.
    """
    earlier = aliased(HealthSnapshot)
    cutoff = func.date(HealthSnapshot.as_of, f"-{TREND_LOOKBACK_DAYS} days")
    return (
        select(earlier.score)
        .where(
            earlier.account_id == HealthSnapshot.account_id,
            earlier.kind == WEEKLY,
            earlier.deleted_at.is_(None),
            earlier.as_of <= cutoff,
        )
        .order_by(earlier.as_of.desc())
        .limit(1)
        .correlate(HealthSnapshot)
        .scalar_subquery()
    )


def health_timeline(
    session: Session, account_id: uuid.UUID
) -> list[tuple[date, float | None, str]]:
    """Return (as_of, score, colour) of an account's weekly snapshots, oldest first."""
    rows = session.execute(
        select(HealthSnapshot.as_of, HealthSnapshot.score, HealthSnapshot.colour)
        .where(_live_weekly(), HealthSnapshot.account_id == account_id)
        .order_by(HealthSnapshot.as_of)
    )
    return [(as_of, score, colour) for as_of, score, colour in rows]


def latest_breakdown(session: Session, account_id: uuid.UUID) -> HealthBreakdown | None:
    """Return the newest snapshot's per-measure detail, or None when the account has none."""
    row = session.execute(
        select(
            HealthSnapshot.as_of,
            HealthSnapshot.score,
            HealthSnapshot.colour,
            HealthSnapshot.measures_used,
            HealthSnapshot.measures_total,
            HealthSnapshot.scorecard_version,
            HealthSnapshot.details,
        )
        .where(_live_weekly(), HealthSnapshot.account_id == account_id)
        .order_by(HealthSnapshot.as_of.desc())
        .limit(1)
    ).first()
    if row is None:
        return None

    measures = tuple(_measure_detail(key, raw) for key, raw in (row.details or {}).items())
    return HealthBreakdown(
        as_of=row.as_of,
        score=row.score,
        colour=row.colour,
        measures_used=row.measures_used,
        measures_total=row.measures_total,
        scorecard_version=row.scorecard_version,
        measures=measures,
    )


def _measure_detail(key: str, raw: dict[str, Any]) -> MeasureDetail:
    """Build a detail from stored JSON, tolerating fields a future scorecard may drop."""
    return MeasureDetail(
        key=key,
        label=str(raw.get("label", key)),
        score=raw.get("score"),
        weight=float(raw.get("weight") or 0.0),
        value=raw.get("value"),
        explanation=str(raw.get("explanation", "")),
    )
