"""Read stored health snapshots for the portfolio view, charts, reports and the "why" panel.

Only weekly snapshots that are not tombstoned are read. All queries are
Core selects of columns, so the portfolio of thousands of accounts loads
in a few queries. ``latest_health`` and ``latest_breakdown`` apply the
override in effect on the reference date; the timeline returns the
computed scores, and ``timeline_markers`` the overrides beside them.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased

from csm_desktop.health.catalogue import SPECS, measure_label
from csm_desktop.health.changes import ScoreChange, explain_change
from csm_desktop.health.overrides import override_in_effect, overrides_in_effect
from csm_desktop.health.snapshot_details import StoredMeasure, decode_details
from csm_desktop.health.summary_rules import (  # noqa: F401 (re-exported for the screens)
    TREND_LOOKBACK_DAYS,
    TREND_MIN_CHANGE,
    OverrideInfo,
    effective_health,
    trend_between,
)
from csm_desktop.services.settings import reference_date
from csm_desktop.store.models import HealthSnapshot

log = logging.getLogger(__name__)

WEEKLY = "weekly"


@dataclass(frozen=True)
class HealthSummary:
    """An account's newest health, with ``trend`` +1, 0 or -1 against four weeks earlier.

    ``score`` and ``colour`` are what the CSM sees: an override in effect
    replaces them, and ``computed_score`` and ``computed_colour`` keep the
    snapshot's own values.
    """

    account_id: uuid.UUID
    as_of: date
    score: float | None
    colour: str
    trend: int
    measures_used: int
    measures_total: int
    computed_score: float | None = None
    computed_colour: str | None = None
    override: OverrideInfo | None = None


@dataclass(frozen=True)
class MeasureDetail:
    """One measure of a snapshot, with ``weight`` its share of the score (0 when left out)."""

    key: str
    label: str
    score: float | None
    weight: float
    value: float | None
    explanation: str
    group: str = ""
    data_on: date | None = None
    stale: bool = False

    @property
    def contribution(self) -> float:
        """Points this measure adds to the score."""
        return 0.0 if self.score is None else self.score * self.weight


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
    # The change since the previous snapshot, None for the first one.
    change: ScoreChange | None = None
    override: OverrideInfo | None = None
    # For a stale score, the date of its oldest stale data.
    stale_since: date | None = None

    @property
    def profile(self) -> str:
        """The scorecard profile key, from a version written as ``profile@revision``."""
        return self.scorecard_version.split("@", 1)[0]


def _live_weekly() -> Any:
    return and_(HealthSnapshot.kind == WEEKLY, HealthSnapshot.deleted_at.is_(None))


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
    overrides = overrides_in_effect(session, reference_date(session))
    summaries = {}
    for row in rows:
        override = overrides.get(row.account_id)
        score, colour = effective_health(row.score, row.colour, override)
        summaries[row.account_id] = HealthSummary(
            account_id=row.account_id,
            as_of=row.as_of,
            score=score,
            colour=colour,
            trend=trend_between(row.score, row.earlier_score),
            measures_used=row.measures_used,
            measures_total=row.measures_total,
            computed_score=row.score,
            computed_colour=row.colour,
            override=override,
        )
    return summaries


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
    """Return the newest snapshot's per-measure detail, or None when the account has none.

    The breakdown carries the change since the previous snapshot with its
    main causes, the override in effect on the reference date, and for a
    stale score the date of its oldest stale data.
    """
    rows = session.execute(
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
        .limit(2)
    ).all()
    if not rows:
        return None

    row = rows[0]
    stored = decode_details(row.details, row.as_of)
    change = None
    if len(rows) > 1:
        previous = rows[1]
        before = decode_details(previous.details, previous.as_of)
        change = explain_change(previous.as_of, previous.score, before, row.score, stored)
    stale = [m.data_on for m in stored if m.stale and m.data_on is not None]
    return HealthBreakdown(
        as_of=row.as_of,
        score=row.score,
        colour=row.colour,
        measures_used=row.measures_used,
        measures_total=row.measures_total,
        scorecard_version=row.scorecard_version,
        measures=tuple(_measure_detail(m) for m in stored),
        change=change,
        override=override_in_effect(session, account_id, reference_date(session)),
        stale_since=min(stale) if stale and row.colour == "stale" else None,
    )


def _measure_detail(stored: StoredMeasure) -> MeasureDetail:
    """Turn a decoded stored measure into the detail shown, with a translated label."""
    spec = SPECS.get(stored.key)
    return MeasureDetail(
        key=stored.key,
        label=stored.stored_label or measure_label(stored.key),
        score=stored.score,
        weight=stored.share,
        value=stored.value,
        explanation=stored.explanation,
        group=spec.group if spec else "",
        data_on=stored.data_on,
        stale=stored.stale,
    )


@dataclass(frozen=True)
class TimelineMarker:
    """A dated event drawn on the health timeline.

    ``kind`` is "override" (an override starts), "override_end" (it expired
    or was cleared), "profile" (the account's scorecard profile changed),
    "activity" (a customer-facing activity) or "renewal" (a renewal date,
    past ones rolled back from the next by the billing term).
    """

    day: date
    kind: str
    label: str
    score: float | None = None


def timeline_markers(session: Session, account_id: uuid.UUID) -> list[TimelineMarker]:
    """Return the markers of one account's health timeline, oldest first."""
    from csm_desktop.health.overrides import overrides_for

    markers: list[TimelineMarker] = []
    for override in overrides_for(session, account_id):
        markers.append(
            TimelineMarker(override.starts_on, "override", override.reason, override.score)
        )
        end = override.cleared_on
        if override.expires_on is not None and (end is None or override.expires_on < end):
            end = override.expires_on + timedelta(days=1)
        if end is not None:
            markers.append(TimelineMarker(end, "override_end", override.reason))
    markers.extend(_profile_markers(session, account_id))
    markers.extend(_activity_markers(session, account_id))
    markers.extend(_renewal_markers(session, account_id))
    return sorted(markers, key=lambda marker: marker.day)


def _profile_markers(session: Session, account_id: uuid.UUID) -> list[TimelineMarker]:
    rows = session.execute(
        select(HealthSnapshot.as_of, HealthSnapshot.scorecard_version)
        .where(_live_weekly(), HealthSnapshot.account_id == account_id)
        .order_by(HealthSnapshot.as_of)
    )
    markers = []
    previous: str | None = None
    for as_of, version in rows:
        profile = version.split("@", 1)[0]
        if previous is not None and profile != previous:
            markers.append(TimelineMarker(as_of, "profile", profile))
        previous = profile
    return markers


def _activity_markers(session: Session, account_id: uuid.UUID) -> list[TimelineMarker]:
    from csm_desktop.store.models import Activity, ActivityType

    rows = session.execute(
        select(Activity.occurred_on, Activity.title, Activity.kind).where(
            Activity.account_id == account_id,
            Activity.deleted_at.is_(None),
            Activity.is_draft.is_(False),
            Activity.kind != ActivityType.INTERNAL_NOTE,
        )
    )
    return [TimelineMarker(day, "activity", title or kind) for day, title, kind in rows]


def _renewal_markers(session: Session, account_id: uuid.UUID) -> list[TimelineMarker]:
    """Mark the next renewal and the past ones, stepping back by the billing term.

    NOTE: past renewals are derived from the contract start and term; the
    store keeps no renewal history, so a changed term shifts them.
    """
    from csm_desktop.store.models import Account

    row = session.execute(
        select(Account.renewal_date, Account.contract_start, Account.term_months).where(
            Account.id == account_id
        )
    ).first()
    if row is None:
        return []
    markers = []
    if row.renewal_date is not None:
        markers.append(TimelineMarker(row.renewal_date, "renewal", "renewal"))
    if row.contract_start is not None and row.term_months:
        day = _add_months(row.contract_start, row.term_months)
        while day < (row.renewal_date or reference_date(session)):
            markers.append(TimelineMarker(day, "renewal", "renewal"))
            day = _add_months(day, row.term_months)
    return markers


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return date(year, month, 28)
