"""Tests of the measures beyond the first version, staleness, explanations and the config."""

from __future__ import annotations

import math
import uuid
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csm_desktop.health.bands import HealthColour
from csm_desktop.health.catalogue import CATALOGUE
from csm_desktop.health.config import (
    ScorecardConfig,
    build_scorecard,
    config_from_json,
    config_to_json,
    default_config,
    rule_from_text,
    rule_to_text,
    validate,
    with_weights,
)
from csm_desktop.health.engine import LinearRule, Measure, Reading, Scorecard, combine
from csm_desktop.health.explain import Why, known_codes, render
from csm_desktop.health.history import ExtraInputs, KeyFeatures, build_history
from csm_desktop.health.readers import (
    read_adoption_breadth,
    read_engagement_recency,
    read_invoice_status,
    read_nps,
    read_onboarding_progress,
    read_seat_utilisation,
    read_usage_trend_30,
)

D = date(2024, 6, 30)
ACCOUNT = uuid.UUID(int=7)


def hist(usage=(), **extra):
    return build_history(ACCOUNT, date(2023, 1, 1), usage, extra=ExtraInputs(**extra))


def features(*names_first):
    return KeyFeatures({name: first.toordinal() for name, first in names_first})


MEASURE_CASES = [
    # reader, history kwargs, expected value, code
    ("usage 30 none", read_usage_trend_30, {}, None, "u0"),
    ("usage 30 down", read_usage_trend_30,
     {"usage": [(date(2024, 5, 15), 10.0), (date(2024, 6, 15), 4.0)]}, 0.4, "u5"),
    ("usage 30 up", read_usage_trend_30,
     {"usage": [(date(2024, 5, 15), 10.0), (date(2024, 6, 15), 15.0)]}, 1.5, "u4"),
    ("breadth no features", read_adoption_breadth, {}, None, "b0"),
    ("breadth never used", read_adoption_breadth,
     {"key_features": features(("a", date(2024, 1, 1)))}, None, "b0"),
    ("breadth half", read_adoption_breadth,
     {"key_features": features(("a", date(2024, 1, 1)), ("b", date(2024, 1, 1))),
      "features": [(date(2024, 6, 1), "a")]}, 0.5, "b1"),
    ("breadth ignores later launch", read_adoption_breadth,
     {"key_features": features(("a", date(2024, 1, 1)), ("b", date(2024, 7, 1))),
      "features": [(date(2024, 6, 1), "a")]}, 1.0, "b1"),
    ("breadth old use", read_adoption_breadth,
     {"key_features": features(("a", date(2023, 1, 1))),
      "features": [(date(2023, 6, 1), "a")]}, 0.0, "b1"),
    ("seats unknown", read_seat_utilisation, {"seats_used": [(date(2024, 6, 1), 5.0)]}, None, "s0"),
    ("seats no figure", read_seat_utilisation, {"seats": 10}, None, "s1"),
    ("seats old figure", read_seat_utilisation,
     {"seats": 10, "seats_used": [(date(2024, 5, 1), 5.0)]}, None, "s1"),
    ("seats latest", read_seat_utilisation,
     {"seats": 10, "seats_used": [(date(2024, 6, 10), 5.0), (date(2024, 6, 20), 8.0)]}, 0.8, "s2"),
    ("seats after D", read_seat_utilisation,
     {"seats": 10, "seats_used": [(date(2024, 6, 10), 5.0), (date(2024, 7, 2), 9.0)]}, 0.5, "s2"),
    ("nps none", read_nps, {}, None, "n0"),
    ("nps only after D", read_nps, {"nps": [(date(2024, 7, 1), 10.0)]}, None, "n0"),
    # 2 promoters, 1 passive, 1 detractor: (2 - 1) / 4 = 25.
    ("nps mix", read_nps, {"nps": [(date(2024, 5, 1), 10.0), (date(2024, 5, 2), 9.0),
                                   (date(2024, 5, 3), 7.0), (date(2024, 5, 4), 3.0)]}, 25.0, "n1"),
    ("nps invalid skipped", read_nps, {"nps": [(date(2024, 5, 1), 11.0)]}, None, "n0"),
    ("recency none", read_engagement_recency, {}, None, "r0"),
    ("recency 10 days", read_engagement_recency, {"touches": [date(2024, 6, 20)]}, 10.0, "r1"),
    ("recency ignores future", read_engagement_recency,
     {"touches": [date(2024, 6, 20), date(2024, 7, 5)]}, 10.0, "r1"),
    ("invoice none due", read_invoice_status, {"invoices": [(date(2024, 7, 5), None)]}, None, "i0"),
    ("invoice paid", read_invoice_status,
     {"invoices": [(date(2024, 6, 1), date(2024, 6, 1))]}, 0.0, "i1"),
    ("invoice due today", read_invoice_status, {"invoices": [(D, None)]}, 0.0, "i1"),
    ("invoice overdue", read_invoice_status,
     {"invoices": [(date(2024, 5, 31), None), (date(2024, 6, 20), None)]}, 30.0, "i2"),
    ("invoice paid after D", read_invoice_status,
     {"invoices": [(date(2024, 6, 20), date(2024, 7, 2))]}, 10.0, "i2"),
    ("goals none due", read_onboarding_progress, {"goals": [(date(2024, 7, 1), None)]}, None, "g0"),
    ("goals half met", read_onboarding_progress,
     {"goals": [(date(2024, 5, 1), date(2024, 4, 20)), (date(2024, 6, 1), None)]}, 0.5, "g1"),
    ("goal met after D", read_onboarding_progress,
     {"goals": [(date(2024, 6, 1), date(2024, 7, 3))]}, 0.0, "g1"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("reader", "kwargs", "value", "code"),
    [c[1:] for c in MEASURE_CASES],
    ids=[c[0] for c in MEASURE_CASES],
)
def test_measure_reading(reader, kwargs, value, code):
    reading = reader(hist(**kwargs), D)
    assert reading.value == (None if value is None else pytest.approx(value))
    assert reading.why.code == code
    assert reading.why.code in known_codes()
    assert reading.explanation


def test_csat_surveys_rescaled_into_ticket_scale():
    from csm_desktop.health.measures import read_csat

    # 9 of 0-10 -> 1 + 0.9 * 4 = 4.6; out-of-scale responses are skipped.
    built = hist(csat=[(date(2024, 6, 1), 9.0, 0.0, 10.0), (date(2024, 6, 2), 12.0, 0.0, 10.0)])
    assert read_csat(built, D).value == pytest.approx(4.6)


def test_render_formats_and_unknown_code():
    assert render(Why("r1", (3, "2024-06-27"))).startswith("Last customer-facing touch 3 days")
    assert render(Why("zz9")) == "zz9"
    assert render("plain text") == "plain text"


# --- Staleness ---------------------------------------------------------------


def fixed(value, data_on):
    return lambda _history, _day: Reading(value, Why("x"), data_on)


def test_stale_measure_marks_score_stale_never_green():
    measures = (
        Measure("a", "a", 60, LinearRule(((0, 100), (1, 100))), fixed(1.0, date(2024, 1, 1)),
                validity_days=30),
        Measure("b", "b", 40, LinearRule(((0, 100), (1, 100))), fixed(1.0, D)),
    )  # fmt: skip
    health = Scorecard(measures).evaluate(None, D)
    assert health.colour is HealthColour.STALE
    assert health.computed_colour is HealthColour.GREEN
    assert health.score == pytest.approx(100.0)
    assert health.stale_since == date(2024, 1, 1)


def test_stale_below_share_keeps_colour():
    measures = (
        Measure("a", "a", 20, LinearRule(((0, 100), (1, 100))), fixed(1.0, date(2024, 1, 1)),
                validity_days=30),
        Measure("b", "b", 80, LinearRule(((0, 100), (1, 100))), fixed(1.0, D)),
    )  # fmt: skip
    assert Scorecard(measures).evaluate(None, D).colour is HealthColour.GREEN


@pytest.mark.parametrize(("age", "stale"), [(30, False), (31, True)])
def test_validity_boundary(age, stale):
    measure = Measure(
        "a", "a", 1, LinearRule(((0, 0), (1, 100))), fixed(1.0, D - timedelta(days=age)),
        validity_days=30,
    )  # fmt: skip
    assert measure.evaluate(None, D).stale is stale


def test_insufficient_beats_stale():
    results = [
        Measure("a", "a", 1, LinearRule(((0, 0), (1, 100))), fixed(None, None)).evaluate(None, D)
    ]
    assert combine(results).colour is HealthColour.INSUFFICIENT


# --- Default scorecard over every measure ------------------------------------

BASE = date(2023, 1, 1)
offsets = st.integers(0, 700)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(offsets, st.integers(0, 50)), max_size=15),
    st.lists(st.tuples(offsets, st.integers(0, 10)), max_size=5),
    st.lists(offsets, max_size=5),
    st.lists(st.tuples(offsets, st.none() | offsets), max_size=4),
    offsets,
    st.lists(st.tuples(offsets, st.integers(0, 10)), max_size=5),
)
def test_full_scorecard_bounded_and_point_in_time(usage, nps, touches, invoices, day, later):
    as_of = BASE + timedelta(days=day)

    def build(extra_nps):
        return build_history(
            ACCOUNT,
            BASE,
            [(BASE + timedelta(days=d), float(v)) for d, v in usage],
            extra=ExtraInputs(
                nps=[(BASE + timedelta(days=d), float(s)) for d, s in nps] + extra_nps,
                touches=[BASE + timedelta(days=d) for d in touches],
                invoices=[
                    (BASE + timedelta(days=d), None if p is None else BASE + timedelta(days=p))
                    for d, p in invoices
                ],
                seats=5,
            ),
        )

    config = default_config()
    scorecard = build_scorecard(config, config.profile("default"))
    before = scorecard.evaluate(build([]), as_of)
    future = [(as_of + timedelta(days=1 + d), float(s)) for d, s in later]
    after = scorecard.evaluate(build(future), as_of)

    assert before == after
    assert before.score is None or 0.0 <= before.score <= 100.0
    assert before.score is None or math.isfinite(before.score)


# --- Configuration -----------------------------------------------------------


def test_config_json_round_trip():
    config = default_config()
    again = config_from_json(config_to_json(config))
    assert again == config


def test_profile_for_segment_then_tier():
    config = default_config()
    assert config.profile_for("Enterprise", "Basic").key == "enterprise"
    assert config.profile_for(None, "Basic").key == "smb"
    assert config.profile_for(None, "Pro").key == "default"
    assert config.profile_for(None, None).key == "default"


@pytest.mark.parametrize("text", ["0:0, 0.5:40, 1:75", "100 | 1 | 50 | 2 | 0", "-100:0, 100:100"])
def test_rule_text_round_trip(text):
    assert rule_to_text(rule_from_text(text)) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("1:0, 0:100", "strictly increase"),
        ("100 | 1", "ends with a score"),
        ("a:b", "Invalid rule"),
        ("1:2:3", "value:score pairs"),
    ],
)
def test_rule_text_rejects_invalid(text, message):
    with pytest.raises(ValueError, match=message):
        rule_from_text(text)


def test_validate_reports_problems():
    config = default_config()
    no_weights = with_weights(config.profile("smb"), {spec.key: 0.0 for spec in CATALOGUE})
    broken = ScorecardConfig(
        profiles=(config.profile("default"), no_weights, no_weights), cadence_days=0
    )
    problems = " ".join(validate(broken))
    assert "same key" in problems
    assert "cadence" in problems
    assert "insufficient data" in problems
    assert validate(config) == []


def test_build_scorecard_skips_zero_weights():
    config = default_config()
    keys = [m.key for m in build_scorecard(config, config.profile("default")).measures]
    assert "churn_history" not in keys
    assert "usage_trend_30" in keys
