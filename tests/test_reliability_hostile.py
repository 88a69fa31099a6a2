"""Hostile input: every case ends in a correct result or a clear message, never a traceback.

Inputs include huge strings, control characters, NUL bytes, invalid dates,
negative and enormous numbers and right-to-left text. Where a write is
involved, a rejected input must leave the database exactly as it was.
"""

from __future__ import annotations

import csv
import math
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from csm_desktop.health import config as scorecard
from csm_desktop.importers import values
from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.ravenstack import import_ravenstack
from csm_desktop.services.accounts import InvalidNoteError, add_note
from csm_desktop.store.models import Account, Activity, Subscription

HOSTILE_FRAGMENTS = [
    "\x00", "\x1b[31m", "\u202e", "\u200f", "שלום", "مرحبا", "\r\n", "\t", "=cmd|' /C calc'!A0",
    "-1", "1e308", "-1e309", "NaN", "inf", "9" * 40, "2024-02-30", "2024-13-01", "0000-00-00",
    "9999-12-31 25:61", "TRUE", "1,234.56", "€", "'; DROP TABLE account; --", "\ud7ff", "\ufeff",
]  # fmt: skip
hostile_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(HOSTILE_FRAGMENTS), max_size=6).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.just("x" * 200_000),
)
PARSERS = {
    "bool": (values.parse_bool, bool),
    "date": (values.parse_iso_date, date),
    "datetime": (values.parse_iso_datetime, object),
    "int": (values.parse_int, int),
    "float": (values.parse_float, float),
    "decimal": (values.parse_decimal, Decimal),
}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("kind", sorted(PARSERS))
@FAST
@given(text=hostile_text)
def test_value_parsers_result_or_message(kind, text):
    parse, expected_type = PARSERS[kind]
    try:
        result = parse(text)
    except ValueError as exc:
        assert str(exc).startswith(("not a", "number too large", "amount too large")), str(exc)
        return
    assert result is None or isinstance(result, expected_type)
    if isinstance(result, Decimal):
        assert result.is_finite()
    if isinstance(result, float):
        assert math.isfinite(result)


@given(number=st.integers(min_value=-(10**30), max_value=10**30))
@FAST
def test_parse_int_exact_or_rejected(number):
    if abs(number) > values.MAX_WHOLE_NUMBER:
        with pytest.raises(ValueError, match="too large"):
            values.parse_int(str(number))
    else:
        assert values.parse_int(str(number)) == number


DEMO_ACCOUNT = {
    "account_id": "A-000001",
    "account_name": "Acme",
    "industry": "FinTech",
    "country": "ES",
    "signup_date": "2024-01-01",
    "referral_source": "partner",
    "plan_tier": "Pro",
    "seats": "10",
    "is_trial": "FALSE",
    "churn_flag": "FALSE",
}
DEMO_SUBSCRIPTION = {
    "subscription_id": "S-000001",
    "account_id": "A-000001",
    "start_date": "2024-01-01",
    "end_date": "",
    "plan_tier": "Pro",
    "seats": "10",
    "mrr_amount": "100",
    "arr_amount": "1200",
    "is_trial": "FALSE",
    "upgrade_flag": "FALSE",
    "downgrade_flag": "FALSE",
    "churn_flag": "FALSE",
    "billing_frequency": "monthly",
    "auto_renew_flag": "TRUE",
}
EMPTY_FILES = {
    "ravenstack_feature_usage.csv": [
        "usage_id", "subscription_id", "usage_date", "feature_name", "usage_count",
        "usage_duration_secs", "error_count", "is_beta_feature",
    ],
    "ravenstack_support_tickets.csv": [
        "ticket_id", "account_id", "submitted_at", "closed_at", "resolution_time_hours",
        "priority", "first_response_time_minutes", "satisfaction_score", "escalation_flag",
    ],
    "ravenstack_churn_events.csv": [
        "churn_event_id", "account_id", "churn_date", "reason_code", "refund_amount_usd",
        "preceding_upgrade_flag", "preceding_downgrade_flag", "is_reactivation", "feedback_text",
    ],
}  # fmt: skip


def _write_export(folder: Path, account: dict, subscription: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, row in (
        ("ravenstack_accounts.csv", account),
        ("ravenstack_subscriptions.csv", subscription),
    ):
        with (folder / name).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
            writer.writerow(row)
    for name, header in EMPTY_FILES.items():
        (folder / name).write_text(",".join(header) + "\n", encoding="utf-8")


def _row_counts(db) -> tuple[int, int]:
    with db.session() as session:
        accounts = session.scalar(select(func.count()).select_from(Account))
        subscriptions = session.scalar(select(func.count()).select_from(Subscription))
    return accounts, subscriptions


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    account_field=st.sampled_from(["account_name", "signup_date", "seats", "is_trial", "country"]),
    subscription_field=st.sampled_from(["arr_amount", "mrr_amount", "start_date", "seats"]),
    value=hostile_text,
)
def test_import_row_result_or_message(
    db, tmp_path_factory, account_field, subscription_field, value
):
    assume("\x00" not in value)  # csv refuses NUL bytes outright; tested below
    folder = tmp_path_factory.mktemp("export")
    _write_export(
        folder,
        {**DEMO_ACCOUNT, account_field: value},
        {**DEMO_SUBSCRIPTION, subscription_field: value},
    )
    before = _row_counts(db)

    try:
        summary = import_ravenstack(db, folder)
    except ImportFileError as exc:
        assert str(exc)
        assert _row_counts(db) == before
        return
    assert summary is not None
    accounts, _subscriptions = _row_counts(db)
    assert accounts in (before[0], before[0] + 1, 1)


def _enormous(text: str) -> bool:
    try:
        return abs(Decimal(text.strip())) >= Decimal("1e14")  # Money's limit is about 9.2e14
    except ArithmeticError:
        return False


# TODO: numbers beyond what SQLite's 64-bit INTEGER stores (amounts above about 9.2e14,
# since Money keeps 1/10,000 units, and counts of 2**63 or more) pass the value parsers and
# then fail at INSERT with OverflowError or decimal.InvalidOperation. The parsers in
# importers/values.py should reject them with a row-level message.
@pytest.mark.parametrize(
    ("column", "number"),
    [
        ("arr_amount", "1E20"),
        ("arr_amount", "1E24"),
        ("mrr_amount", "-99999999999999999999"),
        ("seats", "9223372036854775808"),
    ],
)
def test_import_enormous_number_is_clear_message(db, tmp_path, column, number):
    _write_export(tmp_path, DEMO_ACCOUNT, {**DEMO_SUBSCRIPTION, column: number})

    summary = import_ravenstack(db, tmp_path)

    rejected = [issue for issue in summary.issues if issue.column == column]
    assert len(rejected) == 1
    assert "too large" in rejected[0].reason
    # The account row is fine and imported; the subscription row is skipped.
    assert _row_counts(db) == (1, 0)


def test_import_nul_byte_is_clear_message(db, tmp_path):
    _write_export(tmp_path, {**DEMO_ACCOUNT, "account_name": "Ac\x00me"}, DEMO_SUBSCRIPTION)

    try:
        import_ravenstack(db, tmp_path)
    except ImportFileError as exc:
        assert "ravenstack_accounts.csv" in str(exc)
    assert _row_counts(db)[0] in (0, 1)


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    kind=st.one_of(st.sampled_from(["call", "meeting", "note"]), hostile_text),
    title=hostile_text,
    body=hostile_text,
    occurred_on=st.dates(),
)
def test_add_note_stored_exactly_or_rejected(seeded_db, db, kind, title, body, occurred_on):
    account_id = seeded_db["Acme Robotics"]
    with db.session() as session:
        before = session.scalar(select(func.count()).select_from(Activity))

    try:
        note_id = add_note(
            db, account_id, kind=kind, occurred_on=occurred_on, title=title, body=body
        )
    except InvalidNoteError as exc:
        assert str(exc).endswith(".")
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(Activity)) == before
        return

    with db.session() as session:
        stored = session.get(Activity, note_id)
        assert stored.title == title.strip()
        assert stored.body == body.strip()
        assert stored.occurred_on == occurred_on


@FAST
@given(text=hostile_text)
def test_scorecard_rule_text_result_or_message(text):
    try:
        rule = scorecard.rule_from_text(text)
    except ValueError as exc:
        assert str(exc).startswith(("The rule is empty", "Invalid rule")), str(exc)
        return
    assert rule is not None


weights = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**20), 10**20).map(float)
)


@FAST
@given(
    weight_values=st.lists(weights, min_size=1, max_size=6),
    cadence=st.integers(-(10**12), 10**12),
    validity=st.one_of(st.none(), st.integers(-(10**9), 10**9)),
)
def test_scorecard_validation_returns_sentences(weight_values, cadence, validity):
    config = scorecard.default_config()
    profile = config.profiles[0]
    measures = {}
    for (key, setting), weight in zip(profile.measures.items(), weight_values, strict=False):
        measures[key] = scorecard.MeasureSetting(weight, setting.rule, validity)
    changed = scorecard.ScorecardConfig(
        profiles=(scorecard.Profile(profile.key, profile.name, profile.applies_to, measures),),
        cadence_days=cadence,
    )

    problems = scorecard.validate(changed)

    assert all(isinstance(problem, str) and problem.endswith(".") for problem in problems)
    if any(not math.isfinite(w) or w < 0 for w in weight_values[: len(measures)]):
        assert any("weights must be" in problem for problem in problems)
