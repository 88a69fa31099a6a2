"""Load the rows the health measures need into per-account ``AccountHistory`` objects.

Uses SQLAlchemy Core selects of plain columns, never ORM objects, so that
loading 5,000 accounts with two years of data stays a few flat queries.
Rows with ``deleted_at`` set, and rows of deleted accounts, are ignored.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Date, Select, String, func, select, text
from sqlalchemy.orm import Session

from csm_desktop.health.history import AccountHistory, ExtraInputs, KeyFeatures, build_history
from csm_desktop.store.models import (
    USAGE_FEATURE_INDEX_WHERE,
    Account,
    Activity,
    ActivityType,
    ChurnEvent,
    Goal,
    Invoice,
    SupportTicket,
    SurveyResponse,
    UsageMetric,
)

log = logging.getLogger(__name__)

# The usage metric the usage-trend and adoption measures count.
FEATURE_EVENTS = "feature_events"
# Metrics read as "seats used", in order of preference.
SEAT_METRICS = ("seats_used", "active_users")

TicketRow = tuple[date, datetime | None, str | None, float | None, bool]


def load_histories(
    session: Session, account_id: uuid.UUID | None = None
) -> dict[uuid.UUID, AccountHistory]:
    """Load the history of every live account, or of ``account_id`` only.

    Returns an empty dict when ``account_id`` is given but not found or deleted.
    """
    accounts = _load_accounts(session, account_id)
    if not accounts:
        return {}

    usage: dict[uuid.UUID, list[tuple[date, float]]] = defaultdict(list)
    for owner, day, value in session.execute(_usage_query(account_id)):
        if owner in accounts and value is not None:
            usage[owner].append((day, float(value)))

    tickets: dict[uuid.UUID, list[TicketRow]] = defaultdict(list)
    for owner, opened_on, closed_at, priority, csat, escalated in session.execute(
        _ticket_query(account_id)
    ):
        if owner in accounts:
            tickets[owner].append((opened_on, closed_at, priority, csat, bool(escalated)))

    churns: dict[uuid.UUID, list[tuple[date, bool]]] = defaultdict(list)
    for owner, churn_date, is_reactivation in session.execute(_churn_query(account_id)):
        if owner in accounts:
            churns[owner].append((churn_date, bool(is_reactivation)))

    extras = load_extra_inputs(session, accounts, account_id)
    histories = {
        key: build_history(
            key,
            facts.signup,
            usage.get(key, ()),
            tickets.get(key, ()),
            churns.get(key, ()),
            extras.get(key),
        )
        for key, facts in accounts.items()
    }
    log.debug("Loaded health inputs for %d accounts", len(histories))
    return histories


class AccountFacts(NamedTuple):
    """The account columns the health score reads."""

    signup: date | None
    segment: str | None
    plan_tier: str | None
    seats: int | None


def load_account_facts(
    session: Session, account_id: uuid.UUID | None = None
) -> dict[uuid.UUID, AccountFacts]:
    """Return signup date, segment, plan tier and seats of every live account (or of one)."""
    return _load_accounts(session, account_id)


def _load_accounts(session: Session, account_id: uuid.UUID | None) -> dict[uuid.UUID, AccountFacts]:
    query = select(
        Account.id, Account.signup_date, Account.segment, Account.plan_tier, Account.seats
    ).where(Account.deleted_at.is_(None))
    if account_id is not None:
        query = query.where(Account.id == account_id)
    return {
        row_id: AccountFacts(signup, segment, tier, seats)
        for row_id, signup, segment, tier, seats in session.execute(query)
    }


def load_extra_inputs(
    session: Session, accounts: dict[uuid.UUID, AccountFacts], account_id: uuid.UUID | None
) -> dict[uuid.UUID, ExtraInputs]:
    """Load the rows of the measures beyond the first version, grouped per account.

    Key features are the portfolio's features with the first day each was
    used, read over all accounts even when ``account_id`` is given, so that
    one account's incremental update scores like the full backfill.
    """
    rows: dict[uuid.UUID, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))

    def scoped(query: Select[Any], column: Any) -> Select[Any]:
        return query if account_id is None else query.where(column == account_id)

    key_features = load_key_features(session)

    for owner, day, feature in session.execute(
        scoped(
            select(UsageMetric.account_id, UsageMetric.usage_date, UsageMetric.feature)
            .where(_live(UsageMetric), UsageMetric.metric == FEATURE_EVENTS)
            .where(UsageMetric.feature.is_not(None), UsageMetric.value > 0)
            .distinct(),
            UsageMetric.account_id,
        )
    ):
        rows[owner]["features"].append((day, feature))

    _load_seats_used(session, rows, scoped)
    _load_surveys(session, rows, scoped)
    _load_touches_invoices_goals(session, rows, scoped)

    return {
        key: ExtraInputs(
            features=rows[key]["features"],
            seats=facts.seats,
            seats_used=rows[key]["seats_used"],
            nps=rows[key]["nps"],
            csat=rows[key]["csat"],
            touches=rows[key]["touches"],
            invoices=rows[key]["invoices"],
            goals=rows[key]["goals"],
            key_features=key_features,
        )
        for key, facts in accounts.items()
    }


# The first day of each feature, as a loose index scan. The recursive part
# steps from one feature to the next with one index seek each, and the outer
# select seeks each feature's first day. So the cost grows with the number of
# features, not of usage rows. SQLite uses the partial index
# ix_usage_feature_first_day only because the WHERE terms repeat its own
# word for word, metric literal included.
_KEY_FEATURES_SQL = text(
    f"""
    WITH RECURSIVE feature_names(name) AS (
        SELECT min(feature) FROM usage_metric WHERE {USAGE_FEATURE_INDEX_WHERE}
        UNION ALL
        SELECT (
            SELECT min(feature) FROM usage_metric
            WHERE {USAGE_FEATURE_INDEX_WHERE} AND feature > feature_names.name
        )
        FROM feature_names WHERE name IS NOT NULL
    )
    SELECT name, (
        SELECT min(usage_date) FROM usage_metric
        WHERE {USAGE_FEATURE_INDEX_WHERE} AND feature = feature_names.name
    ) AS first_day
    FROM feature_names WHERE name IS NOT NULL
    """
).columns(name=String, first_day=Date)


def load_key_features(session: Session) -> KeyFeatures:
    """Load every feature used in the portfolio with the first day it was used.

    TODO: let the scorecard editor name the key features; every feature
    seen in the portfolio counts now, which keeps breadth low on the demo.
    """
    first_seen = {name: first.toordinal() for name, first in session.execute(_KEY_FEATURES_SQL)}
    return KeyFeatures(first_seen)


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


def _load_seats_used(session: Session, rows: Any, scoped: Any) -> None:
    """Take the first metric of ``SEAT_METRICS`` that the account has, summed per day."""
    per_metric: dict[tuple[uuid.UUID, str], list[tuple[date, float]]] = defaultdict(list)
    for owner, metric, day, value in session.execute(
        scoped(
            select(
                UsageMetric.account_id,
                UsageMetric.metric,
                UsageMetric.usage_date,
                func.sum(UsageMetric.value),
            )
            .where(_live(UsageMetric), UsageMetric.metric.in_(SEAT_METRICS))
            .group_by(UsageMetric.account_id, UsageMetric.metric, UsageMetric.usage_date),
            UsageMetric.account_id,
        )
    ):
        per_metric[(owner, metric)].append((day, float(value or 0.0)))
    owners = {owner for owner, _ in per_metric}
    for owner in owners:
        for metric in SEAT_METRICS:
            if (owner, metric) in per_metric:
                rows[owner]["seats_used"] = per_metric[(owner, metric)]
                break


def _load_surveys(session: Session, rows: Any, scoped: Any) -> None:
    query = select(
        SurveyResponse.account_id,
        SurveyResponse.responded_on,
        SurveyResponse.kind,
        SurveyResponse.score,
        SurveyResponse.scale_min,
        SurveyResponse.scale_max,
    ).where(_live(SurveyResponse))
    for owner, day, kind, score, low, high in session.execute(
        scoped(query, SurveyResponse.account_id)
    ):
        if score is None:
            continue
        if (kind or "").casefold() == "nps":
            rows[owner]["nps"].append((day, float(score)))
        elif (kind or "").casefold() == "csat":
            rows[owner]["csat"].append((day, float(score), float(low or 0), float(high or 0)))


def _load_touches_invoices_goals(session: Session, rows: Any, scoped: Any) -> None:
    """Load customer-facing activities, invoice due and paid dates, and goal dates.

    An invoice marked paid without a paid date counts as paid on its due
    date, and a goal marked achieved without a date as met on its due date.
    NOTE: both are guesses, because the store keeps no date for them.
    """
    touches = select(Activity.account_id, Activity.occurred_on).where(
        _live(Activity),
        Activity.kind != ActivityType.INTERNAL_NOTE,
        Activity.is_draft.is_(False),
    )
    for owner, day in session.execute(scoped(touches, Activity.account_id)):
        rows[owner]["touches"].append(day)

    invoices = select(Invoice.account_id, Invoice.due_on, Invoice.paid_on, Invoice.status).where(
        _live(Invoice), Invoice.due_on.is_not(None)
    )
    for owner, due, paid, status in session.execute(scoped(invoices, Invoice.account_id)):
        if paid is None and (status or "").casefold() == "paid":
            paid = due
        rows[owner]["invoices"].append((due, paid))

    goals = select(Goal.account_id, Goal.due_on, Goal.achieved_on, Goal.status).where(
        _live(Goal), Goal.due_on.is_not(None)
    )
    for owner, due, achieved, status in session.execute(scoped(goals, Goal.account_id)):
        if achieved is None and (status or "").casefold() == "achieved":
            achieved = due
        rows[owner]["goals"].append((due, achieved))


def _usage_query(account_id: uuid.UUID | None) -> Select[Any]:
    """Sum feature events per account and day in SQL, so fewer rows reach Python."""
    query = (
        select(UsageMetric.account_id, UsageMetric.usage_date, func.sum(UsageMetric.value))
        .where(UsageMetric.deleted_at.is_(None), UsageMetric.metric == FEATURE_EVENTS)
        .group_by(UsageMetric.account_id, UsageMetric.usage_date)
    )
    if account_id is not None:
        query = query.where(UsageMetric.account_id == account_id)
    return query


def _ticket_query(account_id: uuid.UUID | None) -> Select[Any]:
    query = select(
        SupportTicket.account_id,
        SupportTicket.opened_on,
        SupportTicket.closed_at,
        SupportTicket.priority,
        SupportTicket.csat,
        SupportTicket.escalated,
    ).where(SupportTicket.deleted_at.is_(None))
    if account_id is not None:
        query = query.where(SupportTicket.account_id == account_id)
    return query


def _churn_query(account_id: uuid.UUID | None) -> Select[Any]:
    query = select(ChurnEvent.account_id, ChurnEvent.churn_date, ChurnEvent.is_reactivation).where(
        ChurnEvent.deleted_at.is_(None)
    )
    if account_id is not None:
        query = query.where(ChurnEvent.account_id == account_id)
    return query
