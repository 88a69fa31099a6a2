"""Score one account at many dates with one scorecard, for the snapshot backfill.

``WeeklyScorer.score_dates`` returns, for every date, exactly what
``Scorecard.evaluate`` followed by ``HealthResult.details`` would store:
the score, the colour, the coverage counts and the format-2 detail. It
gets there with less work per snapshot, because a backfill scores hundreds
of thousands of account-weeks:

* the weights are fixed per scorecard, so the re-weighting (coverage check
  and each measure's share) is computed once per pattern of applicable
  measures instead of once per snapshot;
* each scoring rule is a pure function of the raw value, so its scores are
  memoised per measure;
* no ``MeasureResult`` or ``HealthResult`` objects are built.

``tests/test_health_weekly.py`` pins the equivalence with ``Scorecard.evaluate``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, NamedTuple, TypeVar

from csm_desktop.health.bands import HealthColour
from csm_desktop.health.engine import Reading, Scorecard, ScoringRule, clamp_score
from csm_desktop.health.explain import Why

log = logging.getLogger(__name__)

H = TypeVar("H")

_INSUFFICIENT = HealthColour.INSUFFICIENT.value
_STALE = HealthColour.STALE.value
# The same tolerance as ``engine.combine`` uses for the stale share.
_STALE_EPSILON = 1e-12
# Memoised rule scores per measure. Counts, bands and shares repeat and fit
# well below this, while ratios can take a new value every week.
RULE_MEMO_LIMIT = 4096


class WeeklyScore(NamedTuple):
    """One snapshot's stored values: ``details`` is in the ``snapshot_details`` format 2."""

    as_of: date
    score: float | None
    colour: str
    measures_used: int
    measures_total: int
    details: dict[str, list[Any]]


@dataclass(frozen=True, slots=True)
class _Weighting:
    """The re-weighting for one pattern of applicable measures."""

    used: int
    enough: bool
    # Each measure's share of the score, 0.0 for measures left out.
    shares: tuple[float, ...]
    # The shares rounded as the snapshot detail stores them.
    stored_shares: tuple[float, ...]


class WeeklyScorer(Generic[H]):
    """Scores histories at many dates with one scorecard. Build one per scorecard."""

    def __init__(self, scorecard: Scorecard[H]) -> None:
        self.scorecard = scorecard
        measures = scorecard.measures
        self._max_weight = max((m.weight for m in measures), default=0.0)
        self._counted = [m.weight > 0 for m in measures]
        self._total = sum(self._counted)
        self._normalised = [
            m.weight / self._max_weight if self._max_weight > 0 else 0.0 for m in measures
        ]
        self._total_weight = math.fsum(
            weight
            for weight, counted in zip(self._normalised, self._counted, strict=True)
            if counted
        )
        self._keys = [(m.key, m.validity_days) for m in measures]
        self._rules = [m.rule for m in measures]
        self._weightings: dict[tuple[bool, ...], _Weighting] = {}
        self._rule_scores: list[dict[float, tuple[float, float]]] = [{} for _ in measures]
        self._absent: dict[Why | str, list[Any]] = {}

    def score_dates(self, history: H, dates: Sequence[date]) -> list[WeeklyScore]:
        """Return the stored values of the snapshots of ``history`` at each of ``dates``.

        Pass ``dates`` in ascending order, so measures with a batch reader
        read them all in one sweep.
        """
        columns = [
            measure.read_dates(history, dates)
            if measure.read_dates is not None
            else [measure.read(history, as_of) for as_of in dates]
            for measure in self.scorecard.measures
        ]
        return [
            self._score_one(as_of, [column[index] for column in columns])
            for index, as_of in enumerate(dates)
        ]

    def _score_one(self, as_of: date, readings: list[Reading]) -> WeeklyScore:
        scores = [
            self._rule_score(memo, rule, reading.value)
            for memo, rule, reading in zip(self._rule_scores, self._rules, readings, strict=True)
        ]
        weighting = self._weighting(tuple(scored is not None for scored in scores))

        day = as_of.toordinal()
        details: dict[str, list[Any]] = {}
        parts: list[float] = []
        stale_shares: list[float] = []
        for (key, validity), reading, scored, share, stored_share in zip(
            self._keys, readings, scores, weighting.shares, weighting.stored_shares, strict=True
        ):
            if scored is None:
                details[key] = self._absent_entry(reading.why)
                continue

            score, stored_score = scored
            why = reading.why if isinstance(reading.why, Why) else Why(str(reading.why))
            age = None if reading.data_on is None else day - reading.data_on.toordinal()
            stale = validity is not None and age is not None and age > validity
            row = [stored_score, stored_share, round(reading.value, 4), why.code,
                   list(why.args), age]  # fmt: skip
            details[key] = [*row, 1] if stale else row
            if share > 0:
                parts.append(share * score)
                if stale:
                    stale_shares.append(share)

        if not weighting.enough:
            return WeeklyScore(as_of, None, _INSUFFICIENT, weighting.used, self._total, details)
        total_score = clamp_score(math.fsum(parts))
        colour = self.scorecard.bands.colour_for(total_score).value
        # The same sum and tolerance as ``engine.combine``, so the threshold compares equal numbers.
        if stale_shares and math.fsum(stale_shares) >= self.scorecard.stale_share - _STALE_EPSILON:
            colour = _STALE
        return WeeklyScore(as_of, total_score, colour, weighting.used, self._total, details)

    @staticmethod
    def _rule_score(
        memo: dict[float, tuple[float, float]], rule: ScoringRule, value: float | None
    ) -> tuple[float, float] | None:
        """Return ``value``'s score under ``rule`` and its stored rounding.

        Returns None for no data or a non-finite value. Memoises up to
        ``RULE_MEMO_LIMIT`` values per measure.
        """
        if value is None or not math.isfinite(value):
            return None
        scored = memo.get(value)
        if scored is None:
            score = rule.score(value)
            scored = (score, round(score, 2))
            if len(memo) < RULE_MEMO_LIMIT:
                memo[value] = scored
        return scored

    def _absent_entry(self, why: Why | str) -> list[Any]:
        """Return the stored entry of a measure without data, built once per distinct reason.

        Entries are shared between snapshots, so callers must not change them.
        """
        entry = self._absent.get(why)
        if entry is None:
            reason = why if isinstance(why, Why) else Why(str(why))
            entry = [reason.code, list(reason.args)] if reason.args else [reason.code]
            self._absent[why] = entry
        return entry

    def _weighting(self, applicable: tuple[bool, ...]) -> _Weighting:
        """Return the re-weighting for one pattern of applicable measures, computed once."""
        found = self._weightings.get(applicable)
        if found is not None:
            return found

        floor = self.scorecard.floor
        used_flags = [a and c for a, c in zip(applicable, self._counted, strict=True)]
        used = sum(used_flags)
        used_weight = math.fsum(
            weight for weight, flag in zip(self._normalised, used_flags, strict=True) if flag
        )
        enough = (
            self._max_weight > 0
            and used >= floor.min_measures
            and used_weight > 0
            and used_weight >= floor.min_weight_share * self._total_weight
        )
        if enough:
            shares = tuple(
                weight / used_weight if flag else 0.0
                for weight, flag in zip(self._normalised, used_flags, strict=True)
            )
        else:
            shares = tuple(0.0 for _ in applicable)
        weighting = _Weighting(used, enough, shares, tuple(round(share, 4) for share in shares))
        self._weightings[applicable] = weighting
        return weighting
