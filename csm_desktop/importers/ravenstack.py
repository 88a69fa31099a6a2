"""Import of the RavenStack SaaS export: accounts, subscriptions, usage, tickets, churn.

Rules for the oddities of this export (each one deliberate):

- Booleans come as TRUE/FALSE and as True/False; both are read, and any
  other spelling is a row error, never a silent False.
- Ticket ``closed_at`` has no seconds and an unpadded hour ("2023-07-28 3:00");
  it is read as a naive wall-clock time because the export gives no zone.
- ``usage_id`` is not unique (a few ids appear twice with different
  content), so a usage row's natural key is ``usage_id@subscription_id``,
  which is unique in the file. A repeat of that pair is skipped and reported.
- An account has several open subscriptions at once. The *current*
  subscription is the open one (no end date, or one after the data's last
  day) that started last; with none open, the one that ended last. Plan
  tier, seats, contract start and billing term come from it, and so does
  ARR, except that an account flagged churned has ARR 0 and no renewal.
  Summing open subscriptions would multiply ARR several times over.
- The renewal date is not in the export; it is derived on read by rolling
  the current contract start forward by its billing term (monthly = 1,
  quarterly = 3, annual = 12 months).
- Usage dated before its subscription started or after it ended is kept and
  attributed to the subscription's account; the summary counts such rows.
- Accounts churn and come back: every churn event is kept with its
  ``is_reactivation`` flag; the account's lifecycle stage follows the
  accounts file's ``churn_flag``.

The whole import is one transaction: on error or cancel nothing is written.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from csm_desktop.importers.csvfile import CsvRecord, ImportFileError, read_csv
from csm_desktop.importers.resolve import shared_key_note
from csm_desktop.importers.summary import ImportSummary, RowIssue
from csm_desktop.importers.upsert import upsert_rows
from csm_desktop.importers.values import (
    parse_bool,
    parse_decimal,
    parse_float,
    parse_int,
    parse_iso_date,
    parse_iso_datetime,
)
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.store.database import Database
from csm_desktop.store.models import (
    Account,
    ChurnEvent,
    LifecycleStage,
    Subscription,
    SupportTicket,
    UsageMetric,
)

log = logging.getLogger(__name__)

SOURCE = "ravenstack"
FILES = {
    "accounts": "ravenstack_accounts.csv",
    "subscriptions": "ravenstack_subscriptions.csv",
    "usage": "ravenstack_feature_usage.csv",
    "tickets": "ravenstack_support_tickets.csv",
    "churn": "ravenstack_churn_events.csv",
}
COLUMNS = {
    "accounts": ("account_id", "account_name", "industry", "country", "signup_date",
                 "referral_source", "plan_tier", "seats", "is_trial", "churn_flag"),
    "subscriptions": ("subscription_id", "account_id", "start_date", "end_date", "plan_tier",
                      "seats", "mrr_amount", "arr_amount", "is_trial", "upgrade_flag",
                      "downgrade_flag", "churn_flag", "billing_frequency", "auto_renew_flag"),
    "usage": ("usage_id", "subscription_id", "usage_date", "feature_name", "usage_count",
              "usage_duration_secs", "error_count", "is_beta_feature"),
    "tickets": ("ticket_id", "account_id", "submitted_at", "closed_at", "resolution_time_hours",
                "priority", "first_response_time_minutes", "satisfaction_score",
                "escalation_flag"),
    "churn": ("churn_event_id", "account_id", "churn_date", "reason_code", "refund_amount_usd",
              "preceding_upgrade_flag", "preceding_downgrade_flag", "is_reactivation",
              "feedback_text"),
}  # fmt: skip
TERM_MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12, "yearly": 12}
ONBOARDING_DAYS = 90
CURRENCY = "USD"


@dataclass
class _Context:
    """State shared by the steps of one import."""

    folder: Path
    summary: ImportSummary
    latest: date = date.min

    def see(self, *days: date | None) -> None:
        for day in days:
            if isinstance(day, datetime):
                day = day.date()
            if day is not None and day > self.latest:
                self.latest = day


def import_ravenstack(
    db: Database,
    folder: Path | str,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ImportSummary:
    """Import the five RavenStack CSV files from ``folder`` in one transaction."""
    folder = Path(folder)
    missing = [name for name in FILES.values() if not (folder / name).is_file()]
    if missing:
        raise ImportFileError(
            f"{folder} is missing {', '.join(missing)}. "
            "Point the import at the folder that holds all five RavenStack CSV files."
        )

    token = cancel or CancelToken()
    ctx = _Context(folder=folder, summary=ImportSummary())
    steps = 6
    with db.session() as session:
        progress(0, steps, "Reading accounts and subscriptions")
        accounts = _parse(ctx, "accounts", _account_row)
        subscriptions = _parse(ctx, "subscriptions", _subscription_row)
        token.raise_if_cancelled()

        progress(1, steps, "Deriving ARR, plan and renewal terms")
        _derive_accounts(ctx, accounts, subscriptions)
        stored_accounts = upsert_rows(
            session, Account, SOURCE, [_strip(r) for r in accounts.values()],
            ctx.summary.counts("accounts"),
        )  # fmt: skip
        account_ids = stored_accounts.ids
        if stored_accounts.shared_keys:
            ctx.summary.notes.append(shared_key_note(stored_accounts.shared_keys, "account"))
        token.raise_if_cancelled()

        progress(2, steps, "Storing subscriptions")
        sub_rows = _link(ctx, "subscriptions", subscriptions.values(), account_ids)
        sub_accounts = {r["external_id"]: r["account_id"] for r in sub_rows}
        sub_ids = upsert_rows(
            session, Subscription, SOURCE, sub_rows, ctx.summary.counts("subscriptions")
        ).ids
        token.raise_if_cancelled()

        progress(3, steps, "Storing product usage")
        usage = _parse(ctx, "usage", _usage_row)
        _note_usage_outside_term(ctx, usage.values(), subscriptions)
        usage_rows = _link_usage(ctx, usage.values(), sub_ids, sub_accounts)
        upsert_rows(session, UsageMetric, SOURCE, usage_rows, ctx.summary.counts("usage"))
        token.raise_if_cancelled()

        progress(4, steps, "Storing support tickets")
        tickets = _parse(ctx, "tickets", _ticket_row)
        ticket_rows = _link(ctx, "tickets", tickets.values(), account_ids)
        upsert_rows(session, SupportTicket, SOURCE, ticket_rows, ctx.summary.counts("tickets"))
        token.raise_if_cancelled()

        progress(5, steps, "Storing churn events")
        churns = _parse(ctx, "churn", _churn_row)
        churn_rows = _link(ctx, "churn", churns.values(), account_ids)
        upsert_rows(session, ChurnEvent, SOURCE, churn_rows, ctx.summary.counts("churn_events"))
        token.raise_if_cancelled()

    ctx.summary.latest_date = ctx.latest if ctx.latest != date.min else None
    progress(steps, steps, "Import finished")
    log.info("RavenStack import from %s: %s", folder, "; ".join(ctx.summary.format_lines(0)))
    return ctx.summary


def _parse(ctx: _Context, kind: str, build: Any) -> dict[str, dict[str, Any]]:
    """Read one file into rows keyed by external id; bad and repeated rows are skipped."""
    entity = "churn_events" if kind == "churn" else kind
    rows: dict[str, dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    file_name = FILES[kind]
    for record in read_csv(ctx.folder / file_name, COLUMNS[kind]):
        try:
            row = build(record)
        except _RowError as exc:
            ctx.summary.skip(entity, record.issue(exc.column, exc.reason))
            continue

        key = row["external_id"]
        if key in rows:
            reason = f"repeats the id of line {first_line[key]}; the first one was kept"
            ctx.summary.skip(entity, record.issue(COLUMNS[kind][0], reason))
            continue
        row["_line"] = record.line
        rows[key] = row
        first_line[key] = record.line
        ctx.see(*(v for v in row.values() if isinstance(v, date)))
    return rows


class _RowError(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def _get(record: CsvRecord, column: str, parser: Any, *, required: bool = False) -> Any:
    text = record.values.get(column, "")
    try:
        value = parser(text)
    except ValueError as exc:
        raise _RowError(column, str(exc)) from None
    if required and value is None:
        raise _RowError(column, "required value is missing")
    return value


def _text(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def _account_row(record: CsvRecord) -> dict[str, Any]:
    return {
        "external_id": _get(record, "account_id", _text, required=True),
        "name": _get(record, "account_name", _text, required=True),
        "industry": _get(record, "industry", _text),
        "country": _get(record, "country", _text),
        "signup_date": _get(record, "signup_date", parse_iso_date),
        "referral_source": _get(record, "referral_source", _text),
        "plan_tier": _get(record, "plan_tier", _text),
        "seats": _get(record, "seats", parse_int),
        "is_trial": bool(_get(record, "is_trial", parse_bool)),
        "_churn_flag": bool(_get(record, "churn_flag", parse_bool)),
    }


def _subscription_row(record: CsvRecord) -> dict[str, Any]:
    frequency = _get(record, "billing_frequency", _text)
    return {
        "external_id": _get(record, "subscription_id", _text, required=True),
        "_account": _get(record, "account_id", _text, required=True),
        "start_date": _get(record, "start_date", parse_iso_date, required=True),
        "end_date": _get(record, "end_date", parse_iso_date),
        "plan_tier": _get(record, "plan_tier", _text),
        "seats": _get(record, "seats", parse_int),
        "mrr": _get(record, "mrr_amount", parse_decimal),
        "arr": _get(record, "arr_amount", parse_decimal),
        "currency": CURRENCY,
        "is_trial": bool(_get(record, "is_trial", parse_bool)),
        "upgrade_flag": bool(_get(record, "upgrade_flag", parse_bool)),
        "downgrade_flag": bool(_get(record, "downgrade_flag", parse_bool)),
        "churn_flag": bool(_get(record, "churn_flag", parse_bool)),
        "billing_frequency": frequency.lower() if frequency else None,
        "auto_renew": _get(record, "auto_renew_flag", parse_bool),
    }


def _usage_row(record: CsvRecord) -> dict[str, Any]:
    usage_id = _get(record, "usage_id", _text, required=True)
    subscription = _get(record, "subscription_id", _text, required=True)
    count = _get(record, "usage_count", parse_float, required=True)
    if count < 0:
        raise _RowError("usage_count", "a usage count cannot be negative")
    return {
        "external_id": f"{usage_id}@{subscription}",
        "_subscription": subscription,
        "usage_date": _get(record, "usage_date", parse_iso_date, required=True),
        "metric": "feature_events",
        "feature": _get(record, "feature_name", _text),
        "value": count,
        "duration_secs": _get(record, "usage_duration_secs", parse_float),
        "error_count": _get(record, "error_count", parse_int),
        "is_beta": _get(record, "is_beta_feature", parse_bool),
    }


def _ticket_row(record: CsvRecord) -> dict[str, Any]:
    closed_at = _get(record, "closed_at", parse_iso_datetime)
    csat = _get(record, "satisfaction_score", parse_float)
    if csat is not None and not 1 <= csat <= 5:
        raise _RowError("satisfaction_score", f"CSAT {csat:g} is outside the 1-5 scale")
    priority = _get(record, "priority", _text)
    return {
        "external_id": _get(record, "ticket_id", _text, required=True),
        "_account": _get(record, "account_id", _text, required=True),
        "opened_on": _get(record, "submitted_at", parse_iso_date, required=True),
        "closed_at": closed_at,
        "priority": priority.lower() if priority else None,
        "status": "closed" if closed_at else "open",
        "resolution_hours": _get(record, "resolution_time_hours", parse_float),
        "first_response_minutes": _get(record, "first_response_time_minutes", parse_float),
        "csat": csat,
        "escalated": bool(_get(record, "escalation_flag", parse_bool)),
    }


def _churn_row(record: CsvRecord) -> dict[str, Any]:
    return {
        "external_id": _get(record, "churn_event_id", _text, required=True),
        "_account": _get(record, "account_id", _text, required=True),
        "churn_date": _get(record, "churn_date", parse_iso_date, required=True),
        "reason_code": _get(record, "reason_code", _text),
        "refund_amount": _get(record, "refund_amount_usd", parse_decimal),
        "currency": CURRENCY,
        "preceding_upgrade": bool(_get(record, "preceding_upgrade_flag", parse_bool)),
        "preceding_downgrade": bool(_get(record, "preceding_downgrade_flag", parse_bool)),
        "is_reactivation": bool(_get(record, "is_reactivation", parse_bool)),
        "feedback_text": _get(record, "feedback_text", _text),
    }


def current_subscription(subscriptions: list[dict[str, Any]], data_end: date) -> dict | None:
    """Pick the subscription that defines an account's plan, seats and ARR.

    The open subscription that started last wins; with none open, the one
    that ended last. Ties go to the higher subscription id so the choice is
    stable across re-imports.
    """
    if not subscriptions:
        return None
    open_subs = [s for s in subscriptions if s["end_date"] is None or s["end_date"] > data_end]
    if open_subs:
        return max(open_subs, key=lambda s: (s["start_date"], s["external_id"]))
    return max(subscriptions, key=lambda s: (s["end_date"], s["start_date"], s["external_id"]))


def _derive_accounts(
    ctx: _Context, accounts: dict[str, dict], subscriptions: dict[str, dict]
) -> None:
    by_account: dict[str, list[dict]] = defaultdict(list)
    for sub in subscriptions.values():
        by_account[sub["_account"]].append(sub)

    data_end = ctx.latest
    for account in accounts.values():
        churned = account.pop("_churn_flag")
        current = current_subscription(by_account.get(account["external_id"], []), data_end)
        account.update(_derived_columns(current, churned, data_end))
        if current is None:
            ctx.summary.notes.append(
                f"Account {account['external_id']} has no subscription: ARR and renewal are blank."
            )


def _derived_columns(current: dict | None, churned: bool, data_end: date) -> dict[str, Any]:
    if current is None:
        stage = LifecycleStage.CHURNED if churned else LifecycleStage.ONBOARDING
        return {"arr": None, "currency": CURRENCY, "contract_start": None,
                "term_months": None, "lifecycle_stage": str(stage)}  # fmt: skip

    if churned:
        stage = LifecycleStage.CHURNED
    elif current["start_date"] > data_end - timedelta(days=ONBOARDING_DAYS):
        stage = LifecycleStage.ONBOARDING
    elif current["upgrade_flag"]:
        stage = LifecycleStage.GROWTH
    else:
        stage = LifecycleStage.ADOPTION
    term = TERM_MONTHS.get(current["billing_frequency"] or "")
    return {
        "plan_tier": current["plan_tier"],
        "seats": current["seats"],
        "arr": 0 if churned else current["arr"],
        "currency": CURRENCY,
        "contract_start": current["start_date"],
        "term_months": None if churned else term,
        "lifecycle_stage": str(stage),
    }


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    """Drop the private keys (leading underscore) used while linking rows."""
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _link(
    ctx: _Context, entity: str, rows: Any, account_ids: dict[str, Any]
) -> list[dict[str, Any]]:
    """Replace each row's account external id by the stored account's UUID."""
    entity_name = "churn_events" if entity == "churn" else entity
    linked = []
    for row in rows:
        account_id = account_ids.get(row["_account"])
        if account_id is None:
            ctx.summary.skip(entity_name, _orphan(entity, row, "account_id", row["_account"]))
            continue
        linked.append({**_strip(row), "account_id": account_id})
    return linked


def _link_usage(
    ctx: _Context, rows: Any, sub_ids: dict[str, Any], sub_accounts: dict[str, Any]
) -> list[dict[str, Any]]:
    linked = []
    for row in rows:
        subscription = row["_subscription"]
        if subscription not in sub_ids:
            ctx.summary.skip("usage", _orphan("usage", row, "subscription_id", subscription))
            continue
        linked.append(
            {
                **_strip(row),
                "subscription_id": sub_ids[subscription],
                "account_id": sub_accounts[subscription],
            }  # fmt: skip
        )
    return linked


def _orphan(kind: str, row: dict[str, Any], column: str, value: str) -> RowIssue:
    parent_file = FILES["subscriptions"] if kind == "usage" else FILES["accounts"]
    reason = f"no row in {parent_file} has this id"
    return RowIssue(FILES[kind], row["_line"], column, value, reason)


def _note_usage_outside_term(ctx: _Context, usage: Any, subscriptions: dict[str, dict]) -> None:
    before = after = 0
    for row in usage:
        sub = subscriptions.get(row["_subscription"])
        if sub is None:
            continue
        if row["usage_date"] < sub["start_date"]:
            before += 1
        elif sub["end_date"] is not None and row["usage_date"] > sub["end_date"]:
            after += 1
    if before or after:
        ctx.summary.notes.append(
            f"{before} usage rows are dated before their subscription started and {after} "
            "after it ended; they are kept and counted for the subscription's account."
        )
