"""Compute and store health snapshots for every account or for one account.

Each account gets a snapshot at the configured cadence (by default every
Sunday) from the start of its history up to the reference date, plus one
on the reference date itself, so the newest snapshot always shows the
health "as of now". An account with no dated data (or whose history starts
after the reference date) gets only the reference-date snapshot, which
reads "insufficient data". Each account is scored with the profile of its
segment or plan tier (see ``config.py``). Snapshots keep the kind
"weekly" whatever the cadence, because every reader filters on it.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from csm_desktop.health.config import ScorecardConfig, build_scorecard, load_config
from csm_desktop.health.engine import Scorecard
from csm_desktop.health.history import AccountHistory
from csm_desktop.health.inputs import AccountFacts, load_account_facts, load_histories
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.services.settings import reference_date
from csm_desktop.store.database import Database
from csm_desktop.store.models import HealthSnapshot
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)

WEEKLY = "weekly"
# Rows per bulk INSERT; bounds memory when thousands of accounts are recomputed.
INSERT_CHUNK_ROWS = 5_000
_SUNDAY = 6  # date.weekday() of a Sunday


def snapshot_dates(start: date | None, reference: date, cadence_days: int = 7) -> list[date]:
    """Return the cadence dates from ``start`` to ``reference``, then ``reference`` itself.

    A 7-day cadence falls on Sundays; any other cadence counts from
    ``start``. ``reference`` appears once even when it is a cadence date.
    With no ``start``, or one after ``reference``, the list holds only
    ``reference``.
    """
    if start is None or start > reference:
        return [reference]
    sunday = start + timedelta(days=(_SUNDAY - start.weekday()) % 7)
    day = sunday if cadence_days == 7 else start
    dates = []
    while day < reference:
        dates.append(day)
        day += timedelta(days=cadence_days)
    dates.append(reference)
    return dates


def snapshot_rows(
    history: AccountHistory,
    reference: date,
    scorecard: Scorecard[AccountHistory],
    now: datetime,
    *,
    cadence_days: int = 7,
    since: date | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield the insert parameters of one account's snapshots (those dated ``since`` or later)."""
    for as_of in snapshot_dates(history.start, reference, cadence_days):
        if since is not None and as_of < since:
            continue
        result = scorecard.evaluate(history, as_of)
        yield {
            "id": uuid.uuid4(),
            "account_id": history.account_id,
            "as_of": as_of,
            "kind": WEEKLY,
            "score": result.score,
            "colour": result.colour.value,
            "measures_used": result.measures_used,
            "measures_total": result.measures_total,
            "details": result.details(as_of),
            "scorecard_version": scorecard.version,
            "created_at": now,
            "updated_at": now,
        }


def recompute_all(
    db: Database,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Replace every account's weekly snapshots in one transaction and return the rows written.

    Raises ``Cancelled`` when ``cancel`` is set between two accounts, and
    then nothing is changed because the whole transaction rolls back.
    """
    started = time.perf_counter()
    with db.session() as session:
        reference = reference_date(session)
        histories = load_histories(session)
        # NOTE: snapshots are derived data, so they are hard-deleted and
        # rebuilt, not tombstoned. The unique (account_id, as_of, kind) key
        # would reject a new row beside a tombstone for the same week.
        session.execute(delete(HealthSnapshot).where(HealthSnapshot.kind == WEEKLY))
        written = _write(session, histories.values(), reference, progress, cancel)

    log.info(
        "Recomputed %d weekly health snapshots for %d accounts as of %s in %.2f s",
        written,
        len(histories),
        reference,
        time.perf_counter() - started,
    )
    return written


def recompute_account(db: Database, account_id: uuid.UUID) -> int:
    """Replace one account's weekly snapshots and return the rows written (0 if not found)."""
    return update_account(db, account_id, since=None)


# TODO: store an extra snapshot on the day a colour changes between two
# cadence dates; now a change shows at the next cadence date or the reference date.
def update_account(db: Database, account_id: uuid.UUID, *, since: date | None) -> int:
    """Recompute one account's snapshots dated ``since`` or later (all when None).

    The incremental update after new data for one account arrives: pass the
    earliest date of the new rows. Snapshots before ``since`` cannot change,
    because a score for date D reads only data dated up to D.
    """
    with db.session() as session:
        reference = reference_date(session)
        histories = load_histories(session, account_id)
        stale_rows = delete(HealthSnapshot).where(
            HealthSnapshot.account_id == account_id, HealthSnapshot.kind == WEEKLY
        )
        if since is not None:
            stale_rows = stale_rows.where(HealthSnapshot.as_of >= since)
        session.execute(stale_rows)
        written = _write(session, histories.values(), reference, no_progress, None, since=since)
    log.debug("Recomputed %d health snapshots for account %s since %s", written, account_id, since)
    return written


def _write(
    session: Session,
    histories: Iterable[AccountHistory],
    reference: date,
    progress: ProgressCallback,
    cancel: CancelToken | None,
    *,
    since: date | None = None,
) -> int:
    """Compute and bulk-insert the snapshots, checking ``cancel`` between accounts."""
    config = load_config(session)
    facts = load_account_facts(session)
    scorecards = _ScorecardCache(config)
    now = utc_now()
    ordered = list(histories)
    pending: list[dict[str, Any]] = []
    written = 0

    for done, history in enumerate(ordered, start=1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        scorecard = scorecards.for_account(facts.get(history.account_id))
        pending.extend(
            snapshot_rows(
                history,
                reference,
                scorecard,
                now,
                cadence_days=config.cadence_days,
                since=since,
            )
        )
        if len(pending) >= INSERT_CHUNK_ROWS:
            written += _insert(session, pending)
            pending = []
        progress(done, len(ordered), f"Computed health for {done} of {len(ordered)} accounts")

    return written + _insert(session, pending)


def _insert(session: Session, rows: list[dict[str, Any]]) -> int:
    if rows:
        session.execute(insert(HealthSnapshot), rows)
    return len(rows)


class _ScorecardCache:
    """Builds each profile's scorecard once per recompute."""

    def __init__(self, config: ScorecardConfig) -> None:
        self._config = config
        self._built: dict[str, Scorecard[AccountHistory]] = {}

    def for_account(self, facts: AccountFacts | None) -> Scorecard[AccountHistory]:
        segment = facts.segment if facts else None
        tier = facts.plan_tier if facts else None
        profile = self._config.profile_for(segment, tier)
        if profile.key not in self._built:
            self._built[profile.key] = build_scorecard(self._config, profile)
        return self._built[profile.key]
