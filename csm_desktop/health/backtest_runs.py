"""Run the health backtest on the stored portfolio, with the configured profiles."""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import select

from csm_desktop.health.backtest import BacktestReport, portfolio_samples, report
from csm_desktop.health.catalogue import CATALOGUE
from csm_desktop.health.config import build_scorecard, load_config
from csm_desktop.health.engine import Measure
from csm_desktop.health.inputs import load_account_facts, load_histories
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.services.settings import reference_date
from csm_desktop.store.database import Database
from csm_desktop.store.models import ChurnEvent

log = logging.getLogger(__name__)

# Cut-offs start this long after the earliest history, so windows have data.
WARM_UP_DAYS = 180


def backtest_portfolio(
    db: Database,
    *,
    horizon_days: int = 90,
    step_days: int = 28,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> BacktestReport:
    """Backtest every account's score against its churn events over the stored history.

    Each account is scored with its own profile; every catalogue measure
    also gets figures, including those its profile weights 0. Only fresh
    churns count as churn (not the events flagged as reactivations).
    """
    if horizon_days < 1 or step_days < 1:
        raise ValueError("The horizon and the step must be at least 1 day.")
    with db.session() as session:
        config = load_config(session)
        facts = load_account_facts(session)
        histories = list(load_histories(session).values())
        last = reference_date(session)
        churns: dict = {}
        for account_id, day in session.execute(
            select(ChurnEvent.account_id, ChurnEvent.churn_date).where(
                ChurnEvent.deleted_at.is_(None)
            )
        ):
            churns.setdefault(account_id, []).append(day)

    starts = [h.start for h in histories if h.start is not None]
    if not starts:
        return report([], [spec.key for spec in CATALOGUE], horizon_days)
    first = min(starts) + timedelta(days=WARM_UP_DAYS)

    scorecards = {p.key: build_scorecard(config, p) for p in config.profiles}

    def scorecard_for(history):
        fact = facts.get(history.account_id)
        profile = config.profile_for(
            fact.segment if fact else None, fact.plan_tier if fact else None
        )
        return scorecards[profile.key]

    all_measures = [Measure(spec.key, spec.key, 1.0, spec.rule, spec.read) for spec in CATALOGUE]
    samples = portfolio_samples(
        histories,
        scorecard_for,
        lambda history: churns.get(history.account_id, ()),
        first=first,
        last=last,
        horizon_days=horizon_days,
        step_days=step_days,
        extra_measures=all_measures,
        progress=progress,
        cancel=cancel,
    )
    result = report(samples, [spec.key for spec in CATALOGUE], horizon_days)
    log.info(
        "Backtest over %d samples (%d churned) from %s to %s: overall AUC %s",
        result.samples,
        result.positives,
        first,
        last,
        result.figures[0].auc,
    )
    return result


__all__ = ["backtest_portfolio"]
