"""Tests of the pure health engine and the v1 measures (no database)."""

from __future__ import annotations

import math
import uuid
from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from csm_desktop.health.bands import DEFAULT_BANDS, HealthColour
from csm_desktop.health.engine import (
    BandRule,
    CoverageFloor,
    DatedSeries,
    LinearRule,
    Measure,
    MeasureResult,
    Reading,
    Scorecard,
    combine,
)
from csm_desktop.health.measures import (
    build_history,
    read_churn_history,
    read_csat,
    read_escalations,
    read_support_load,
    read_usage_trend,
    v1_scorecard,
)
from csm_desktop.health.snapshot_details import decode_details

D = date(2024, 6, 30)  # a Sunday
# Windows ending on D: 90 days = 2024-04-02..2024-06-30, the 90 days before =
# 2024-01-03..2024-04-01, 180 days = 2024-01-03..2024-06-30, 365 days = 2023-07-02..2024-06-30.
ACCOUNT = uuid.UUID(int=1)


def history(signup=date(2023, 1, 1), usage=(), tickets=(), churns=()):
    return build_history(ACCOUNT, signup, usage, tickets, churns)


def ticket(opened, closed=None, priority="medium", csat=None, escalated=False):
    closed_at = datetime.combine(closed, datetime.min.time()).replace(hour=9) if closed else None
    return (opened, closed_at, priority, csat, escalated)


def result(key, weight, score):
    return MeasureResult(key, key, weight, score, score, "")


# --- Rules -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-5.0, 0.0), (0.0, 0.0), (0.25, 20.0), (0.5, 40.0), (0.62, 48.4), (1.0, 75.0), (9.0, 100.0)],
)
def test_linear_rule_interpolates(value, expected):
    rule = LinearRule(((0.0, 0.0), (0.5, 40.0), (1.0, 75.0), (1.5, 100.0)))
    assert rule.score(value) == pytest.approx(expected)


def test_linear_rule_decreasing_scores():
    rule = LinearRule(((0.0, 100.0), (10.0, 0.0)))
    assert rule.score(2.5) == pytest.approx(75.0)


def test_linear_rule_clamps_scores_above_100():
    rule = LinearRule(((0.0, 0.0), (1.0, 150.0)))
    assert rule.score(1.0) == 100.0


@pytest.mark.parametrize(
    "points",
    [
        ((0.0, 0.0),),
        ((1.0, 0.0), (1.0, 100.0)),
        ((2.0, 0.0), (1.0, 100.0)),
        ((0.0, math.nan), (1.0, 1.0)),
    ],
)
def test_linear_rule_rejects_invalid_points(points):
    with pytest.raises(ValueError, match="Invalid linear rule"):
        LinearRule(points)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0.0, 100.0), (0.99, 100.0), (1.0, 50.0), (2.0, 25.0), (3.0, 0.0), (7.0, 0.0)],
)
def test_band_rule_steps(value, expected):
    rule = BandRule(edges=(1.0, 2.0, 3.0), scores=(100.0, 50.0, 25.0, 0.0))
    assert rule.score(value) == expected


def test_band_rule_rejects_score_count():
    with pytest.raises(ValueError, match="one more score than edges"):
        BandRule(edges=(1.0,), scores=(100.0,))


def test_band_rule_rejects_unsorted_edges():
    with pytest.raises(ValueError, match="strictly increase"):
        BandRule(edges=(2.0, 1.0), scores=(1.0, 2.0, 3.0))


def test_rules_describe_their_numbers():
    assert "0.5 scores 40" in LinearRule(((0.0, 0.0), (0.5, 40.0))).describe()
    assert "from 1 scores 50" in BandRule(edges=(1.0,), scores=(100.0, 50.0)).describe()


# --- Measures and combining ------------------------------------------------


@pytest.mark.parametrize("weight", [-1.0, math.nan, math.inf])
def test_measure_rejects_invalid_weight(weight):
    with pytest.raises(ValueError, match="Invalid weight"):
        Measure("m", "M", weight, LinearRule(((0, 0), (1, 100))), lambda h, d: Reading(1.0, ""))


@pytest.mark.parametrize("raw", [math.nan, math.inf, -math.inf, None])
def test_measure_treats_non_finite_value_as_missing(raw):
    measure = Measure("m", "M", 1.0, LinearRule(((0, 0), (1, 100))), lambda h, d: Reading(raw, "x"))
    evaluated = measure.evaluate(None, D)
    assert evaluated.score is None
    assert evaluated.value is None
    assert not evaluated.applicable


def test_scorecard_rejects_duplicate_keys():
    measure = v1_scorecard().measures[0]
    with pytest.raises(ValueError, match="duplicate measure keys"):
        Scorecard((measure, measure))


def test_coverage_floor_rejects_invalid_share():
    with pytest.raises(ValueError, match="Invalid coverage floor"):
        CoverageFloor(min_weight_share=1.5)


COMBINE_CASES = [
    # (case, [(weight, score)], expected score, used, total)
    ("all applicable", [(3, 100.0), (1, 0.0)], 75.0, 2, 2),
    # The missing measure is left out: (2*80 + 2*40) / 4 = 60.
    ("one missing reweights", [(2, 80.0), (2, 40.0), (1, None)], 60.0, 2, 3),
    ("one applicable", [(1, 90.0), (1, None), (1, None)], None, 1, 3),
    # 2 of 3 measures but only 2 of 10 weight units: below half the weight.
    ("weight share too low", [(1, 90.0), (1, 90.0), (8, None)], None, 2, 3),
    ("exactly half the weight", [(1, 90.0), (1, 50.0), (2, None)], 70.0, 2, 3),
    ("all weights zero", [(0, 90.0), (0, 50.0)], None, 0, 0),
    # A zero-weight measure is shown but neither counts nor scores.
    ("zero weight ignored", [(1, 80.0), (1, 60.0), (0, 0.0)], 70.0, 2, 2),
    ("nothing", [], None, 0, 0),
    ("huge weights stay finite", [(1e308, 100.0), (1e308, 50.0)], 75.0, 2, 2),
]


@pytest.mark.parametrize(
    ("weights_scores", "expected", "used", "total"),
    [case[1:] for case in COMBINE_CASES],
    ids=[case[0] for case in COMBINE_CASES],
)
def test_combine_cases(weights_scores, expected, used, total):
    results = [result(f"m{i}", w, s) for i, (w, s) in enumerate(weights_scores)]
    health = combine(results)
    assert health.measures_used == used
    assert health.measures_total == total
    if expected is None:
        assert health.score is None
        assert health.colour is HealthColour.INSUFFICIENT
    else:
        assert health.score == pytest.approx(expected)
        assert health.colour is DEFAULT_BANDS.colour_for(health.score)


def test_combine_shares_sum_to_one():
    health = combine([result("a", 2, 80.0), result("b", 2, 40.0), result("c", 1, None)])
    shares = {m.key: m.share for m in health.measures}
    assert shares == {"a": pytest.approx(0.5), "b": pytest.approx(0.5), "c": 0.0}


def test_insufficient_is_never_green():
    health = combine([result("a", 1, 100.0), result("b", 5, None)])
    assert health.colour is HealthColour.INSUFFICIENT
    assert health.coverage_text == "1 of 2 measures"


# --- DatedSeries -----------------------------------------------------------


def test_dated_series_window_queries():
    series = DatedSeries([(10, 1.0), (12, 2.0), (12, 3.0), (20, 4.0)])
    assert series.count(10, 12) == 3
    assert series.total(11, 20) == 9.0
    assert series.total(13, 19) == 0.0
    assert series.count(15, 5) == 0
    assert series.last_on_or_before(19) == 12
    assert series.last_on_or_before(9) is None


# --- Each measure, including every missing-data path -----------------------

USAGE_CASES = [
    ("no usage ever", [], None, "No feature usage recorded yet"),
    ("usage only after D", [(date(2024, 7, 1), 10.0)], None, "No feature usage recorded"),
    # Last usage 2023-11-01 is before both windows: dormant, ratio 0.
    ("dormant", [(date(2023, 11, 1), 30.0)], 0.0, "or the 90 before; the last were on"),
    ("zero-valued rows only", [(date(2024, 5, 1), 0.0)], 0.0, "No feature events"),
    ("new usage", [(date(2024, 5, 1), 14.0)], 2.0, "14 feature events in the last 90 days, none"),
    # 14 recent against 22 earlier: 14/22 = 0.636, down 36%.
    (
        "down",
        [(date(2024, 2, 1), 22.0), (date(2024, 5, 1), 14.0)],
        14 / 22,
        "Feature events fell 36% in 90 days: 14 in the last 90 days against 22 before.",
    ),
    ("up", [(date(2024, 2, 1), 10.0), (date(2024, 5, 1), 15.0)], 1.5, "up 50%"),
    ("flat", [(date(2024, 2, 1), 10.0), (date(2024, 5, 1), 10.0)], 1.0, "about the same"),
    # D-89 (2024-04-02) is the first day of the recent window, D-90 the last earlier day.
    ("window edges", [(date(2024, 4, 1), 4.0), (date(2024, 4, 2), 2.0)], 0.5, "fell 50%"),
    (
        "recent gone",
        [(date(2024, 2, 1), 10.0)],
        0.0,
        "No feature events in the last 90 days, against 10 in the 90 days before.",
    ),
]


@pytest.mark.parametrize(
    ("usage", "value", "text"), [c[1:] for c in USAGE_CASES], ids=[c[0] for c in USAGE_CASES]
)
def test_usage_trend_reading(usage, value, text):
    reading = read_usage_trend(history(usage=usage), D)
    assert reading.value == (None if value is None else pytest.approx(value))
    assert text in reading.explanation


SUPPORT_CASES = [
    ("no tickets ever", [], None, "No support tickets recorded"),
    ("tickets only after D", [ticket(date(2024, 7, 2))], None, "No support tickets recorded"),
    ("none recent", [ticket(date(2024, 1, 5), date(2024, 1, 6))], 0.0, "No tickets opened"),
    ("closed medium", [ticket(date(2024, 5, 1), date(2024, 5, 2))], 1.0, "90 days: 1 (0 high"),
    ("closed high", [ticket(date(2024, 5, 1), date(2024, 5, 2), "high")], 2.0, "1 high or urgent"),
    ("closed urgent", [ticket(date(2024, 5, 1), date(2024, 5, 2), "Urgent")], 3.0, "load 3"),
    ("open low", [ticket(date(2024, 5, 1), None, "low")], 2.0, "1 still open"),
    # Closed after D, so still open at D: 1 + 2 (urgent) + 1 (open) = 4.
    ("closed after D", [ticket(date(2024, 6, 1), date(2024, 7, 3), "urgent")], 4.0, "load 4"),
    ("closed on D", [ticket(date(2024, 6, 1), D)], 1.0, "0 still open"),
    ("opened on window start", [ticket(date(2024, 4, 2), date(2024, 4, 3))], 1.0, "days: 1 ("),
    ("opened day before window", [ticket(date(2024, 4, 1), date(2024, 4, 3))], 0.0, "No tickets"),
]


@pytest.mark.parametrize(
    ("tickets", "value", "text"), [c[1:] for c in SUPPORT_CASES], ids=[c[0] for c in SUPPORT_CASES]
)
def test_support_load_reading(tickets, value, text):
    reading = read_support_load(history(tickets=tickets), D)
    assert reading.value == value
    assert text in reading.explanation


CSAT_CASES = [
    ("no tickets", [], None, "No rated tickets or CSAT"),
    (
        "unrated only",
        [ticket(date(2024, 5, 1), date(2024, 5, 2))],
        None,
        "No rated tickets or CSAT",
    ),
    ("open rated", [ticket(date(2024, 5, 1), None, csat=5.0)], None, "No rated tickets or CSAT"),
    (
        "closed after D",
        [ticket(date(2024, 6, 1), date(2024, 7, 1), csat=5.0)],
        None,
        "No rated tickets",
    ),
    (
        "closed too early",
        [ticket(date(2023, 12, 1), date(2024, 1, 2), csat=5.0)],
        None,
        "No rated tickets",
    ),
    (
        "mean of two",
        [
            ticket(date(2024, 5, 1), date(2024, 5, 2), csat=3.0),
            ticket(date(2024, 1, 1), date(2024, 1, 3), csat=4.0),
        ],
        3.5,
        "Mean CSAT 3.5 of 5 in the last 180 days (ratings: 2)",
    ),
]


@pytest.mark.parametrize(
    ("tickets", "value", "text"), [c[1:] for c in CSAT_CASES], ids=[c[0] for c in CSAT_CASES]
)
def test_csat_reading(tickets, value, text):
    reading = read_csat(history(tickets=tickets), D)
    assert reading.value == value
    assert text in reading.explanation


ESCALATION_CASES = [
    ("no tickets", [], None, "No support tickets recorded"),
    ("none escalated", [ticket(date(2024, 5, 1), date(2024, 5, 2))], 0.0, "No escalated"),
    ("one", [ticket(date(2024, 5, 1), escalated=True)], 1.0, "180 days: 1."),
    ("too old", [ticket(date(2024, 1, 2), escalated=True)], 0.0, "No escalated"),
    (
        "after D",
        [ticket(date(2024, 1, 5)), ticket(date(2024, 7, 1), escalated=True)],
        0.0,
        "No esc",
    ),
    (
        "two",
        [ticket(date(2024, 1, 3), escalated=True), ticket(date(2024, 6, 30), escalated=True)],
        2.0,
        "180 days: 2.",
    ),
]


@pytest.mark.parametrize(
    ("tickets", "value", "text"),
    [c[1:] for c in ESCALATION_CASES],
    ids=[c[0] for c in ESCALATION_CASES],
)
def test_escalations_reading(tickets, value, text):
    reading = read_escalations(history(tickets=tickets), D)
    assert reading.value == value
    assert text in reading.explanation


CHURN_CASES = [
    ("no history", None, [], None, "has not started yet"),
    ("signup after D", date(2024, 7, 1), [], None, "has not started"),
    ("no churn", date(2023, 1, 1), [], 0.0, "No churn events"),
    ("fresh churn", date(2023, 1, 1), [(date(2024, 1, 1), False)], 1.0, "1 fresh, 0 after"),
    ("reactivation", date(2023, 1, 1), [(date(2024, 1, 1), True)], 0.5, "0 fresh, 1 after"),
    ("too old", date(2023, 1, 1), [(date(2023, 7, 1), False)], 0.0, "No churn events"),
    ("window start", date(2023, 1, 1), [(date(2023, 7, 2), False)], 1.0, "1 fresh, 0 after"),
    ("after D", date(2023, 1, 1), [(date(2024, 7, 1), False)], 0.0, "No churn events"),
    # No signup date: the history starts at the first churn, which is before D.
    ("start from event", None, [(date(2024, 1, 1), False)], 1.0, "1 fresh, 0 after"),
]


@pytest.mark.parametrize(
    ("signup", "churns", "value", "text"),
    [c[1:] for c in CHURN_CASES],
    ids=[c[0] for c in CHURN_CASES],
)
def test_churn_history_reading(signup, churns, value, text):
    reading = read_churn_history(history(signup=signup, churns=churns), D)
    assert reading.value == value
    assert text in reading.explanation


def test_history_start_is_earliest_date():
    built = history(
        signup=date(2024, 3, 1),
        usage=[(date(2024, 2, 1), 1.0)],
        tickets=[ticket(date(2024, 1, 15))],
    )
    assert built.start == date(2024, 1, 15)


def test_history_skips_invalid_usage_values():
    built = history(usage=[(date(2024, 5, 1), -3.0), (date(2024, 5, 2), math.nan)])
    assert len(built.usage) == 0


# --- Hand-made accounts ----------------------------------------------------


def test_healthy_account_by_hand():
    # Usage: earlier window 40 + 40 = 80, recent 50 + 50 = 100, ratio 1.25
    #   -> 75 + 0.5 * 25 = 87.5.
    # Support: medium closed (1) + high still open (1 + 1 + 1 = 3), load 4
    #   -> 60 - 30 * (1 / 3) = 50.
    # CSAT: one rated ticket, 5 -> 100. Escalations: none -> 100. Churn: none -> 100.
    # Score: 0.35 * 87.5 + 0.2 * 50 + 0.15 * 100 + 0.1 * 100 + 0.2 * 100 = 85.625.
    built = history(
        signup=date(2023, 6, 1),
        usage=[
            (date(2024, 2, 15), 40.0),
            (date(2024, 3, 20), 40.0),
            (date(2024, 5, 10), 50.0),
            (date(2024, 6, 20), 50.0),
        ],
        tickets=[
            ticket(date(2024, 5, 1), date(2024, 5, 3), "medium", csat=5.0),
            ticket(date(2024, 6, 25), None, "high"),
        ],
    )

    health = v1_scorecard().evaluate(built, D)

    scores = {m.key: m.score for m in health.measures}
    assert scores == {
        "usage_trend": pytest.approx(87.5),
        "support_load": pytest.approx(50.0),
        "csat": pytest.approx(100.0),
        "escalations": 100.0,
        "churn_history": 100.0,
    }
    assert health.score == pytest.approx(85.625)
    assert health.colour is HealthColour.GREEN
    assert health.coverage_text == "5 of 5 measures"


def test_struggling_account_by_hand():
    # Usage: last event 2023-11-01 is before both windows -> dormant, 0.
    # Support: only the 2024-06-01 low ticket is in the 90 days, closed after D
    #   so open at D: 1 + 1 = 2 -> 85 - 25 * 0.5 = 72.5.
    # CSAT: only the 2024-03-20 closure (CSAT 2) counts -> (2 - 1) / 4 * 100 = 25.
    # Escalations: 2024-03-10 and 2024-06-01 -> 2 -> 25.
    # Churn: fresh 2023-09-01 (1) + reactivation 2024-02-01 (0.5) = 1.5 -> 15.
    # Score: 0.35 * 0 + 0.2 * 72.5 + 0.15 * 25 + 0.1 * 25 + 0.2 * 15 = 23.75.
    # Rows dated after D (a ticket and a churn) must change nothing.
    built = history(
        signup=date(2023, 1, 10),
        usage=[(date(2023, 11, 1), 30.0)],
        tickets=[
            ticket(date(2024, 3, 10), date(2024, 3, 20), "urgent", csat=2.0, escalated=True),
            ticket(date(2024, 6, 1), date(2024, 7, 5), "low", csat=5.0, escalated=True),
            ticket(date(2024, 7, 10), None, "urgent", escalated=True),
        ],
        churns=[(date(2023, 9, 1), False), (date(2024, 2, 1), True), (date(2024, 8, 1), False)],
    )

    health = v1_scorecard().evaluate(built, D)

    scores = {m.key: m.score for m in health.measures}
    assert scores == {
        "usage_trend": 0.0,
        "support_load": pytest.approx(72.5),
        "csat": pytest.approx(25.0),
        "escalations": 25.0,
        "churn_history": pytest.approx(15.0),
    }
    assert health.score == pytest.approx(23.75)
    assert health.colour is HealthColour.RED


def test_new_account_is_insufficient():
    # Only churn history applies (1 of 5 measures, 20% of the weight).
    health = v1_scorecard().evaluate(history(signup=date(2024, 6, 1)), D)
    assert health.score is None
    assert health.colour is HealthColour.INSUFFICIENT
    assert health.coverage_text == "1 of 5 measures"


def test_usage_only_account_is_scored():
    # Usage (new, ratio 2 -> 100) and churn (100) carry 55% of the weight.
    health = v1_scorecard().evaluate(history(usage=[(date(2024, 6, 1), 3.0)]), D)
    assert health.score == pytest.approx(100.0)
    assert health.coverage_text == "2 of 5 measures"


def test_details_hold_shares_and_explanations():
    health = v1_scorecard().evaluate(history(usage=[(date(2024, 6, 1), 3.0)]), D)
    details = health.details(D)
    assert list(details) == ["usage_trend", "support_load", "csat", "escalations", "churn_history"]
    # Applicable: [score, share, value, code, args, age in days].
    assert details["usage_trend"][:4] == [100.0, round(35 / 55, 4), 2.0, "u2"]
    assert details["usage_trend"][5] == 29
    # Not applicable: only the explanation code.
    assert details["support_load"] == ["t0"]
    decoded = {m.key: m for m in decode_details(details, D)}
    assert decoded["csat"].explanation == "No rated tickets or CSAT responses in the last 180 days."
    assert decoded["usage_trend"].data_on == date(2024, 6, 1)
    assert decoded["support_load"].score is None


# --- Properties ------------------------------------------------------------

BASE = date(2023, 1, 1)
days = st.integers(min_value=0, max_value=760)
usage_rows = st.lists(st.tuples(days, st.integers(0, 50)), max_size=30)
ticket_rows = st.lists(
    st.tuples(
        days,
        st.none() | st.integers(0, 60),
        st.sampled_from(["low", "medium", "high", "urgent", None]),
        st.none() | st.integers(1, 5),
        st.booleans(),
    ),
    max_size=10,
)
churn_rows = st.lists(st.tuples(days, st.booleans()), max_size=4)


def build_random(signup_offset, usage, tickets, churns):
    signup = None if signup_offset is None else BASE + timedelta(days=signup_offset)
    return build_history(
        ACCOUNT,
        signup,
        [(BASE + timedelta(days=d), float(v)) for d, v in usage],
        [
            (
                BASE + timedelta(days=d),
                None
                if c is None
                else datetime.combine(BASE + timedelta(days=d + c), datetime.min.time()),
                p,
                None if s is None else float(s),
                e,
            )
            for d, c, p, s, e in tickets
        ],
        [(BASE + timedelta(days=d), r) for d, r in churns],
    )


@settings(max_examples=200, deadline=None)
@given(st.none() | days, usage_rows, ticket_rows, churn_rows, days)
def test_score_is_bounded_or_none(signup, usage, tickets, churns, as_of_offset):
    health = v1_scorecard().evaluate(
        build_random(signup, usage, tickets, churns), BASE + timedelta(days=as_of_offset)
    )
    if health.score is None:
        assert health.colour is HealthColour.INSUFFICIENT
    else:
        assert math.isfinite(health.score)
        assert 0.0 <= health.score <= 100.0
        assert health.colour is not HealthColour.INSUFFICIENT
    for measure in health.measures:
        assert measure.score is None or 0.0 <= measure.score <= 100.0
        assert math.isfinite(measure.share)


@settings(max_examples=200, deadline=None)
@given(
    st.none() | days, usage_rows, ticket_rows, churn_rows, days, usage_rows, ticket_rows, churn_rows
)
def test_data_after_date_changes_nothing(
    signup, usage, tickets, churns, as_of_offset, more_usage, more_tickets, more_churns
):
    as_of = BASE + timedelta(days=as_of_offset)
    later = as_of_offset + 1
    shifted_usage = [(later + d, v) for d, v in more_usage]
    shifted_tickets = [(later + d, *rest) for d, *rest in more_tickets]
    shifted_churns = [(later + d, r) for d, r in more_churns]

    before = v1_scorecard().evaluate(build_random(signup, usage, tickets, churns), as_of)
    after = v1_scorecard().evaluate(
        build_random(
            signup, usage + shifted_usage, tickets + shifted_tickets, churns + shifted_churns
        ),
        as_of,
    )
    assert after == before


weighted_results = st.lists(
    st.tuples(
        # Weights below 1e-6 are left out: scaled by 1e-3 they could underflow to 0.
        st.floats(1e-6, 1000) | st.just(0.0),
        st.none() | st.floats(0, 100),
    ),
    min_size=0,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(weighted_results, st.floats(1e-3, 1e3))
def test_scaling_weights_changes_nothing(pairs, factor):
    floor = CoverageFloor()
    total = sum(w for w, _ in pairs if w > 0)
    used = sum(w for w, s in pairs if w > 0 and s is not None)
    # Float rounding may flip a result that sits exactly on the weight floor.
    assume(total == 0 or abs(used / total - floor.min_weight_share) > 1e-9)

    plain = combine([result(f"m{i}", w, s) for i, (w, s) in enumerate(pairs)])
    scaled = combine([result(f"m{i}", w * factor, s) for i, (w, s) in enumerate(pairs)])

    assert scaled.measures_used == plain.measures_used
    assert scaled.measures_total == plain.measures_total
    if plain.score is None:
        assert scaled.score is None
        return
    assert scaled.score == pytest.approx(plain.score, abs=1e-9)
    # Float rounding may move a score sitting on a band boundary.
    near_boundary = min(abs(plain.score - b) for b in (40.0, 70.0)) < 1e-9
    if not near_boundary:
        assert scaled.colour is plain.colour


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 1e308, allow_nan=False, allow_infinity=False),
            st.none() | st.floats(0, 100),
        ),
        max_size=8,
    )
)
def test_combine_never_returns_nan(pairs):
    health = combine([result(f"m{i}", w, s) for i, (w, s) in enumerate(pairs)])
    assert health.score is None or 0.0 <= health.score <= 100.0
