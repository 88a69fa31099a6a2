"""Backtest of the health score: did low scores come before churn?

For each cut-off date T (every ``step_days`` over the history), every
account with history by T is a sample: positive when it churned in the
``horizon_days`` after T, negative otherwise. Its score at T, computed
point in time, should be lower for positives. ROC AUC is the probability
that a random positive scores lower than a random negative (ties count
half). Lift at k% is the churn rate among the k% lowest-scored samples
divided by the overall churn rate. Both are computed overall and per
measure, each over the samples where it had a score.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from csm_desktop.health.engine import HealthResult, Measure, MeasureResult, Scorecard
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress

log = logging.getLogger(__name__)

OVERALL = "overall"
LIFT_FRACTION = 0.1
# Measures whose AUC stays below this get no suggested weight: on a few
# thousand samples an AUC of 0.51 is within noise of a coin toss.
MIN_USEFUL_AUC = 0.55


@dataclass(frozen=True)
class Sample:
    """One scored case: ``churned`` is the label, ``scores`` the overall and per-measure scores."""

    churned: bool
    scores: dict[str, float]


@dataclass(frozen=True)
class MeasureFigures:
    """Backtest figures of the overall score or of one measure."""

    key: str
    samples: int
    positives: int
    auc: float | None
    lift: float | None


@dataclass(frozen=True)
class BacktestReport:
    """The figures of a backtest, overall first, and the weights they suggest."""

    horizon_days: int
    samples: int
    positives: int
    figures: tuple[MeasureFigures, ...]
    suggested_weights: dict[str, float]

    def figure(self, key: str) -> MeasureFigures | None:
        return next((f for f in self.figures if f.key == key), None)


def roc_auc(scores: Sequence[float], churned: Sequence[bool]) -> float | None:
    """Return the AUC of "a lower score means churn", or None without both classes.

    Mann-Whitney U over ranks with average ranks for ties, O(n log n).
    """
    positives = sum(1 for c in churned if c)
    negatives = len(churned) - positives
    if positives == 0 or negatives == 0:
        return None
    # Rank by descending score, so that low scores on churners raise the AUC.
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        average = (i + j) / 2 + 1
        for k in range(i, j + 1):
            ranks[order[k]] = average
        i = j + 1
    rank_sum = math.fsum(r for r, c in zip(ranks, churned, strict=True) if c)
    u = rank_sum - positives * (positives + 1) / 2
    return u / (positives * negatives)


def lift_at(
    scores: Sequence[float], churned: Sequence[bool], fraction: float = LIFT_FRACTION
) -> float | None:
    """Return the churn rate among the lowest-scored ``fraction`` over the overall rate.

    Samples tied with the last one taken are all included, so ties do not
    depend on input order. None when no sample churned or there are no samples.
    """
    total = len(scores)
    positives = sum(1 for c in churned if c)
    if total == 0 or positives == 0:
        return None
    ordered = sorted(zip(scores, churned, strict=True), key=lambda pair: pair[0])
    take = max(1, math.ceil(total * fraction))
    cutoff = ordered[take - 1][0]
    chosen = [c for s, c in ordered if s <= cutoff]
    return (sum(chosen) / len(chosen)) / (positives / total)


def figures_for(samples: Sequence[Sample], keys: Sequence[str]) -> tuple[MeasureFigures, ...]:
    """Compute AUC and lift for the overall score and each key in ``keys``."""
    result = []
    for key in (OVERALL, *keys):
        pairs = [(s.scores[key], s.churned) for s in samples if key in s.scores]
        scores = [score for score, _ in pairs]
        labels = [label for _, label in pairs]
        result.append(
            MeasureFigures(
                key, len(pairs), sum(labels), roc_auc(scores, labels), lift_at(scores, labels)
            )
        )
    return tuple(result)


def suggest_weights(figures: Sequence[MeasureFigures], total: float = 100.0) -> dict[str, float]:
    """Suggest weights proportional to each measure's AUC above 0.5 (its separating power).

    Measures below ``MIN_USEFUL_AUC``, or without an AUC, are left out.
    Rounded to one decimal and scaled so they sum to about ``total``; empty
    when no measure separates churn usefully.
    """
    power = {
        f.key: f.auc - 0.5
        for f in figures
        if f.key != OVERALL and f.auc is not None and f.auc >= MIN_USEFUL_AUC
    }
    if not power:
        return {}
    scale = total / math.fsum(power.values())
    return {key: round(value * scale, 1) for key, value in power.items()}


def sample_from(result: HealthResult, churned: bool, extra: Sequence[MeasureResult] = ()) -> Sample:
    """Turn a health result into a sample; measures without a score are left out.

    ``extra`` adds measures evaluated outside the scorecard (for example
    ones weighted 0), so they get figures too.
    """
    scores = {m.key: m.score for m in (*extra, *result.measures) if m.score is not None}
    if result.score is not None:
        scores[OVERALL] = result.score
    return Sample(churned, scores)


def report(samples: Sequence[Sample], keys: Sequence[str], horizon_days: int) -> BacktestReport:
    """Build the report with figures and suggested weights from ``samples``."""
    figures = figures_for(samples, keys)
    return BacktestReport(
        horizon_days=horizon_days,
        samples=len(samples),
        positives=sum(1 for s in samples if s.churned),
        figures=figures,
        suggested_weights=suggest_weights(figures),
    )


def portfolio_samples(
    histories: Sequence[Any],
    scorecard_for: Callable[[Any], Scorecard[Any]],
    churn_dates: Callable[[Any], Sequence[date]],
    *,
    first: date,
    last: date,
    horizon_days: int = 90,
    step_days: int = 28,
    extra_measures: Sequence[Measure[Any]] = (),
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[Sample]:
    """Score every history at each cut-off from ``first`` to ``last - horizon_days``.

    An account is sampled at T when its history started by T and it did not
    churn in the ``horizon_days`` before T (a just-churned account is not at
    risk again yet). NOTE: the data has no reactivation dates, so an account
    that churned earlier and came back is sampled as soon as that window
    has passed.
    """
    cutoffs = []
    day = first
    while day + timedelta(days=horizon_days) <= last:
        cutoffs.append(day)
        day += timedelta(days=step_days)

    samples: list[Sample] = []
    for done, history in enumerate(histories, start=1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        scorecard = scorecard_for(history)
        churns = sorted(churn_dates(history))
        for cutoff in cutoffs:
            if history.start is None or history.start > cutoff:
                continue
            if any(cutoff - timedelta(days=horizon_days) < c <= cutoff for c in churns):
                continue
            label = any(cutoff < c <= cutoff + timedelta(days=horizon_days) for c in churns)
            extra = [m.evaluate(history, cutoff) for m in extra_measures]
            samples.append(sample_from(scorecard.evaluate(history, cutoff), label, extra))
        progress(done, len(histories), f"Backtested {done} of {len(histories)} accounts")
    return samples
