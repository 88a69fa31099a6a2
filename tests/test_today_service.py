"""Today's lists for a hand-made portfolio: alerts, renewals, due tasks, untouched accounts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import inspect

from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.services.today import (
    UNTOUCHED_DAYS_KEY,
    changes_since,
    dismiss_alert,
    load_today,
    record_app_start,
    renewal_bucket,
    restore_alert,
    snooze_alert,
)
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account, Activity, Base, Task
from csm_desktop.store.types import utc_now

AS_OF = date(2024, 12, 31)


@dataclass(frozen=True)
class StandInAlert:
    """Has the fields of ``csm_desktop.health.alerts.HealthAlert`` that Today reads."""

    account_id: uuid.UUID
    kind: str
    severity: str
    occurred_on: date
    message: str
    key: str


class StandInSource:
    """Records the window it was asked for and returns fixed alerts."""

    def __init__(self, alerts: list[StandInAlert]) -> None:
        self.alerts = alerts
        self.calls: list[tuple[date, date]] = []

    def __call__(self, session: object, *, since: date, as_of: date) -> list[StandInAlert]:
        self.calls.append((since, as_of))
        return [alert for alert in self.alerts if since <= alert.occurred_on <= as_of]


@pytest.fixture
def portfolio(db: Database) -> dict[str, uuid.UUID]:
    """Six accounts with renewals, tasks and activities around 31 December 2024."""
    specs = {
        "Overdue Co": {"renewal_date": date(2024, 12, 20)},
        "Soon Co": {"renewal_date": date(2025, 1, 15)},
        "Mid Co": {"renewal_date": date(2025, 2, 20)},
        "Late Co": {"renewal_date": date(2025, 3, 25)},
        "Far Co": {"renewal_date": date(2025, 9, 1)},
        "Gone Co": {"renewal_date": date(2025, 1, 10), "lifecycle_stage": "churned"},
    }
    ids: dict[str, uuid.UUID] = {}
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, AS_OF.isoformat())
        for number, (name, fields) in enumerate(specs.items()):
            account = Account(name=name, arr=Decimal(1000 * (number + 1)), **fields)
            session.add(account)
            session.flush()
            ids[name] = account.id
        deleted = Account(name="Deleted Co", renewal_date=date(2025, 1, 5), deleted_at=utc_now())
        session.add(deleted)
        session.flush()
        ids["Deleted Co"] = deleted.id

        def activity(name: str, day: date, kind: str = "call", **extra: object) -> Activity:
            return Activity(account_id=ids[name], occurred_on=day, kind=kind, title="t", **extra)

        session.add_all(
            [
                activity("Soon Co", date(2024, 12, 20)),
                # Internal notes, drafts, deleted and future-dated entries are not a touch.
                activity("Mid Co", date(2024, 12, 28), kind="internal_note"),
                activity("Mid Co", date(2024, 12, 29), is_draft=True),
                activity("Mid Co", date(2024, 12, 30), deleted_at=utc_now()),
                activity("Mid Co", date(2025, 1, 5)),
                activity("Mid Co", date(2024, 10, 1), kind="meeting"),
                activity("Late Co", date(2024, 12, 1)),
                activity("Far Co", date(2024, 11, 30)),
            ]
        )

        def task(title: str, due: date | None, **extra: object) -> Task:
            return Task(
                account_id=extra.pop("account", ids["Soon Co"]), title=title, due_on=due, **extra
            )

        session.add_all(
            [
                task("overdue", date(2024, 12, 20)),
                task("today", AS_OF),
                task("tomorrow", date(2025, 1, 1)),
                task("done", date(2024, 12, 1), status="done"),
                task("snoozed", date(2024, 12, 1), snoozed_until=date(2025, 1, 3)),
                task("snooze over", date(2024, 12, 2), snoozed_until=date(2024, 12, 30)),
                task("deleted", date(2024, 12, 2), deleted_at=utc_now()),
                task("no account", date(2024, 12, 25), account=None),
                task("deleted account", date(2024, 12, 25), account=ids["Deleted Co"]),
            ]
        )
    return ids


def test_renewals_bucketed_and_sorted(db: Database, portfolio: dict) -> None:
    with db.session() as session:
        data = load_today(session, since=date(2024, 12, 24), alert_source=StandInSource([]))

    rows = [(row.account_name, row.days_to_renewal, row.bucket) for row in data.renewals]
    assert rows == [
        ("Overdue Co", -11, 0),
        ("Soon Co", 15, 30),
        ("Mid Co", 51, 60),
        ("Late Co", 84, 90),
    ]


def test_due_tasks_overdue_and_today(db: Database, portfolio: dict) -> None:
    with db.session() as session:
        data = load_today(session, since=date(2024, 12, 24), alert_source=StandInSource([]))

    tasks = [(task.title, task.days_overdue) for task in data.tasks]
    assert tasks == [("snooze over", 29), ("overdue", 11), ("no account", 6), ("today", 0)]
    assert data.tasks[2].account_id is None


def test_untouched_accounts_ignore_internal_notes(db: Database, portfolio: dict) -> None:
    with db.session() as session:
        data = load_today(session, since=date(2024, 12, 24), alert_source=StandInSource([]))

    rows = [(row.account_name, row.days_since_touch) for row in data.untouched]
    # Never touched first (larger ARR first), then the longest untouched; churned and
    # deleted accounts and those touched within 30 days are left out.
    assert rows == [("Overdue Co", None), ("Mid Co", 91), ("Far Co", 31)]
    assert data.untouched_days == 30


def test_untouched_days_setting(db: Database, portfolio: dict) -> None:
    with db.session() as session:
        set_setting(session, UNTOUCHED_DAYS_KEY, "60")
    with db.session() as session:
        data = load_today(session, since=date(2024, 12, 24), alert_source=StandInSource([]))

    assert [row.account_name for row in data.untouched] == ["Overdue Co", "Mid Co"]


def make_alerts(ids: dict[str, uuid.UUID]) -> list[StandInAlert]:
    return [
        StandInAlert(ids["Soon Co"], "status_change", "warning", date(2024, 12, 30), "G→Y", "a1"),
        StandInAlert(
            ids["Mid Co"], "usage_drop", "critical", date(2024, 12, 26), "Usage -60%", "a2"
        ),
        StandInAlert(ids["Far Co"], "detractor", "warning", date(2024, 12, 10), "NPS 3", "a3"),
        StandInAlert(ids["Deleted Co"], "stale", "info", date(2024, 12, 30), "Stale", "a4"),
    ]


def test_alerts_since_window_and_order(db: Database, portfolio: dict) -> None:
    source = StandInSource(make_alerts(portfolio))
    with db.session() as session:
        data = load_today(session, since=date(2024, 12, 24), alert_source=source)

    assert source.calls == [(date(2024, 12, 24), AS_OF)]
    assert data.alerts_available
    assert [(alert.key, alert.account_name) for alert in data.alerts] == [
        ("a2", "Mid Co"),
        ("a1", "Soon Co"),
    ]


def test_dismissed_and_snoozed_alerts_hidden(db: Database, portfolio: dict) -> None:
    source = StandInSource(make_alerts(portfolio))
    with db.session() as session:
        dismiss_alert(session, "a1", portfolio["Soon Co"])
        snooze_alert(session, "a2", portfolio["Mid Co"], date(2025, 1, 7))
    with db.session() as session:
        hidden = load_today(session, since=date(2024, 12, 1), alert_source=source)
    assert [alert.key for alert in hidden.alerts] == ["a3"]

    # The snooze ends after 7 January; the dismissal stays until restored.
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, "2025-01-08")
        restore_alert(session, "a1")
    source.alerts = [
        StandInAlert(a.account_id, a.kind, a.severity, a.occurred_on, a.message, a.key)
        for a in make_alerts(portfolio)
    ]
    with db.session() as session:
        later = load_today(session, since=date(2024, 12, 1), alert_source=source)
    assert sorted(alert.key for alert in later.alerts) == ["a1", "a2", "a3"]


def test_missing_alert_module_reported(
    db: Database, portfolio: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csm_desktop.services.today as today

    monkeypatch.setattr(today, "_default_alert_source", lambda: None)
    with db.session() as session:
        data = load_today(session, since=date(2024, 12, 24))

    assert not data.alerts_available
    assert data.alerts == []


def test_record_app_start_returns_previous(db: Database) -> None:
    first = datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    second = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with db.session() as session:
        assert record_app_start(session, first) is None
    with db.session() as session:
        assert record_app_start(session, second) == first


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        (None, date(2024, 12, 24)),
        (datetime(2024, 12, 20, 9, tzinfo=UTC), date(2024, 12, 20)),
        # A later real start than the pinned reference date still shows one day.
        (datetime(2026, 6, 1, 9, tzinfo=UTC), date(2024, 12, 30)),
        (datetime(2024, 12, 31, 9, tzinfo=UTC), date(2024, 12, 30)),
    ],
)
def test_changes_since(previous: datetime | None, expected: date) -> None:
    assert changes_since(previous, AS_OF) == expected


@pytest.mark.parametrize(
    ("days", "bucket"), [(-1, 0), (0, 30), (30, 30), (31, 60), (60, 60), (61, 90), (90, 90)]
)
def test_renewal_bucket_edges(days: int, bucket: int) -> None:
    assert renewal_bucket(days) == bucket


def test_metadata_matches_migration(db: Database) -> None:
    inspector = inspect(db.engine)
    for table_name in ("alert_dismissal", "saved_view"):
        table = Base.metadata.tables[table_name]
        migrated = {column["name"]: column for column in inspector.get_columns(table_name)}

        assert set(migrated) == set(table.columns.keys()), table_name
        for column in table.columns:
            assert migrated[column.name]["nullable"] == column.nullable, column.name
            assert type(migrated[column.name]["type"]).__name__.upper() in {
                type(column.type.dialect_impl(db.engine.dialect)).__name__.upper(),
                str(column.type.compile(db.engine.dialect)).split("(")[0],
            }, column.name
        primary = inspector.get_pk_constraint(table_name)["constrained_columns"]
        assert primary == [column.name for column in table.primary_key.columns]
    uniques = inspector.get_unique_constraints("saved_view")
    assert [unique["column_names"] for unique in uniques] == [["name"]]
