"""Tests that the fast backfill path stores exactly what the per-date engine computes.

``WeeklyScorer`` and ``SnapshotWriter`` replace ``Scorecard.evaluate`` plus
an ORM insert in the backfill. These tests pin the equivalence on varied
histories (every measure, stale data, too little data), the stored form of
each column, the incremental update and the key-features query.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select

from csm_desktop.health.backfill import recompute_all, snapshot_dates, update_account
from csm_desktop.health.config import (
    build_scorecard,
    default_config,
    default_settings,
)
from csm_desktop.health.engine import CoverageFloor
from csm_desktop.health.history import ExtraInputs, KeyFeatures, build_history
from csm_desktop.health.inputs import load_histories, load_key_features
from csm_desktop.health.readers import read_adoption_breadth, read_adoption_breadth_dates
from csm_desktop.health.snapshot_details import decode_details
from csm_desktop.health.snapshot_writer import SNAPSHOT_ID_NAMESPACE, snapshot_id
from csm_desktop.health.weekly import WeeklyScorer
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.models import HealthSnapshot, UsageMetric
from tests.test_health_backfill import add_account

REFERENCE = date(2024, 12, 31)
FIRST_DAY = date(2023, 1, 1)
FEATURES = ("reports", "alerts", "exports", "api", "sso")


def _day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((REFERENCE - FIRST_DAY).days + 60))


def random_history(rng: random.Random, index: int):
    """Build a history with a random amount of every kind of input, some of it after REFERENCE."""
    tickets = []
    for _ in range(rng.randrange(8)):
        opened = _day(rng)
        closed = None if rng.random() < 0.3 else opened + timedelta(days=rng.randrange(20))
        tickets.append(
            (opened, closed, rng.choice([None, "low", "High", "urgent"]),
             rng.choice([None, 1.0, 3.0, 5.0]), rng.random() < 0.2)
        )  # fmt: skip
    extra = ExtraInputs(
        features=[(_day(rng), rng.choice(FEATURES)) for _ in range(rng.randrange(30))],
        seats=rng.choice([None, 0, 10, 50]),
        seats_used=[(_day(rng), float(rng.randrange(60))) for _ in range(rng.randrange(10))],
        nps=[(_day(rng), float(rng.randrange(11))) for _ in range(rng.randrange(6))],
        csat=[(_day(rng), float(rng.randrange(11)), 0.0, 10.0) for _ in range(rng.randrange(4))],
        touches=[_day(rng) for _ in range(rng.randrange(12))],
        invoices=[(_day(rng), rng.choice([None, _day(rng)])) for _ in range(rng.randrange(6))],
        goals=[(_day(rng), rng.choice([None, _day(rng)])) for _ in range(rng.randrange(4))],
        key_features=KEY_FEATURES,
    )
    return build_history(
        uuid.UUID(int=index + 1),
        rng.choice([None, _day(rng)]),
        [(_day(rng), float(rng.randrange(40))) for _ in range(rng.randrange(60))],
        tickets,
        [(_day(rng), rng.random() < 0.5) for _ in range(rng.randrange(3))],
        extra,
    )


# Features launched one quarter apart, so the set of known features grows over time.
KEY_FEATURES = KeyFeatures(
    {name: (FIRST_DAY + timedelta(days=90 * i)).toordinal() for i, name in enumerate(FEATURES)}
)


def scorecards():
    """Every shipped profile, one with short validity periods, and one with a strict floor."""
    config = default_config()
    built = [build_scorecard(config, profile) for profile in config.profiles]
    short = {
        key: replace(setting, validity_days=10)
        for key, setting in default_settings(churn_history=5.0).items()
    }
    stale_profile = replace(config.profiles[0], key="short", measures=short, stale_share=0.2)
    strict_profile = replace(config.profiles[0], key="strict", floor=CoverageFloor(6, 0.9))
    built.append(build_scorecard(config, stale_profile))
    built.append(build_scorecard(config, strict_profile))
    return built


def expected_rows(scorecard, history, dates):
    rows = []
    for as_of in dates:
        result = scorecard.evaluate(history, as_of)
        details = json.loads(json.dumps(result.details(as_of)))
        rows.append((as_of, result.score, result.colour.value, result.measures_used,
                     result.measures_total, details))  # fmt: skip
    return rows


def scorer_rows(scorer, history, dates):
    return [
        (week.as_of, week.score, week.colour, week.measures_used, week.measures_total,
         json.loads(json.dumps(week.details)))
        for week in scorer.score_dates(history, dates)
    ]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_scorer_matches_engine(seed):
    rng = random.Random(seed)
    histories = [random_history(rng, index) for index in range(12)]
    colours = set()
    for scorecard in scorecards():
        scorer = WeeklyScorer(scorecard)
        for history in histories:
            dates = snapshot_dates(history.start, REFERENCE)
            expected = expected_rows(scorecard, history, dates)
            assert scorer_rows(scorer, history, dates) == expected
            colours.update(row[2] for row in expected)
    # The cases above must reach every colour, or the comparison misses a branch.
    assert colours >= {"red", "yellow", "green", "insufficient", "stale"}


def test_scorer_matches_engine_on_unsorted_dates():
    history = random_history(random.Random(9), 0)
    scorecard = build_scorecard(default_config(), default_config().profiles[0])
    dates = [REFERENCE, date(2024, 3, 3), date(2023, 6, 4), date(2024, 3, 10)]
    assert scorer_rows(WeeklyScorer(scorecard), history, dates) == expected_rows(
        scorecard, history, dates
    )


def test_breadth_dates_match_per_date_reader():
    rng = random.Random(3)
    for index in range(30):
        history = random_history(rng, index)
        dates = snapshot_dates(FIRST_DAY, REFERENCE)
        expected = [read_adoption_breadth(history, as_of) for as_of in dates]
        assert read_adoption_breadth_dates(history, dates) == expected


def test_snapshot_id_is_uuid5_of_values():
    values = (uuid.UUID(int=5).hex, "2024-06-30", "weekly", 71.25, "green", 4, 11,
              '{"nps":["n0"]}', "default@1", "2024-07-01 00:00:00.000000")  # fmt: skip
    name = "\x1f".join(str(value) for value in values[:9])
    assert snapshot_id(values) == uuid.uuid5(SNAPSHOT_ID_NAMESPACE, name).hex


def test_snapshot_id_ignores_timestamps_only():
    values = (uuid.UUID(int=5).hex, "2024-06-30", "weekly", 71.25, "green", 4, 11, "{}", "v")
    stamped = (*values, "2024-07-01 00:00:00", "2024-07-01 00:00:00")
    restamped = (*values, "2025-01-01 00:00:00", "2025-01-01 00:00:00")
    rescored = (*values[:3], 71.5, *values[4:], *stamped[9:])
    assert snapshot_id(stamped) == snapshot_id(restamped)
    assert snapshot_id(rescored) != snapshot_id(stamped)


def test_writer_columns_cover_model_defaults():
    """Columns the raw INSERT leaves out must be nullable and default to NULL."""
    from csm_desktop.health.snapshot_writer import _COLUMNS

    for column in HealthSnapshot.__table__.columns:
        if column.name in _COLUMNS:
            continue
        assert column.nullable, column.name
        assert column.server_default is None, column.name
        assert column.default is None or column.default.arg is None, column.name


@pytest.fixture
def scored(db):
    """Three accounts with usage and tickets, backfilled as of REFERENCE."""
    rng = random.Random(11)
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, REFERENCE.isoformat())
        ids = []
        for index in range(3):
            usage = [(_day(rng), float(rng.randrange(1, 30))) for _ in range(40)]
            tickets = [
                (day, datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=2),
                 "high", 4.0, index == 1)
                for day in (_day(rng) for _ in range(5))
            ]  # fmt: skip
            ids.append(add_account(session, f"Account {index}", date(2023, 2, 1), usage, tickets))
    recompute_all(db)
    return ids


def stored_rows(db, account_id=None):
    with db.session() as session:
        query = select(
            HealthSnapshot.id, HealthSnapshot.account_id, HealthSnapshot.as_of,
            HealthSnapshot.score, HealthSnapshot.colour, HealthSnapshot.measures_used,
            HealthSnapshot.measures_total, HealthSnapshot.details,
            HealthSnapshot.scorecard_version, HealthSnapshot.created_at,
        ).order_by(HealthSnapshot.account_id, HealthSnapshot.as_of)  # fmt: skip
        if account_id is not None:
            query = query.where(HealthSnapshot.account_id == account_id)
        return session.execute(query).all()


def test_stored_rows_match_engine(db, scored):
    config = default_config()
    scorecard = build_scorecard(config, config.profiles[0])
    with db.session() as session:
        histories = load_histories(session)
    rows = stored_rows(db)
    assert len(rows) == sum(
        len(snapshot_dates(history.start, REFERENCE)) for history in histories.values()
    )
    for row in rows:
        result = scorecard.evaluate(histories[row.account_id], row.as_of)
        assert row.score == result.score
        assert row.colour == result.colour.value
        assert (row.measures_used, row.measures_total) == (
            result.measures_used,
            result.measures_total,
        )
        assert row.details == json.loads(json.dumps(result.details(row.as_of)))
        assert row.scorecard_version == scorecard.version


def test_stored_columns_read_back_as_model_types(db, scored):
    rows = stored_rows(db)
    assert all(isinstance(row.id, uuid.UUID) for row in rows)
    assert all(isinstance(row.as_of, date) for row in rows)
    assert all(row.created_at.tzinfo is UTC for row in rows)
    assert all(decode_details(row.details, row.as_of) for row in rows)


def test_recompute_keeps_ids_of_unchanged_snapshots(db, scored):
    before = {row.id for row in stored_rows(db)}
    recompute_all(db)
    assert {row.id for row in stored_rows(db)} == before


def test_update_since_matches_full_recompute(db, scored):
    account = scored[0]
    since = date(2024, 10, 1)
    full = stored_rows(db, account)
    with db.session() as session:
        # New usage after ``since`` changes the later weeks only.
        session.add(UsageMetric(account_id=account, usage_date=date(2024, 10, 5), value=500.0))
    update_account(db, account, since=since)
    updated = stored_rows(db, account)

    assert [row.id for row in updated if row.as_of < since] == [
        row.id for row in full if row.as_of < since
    ]
    assert [row.score for row in updated if row.as_of >= since] != [
        row.score for row in full if row.as_of >= since
    ]
    recompute_all(db)
    assert [row.id for row in stored_rows(db, account)] == [row.id for row in updated]


def test_update_since_removes_only_later_weeks(db, scored):
    account = scored[1]
    since = date(2024, 12, 1)
    with db.session() as session:
        start = load_histories(session, account)[account].start
        session.execute(
            delete(HealthSnapshot).where(
                HealthSnapshot.account_id == account, HealthSnapshot.as_of >= since
            )
        )
    weeks = snapshot_dates(start, REFERENCE)
    assert update_account(db, account, since=since) == len([day for day in weeks if day >= since])
    with db.session() as session:
        count = session.scalar(select(func.count()).where(HealthSnapshot.account_id == account))
    assert count == len(weeks)


def test_update_since_without_earlier_weeks_scores_all(db, scored):
    account = scored[2]
    with db.session() as session:
        start = load_histories(session, account)[account].start
        session.execute(delete(HealthSnapshot).where(HealthSnapshot.account_id == account))
    written = update_account(db, account, since=date(2024, 12, 1))
    assert written == len(snapshot_dates(start, REFERENCE))


def test_key_features_match_group_by(db):
    with db.session() as session:
        account = add_account(session, "Features", date(2024, 1, 1))
        rows = [
            ("reports", date(2024, 3, 1), 2.0, None),
            ("reports", date(2024, 2, 1), 1.0, None),
            ("alerts", date(2024, 1, 5), 0.0, None),  # value 0 does not count
            ("alerts", date(2024, 4, 1), 3.0, None),
            ("exports", date(2024, 1, 2), 5.0, datetime(2024, 5, 1, tzinfo=UTC)),  # deleted
            (None, date(2023, 1, 1), 5.0, None),  # no feature
        ]
        for feature, day, value, deleted in rows:
            session.add(UsageMetric(account_id=account, usage_date=day, feature=feature,
                                    value=value, deleted_at=deleted))  # fmt: skip
        session.add(
            UsageMetric(account_id=account, usage_date=date(2023, 1, 1), feature="reports",
                        metric="logins", value=1.0)
        )  # fmt: skip
        session.flush()
        features = load_key_features(session)
    assert dict(features.first_seen) == {
        "reports": date(2024, 2, 1).toordinal(),
        "alerts": date(2024, 4, 1).toordinal(),
    }


def test_key_features_query_uses_index(db):
    from csm_desktop.health.inputs import _KEY_FEATURES_SQL

    sql = str(_KEY_FEATURES_SQL.compile())
    with sqlite3.connect(db.path) as connection:
        plan = [row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}")]
    searches = [step for step in plan if "usage_metric" in step]
    assert searches
    assert all("USING INDEX ix_usage_feature_first_day" in step for step in searches)


def test_per_account_usage_query_keeps_account_index(db):
    """The partial index must not draw the per-account feature query away from its index."""
    with sqlite3.connect(db.path) as connection:
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT DISTINCT account_id, usage_date, feature FROM usage_metric"
            " WHERE deleted_at IS NULL AND metric = ? AND feature IS NOT NULL AND value > 0"
            " AND account_id = ?",
            ("feature_events", uuid.UUID(int=1).hex),
        ).fetchall()
    steps = [row[3] for row in plan]
    assert not any("ix_usage_feature_first_day" in step for step in steps)
    assert any("account_id=?" in step for step in steps)
