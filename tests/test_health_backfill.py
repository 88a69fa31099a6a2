"""Tests of loading health inputs, the weekly backfill and the health read service."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from csm_desktop.health.backfill import recompute_account, recompute_all, snapshot_dates
from csm_desktop.health.catalogue import CATALOGUE
from csm_desktop.health.config import Profile, ScorecardConfig, default_settings, save_config
from csm_desktop.health.engine import CoverageFloor
from csm_desktop.health.inputs import load_histories
from csm_desktop.health.snapshot_details import decode_details
from csm_desktop.progress import Cancelled, CancelToken
from csm_desktop.services.health import (
    health_timeline,
    latest_breakdown,
    latest_health,
    trend_between,
)
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.models import (
    Account,
    ChurnEvent,
    HealthSnapshot,
    SupportTicket,
    UsageMetric,
)

REFERENCE = date(2024, 6, 30)  # a Sunday


def add_account(session, name, signup, usage=(), tickets=(), churns=()):
    account = Account(name=name, signup_date=signup)
    session.add(account)
    session.flush()
    for day, value in usage:
        session.add(UsageMetric(account_id=account.id, usage_date=day, value=value))
    for opened, closed, priority, csat, escalated in tickets:
        session.add(
            SupportTicket(
                account_id=account.id,
                opened_on=opened,
                closed_at=closed,
                priority=priority,
                csat=csat,
                escalated=escalated,
                status="closed" if closed else "open",
            )
        )
    for churn_date, reactivation in churns:
        session.add(
            ChurnEvent(account_id=account.id, churn_date=churn_date, is_reactivation=reactivation)
        )
    session.flush()
    return account.id


# The first-version weights and floor, so the hand-computed scores below stay exact.
V1_WEIGHTS = {"usage_trend": 35, "support_load": 20, "csat": 15, "escalations": 10}
V1_WEIGHTS["churn_history"] = 20


def v1_config():
    weights = {spec.key: float(V1_WEIGHTS.get(spec.key, 0)) for spec in CATALOGUE}
    profile = Profile("default", "Default", (), default_settings(**weights))
    profile = replace(profile, floor=CoverageFloor(2, 0.5))
    return ScorecardConfig(profiles=(profile,))


@pytest.fixture
def portfolio(db):
    """Three accounts: healthy since May 2024, struggling since 2024, and one with no data."""
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, REFERENCE.isoformat())
        save_config(session, v1_config())
        healthy = add_account(
            session,
            "Healthy",
            date(2024, 5, 1),  # a Wednesday; first Sunday 2024-05-05
            usage=[(date(2024, 5, 2), 10.0), (date(2024, 6, 10), 12.0)],
            tickets=[(date(2024, 5, 20), datetime(2024, 5, 21, 9, 0), "low", 5.0, False)],
        )
        struggling = add_account(
            session,
            "Struggling",
            date(2024, 1, 1),
            usage=[(date(2024, 1, 10), 40.0), (date(2024, 5, 1), 5.0)],
            tickets=[(date(2024, 6, 10), None, "urgent", None, True)],
            churns=[(date(2024, 3, 1), False)],
        )
        empty = add_account(session, "Empty", None)
    return {"healthy": healthy, "struggling": struggling, "empty": empty}


def count_snapshots(db, account_id=None):
    with db.session() as session:
        query = select(func.count()).select_from(HealthSnapshot)
        if account_id is not None:
            query = query.where(HealthSnapshot.account_id == account_id)
        return session.scalar(query)


def snapshot_ids(db):
    with db.session() as session:
        return set(session.scalars(select(HealthSnapshot.id)))


# --- Weekly dates ----------------------------------------------------------

DATE_CASES = [
    ("no start", None, REFERENCE, [REFERENCE]),
    ("start after reference", date(2024, 7, 1), REFERENCE, [REFERENCE]),
    ("start on reference", REFERENCE, REFERENCE, [REFERENCE]),
    (
        "reference is a Sunday",
        date(2024, 6, 12),
        REFERENCE,
        [date(2024, 6, 16), date(2024, 6, 23), REFERENCE],
    ),
    (
        "reference mid-week",
        date(2024, 6, 16),
        date(2024, 6, 26),
        [date(2024, 6, 16), date(2024, 6, 23), date(2024, 6, 26)],
    ),
]


@pytest.mark.parametrize(
    ("start", "reference", "expected"),
    [c[1:] for c in DATE_CASES],
    ids=[c[0] for c in DATE_CASES],
)
def test_snapshot_dates(start, reference, expected):
    assert snapshot_dates(start, reference) == expected


def test_snapshot_dates_are_sundays_then_reference():
    dates = snapshot_dates(date(2023, 1, 1), date(2024, 12, 31))
    assert all(d.weekday() == 6 for d in dates[:-1])
    assert dates[-1] == date(2024, 12, 31)
    # 2023-01-01 to 2024-12-29 is 104 weeks: 105 Sundays, then the reference date.
    assert len(dates) == 106


# --- Inputs ----------------------------------------------------------------


def test_inputs_ignore_deleted_rows(db, portfolio):
    deleted = datetime(2024, 7, 1, tzinfo=UTC)
    with db.session() as session:
        for ticket in session.scalars(select(SupportTicket)):
            ticket.deleted_at = deleted
        session.get(Account, portfolio["empty"]).deleted_at = deleted

    with db.session() as session:
        histories = load_histories(session)
    assert set(histories) == {portfolio["healthy"], portfolio["struggling"]}
    assert histories[portfolio["struggling"]].tickets == ()


def test_inputs_sum_usage_per_day(db, portfolio):
    with db.session() as session:
        session.add(
            UsageMetric(account_id=portfolio["healthy"], usage_date=date(2024, 6, 10), value=3.0)
        )
        session.add(
            UsageMetric(
                account_id=portfolio["healthy"],
                usage_date=date(2024, 6, 11),
                value=99.0,
                metric="logins",
            )
        )
    with db.session() as session:
        history = load_histories(session, portfolio["healthy"])[portfolio["healthy"]]
    # 10 on 2024-05-02, 12 + 3 on 2024-06-10; the logins row is not a feature event.
    assert len(history.usage) == 2
    assert history.usage.total(0, 10**7) == 25.0


def test_inputs_for_unknown_account(db, portfolio):
    with db.session() as session:
        assert load_histories(session, uuid.uuid4()) == {}


# --- Backfill --------------------------------------------------------------


def test_backfill_row_counts(db, portfolio):
    written = recompute_all(db)

    # Healthy: Sundays 2024-05-05 .. 2024-06-30 (9), reference is the last Sunday.
    # Struggling: Sundays 2024-01-07 .. 2024-06-30 (26). Empty: reference only.
    assert count_snapshots(db, portfolio["healthy"]) == 9
    assert count_snapshots(db, portfolio["struggling"]) == 26
    assert count_snapshots(db, portfolio["empty"]) == 1
    assert written == 36


def test_backfill_stored_values(db, portfolio):
    recompute_all(db)
    with db.session() as session:
        row = session.execute(
            select(HealthSnapshot).where(
                HealthSnapshot.account_id == portfolio["struggling"],
                HealthSnapshot.as_of == REFERENCE,
            )
        ).scalar_one()
        empty = session.execute(
            select(HealthSnapshot).where(HealthSnapshot.account_id == portfolio["empty"])
        ).scalar_one()

    # Usage 5 recent (2024-05-01) against 40 earlier (2024-01-10): 0.125 -> 10.
    # Support: one urgent open ticket: 1 + 2 + 1 = 4 -> 50. CSAT: none.
    # Escalations: 1 -> 50. Churn: one fresh churn -> 30.
    # Score: (35 * 10 + 20 * 50 + 10 * 50 + 20 * 30) / 85 = 2450 / 85 = 28.82.
    assert row.score == pytest.approx(2450 / 85)
    assert row.colour == "red"
    assert (row.measures_used, row.measures_total) == (4, 5)
    assert row.scorecard_version == "default@2"
    details = {m.key: m for m in decode_details(row.details, row.as_of)}
    assert details["csat"].score is None
    assert details["usage_trend"].share == pytest.approx(35 / 85, abs=1e-4)
    assert "fell 88%" in details["usage_trend"].explanation
    assert empty.score is None
    assert empty.colour == "insufficient"
    assert empty.as_of == REFERENCE


def test_backfill_replaces_previous_rows(db, portfolio):
    recompute_all(db)
    first_ids = snapshot_ids(db)

    recompute_all(db)

    assert count_snapshots(db) == 36
    # Ids derive from the content, so an unchanged recompute re-creates the same ids.
    assert snapshot_ids(db) == first_ids


def test_backfill_keeps_other_kinds(db, portfolio):
    with db.session() as session:
        session.add(
            HealthSnapshot(
                account_id=portfolio["healthy"], as_of=REFERENCE, kind="manual", colour="green"
            )
        )
    recompute_all(db)
    assert count_snapshots(db) == 37


def test_backfill_reports_progress(db, portfolio):
    calls = []
    recompute_all(db, progress=lambda done, total, message: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_cancelled_backfill_rolls_back(db, portfolio):
    recompute_all(db)
    before = snapshot_ids(db)
    token = CancelToken()

    def cancel_after_first(done, total, message):
        token.cancel()

    with pytest.raises(Cancelled):
        recompute_all(db, progress=cancel_after_first, cancel=token)

    assert snapshot_ids(db) == before


def test_recompute_account_touches_one_account(db, portfolio):
    recompute_all(db)
    others_before = snapshot_ids(db)
    with db.session() as session:
        healthy_before = set(
            session.scalars(
                select(HealthSnapshot.id).where(HealthSnapshot.account_id == portfolio["healthy"])
            )
        )
        session.add(
            ChurnEvent(
                account_id=portfolio["healthy"], churn_date=date(2024, 6, 29), is_reactivation=True
            )
        )

    written = recompute_account(db, portfolio["healthy"])

    assert written == 9
    assert count_snapshots(db) == 36
    with db.session() as session:
        healthy_ids = set(
            session.scalars(
                select(HealthSnapshot.id).where(HealthSnapshot.account_id == portfolio["healthy"])
            )
        )
        breakdown = latest_breakdown(session, portfolio["healthy"])
    # Ids derive from the content: weeks the churn changed get new ids, earlier ones keep theirs.
    assert healthy_ids != healthy_before
    assert healthy_ids & healthy_before
    # The struggling (26) and empty (1) accounts keep their rows.
    assert len(snapshot_ids(db) & (others_before - healthy_before)) == 27
    assert breakdown.measures[-1].key == "churn_history"
    assert breakdown.measures[-1].value == 0.5


def test_recompute_unknown_account_writes_nothing(db, portfolio):
    assert recompute_account(db, uuid.uuid4()) == 0


# --- Read service ----------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "earlier", "expected"),
    [
        (70.0, 65.0, 1),
        (70.0, 65.01, 0),
        (60.0, 65.0, -1),
        (60.0, 64.9, 0),
        (None, 50.0, 0),
        (50.0, None, 0),
    ],
)
def test_trend_between(current, earlier, expected):
    assert trend_between(current, earlier) == expected


def test_latest_health_and_trend(db, portfolio):
    recompute_all(db)
    with db.session() as session:
        summaries = latest_health(session)
        timeline = dict((d, s) for d, s, _ in health_timeline(session, portfolio["struggling"]))

    assert set(summaries) == set(portfolio.values())
    struggling = summaries[portfolio["struggling"]]
    assert struggling.as_of == REFERENCE
    assert struggling.score == pytest.approx(2450 / 85)
    expected = trend_between(timeline[REFERENCE], timeline[date(2024, 6, 2)])
    assert struggling.trend == expected
    # On 2024-06-02 no ticket existed yet, so only usage (10) and churn (30)
    # counted: (35 * 10 + 20 * 30) / 55 = 17.27. Now 28.82: up 11.5 points.
    assert timeline[date(2024, 6, 2)] == pytest.approx(950 / 55)
    assert struggling.trend == 1
    assert summaries[portfolio["empty"]].trend == 0
    assert summaries[portfolio["empty"]].colour == "insufficient"


def test_trend_uses_snapshot_four_weeks_earlier(db, portfolio):
    with db.session() as session:
        account = portfolio["healthy"]
        for as_of, score in [(date(2024, 6, 1), 50.0), (date(2024, 6, 2), 80.0), (REFERENCE, 84.0)]:
            session.add(
                HealthSnapshot(account_id=account, as_of=as_of, score=score, colour="green")
            )
    with db.session() as session:
        summary = latest_health(session)[portfolio["healthy"]]
    # 2024-06-02 is exactly 28 days before 2024-06-30: 84 - 80 = 4, no trend.
    assert summary.trend == 0


def test_trend_ignores_snapshots_within_four_weeks(db, portfolio):
    with db.session() as session:
        account = portfolio["struggling"]
        for as_of, score in [(date(2024, 6, 1), 90.0), (date(2024, 6, 3), 50.0), (REFERENCE, 80.0)]:
            session.add(
                HealthSnapshot(account_id=account, as_of=as_of, score=score, colour="green")
            )
    with db.session() as session:
        summary = latest_health(session)[portfolio["struggling"]]
    # 2024-06-03 is only 27 days back, so 2024-06-01 is compared: 80 - 90 = -10.
    assert summary.trend == -1


def test_timeline_oldest_first(db, portfolio):
    recompute_all(db)
    with db.session() as session:
        timeline = health_timeline(session, portfolio["healthy"])
    dates = [d for d, _, _ in timeline]
    assert dates == sorted(dates)
    assert dates[0] == date(2024, 5, 5)
    assert dates[-1] == REFERENCE


def test_breakdown_missing_account(db, portfolio):
    with db.session() as session:
        assert latest_breakdown(session, portfolio["healthy"]) is None


def test_breakdown_lists_measures(db, portfolio):
    recompute_all(db)
    with db.session() as session:
        breakdown = latest_breakdown(session, portfolio["struggling"])
    keys = [m.key for m in breakdown.measures]
    assert keys == ["usage_trend", "csat", "support_load", "escalations", "churn_history"]
    assert sum(m.weight for m in breakdown.measures) == pytest.approx(1.0, abs=1e-5)
    assert breakdown.as_of == REFERENCE


# --- Demo data -------------------------------------------------------------


@pytest.mark.slow
def test_demo_backfill_counts(db, demo_dir):
    from csm_desktop.importers.ravenstack import import_ravenstack

    summary = import_ravenstack(db, demo_dir)
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, summary.latest_date.isoformat())

    written = recompute_all(db)

    with db.session() as session:
        histories = load_histories(session)
        reference = summary.latest_date
        expected = {
            key: len(snapshot_dates(history.start, reference)) for key, history in histories.items()
        }
        stored = dict(
            session.execute(
                select(HealthSnapshot.account_id, func.count()).group_by(HealthSnapshot.account_id)
            ).all()
        )
        summaries = latest_health(session)
    assert len(histories) == 500
    assert stored == expected
    assert written == sum(expected.values())
    assert all(s.as_of == reference for s in summaries.values())
    assert any(s.colour == "green" for s in summaries.values())
    assert any(s.colour == "red" for s in summaries.values())
