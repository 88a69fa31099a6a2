"""Portfolio rows read with plain SQL on an ``sqlite3`` connection.

This is the one implementation of the portfolio read. ``load_portfolio``
runs it on a session's own connection, and the app's first paint runs it
on a read-only connection before SQLAlchemy is imported, which is what
makes the portfolio appear in about the time of a bare window. Nothing
here may import SQLAlchemy or Qt.

The column types are decoded by hand, matching ``store.types``: ids are
32 hex digits, dates and instants ISO text, amounts integers of 1/10,000
units, tags a JSON list.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from csm_desktop.health.summary_rules import (
    TREND_LOOKBACK_DAYS,
    OverrideInfo,
    effective_health,
    newest_in_effect,
    trend_between,
)
from csm_desktop.services.portfolio_rows import PortfolioRow, next_renewal
from csm_desktop.services.setting_keys import REFERENCE_DATE_KEY
from csm_desktop.store.enums import LifecycleStage
from csm_desktop.store.money import money_from_storage

log = logging.getLogger(__name__)

WEEKLY = "weekly"

ACCOUNTS_SQL = """
SELECT id, name, industry, country, plan_tier, seats, arr, currency, renewal_date,
       contract_start, term_months, lifecycle_stage, segment, owner, tags
FROM account
WHERE deleted_at IS NULL
ORDER BY name
"""

# Each source's newest date per account. The indexes that end in deleted_at
# serve these queries from the index alone.
LAST_DATES_SQL = tuple(
    f"SELECT account_id, max({column}) FROM {table} WHERE deleted_at IS NULL GROUP BY account_id"
    for table, column in (
        ("usage_metric", "usage_date"),
        ("support_ticket", "opened_on"),
        ("churn_event", "churn_date"),
        ("activity", "occurred_on"),
    )
)

# Per account, the newest live weekly snapshot and the score of the newest
# one at least TREND_LOOKBACK_DAYS older. Both are seeks per account in the
# (account_id, as_of, kind) unique index. Grouping every snapshot by account
# instead took four times as long on the demo's 52,000 snapshots.
LATEST_HEALTH_SQL = f"""
SELECT s.account_id, s.score, s.colour,
       (SELECT e.score FROM health_snapshot AS e
        WHERE e.account_id = s.account_id AND e.kind = '{WEEKLY}' AND e.deleted_at IS NULL
          AND e.as_of <= date(s.as_of, '-{TREND_LOOKBACK_DAYS} days')
        ORDER BY e.as_of DESC LIMIT 1)
FROM account AS a
JOIN health_snapshot AS s ON s.rowid = (
    SELECT x.rowid FROM health_snapshot AS x
    WHERE x.account_id = a.id AND x.kind = '{WEEKLY}' AND x.deleted_at IS NULL
    ORDER BY x.as_of DESC LIMIT 1)
"""

OVERRIDES_SQL = """
SELECT id, account_id, score, colour, reason, author, set_at, starts_on, expires_on,
       cleared_on, cleared_by
FROM health_override
WHERE deleted_at IS NULL
"""


@dataclass(frozen=True, slots=True)
class _Health:
    score: float | None
    colour: str
    trend: int


def read_portfolio(connection: sqlite3.Connection, today: date | None = None) -> list[PortfolioRow]:
    """Return one row per account that is not deleted, ordered by name.

    ``today`` stands for the current date when no reference date is stored.
    Raises ``sqlite3.Error`` when the file cannot be read.
    """
    as_of = read_reference_date(connection, today)
    last_dates = _last_activity_dates(connection)
    health = _latest_health(connection, as_of)

    rows = [
        _make_row(record, as_of, last_dates, health) for record in connection.execute(ACCOUNTS_SQL)
    ]
    log.debug("Read %d portfolio rows as of %s", len(rows), as_of)
    return rows


def read_setting(connection: sqlite3.Connection, key: str) -> str | None:
    """Return one stored setting (``services.settings``), or None when never set."""
    found = connection.execute("SELECT value FROM app_setting WHERE key = ?", (key,)).fetchone()
    return None if found is None else str(found[0])


def read_reference_date(connection: sqlite3.Connection, today: date | None = None) -> date:
    """Return the date the portfolio is viewed as of, as ``settings.reference_date`` does."""
    stored = read_setting(connection, REFERENCE_DATE_KEY)
    if stored:
        return date.fromisoformat(stored)
    return today or date.today()


def _make_row(
    record: tuple[Any, ...],
    as_of: date,
    last_dates: dict[str, date],
    health: dict[str, _Health],
) -> PortfolioRow:
    (account_id, name, industry, country, plan_tier, seats, arr, currency, renewal_text,
     start_text, term_months, stage, segment, owner, tags) = record  # fmt: skip
    renewal = None
    if stage != LifecycleStage.CHURNED:
        renewal = next_renewal(_date(start_text), term_months, _date(renewal_text), as_of)
    summary = health.get(account_id)

    return PortfolioRow(
        account_id=uuid.UUID(hex=account_id),
        name=name,
        industry=industry,
        country=country,
        plan_tier=plan_tier,
        seats=seats,
        arr=money_from_storage(arr),
        currency=currency or "USD",
        renewal_date=renewal,
        days_to_renewal=(renewal - as_of).days if renewal is not None else None,
        health_score=summary.score if summary is not None else None,
        health_colour=summary.colour if summary is not None else None,
        health_trend=summary.trend if summary is not None else None,
        last_activity=last_dates.get(account_id),
        segment=segment,
        lifecycle_stage=stage,
        owner=owner,
        tags=_tags(tags),
    )


def _last_activity_dates(connection: sqlite3.Connection) -> dict[str, date]:
    """Return the newest dated record per account id (hex) across the four dated sources."""
    newest: dict[str, str] = {}
    for query in LAST_DATES_SQL:
        for account_id, day in connection.execute(query):
            # ISO dates order as text, so the comparison needs no parsing.
            if day is not None and day > newest.get(account_id, ""):
                newest[account_id] = day
    return {account_id: date.fromisoformat(day) for account_id, day in newest.items()}


def _latest_health(connection: sqlite3.Connection, as_of: date) -> dict[str, _Health]:
    """Return the health shown per account id (hex): the newest snapshot, or its override."""
    overrides = newest_in_effect(list(_overrides(connection)), as_of)
    found: dict[str, _Health] = {}
    for account_id, score, colour, earlier_score in connection.execute(LATEST_HEALTH_SQL):
        override = overrides.get(uuid.UUID(hex=account_id))
        shown_score, shown_colour = effective_health(score, colour, override)
        found[account_id] = _Health(shown_score, shown_colour, trend_between(score, earlier_score))
    return found


def _overrides(connection: sqlite3.Connection) -> Iterable[OverrideInfo]:
    for (override_id, account_id, score, colour, reason, author, set_at, starts_on,
         expires_on, cleared_on, cleared_by) in connection.execute(OVERRIDES_SQL):  # fmt: skip
        yield OverrideInfo(
            id=uuid.UUID(hex=override_id),
            account_id=uuid.UUID(hex=account_id),
            score=score,
            colour=colour,
            reason=reason,
            author=author,
            set_at=_instant(set_at),
            starts_on=date.fromisoformat(starts_on),
            expires_on=_date(expires_on),
            cleared_on=_date(cleared_on),
            cleared_by=cleared_by,
        )


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _instant(text: str) -> datetime:
    """Decode a stored instant: naive UTC text (``store.types.UTCDateTime``)."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _tags(stored: str | None) -> tuple[str, ...]:
    """Return the stored tag list as a tuple of non-blank strings (JSON may hold anything)."""
    try:
        tags = json.loads(stored) if stored else []
    except ValueError:
        return ()
    if not isinstance(tags, list):
        return ()
    return tuple(str(tag).strip() for tag in tags if str(tag).strip())
