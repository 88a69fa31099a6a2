"""Snapshot alerts read the 30-day usage ratio from both stored detail formats.

A fall counts only against a baseline of enough events, so sparse usage
raises no alerts, and alert texts leave the account name to the screen.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from csm_desktop.health.alerts import compute_alerts
from csm_desktop.health.history import build_history
from csm_desktop.health.readers import read_usage_trend_30
from csm_desktop.store.database import Database
from csm_desktop.store.models import HealthSnapshot

WEEKS = (date(2024, 12, 2), date(2024, 12, 9), date(2024, 12, 16))


def _list_entry(ratio: float | None) -> list[Any]:
    # score, share, value, reason code, reason arguments, data age in days
    if ratio is None:
        return ["no_data"]
    return [50.0, 0.2, ratio, "usage_ratio", [], 3]


def _dict_entry(ratio: float | None) -> dict[str, Any]:
    return {"score": 50.0, "weight": 0.2, "value": ratio, "explanation": "usage"}


def _store(db: Database, account_id: uuid.UUID, ratios: list[float | None], encode) -> None:
    with db.session() as session:
        for day, ratio in zip(WEEKS, ratios, strict=True):
            session.add(
                HealthSnapshot(
                    account_id=account_id,
                    as_of=day,
                    score=60.0,
                    colour="yellow",
                    details={"usage_trend_30": encode(ratio), "nps": ["no_data"]},
                )
            )


@pytest.mark.parametrize("encode", [_list_entry, _dict_entry], ids=["list", "dict"])
def test_usage_drop_alert_from_stored_ratio(db: Database, seeded_db: dict, encode) -> None:
    account = seeded_db["Blue Harbor"]
    _store(db, account, [0.9, 0.5, 0.4], encode)

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    drops = [alert for alert in alerts if alert.kind == "usage_drop"]
    assert [alert.occurred_on for alert in drops] == [date(2024, 12, 9)]
    assert drops[0].account_id == account
    assert "50%" in drops[0].message


def _fall(ratio: float | None, earlier: int, active_days: int | None = 8) -> list[Any]:
    # The reason arguments of a fall: window days, recent events, percent
    # down, earlier events and, since the day count was kept, earlier days
    # with usage.
    if ratio is None:
        return ["u0"]
    if ratio >= 1.0:
        return [80.0, 0.2, ratio, "u4", [30, earlier, 10, earlier], 3]
    args = [30, round(ratio * earlier), round((1 - ratio) * 100), earlier]
    if active_days is not None:
        args.append(active_days)
    return [20.0, 0.2, ratio, "u5", args, 3]


@pytest.mark.parametrize(
    ("earlier", "active_days", "alerted"),
    [
        (400, 2, False),
        (400, 3, False),
        (12, 4, True),
        (3, None, False),
        (9, None, False),
        (10, None, True),
    ],
    ids=["2-days", "3-days", "4-days", "3-events", "9-events", "10-events"],
)
def test_usage_drop_needs_a_baseline(
    db: Database, seeded_db: dict, earlier: int, active_days: int | None, alerted: bool
) -> None:
    account = seeded_db["Blue Harbor"]
    _store(db, account, [1.0, 0.4, 0.3], lambda ratio: _fall(ratio, earlier, active_days))

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    drops = [alert for alert in alerts if alert.kind == "usage_drop"]
    assert [alert.occurred_on for alert in drops] == ([date(2024, 12, 9)] if alerted else [])


def test_fall_reading_counts_the_days_with_usage_before() -> None:
    # Two rows 30 days before D and one in the last 30 days.
    history = build_history(
        uuid.uuid4(),
        None,
        usage=[(date(2024, 11, 5), 30.0), (date(2024, 11, 20), 30.0), (date(2024, 12, 20), 12.0)],
    )

    reading = read_usage_trend_30(history, date(2024, 12, 31))

    assert reading.why.code == "u5"
    assert reading.why.args[3:] == (60.0, 2)


def test_dormant_account_gives_no_usage_alert(db: Database, seeded_db: dict) -> None:
    dormant = [0.0, 0.2, 0.0, "u1", [30, "2024-10-01"], 60]
    _store(db, seeded_db["Blue Harbor"], [1.0, 0.0, 0.0], lambda r: _fall(r, 50) if r else dormant)

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    assert [alert for alert in alerts if alert.kind == "usage_drop"] == []


def test_alert_text_leaves_the_name_to_the_screen(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Blue Harbor"]
    _store(db, account, [1.0, 0.5, 0.5], lambda ratio: _fall(ratio, 40))

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    drop = next(alert for alert in alerts if alert.kind == "usage_drop")
    assert drop.account_name == "Blue Harbor"
    assert drop.message == "Product usage fell 50% in the last 30 days."


def test_measure_without_value_gives_no_usage_alert(db: Database, seeded_db: dict) -> None:
    _store(db, seeded_db["Zenith Labs"], [0.9, None, None], _list_entry)

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    assert [alert for alert in alerts if alert.kind == "usage_drop"] == []


def test_usage_stop_alert_names_earlier_events(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Blue Harbor"]
    _store(db, account, [1.0, 0.0, 0.0], lambda ratio: _fall(ratio, 40))

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    drop = next(alert for alert in alerts if alert.kind == "usage_drop")
    assert drop.message == "No product usage in the last 30 days (40 events the 30 days before)."
    assert "100%" not in drop.message


@pytest.mark.parametrize("encode", [_list_entry, _dict_entry], ids=["list", "dict"])
def test_usage_stop_alert_without_baseline(db: Database, seeded_db: dict, encode) -> None:
    # Format-1 detail and unknown codes carry no earlier event count.
    _store(db, seeded_db["Blue Harbor"], [0.9, 0.0, 0.0], encode)

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    drop = next(alert for alert in alerts if alert.kind == "usage_drop")
    assert drop.message == "No product usage in the last 30 days."
