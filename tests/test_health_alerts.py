"""Snapshot alerts read the 30-day usage ratio from both stored detail formats."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from csm_desktop.health.alerts import compute_alerts
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


def test_measure_without_value_gives_no_usage_alert(db: Database, seeded_db: dict) -> None:
    _store(db, seeded_db["Zenith Labs"], [0.9, None, None], _list_entry)

    with db.session() as session:
        alerts = compute_alerts(session, since=date(2024, 12, 5), as_of=date(2024, 12, 31))

    assert [alert for alert in alerts if alert.kind == "usage_drop"] == []
