"""Tasks: create, snooze with date and reason, complete and reopen, playbooks."""

from __future__ import annotations

from datetime import date

import pytest

from csm_desktop.services.accounts import AccountNotFoundError
from csm_desktop.services.playbooks import (
    PlaybookError,
    StepTemplate,
    apply_playbook,
    builtin_playbooks,
    list_playbooks,
    save_playbook,
)
from csm_desktop.services.tasks import (
    InvalidTaskError,
    create_task,
    list_tasks,
    set_task_done,
    snooze_task,
)
from csm_desktop.store.database import Database


def titles(db: Database, account) -> list[str]:
    with db.session() as session:
        return [row.title for row in list_tasks(session, account)]


def test_tasks_sorted_by_due_and_priority(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Zenith Labs"]
    create_task(db, account, "Later", due_on=date(2025, 3, 1))
    create_task(db, account, "Undated")
    create_task(db, account, "Soon, normal", due_on=date(2025, 1, 5))
    create_task(db, account, "Soon, urgent", due_on=date(2025, 1, 5), priority="urgent")

    assert titles(db, account) == ["Soon, urgent", "Soon, normal", "Later", "Undated"]


def test_create_task_validates(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Zenith Labs"]
    with pytest.raises(InvalidTaskError, match="no title"):
        create_task(db, account, "  ")
    with pytest.raises(InvalidTaskError, match="task type"):
        create_task(db, account, "x", kind="sales")
    with pytest.raises(InvalidTaskError, match="priority"):
        create_task(db, account, "x", priority="asap")
    with pytest.raises(AccountNotFoundError):
        create_task(db, __import__("uuid").uuid4(), "x")


def test_snooze_hides_until_date(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Zenith Labs"]
    snoozed = create_task(db, account, "Wait for budget", due_on=date(2024, 12, 1))
    create_task(db, account, "Other", due_on=date(2025, 2, 1))

    snooze_task(db, snoozed, date(2025, 1, 15), "Budget cycle starts in January")

    with db.session() as session:
        rows = list_tasks(session, account)
    assert [row.title for row in rows] == ["Other", "Wait for budget"]
    assert rows[1].snoozed is True
    assert rows[1].overdue is False
    assert rows[1].snoozed_until == date(2025, 1, 15)
    assert rows[1].snooze_reason == "Budget cycle starts in January"


def test_snooze_requires_reason_and_future(db: Database, seeded_db: dict) -> None:
    task = create_task(db, seeded_db["Zenith Labs"], "Call")
    with pytest.raises(InvalidTaskError, match="reason"):
        snooze_task(db, task, date(2025, 1, 15), "  ")
    # The reference date of the seeded data is 31 December 2024.
    with pytest.raises(InvalidTaskError, match="not after today"):
        snooze_task(db, task, date(2024, 12, 31), "later")


def test_complete_and_reopen(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Zenith Labs"]
    task = create_task(db, account, "Done soon", due_on=date(2024, 12, 1))
    create_task(db, account, "Still open")
    snooze_task(db, task, date(2025, 2, 1), "waiting")

    set_task_done(db, task, True)
    with db.session() as session:
        rows = list_tasks(session, account)
    assert [row.title for row in rows] == ["Still open", "Done soon"]
    assert rows[1].status == "done"
    assert rows[1].snoozed_until is None
    with pytest.raises(InvalidTaskError, match="Reopen"):
        snooze_task(db, task, date(2025, 2, 1), "again")

    set_task_done(db, task, False)
    with db.session() as session:
        reopened = list_tasks(session, account)[0]
    assert reopened.title == "Done soon"
    assert reopened.overdue is True


def test_renewal_playbook_dates_from_renewal(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Acme Foods"]

    created = apply_playbook(db, account, "builtin:renewal")

    renewal = builtin_playbooks()[0]
    assert len(created) == len(renewal.steps)
    with db.session() as session:
        rows = list_tasks(session, account)
    # Renewal is 1 February 2025 and the reference date 31 December 2024, so every
    # step planned before the reference date is due on it instead.
    by_title = {row.title: row for row in rows}
    assert by_title["Confirm the signed renewal"].due_on == date(2025, 1, 25)
    assert by_title["Resolve open commercial questions"].due_on == date(2025, 1, 2)
    past = by_title["Review health, usage and open risks"]
    assert past.due_on == date(2024, 12, 31)
    assert "already past" in (past.reason or "")
    assert {row.kind for row in rows} == {"renewal"}


def test_risk_playbook_counts_from_today(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Acme Foods"]
    apply_playbook(db, account, "builtin:risk")
    with db.session() as session:
        first = list_tasks(session, account)[0]
    assert first.due_on == date(2025, 1, 1)
    assert first.priority == "urgent"


def test_stored_playbook_applies(db: Database, seeded_db: dict) -> None:
    key = save_playbook(
        db, "Expansion push", "today", [StepTemplate("Demo add-on", "expansion", "high", 10)]
    )
    with db.session() as session:
        assert [p.name for p in list_playbooks(session)][-1] == "Expansion push"

    apply_playbook(db, seeded_db["Acme Foods"], str(key))

    assert titles(db, seeded_db["Acme Foods"]) == ["Demo add-on"]


def test_playbook_needs_anchor(db: Database, seeded_db: dict) -> None:
    from csm_desktop.store.models import Account

    account = seeded_db["Zenith Labs"]
    with db.session() as session:
        row = session.get(Account, account)
        row.contract_start = None
        row.term_months = None
    with pytest.raises(PlaybookError, match="has none"):
        apply_playbook(db, account, "builtin:renewal")
    with pytest.raises(PlaybookError, match="not found"):
        apply_playbook(db, account, "builtin:nothing")
