"""Portfolio service: renewal roll-forward and the aggregate portfolio load."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from csm_desktop.services.portfolio import load_portfolio, next_renewal
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.database import Database
from csm_desktop.store.models import (
    Account,
    Activity,
    ChurnEvent,
    HealthSnapshot,
    SupportTicket,
    UsageMetric,
)
from csm_desktop.store.types import utc_now


@pytest.mark.parametrize(
    ("start", "term", "explicit", "as_of", "expected"),
    [
        (date(2024, 6, 1), 12, None, date(2024, 12, 31), date(2025, 6, 1)),
        (date(2022, 6, 1), 12, None, date(2024, 6, 1), date(2024, 6, 1)),
        (date(2022, 6, 1), 12, None, date(2024, 6, 2), date(2025, 6, 1)),
        (date(2023, 1, 31), 1, None, date(2024, 2, 15), date(2024, 2, 29)),
        (date(2023, 1, 31), 1, None, date(2024, 3, 1), date(2024, 3, 31)),
        (date(2025, 3, 1), 12, None, date(2024, 12, 31), date(2026, 3, 1)),
        (date(2024, 1, 1), 3, date(2024, 11, 1), date(2024, 12, 31), date(2024, 11, 1)),
        (None, 12, None, date(2024, 12, 31), None),
        (date(2024, 1, 1), None, None, date(2024, 12, 31), None),
        (date(2024, 1, 1), 0, None, date(2024, 12, 31), None),
    ],
)
def test_next_renewal_cases(
    start: date | None, term: int | None, explicit: date | None, as_of: date, expected: date | None
) -> None:
    assert next_renewal(start, term, explicit, as_of) == expected


def test_load_portfolio_aggregates(db: Database) -> None:
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, "2024-12-31")
        live = Account(
            name="Live",
            arr=Decimal("1200.50"),
            renewal_date=date(2024, 12, 20),
            seats=5,
        )
        churned = Account(
            name="Gone", lifecycle_stage="churned", contract_start=date(2024, 1, 1), term_months=12
        )
        deleted = Account(name="Deleted", deleted_at=utc_now())
        session.add_all([live, churned, deleted])
        session.flush()
        session.add_all(
            [
                UsageMetric(account_id=live.id, usage_date=date(2024, 11, 1), value=1.0),
                SupportTicket(account_id=live.id, opened_on=date(2024, 12, 5)),
                Activity(account_id=live.id, occurred_on=date(2024, 12, 9), title="t", body="b"),
                Activity(
                    account_id=live.id,
                    occurred_on=date(2024, 12, 30),
                    title="deleted",
                    body="b",
                    deleted_at=utc_now(),
                ),
                ChurnEvent(account_id=churned.id, churn_date=date(2024, 7, 1)),
                HealthSnapshot(
                    account_id=live.id, as_of=date(2024, 12, 30), score=64.0, colour="yellow"
                ),
            ]
        )

    with db.session() as session:
        rows = {row.name: row for row in load_portfolio(session)}

    assert set(rows) == {"Live", "Gone"}
    assert rows["Live"].days_to_renewal == -11
    assert rows["Live"].arr == Decimal("1200.50")
    assert rows["Live"].last_activity == date(2024, 12, 9)
    assert rows["Live"].health_score == 64.0
    assert rows["Live"].health_colour == "yellow"
    assert rows["Gone"].renewal_date is None
    assert rows["Gone"].last_activity == date(2024, 7, 1)
    assert rows["Gone"].health_colour is None
