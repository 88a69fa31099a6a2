"""QBR data gathering and account lookup against a hand-made SQLite database."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from csm_desktop.quarters import Quarter
from csm_desktop.services.account_lookup import (
    AccountNotFoundError,
    AmbiguousAccountError,
    find_account,
)
from csm_desktop.services.qbr_data import (
    gather_qbr_data,
)
from csm_desktop.store.database import Database
from csm_desktop.store.models import (
    Account,
    Activity,
    ChurnEvent,
    HealthSnapshot,
    SupportTicket,
    UsageMetric,
)

Q4 = Quarter(2024, 4)
ACCOUNT_NAME = "Łódź Ωμέγα Ñandú €"
NOTE_BODY = "Agreed to roll out the reporting module to the Kraków and Αθήνα teams."
DELETED = datetime(2024, 12, 1, tzinfo=UTC)


def _usage(account_id: uuid.UUID, day: date, feature: str, value: float, **extra) -> UsageMetric:
    return UsageMetric(account_id=account_id, usage_date=day, feature=feature, value=value, **extra)


def seed_account(db: Database) -> uuid.UUID:
    """Insert one account with a known quarter of data, plus rows each filter must drop.

    Q4 2024 totals: 1,250 feature events (Dashboards 700, Reports 400, API 150)
    against 1,000 in Q3; 4 tickets (resolution 10 h and 20 h, CSAT 5 and 3,
    one escalated, one still open); health 55 (yellow) on 30 Sep, 78 (green)
    on 30 Dec; one published meeting note.
    """
    with db.session() as session:
        account = Account(
            name=ACCOUNT_NAME,
            source="test",
            external_id="A-100",
            industry="Logística",
            country="Spain",
            plan_tier="Enterprise",
            seats=120,
            arr=Decimal("48000.00"),
            currency="EUR",
            renewal_date=date(2025, 3, 31),
            owner="Zoë Müller",
        )
        session.add(account)
        session.flush()
        account_id = account.id

        session.add_all(_health_rows(account_id))
        session.add_all(
            [
                _usage(account_id, date(2024, 7, 3), "Dashboards", 600),
                _usage(account_id, date(2024, 9, 30), "Reports", 400),
                _usage(account_id, date(2024, 10, 1), "Dashboards", 300),
                _usage(account_id, date(2024, 10, 15), "Dashboards", 400),
                _usage(account_id, date(2024, 11, 20), "Reports", 400),
                _usage(account_id, date(2024, 12, 31), "API", 150),
                # Each of these must be left out of the Q4 figures.
                _usage(account_id, date(2024, 11, 20), "Reports", 999, metric="logins"),
                _usage(account_id, date(2024, 11, 21), "Reports", 999, deleted_at=DELETED),
                _usage(account_id, date(2025, 1, 2), "Reports", 999),
            ]
        )
        session.add_all(_ticket_rows(account_id))
        session.add_all(_note_rows(account_id))
        session.add_all(
            [
                ChurnEvent(
                    account_id=account_id,
                    churn_date=date(2024, 11, 5),
                    reason_code="budget",
                    is_reactivation=True,
                ),
                ChurnEvent(account_id=account_id, churn_date=date(2024, 6, 5), reason_code="x"),
            ]
        )
    return account_id


def _health_rows(account_id: uuid.UUID) -> list[HealthSnapshot]:
    rows = []
    day = date(2024, 7, 1)
    while day <= date(2025, 1, 6):
        score: float | None = 50.0
        colour = "yellow"
        if day == date(2024, 9, 30):
            score = 55.0
        elif day == date(2024, 11, 4):
            score, colour = None, "insufficient"
        elif day >= date(2024, 12, 30):
            score, colour = 78.0, "green"
        rows.append(HealthSnapshot(account_id=account_id, as_of=day, score=score, colour=colour))
        day += timedelta(days=7)
    return rows


def _ticket_rows(account_id: uuid.UUID) -> list[SupportTicket]:
    closed = datetime(2024, 12, 1, 10, 0)
    return [
        SupportTicket(
            account_id=account_id,
            opened_on=date(2024, 10, 2),
            closed_at=closed,
            priority="urgent",
            status="closed",
            resolution_hours=10.0,
            first_response_minutes=30.0,
            csat=5.0,
            escalated=True,
        ),
        SupportTicket(
            account_id=account_id,
            opened_on=date(2024, 11, 3),
            closed_at=closed,
            priority="high",
            status="closed",
            resolution_hours=20.0,
            first_response_minutes=90.0,
            csat=3.0,
        ),
        SupportTicket(
            account_id=account_id, opened_on=date(2024, 12, 20), priority="low", status="open"
        ),
        SupportTicket(
            account_id=account_id,
            opened_on=date(2024, 12, 21),
            closed_at=closed,
            priority="medium",
            status="closed",
        ),
        # Outside the quarter, and deleted: both must be left out.
        SupportTicket(account_id=account_id, opened_on=date(2024, 9, 30), priority="urgent"),
        SupportTicket(
            account_id=account_id,
            opened_on=date(2024, 10, 9),
            priority="urgent",
            deleted_at=DELETED,
        ),
    ]


def _note_rows(account_id: uuid.UUID) -> list[Activity]:
    return [
        Activity(
            account_id=account_id,
            kind="meeting",
            occurred_on=date(2024, 11, 12),
            title="Executive sponsor check-in",
            attendees="Zoë Müller, Παύλος Σωτηρίου",
            summary="Renewal on track.",
            body=NOTE_BODY,
            next_steps="Send the rollout plan by 20 November.",
        ),
        Activity(
            account_id=account_id,
            kind="call",
            occurred_on=date(2024, 11, 13),
            title="Draft call",
            is_draft=True,
        ),
        Activity(
            account_id=account_id,
            kind="internal_note",
            occurred_on=date(2024, 11, 14),
            title="Internal pricing concern",
        ),
        Activity(
            account_id=account_id,
            kind="note",
            occurred_on=date(2024, 11, 15),
            title="Deleted note",
            deleted_at=DELETED,
        ),
        Activity(account_id=account_id, kind="note", occurred_on=date(2024, 9, 1), title="Q3 note"),
    ]


def add_account(db: Database, name: str, **fields) -> uuid.UUID:
    with db.session() as session:
        account = Account(name=name, **fields)
        session.add(account)
        session.flush()
        return account.id


def test_account_facts(db: Database) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        facts = gather_qbr_data(session, account_id, Q4, internal=True).account
        customer_facts = gather_qbr_data(session, account_id, Q4).account

    assert facts.name == ACCOUNT_NAME
    assert facts.arr == Decimal("48000.0000")
    assert customer_facts.arr is None
    assert facts.currency == "EUR"
    assert facts.renewal_date == date(2025, 3, 31)
    assert facts.owner == "Zoë Müller"


def test_health_summary(db: Database) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        health = gather_qbr_data(session, account_id, Q4).health

    assert health.timeline[0].as_of == date(2024, 7, 1)
    assert health.timeline[-1].as_of == date(2024, 12, 30)
    assert health.start is not None
    assert (health.start.as_of, health.start.score) == (date(2024, 9, 30), 55.0)
    assert health.end is not None
    assert (health.end.score, health.end.colour) == (78.0, "green")
    assert any(sample.score is None for sample in health.timeline)


def test_health_start_without_earlier_snapshot(db: Database) -> None:
    account_id = add_account(db, "Newcomer")
    with db.session() as session:
        session.add(
            HealthSnapshot(
                account_id=account_id, as_of=date(2024, 11, 4), score=61, colour="yellow"
            )
        )
    with db.session() as session:
        health = gather_qbr_data(session, account_id, Q4).health

    assert health.start is not None
    assert health.start.as_of == date(2024, 11, 4)


def test_usage_totals_and_change(db: Database) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        usage = gather_qbr_data(session, account_id, Q4).usage

    assert usage.total == 1250
    assert usage.previous_total == 1000
    assert usage.change == pytest.approx(0.25)
    assert usage.features == [("Dashboards", 700.0), ("Reports", 400.0), ("API", 150.0)]


def test_usage_weekly_buckets(db: Database) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        usage = gather_qbr_data(session, account_id, Q4).usage

    weeks = dict(usage.weekly)
    # 1 Oct 2024 is a Tuesday: the first bucket starts on it, then Mondays.
    assert usage.weekly[0] == (date(2024, 10, 1), 300.0)
    assert usage.weekly[1][0] == date(2024, 10, 7)
    assert len(usage.weekly) == 14
    assert weeks[date(2024, 10, 14)] == 400
    assert weeks[date(2024, 12, 30)] == 150
    assert weeks[date(2024, 10, 7)] == 0
    assert usage.previous_weekly[-1] == (date(2024, 9, 30), 400.0)


def test_support_summary(db: Database) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        support = gather_qbr_data(session, account_id, Q4).support

    assert support.count == 4
    assert support.by_priority == {"urgent": 1, "high": 1, "medium": 1, "low": 1}
    assert support.mean_resolution_hours == pytest.approx(15.0)
    assert support.mean_first_response_minutes == pytest.approx(60.0)
    assert support.mean_csat == pytest.approx(4.0)
    assert support.csat_responses == 2
    assert support.escalated == 1
    assert support.still_open == 1


def test_notes_and_churn_filtered(db: Database) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        data = gather_qbr_data(session, account_id, Q4)
        with_internal = gather_qbr_data(session, account_id, Q4, internal=True)

    assert [note.title for note in data.notes] == ["Executive sponsor check-in"]
    assert data.notes[0].body == NOTE_BODY
    assert [note.title for note in with_internal.notes] == [
        "Executive sponsor check-in",
        "Internal pricing concern",
    ]
    assert data.churn_events == []
    assert data.internal is None
    assert [event.churn_date for event in with_internal.churn_events] == [date(2024, 11, 5)]
    assert with_internal.churn_events[0].is_reactivation


def test_empty_account_gives_empty_summaries(db: Database) -> None:
    account_id = add_account(db, "Quiet Ltd")
    with db.session() as session:
        data = gather_qbr_data(session, account_id, Q4)

    assert data.health.timeline == []
    assert data.health.start is None
    assert data.health.end is None
    assert not data.usage.has_data
    assert data.usage.change is None
    assert data.support.count == 0
    assert data.support.mean_csat is None
    assert data.support.still_open == 0
    assert data.notes == []


def test_gather_unknown_account_raises(db: Database) -> None:
    with db.session() as session, pytest.raises(AccountNotFoundError):
        gather_qbr_data(session, uuid.uuid4(), Q4)


@pytest.fixture
def lookup_db(db: Database) -> dict[str, uuid.UUID]:
    return {
        "main": seed_account(db),
        "corp": add_account(db, "Acme Corp", source="crm", external_id="C-1"),
        "corporation": add_account(db, "Acme Corporation", source="crm", external_id="C-2"),
        "deleted": add_account(db, "Globex", deleted_at=DELETED),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("A-100", "main"),
        ("C-2", "corporation"),
        ("łódź ωμέγα ñandú €", "main"),
        ("ŁÓDŹ", "main"),
        ("  acme corp  ", "corp"),
        ("Acme Corpo", "corporation"),
    ],
)
def test_find_account_matches(
    db: Database, lookup_db: dict[str, uuid.UUID], query: str, expected: str
) -> None:
    with db.session() as session:
        assert find_account(session, query) == lookup_db[expected]


def test_find_account_by_uuid(db: Database, lookup_db: dict[str, uuid.UUID]) -> None:
    with db.session() as session:
        found = find_account(session, str(lookup_db["corp"]).upper())

    assert found == lookup_db["corp"]


def test_find_account_ambiguous_prefix(db: Database, lookup_db: dict[str, uuid.UUID]) -> None:
    with db.session() as session, pytest.raises(AmbiguousAccountError) as caught:
        find_account(session, "acme")

    assert isinstance(caught.value, LookupError)
    assert caught.value.candidates == ["Acme Corp (C-1)", "Acme Corporation (C-2)"]
    assert "Acme Corp (C-1)" in str(caught.value)


def test_find_account_not_found_suggests(db: Database, lookup_db: dict[str, uuid.UUID]) -> None:
    with db.session() as session, pytest.raises(AccountNotFoundError) as caught:
        find_account(session, "Acme Crop")

    assert "Acme Corp" in caught.value.candidates
    assert "Acme Corp" in str(caught.value)


@pytest.mark.parametrize("query", ["Globex", "", "   ", str(uuid.uuid4()), "Zeta"])
def test_find_account_not_found(db: Database, lookup_db: dict[str, uuid.UUID], query: str) -> None:
    with db.session() as session, pytest.raises(AccountNotFoundError):
        find_account(session, query)
