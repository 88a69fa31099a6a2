"""Load the bundled RavenStack demo portfolio into a database."""

from __future__ import annotations

import logging

from csm_desktop.importers.ravenstack import import_ravenstack
from csm_desktop.importers.summary import ImportSummary
from csm_desktop.paths import demo_data_dir
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.database import Database

log = logging.getLogger(__name__)

DEMO_ATTRIBUTION = "RavenStack Synthetic SaaS Dataset, River @ Rivalytics"


def load_demo(
    db: Database,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ImportSummary:
    """Import the demo files, view the data as of its last day, and compute health.

    The demo ends on 31 December 2024, so the portfolio is pinned to that
    date: renewals, trends and staleness then read as they did on that day.
    """
    summary = import_ravenstack(db, demo_data_dir(), progress=progress, cancel=cancel)
    if summary.latest_date is not None:
        with db.session() as session:
            set_setting(session, REFERENCE_DATE_KEY, summary.latest_date.isoformat())
    recompute_health(db, progress=progress, cancel=cancel)
    return summary


def recompute_health(
    db: Database,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> int:
    """Recompute every account's weekly health snapshots; return how many were stored."""
    from csm_desktop.health.backfill import recompute_all

    return recompute_all(db, progress=progress, cancel=cancel)
