"""Compute and store weekly health snapshots for every account or for one account.

Each account gets a "weekly" snapshot for every Sunday from the start of
its history up to the reference date, plus one on the reference date
itself, so the newest snapshot always shows the health "as of now". An
account with no dated data (or whose history starts after the reference
date) gets only the reference-date snapshot, which reads "insufficient data".
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

from csm_desktop.health.engine import Scorecard
from csm_desktop.health.inputs import load_histories
from csm_desktop.health.measures import AccountHistory, default_scorecard
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


def snapshot_dates(start: date | None, reference: date) -> list[date]:
    """Return each Sunday from ``start`` to ``reference``, then ``reference`` itself.

    ``reference`` appears once even when it is a Sunday. With no ``start``,
    or one after ``reference``, the list holds only ``reference``.
    """
    if start is None or start > reference:
        return [reference]
    sunday = start + timedelta(days=(_SUNDAY - start.weekday()) % 7)
    dates = []
    while sunday < reference:
        dates.append(sunday)
        sunday += timedelta(days=7)
    dates.append(reference)
    return dates


def snapshot_rows(
    history: AccountHistory,
    reference: date,
    scorecard: Scorecard[AccountHistory],
    now: datetime,
) -> Iterator[dict[str, Any]]:
    """Yield the insert parameters of one account's weekly snapshots."""
    for as_of in snapshot_dates(history.start, reference):
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
            "details": result.details(),
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
    with db.session() as session:
        reference = reference_date(session)
        histories = load_histories(session, account_id)
        session.execute(
            delete(HealthSnapshot).where(
                HealthSnapshot.account_id == account_id, HealthSnapshot.kind == WEEKLY
            )
        )
        written = _write(session, histories.values(), reference, no_progress, None)
    log.debug("Recomputed %d weekly health snapshots for account %s", written, account_id)
    return written


def _write(
    session: Session,
    histories: Iterable[AccountHistory],
    reference: date,
    progress: ProgressCallback,
    cancel: CancelToken | None,
) -> int:
    """Compute and bulk-insert the snapshots, checking ``cancel`` between accounts."""
    scorecard = default_scorecard()
    now = utc_now()
    ordered = list(histories)
    pending: list[dict[str, Any]] = []
    written = 0

    for done, history in enumerate(ordered, start=1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        pending.extend(snapshot_rows(history, reference, scorecard, now))
        if len(pending) >= INSERT_CHUNK_ROWS:
            written += _insert(session, pending)
            pending = []
        progress(done, len(ordered), f"Computed health for {done} of {len(ordered)} accounts")

    return written + _insert(session, pending)


def _insert(session: Session, rows: list[dict[str, Any]]) -> int:
    if rows:
        session.execute(insert(HealthSnapshot), rows)
    return len(rows)
