"""RavenStack import on the real demo files and on small files made for one rule each."""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from csm_desktop.importers.csvfile import ImportFileError
from csm_desktop.importers.ravenstack import FILES, current_subscription, import_ravenstack
from csm_desktop.progress import Cancelled, CancelToken
from csm_desktop.store.models import (
    Account,
    ChurnEvent,
    LifecycleStage,
    Subscription,
    SupportTicket,
    UsageMetric,
)


def _rows(folder: Path, kind: str) -> list[dict[str, str]]:
    with (folder / FILES[kind]).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def demo_copy(tmp_path: Path, demo_dir: Path) -> Path:
    """A writable copy of the demo files, for tests that edit them."""
    target = tmp_path / "ravenstack"
    shutil.copytree(demo_dir, target)
    return target


def _rewrite(folder: Path, kind: str, edit) -> None:
    """Apply ``edit`` to the rows of one file and write it back with the same header."""
    rows = _rows(folder, kind)
    header = list(rows[0].keys())
    rows = edit(rows)
    with (folder / FILES[kind]).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.slow
def test_demo_import_counts_match_files(db, demo_dir):
    summary = import_ravenstack(db, demo_dir)

    usage_keys = {(r["usage_id"], r["subscription_id"]) for r in _rows(demo_dir, "usage")}
    assert _count(db, Account) == len(_rows(demo_dir, "accounts")) == 500
    assert _count(db, Subscription) == len(_rows(demo_dir, "subscriptions")) == 5000
    assert _count(db, UsageMetric) == len(usage_keys) == 25000
    assert _count(db, SupportTicket) == len(_rows(demo_dir, "tickets")) == 2000
    assert _count(db, ChurnEvent) == len(_rows(demo_dir, "churn")) == 600
    assert summary.counts("accounts").created == 500
    assert summary.issues == []
    assert str(summary.latest_date) == "2024-12-31"


@pytest.mark.slow
def test_reimport_changes_nothing(db, demo_dir):
    import_ravenstack(db, demo_dir)
    with db.session() as session:
        before = dict(session.execute(select(Account.external_id, Account.updated_at)).all())

    summary = import_ravenstack(db, demo_dir)

    for entity, counts in summary.entities.items():
        assert counts.created == 0, entity
        assert counts.updated == 0, entity
        assert counts.unchanged > 0, entity
    with db.session() as session:
        after = dict(session.execute(select(Account.external_id, Account.updated_at)).all())
    assert after == before
    assert _count(db, UsageMetric) == 25000


@pytest.mark.slow
def test_changed_file_updates_only_that_row(db, demo_copy):
    import_ravenstack(db, demo_copy)

    def rename_first(rows):
        rows[0]["account_name"] = "Company_0 Renamed"
        return rows

    _rewrite(demo_copy, "accounts", rename_first)
    summary = import_ravenstack(db, demo_copy)

    assert summary.counts("accounts").updated == 1
    assert summary.counts("accounts").unchanged == 499
    with db.session() as session:
        name = session.scalar(select(Account.name).where(Account.external_id == "A-2e4581"))
    assert name == "Company_0 Renamed"


@pytest.mark.slow
def test_account_arr_comes_from_latest_open_subscription(db, demo_dir):
    import_ravenstack(db, demo_dir)
    accounts = {r["account_id"]: r for r in _rows(demo_dir, "accounts")}
    subs = [r for r in _rows(demo_dir, "subscriptions") if r["account_id"] == "A-2e4581"]
    open_subs = [s for s in subs if not s["end_date"]]
    expected = max(open_subs, key=lambda s: (s["start_date"], s["subscription_id"]))

    with db.session() as session:
        account = session.scalar(select(Account).where(Account.external_id == "A-2e4581"))
    assert accounts["A-2e4581"]["churn_flag"] == "FALSE"
    assert account.arr == Decimal(expected["arr_amount"])
    assert account.plan_tier == expected["plan_tier"]
    assert str(account.contract_start) == expected["start_date"]
    assert account.term_months == (12 if expected["billing_frequency"] == "annual" else 1)


@pytest.mark.slow
def test_churned_accounts_have_no_arr_or_term(db, demo_dir):
    import_ravenstack(db, demo_dir)
    flagged = {r["account_id"] for r in _rows(demo_dir, "accounts") if r["churn_flag"] == "TRUE"}

    with db.session() as session:
        churned = session.execute(
            select(Account.external_id, Account.arr, Account.term_months).where(
                Account.lifecycle_stage == LifecycleStage.CHURNED
            )
        ).all()
    assert {row[0] for row in churned} == flagged
    assert all(row[1] == 0 and row[2] is None for row in churned)


@pytest.mark.slow
def test_ticket_times_with_unpadded_hours(db, demo_dir):
    import_ravenstack(db, demo_dir)
    with db.session() as session:
        ticket = session.scalar(
            select(SupportTicket).where(SupportTicket.external_id == "T-0024de")
        )
    assert ticket.closed_at.hour == 3
    assert ticket.closed_at.minute == 0
    assert ticket.status == "closed"
    assert ticket.csat is None


@pytest.mark.slow
def test_duplicate_usage_ids_both_kept(db, demo_dir):
    import_ravenstack(db, demo_dir)
    repeated = [
        k for k, n in Counter(r["usage_id"] for r in _rows(demo_dir, "usage")).items() if n > 1
    ]
    assert len(repeated) == 21
    with db.session() as session:
        stored = session.scalar(
            select(func.count()).where(UsageMetric.external_id.like(f"{repeated[0]}@%"))
        )
    assert stored == 2


@pytest.mark.slow
def test_bad_rows_are_skipped_with_line_and_reason(db, demo_copy):
    def spoil(rows):
        rows[4]["is_trial"] = "maybe"
        rows[6]["account_name"] = ""
        rows.append(dict(rows[0]))
        return rows

    _rewrite(demo_copy, "accounts", spoil)
    summary = import_ravenstack(db, demo_copy)

    issues = {(i.line, i.column): i for i in summary.issues if i.file == FILES["accounts"]}
    assert "not a yes/no value" in issues[(6, "is_trial")].reason
    assert issues[(6, "is_trial")].value == "maybe"
    assert "missing" in issues[(8, "account_name")].reason
    assert "repeats the id of line 2" in issues[(502, "account_id")].reason
    assert summary.counts("accounts").created == 498
    assert summary.counts("accounts").skipped == 3
    # Rows of the two skipped accounts are reported as orphans, not lost silently.
    orphans = [i for i in summary.issues if "has this id" in i.reason]
    assert orphans
    assert summary.counts("subscriptions").skipped == len(
        [i for i in orphans if i.file == FILES["subscriptions"]]
    )


def test_missing_file_is_reported(db, tmp_path):
    (tmp_path / FILES["accounts"]).write_text("account_id\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="ravenstack_subscriptions.csv"):
        import_ravenstack(db, tmp_path)


def test_missing_column_is_reported(db, demo_copy):
    (demo_copy / FILES["churn"]).write_text("churn_event_id,account_id\nC-1,A-1\n")
    with pytest.raises(ImportFileError, match="lacks the column"):
        import_ravenstack(db, demo_copy)
    assert _count(db, Account) == 0


def test_binary_file_is_reported(db, demo_copy):
    (demo_copy / FILES["tickets"]).write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00garbage")
    with pytest.raises(ImportFileError, match="not UTF-8"):
        import_ravenstack(db, demo_copy)
    assert _count(db, Account) == 0


@pytest.mark.slow
def test_cancel_rolls_back_everything(db, demo_dir):
    token = CancelToken()

    def cancel_at_usage(done, total, message):
        if "usage" in message:
            token.cancel()

    with pytest.raises(Cancelled):
        import_ravenstack(db, demo_dir, progress=cancel_at_usage, cancel=token)
    assert _count(db, Account) == 0
    assert _count(db, Subscription) == 0


def test_current_subscription_rules():
    from datetime import date

    end = date(2024, 12, 31)
    subs = [
        {"external_id": "S-1", "start_date": date(2024, 1, 1), "end_date": None},
        {"external_id": "S-2", "start_date": date(2024, 6, 1), "end_date": None},
        {"external_id": "S-3", "start_date": date(2024, 9, 1), "end_date": date(2024, 10, 1)},
    ]
    assert current_subscription(subs, end)["external_id"] == "S-2"

    closed = [s | {"end_date": date(2024, 2, 1)} for s in subs[:2]] + [subs[2]]
    assert current_subscription(closed, end)["external_id"] == "S-3"
    assert current_subscription([], end) is None
