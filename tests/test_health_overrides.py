"""Tests of overrides, alerts, the backtest, the migration and the health CLI."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect

from csm_desktop.health.alerts import compute_alerts
from csm_desktop.health.backfill import recompute_all
from csm_desktop.health.backtest import (
    OVERALL,
    Sample,
    figures_for,
    lift_at,
    roc_auc,
    suggest_weights,
)
from csm_desktop.health.overrides import clear_override, override_in_effect, set_override
from csm_desktop.services.health import latest_breakdown, latest_health, timeline_markers
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.models import Base, SurveyResponse

TELCO = Path(__file__).parent / "data" / "ibm-telco-churn" / "Telco-Customer-Churn.csv"


def move_reference(db, day):
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, day.isoformat())


# --- Overrides ---------------------------------------------------------------


def test_override_survives_recompute(db, seeded_db):
    robotics = seeded_db["Acme Robotics"]
    recompute_all(db)
    with db.session() as session:
        set_override(session, robotics, reason="Champion confirmed", author="Ana", colour="green")
    recompute_all(db)
    with db.session() as session:
        summary = latest_health(session)[robotics]
        breakdown = latest_breakdown(session, robotics)
    assert summary.colour == "green"
    assert summary.override is not None
    assert summary.override.author == "Ana"
    assert summary.computed_colour is not None
    assert breakdown.override.reason == "Champion confirmed"


def test_override_expires_on_time(db, seeded_db):
    robotics = seeded_db["Acme Robotics"]
    recompute_all(db)
    with db.session() as session:
        set_override(
            session, robotics, reason="Budget approved", author="Ana", score=90.0,
            expires_on=date(2025, 1, 15),
        )  # fmt: skip
    with db.session() as session:
        assert override_in_effect(session, robotics, date(2025, 1, 15)) is not None
        assert override_in_effect(session, robotics, date(2025, 1, 16)) is None

    move_reference(db, date(2025, 1, 15))
    recompute_all(db)
    with db.session() as session:
        assert latest_health(session)[robotics].score == 90.0
    move_reference(db, date(2025, 1, 16))
    recompute_all(db)
    with db.session() as session:
        summary = latest_health(session)[robotics]
        markers = timeline_markers(session, robotics)
    assert summary.override is None
    assert summary.score == summary.computed_score
    kinds = {m.kind for m in markers}
    assert {"override", "override_end", "activity"} <= kinds


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reason": " ", "author": "Ana", "colour": "red"}, "needs a reason"),
        ({"reason": "x", "author": "", "colour": "red"}, "name of the person"),
        ({"reason": "x", "author": "Ana"}, "either a score or a colour"),
        ({"reason": "x", "author": "Ana", "score": 1.0, "colour": "red"}, "not both"),
        ({"reason": "x", "author": "Ana", "score": 101.0}, "between 0 and 100"),
        ({"reason": "x", "author": "Ana", "colour": "blue"}, "red, yellow or green"),
        (
            {"reason": "x", "author": "Ana", "colour": "red", "expires_on": date(2024, 1, 1)},
            "before the override starts",
        ),
    ],
)
def test_override_rejects_invalid(db, seeded_db, kwargs, message):
    with db.session() as session, pytest.raises(ValueError, match=message):
        set_override(session, seeded_db["Acme Robotics"], **kwargs)


def test_new_override_replaces_and_clear(db, seeded_db):
    robotics = seeded_db["Acme Robotics"]
    with db.session() as session:
        set_override(session, robotics, reason="first", author="Ana", colour="red")
        set_override(session, robotics, reason="second", author="Ben", colour="yellow")
    with db.session() as session:
        assert override_in_effect(session, robotics, date(2024, 12, 31)).reason == "second"
        assert clear_override(session, robotics, author="Ben") is True
        assert clear_override(session, robotics, author="Ben") is False
    with db.session() as session:
        assert override_in_effect(session, robotics, date(2024, 12, 31)) is None


# --- Alerts ------------------------------------------------------------------


def test_alerts_detractor_and_red_renewal(db, seeded_db):
    robotics = seeded_db["Acme Robotics"]
    with db.session() as session:
        session.add(
            SurveyResponse(
                account_id=robotics, responded_on=date(2024, 12, 20), kind="nps", score=3.0
            )
        )
    recompute_all(db)
    with db.session() as session:
        set_override(session, robotics, reason="Escalated", author="Ana", colour="red")
        from csm_desktop.store.models import Account

        session.get(Account, robotics).renewal_date = date(2025, 1, 20)
    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 1), as_of=date(2024, 12, 31))
    kinds = {a.kind for a in alerts if a.account_id == robotics}
    assert "detractor" in kinds
    assert "red_renewal" in kinds
    keys = [a.key for a in alerts]
    assert len(keys) == len(set(keys))
    with db.session() as session:
        again = compute_alerts(session, since=date(2024, 12, 1), as_of=date(2024, 12, 31))
    assert [a.key for a in again] == keys


# --- Backtest ----------------------------------------------------------------


def test_auc_matches_pair_count_by_hand():
    # Churned scores 10, 40, 40; stayed 30, 40, 80.
    # Pairs (churned lower = 1, tie = 0.5): 10 beats 3; 40 beats 1 and ties 1 (1.5) twice.
    # AUC = (3 + 1.5 + 1.5) / 9 = 0.6667.
    scores = [10, 40, 40, 30, 40, 80]
    churned = [True, True, True, False, False, False]
    assert roc_auc(scores, churned) == pytest.approx(6 / 9)
    assert roc_auc([1, 2], [True, True]) is None


def test_lift_at_lowest_share():
    scores = list(range(10))
    churned = [True, False, False, False, False, True, False, False, False, False]
    # Lowest 10%: score 0, churned -> rate 1 over base 0.2 = 5.
    assert lift_at(scores, churned, 0.1) == pytest.approx(5.0)
    assert lift_at([], [], 0.1) is None


def test_figures_and_suggested_weights():
    samples = [
        Sample(True, {OVERALL: 10, "a": 10, "b": 50}),
        Sample(False, {OVERALL: 90, "a": 90, "b": 50}),
        Sample(True, {OVERALL: 20, "a": 30}),
        Sample(False, {OVERALL: 80, "a": 70, "b": 50}),
    ]
    figures = {f.key: f for f in figures_for(samples, ["a", "b"])}
    assert figures["a"].auc == 1.0
    assert figures["b"].auc == 0.5
    assert figures["b"].samples == 3
    assert suggest_weights(figures.values()) == {"a": 100.0}


@pytest.mark.slow
def test_telco_backtest_has_signal():
    from csm_desktop.health.telco import backtest_telco, load_customers

    customers = load_customers(TELCO)
    assert len(customers) == 7043
    assert sum(c.churned for c in customers) == 1869
    result = backtest_telco(TELCO)
    overall = result.figure(OVERALL)
    assert overall.auc > 0.75
    assert overall.lift > 2.0
    assert result.figure("tenure").auc > 0.7


# --- Schema and CLI -----------------------------------------------------------


def test_migration_matches_models(db):
    inspector = inspect(db.engine)
    table = Base.metadata.tables["health_override"]
    columns = {c["name"]: c for c in inspector.get_columns("health_override")}
    assert set(columns) == set(table.columns.keys())
    for column in table.columns:
        assert columns[column.name]["nullable"] == column.nullable, column.name
    indexes = {i["name"] for i in inspector.get_indexes("health_override")}
    assert {i.name for i in table.indexes} <= indexes


def test_cli_override_and_why(qapp, db, seeded_db, capsys):
    # ``qapp`` first: the CLI would otherwise create a plain QCoreApplication,
    # and later widget tests in the same process would abort.
    from csm_desktop.cli import main

    path = str(db.path)
    db.dispose()
    assert main(["--db", path, "health", "recompute"]) == 0
    code = main(
        ["--db", path, "health", "override", "set", "--account", "Acme Robotics",
         "--colour", "red", "--reason", "Sponsor left", "--author", "Ana",
         "--expires", (date(2024, 12, 31) + timedelta(days=10)).isoformat()]
    )  # fmt: skip
    assert code == 0
    assert main(["--db", path, "health", "why", "--account", "Acme Robotics"]) == 0
    out = capsys.readouterr().out
    assert "Override: red by Ana: Sponsor left" in out
    assert "usage_trend" in out
    assert main(["--db", path, "health", "override", "set", "--account", "Acme Robotics",
                 "--colour", "red", "--reason", " ", "--author", "Ana"]) == 1  # fmt: skip
