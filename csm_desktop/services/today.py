"""The Today screen's data: changes since the last start, renewals, due tasks, untouched accounts.

"Today" is the reference date from ``services.settings.reference_date``, so
a pinned historical data set (the demo) reads as it did on its last day.
Health alerts come from ``csm_desktop.health.alerts.compute_alerts``; the
CSM can dismiss an alert for good or snooze it, keyed by the alert's
``key``, and this module filters those out.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from csm_desktop.services.portfolio import PortfolioRow, load_portfolio
from csm_desktop.services.settings import get_setting, reference_date, set_setting
from csm_desktop.store.models import Account, Activity, ActivityType, LifecycleStage, Task
from csm_desktop.store.today_views_models import AlertDismissal

log = logging.getLogger(__name__)

LAST_OPENED_KEY = "today.last_opened_at"
UNTOUCHED_DAYS_KEY = "today.untouched_days"
SNOOZE_DAYS_KEY = "today.snooze_days"
DEFAULT_UNTOUCHED_DAYS = 30
DEFAULT_SNOOZE_DAYS = 7
# How far back the first start (with no stored last start) looks for changes.
FIRST_START_LOOKBACK_DAYS = 7
# Renewal buckets shown on Today, in days from the reference date.
RENEWAL_BUCKETS = (30, 60, 90)
# Task statuses that no longer need action.
CLOSED_TASK_STATUSES = frozenset({"done", "completed", "cancelled", "canceled", "skipped"})


class HealthAlertLike(Protocol):
    """The fields Today reads from ``csm_desktop.health.alerts.HealthAlert``."""

    account_id: uuid.UUID
    kind: str
    severity: str
    occurred_on: date
    message: str
    key: str


AlertSource = Callable[..., Sequence[HealthAlertLike]]


@dataclass(frozen=True, slots=True)
class AlertRow:
    key: str
    account_id: uuid.UUID
    account_name: str
    kind: str
    severity: str
    occurred_on: date
    message: str


@dataclass(frozen=True, slots=True)
class RenewalRow:
    account_id: uuid.UUID
    account_name: str
    renewal_date: date
    # Negative when the renewal date has passed without being updated.
    days_to_renewal: int
    # 0 for overdue, else the smallest bucket of ``RENEWAL_BUCKETS`` that contains the date.
    bucket: int
    arr: Decimal | None
    currency: str
    health_colour: str | None


@dataclass(frozen=True, slots=True)
class TaskRow:
    task_id: uuid.UUID
    account_id: uuid.UUID | None
    account_name: str
    title: str
    kind: str
    priority: str
    due_on: date
    # 0 when due today, positive when overdue.
    days_overdue: int


@dataclass(frozen=True, slots=True)
class UntouchedRow:
    account_id: uuid.UUID
    account_name: str
    # Date of the newest customer-facing activity; None when there is none.
    last_touch: date | None
    days_since_touch: int | None
    arr: Decimal | None
    currency: str


@dataclass(frozen=True, slots=True)
class TodayData:
    """Everything the Today screen lists, computed for one reference date."""

    as_of: date
    since: date
    # False when the health alert module is not installed, so no alerts can be listed.
    alerts_available: bool
    alerts: list[AlertRow]
    renewals: list[RenewalRow]
    tasks: list[TaskRow]
    untouched: list[UntouchedRow]
    untouched_days: int


# Settings and the last start


def get_int_setting(session: Session, key: str, default: int) -> int:
    """Return a stored whole number, or ``default`` when it is missing or not a number."""
    stored = get_setting(session, key)
    if stored is None:
        return default
    try:
        return int(stored)
    except ValueError:
        log.warning("Setting %s has the invalid value %r; using %d", key, stored, default)
        return default


def record_app_start(session: Session, now: datetime | None = None) -> datetime | None:
    """Store ``now`` as the instant the app was last opened and return the previous one."""
    previous_text = get_setting(session, LAST_OPENED_KEY)
    instant = now or datetime.now(UTC)
    set_setting(session, LAST_OPENED_KEY, instant.astimezone(UTC).isoformat())
    if not previous_text:
        return None
    try:
        return datetime.fromisoformat(previous_text)
    except ValueError:
        log.warning("Ignoring the invalid last-opened instant %r", previous_text)
        return None


def changes_since(previous_start: datetime | None, as_of: date) -> date:
    """Return the first day whose changes Today lists.

    It is the day of the previous start, but at least one day before
    ``as_of``: a pinned reference date lies before the real start date, and
    a second start on the same day should still show that day's changes.
    Without a previous start it looks back ``FIRST_START_LOOKBACK_DAYS``.
    """
    if previous_start is None:
        return as_of - timedelta(days=FIRST_START_LOOKBACK_DAYS)
    return min(previous_start.date(), as_of - timedelta(days=1))


# Dismissing and snoozing alerts


def dismiss_alert(session: Session, key: str, account_id: uuid.UUID | None) -> None:
    """Hide the alert with ``key`` for good."""
    _store_dismissal(session, key, account_id, None)


def snooze_alert(session: Session, key: str, account_id: uuid.UUID | None, until: date) -> None:
    """Hide the alert with ``key`` up to and including ``until``."""
    _store_dismissal(session, key, account_id, until)


def restore_alert(session: Session, key: str) -> None:
    """Show a dismissed or snoozed alert again."""
    row = session.get(AlertDismissal, key)
    if row is not None:
        session.delete(row)


def _store_dismissal(
    session: Session, key: str, account_id: uuid.UUID | None, until: date | None
) -> None:
    row = session.get(AlertDismissal, key)
    if row is None:
        session.add(AlertDismissal(alert_key=key, account_id=account_id, snoozed_until=until))
    else:
        row.snoozed_until = until
        row.account_id = account_id


def hidden_alert_keys(session: Session, as_of: date) -> set[str]:
    """Return the keys of alerts dismissed for good or snoozed past ``as_of``."""
    query = select(AlertDismissal.alert_key).where(
        AlertDismissal.snoozed_until.is_(None) | (AlertDismissal.snoozed_until >= as_of)
    )
    return set(session.scalars(query))


# Loading the screen


def load_today(
    session: Session,
    *,
    since: date,
    alert_source: AlertSource | None = None,
) -> TodayData:
    """Compute every section of the Today screen as of the reference date.

    ``alert_source`` replaces ``compute_alerts`` (tests pass a stand-in).
    Without it the health module's function is imported; when that module
    is missing the alert list is empty and ``alerts_available`` is False.
    """
    as_of = reference_date(session)
    untouched_days = get_int_setting(session, UNTOUCHED_DAYS_KEY, DEFAULT_UNTOUCHED_DAYS)
    portfolio = load_portfolio(session)
    names = {row.account_id: row.name for row in portfolio}

    source = alert_source if alert_source is not None else _default_alert_source()
    alerts: list[AlertRow] = []
    if source is not None:
        alerts = _visible_alerts(session, source, since, as_of, names)

    return TodayData(
        as_of=as_of,
        since=since,
        alerts_available=source is not None,
        alerts=alerts,
        renewals=upcoming_renewals(portfolio),
        tasks=due_tasks(session, as_of, names),
        untouched=untouched_accounts(session, portfolio, as_of, untouched_days),
        untouched_days=untouched_days,
    )


def _default_alert_source() -> AlertSource | None:
    try:
        from csm_desktop.health.alerts import compute_alerts
    except ImportError:
        log.warning("csm_desktop.health.alerts is not available; Today lists no health alerts")
        return None
    return compute_alerts


_SEVERITY_ORDER = {"critical": 0, "high": 1, "warning": 2, "medium": 2, "info": 3, "low": 3}


def _visible_alerts(
    session: Session,
    source: AlertSource,
    since: date,
    as_of: date,
    names: dict[uuid.UUID, str],
) -> list[AlertRow]:
    hidden = hidden_alert_keys(session, as_of)
    rows = [
        AlertRow(
            key=alert.key,
            account_id=alert.account_id,
            account_name=names.get(alert.account_id, ""),
            kind=str(alert.kind),
            severity=str(alert.severity),
            occurred_on=alert.occurred_on,
            message=alert.message,
        )
        for alert in source(session, since=since, as_of=as_of)
        # Alerts of deleted accounts have no name and nothing to open.
        if alert.key not in hidden and alert.account_id in names
    ]
    rows.sort(
        key=lambda row: (
            _SEVERITY_ORDER.get(row.severity.casefold(), 9),
            -row.occurred_on.toordinal(),
            row.account_name.casefold(),
        )
    )
    return rows


def upcoming_renewals(portfolio: Sequence[PortfolioRow]) -> list[RenewalRow]:
    """Return renewals that are overdue or within the largest bucket, soonest first."""
    horizon = RENEWAL_BUCKETS[-1]
    rows: list[RenewalRow] = []
    for row in portfolio:
        days = row.days_to_renewal
        if row.renewal_date is None or days is None or days > horizon:
            continue
        rows.append(
            RenewalRow(
                account_id=row.account_id,
                account_name=row.name,
                renewal_date=row.renewal_date,
                days_to_renewal=days,
                bucket=renewal_bucket(days),
                arr=row.arr,
                currency=row.currency,
                health_colour=row.health_colour,
            )
        )
    rows.sort(key=lambda item: (item.days_to_renewal, item.account_name.casefold()))
    return rows


def renewal_bucket(days: int) -> int:
    """Return 0 for an overdue renewal, else the smallest bucket (30, 60, 90) that contains it."""
    if days < 0:
        return 0
    for bucket in RENEWAL_BUCKETS:
        if days <= bucket:
            return bucket
    return RENEWAL_BUCKETS[-1]


def due_tasks(session: Session, as_of: date, names: dict[uuid.UUID, str]) -> list[TaskRow]:
    """Return open tasks due on or before ``as_of`` that are not snoozed past it, oldest first."""
    query = (
        select(Task)
        .where(
            Task.deleted_at.is_(None),
            Task.due_on.is_not(None),
            Task.due_on <= as_of,
            Task.status.not_in(CLOSED_TASK_STATUSES),
            Task.snoozed_until.is_(None) | (Task.snoozed_until <= as_of),
        )
        .order_by(Task.due_on, Task.title)
    )
    rows: list[TaskRow] = []
    for task in session.scalars(query):
        # Tasks of a deleted account are left out, tasks without an account stay.
        if task.account_id is not None and task.account_id not in names:
            continue
        assert task.due_on is not None
        rows.append(
            TaskRow(
                task_id=task.id,
                account_id=task.account_id,
                account_name=names.get(task.account_id, "") if task.account_id else "",
                title=task.title,
                kind=task.kind,
                priority=task.priority,
                due_on=task.due_on,
                days_overdue=(as_of - task.due_on).days,
            )
        )
    return rows


def last_customer_touch(session: Session, as_of: date) -> dict[uuid.UUID, date]:
    """Return each account's newest customer-facing activity on or before ``as_of``.

    Internal notes and drafts are not a touch, and neither is a backdated
    entry dated after ``as_of``.
    """
    query = (
        select(Activity.account_id, func.max(Activity.occurred_on))
        .where(
            Activity.deleted_at.is_(None),
            Activity.kind != ActivityType.INTERNAL_NOTE,
            Activity.is_draft.is_(False),
            Activity.occurred_on <= as_of,
        )
        .group_by(Activity.account_id)
    )
    return {account_id: day for account_id, day in session.execute(query) if day is not None}


def untouched_accounts(
    session: Session, portfolio: Sequence[PortfolioRow], as_of: date, days: int
) -> list[UntouchedRow]:
    """Return live, not churned accounts with no customer touch in the last ``days`` days.

    Accounts never touched come first, then the longest untouched; larger
    ARR breaks ties.
    """
    touches = last_customer_touch(session, as_of)
    churned = _churned_ids(session)
    rows: list[UntouchedRow] = []
    for row in portfolio:
        if row.account_id in churned:
            continue
        last = touches.get(row.account_id)
        since_touch = (as_of - last).days if last is not None else None
        if since_touch is not None and since_touch <= days:
            continue
        rows.append(
            UntouchedRow(
                account_id=row.account_id,
                account_name=row.name,
                last_touch=last,
                days_since_touch=since_touch,
                arr=row.arr,
                currency=row.currency,
            )
        )
    rows.sort(key=_untouched_order)
    return rows


def _untouched_order(row: UntouchedRow) -> tuple[Any, ...]:
    never = row.days_since_touch is None
    return (not never, -(row.days_since_touch or 0), -(row.arr or 0), row.account_name.casefold())


def _churned_ids(session: Session) -> set[uuid.UUID]:
    query = select(Account.id).where(Account.lifecycle_stage == LifecycleStage.CHURNED)
    return set(session.scalars(query))
