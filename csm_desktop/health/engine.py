"""Pure health-score engine: scoring rules, measures, coverage and the weighted score.

Nothing here touches the database or Qt. A ``Scorecard`` is a list of
``Measure`` objects. Each measure reads a raw value from an account's history
at a date, turns it into a 0-100 score with its ``ScoringRule`` and explains
the result in plain English. ``combine`` then re-weights the applicable
measures, applies the coverage floor and picks the colour band. The history
type is a type parameter, so the engine does not depend on how it is stored.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from csm_desktop.health.bands import DEFAULT_BANDS, Bands, HealthColour
from csm_desktop.health.explain import Why, render

H = TypeVar("H")

MIN_SCORE = 0.0
MAX_SCORE = 100.0


def clamp_score(score: float) -> float:
    """Clamp ``score`` to 0-100; NaN becomes 0 so no NaN can leave the engine."""
    if math.isnan(score):
        return MIN_SCORE
    return min(MAX_SCORE, max(MIN_SCORE, score))


class ScoringRule(Protocol):
    """Turns a finite raw value into a score between 0 and 100."""

    def score(self, value: float) -> float: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class LinearRule:
    """Piecewise-linear map through ``points`` of (raw value, score).

    Values between two points are interpolated, values outside the range take
    the score of the nearest end point. Raw values must be strictly increasing.
    """

    points: tuple[tuple[float, float], ...]

    def __post_init__(self) -> None:
        if len(self.points) < 2:
            raise ValueError(f"Invalid linear rule: needs at least 2 points, got {self.points}.")
        values = [value for value, _ in self.points]
        if any(not math.isfinite(v) for pair in self.points for v in pair):
            raise ValueError(f"Invalid linear rule: every point must be finite, got {self.points}.")
        if any(later <= earlier for earlier, later in zip(values, values[1:], strict=False)):
            raise ValueError(
                f"Invalid linear rule: raw values must strictly increase, got {values}."
            )

    def score(self, value: float) -> float:
        first_value, first_score = self.points[0]
        if value <= first_value:
            return clamp_score(first_score)
        for (low, low_score), (high, high_score) in zip(self.points, self.points[1:], strict=False):
            if value <= high:
                fraction = (value - low) / (high - low)
                return clamp_score(low_score + fraction * (high_score - low_score))
        return clamp_score(self.points[-1][1])

    def describe(self) -> str:
        steps = ", ".join(f"{_number(v)} scores {_number(s)}" for v, s in self.points)
        return f"{steps}, linear in between"


@dataclass(frozen=True)
class BandRule:
    """Step map: below ``edges[0]`` a value scores ``scores[0]``, from ``edges[i]`` ``scores[i+1]``.

    So ``BandRule(edges=(1, 2), scores=(100, 50, 0))`` gives 0 → 100, 1 → 50
    and 2 or more → 0. Edges must strictly increase and there must be one
    more score than edges.
    """

    edges: tuple[float, ...]
    scores: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.scores) != len(self.edges) + 1:
            raise ValueError(
                f"Invalid band rule: needs one more score than edges, "
                f"got {len(self.edges)} edges and {len(self.scores)} scores."
            )
        if any(not math.isfinite(v) for v in (*self.edges, *self.scores)):
            raise ValueError(f"Invalid band rule: values must be finite, got {self}.")
        if any(b <= a for a, b in zip(self.edges, self.edges[1:], strict=False)):
            raise ValueError(f"Invalid band rule: edges must strictly increase, got {self.edges}.")

    def score(self, value: float) -> float:
        return clamp_score(self.scores[bisect_right(self.edges, value)])

    def describe(self) -> str:
        parts = [f"below {_number(self.edges[0])} scores {_number(self.scores[0])}"]
        for edge, score in zip(self.edges, self.scores[1:], strict=False):
            parts.append(f"from {_number(edge)} scores {_number(score)}")
        return ", ".join(parts)


class Reading(NamedTuple):
    """A raw value read from the history with its reason (``value`` None means no data).

    ``data_on`` is the date of the newest input row the value rests on. The
    measure's validity period is counted from it to decide staleness; None
    means the value cannot go stale (for example "days since the last touch"
    already grows with time).
    """

    value: float | None
    why: Why | str
    data_on: date | None = None

    @property
    def explanation(self) -> str:
        return render(self.why)


class MeasureResult(NamedTuple):
    """One measure at one date. ``score`` is None when the measure is not applicable.

    ``weight`` is the configured weight; ``share`` is the fraction of the
    final score this measure carries after re-weighting (0 when left out).
    A named tuple rather than a dataclass because a backfill builds hundreds
    of thousands of them and tuples are several times cheaper to create.
    """

    key: str
    label: str
    weight: float
    score: float | None
    value: float | None
    why: Why | str
    share: float = 0.0
    data_on: date | None = None
    # True when the data is older than the measure's validity period at the date.
    stale: bool = False

    @property
    def applicable(self) -> bool:
        return self.score is not None

    @property
    def explanation(self) -> str:
        return render(self.why)


@dataclass(frozen=True)
class Measure(Generic[H]):
    """A configured measure: key, weight, scoring rule and the function reading its raw value.

    ``read`` must use only history dated on or before the date it is given.
    ``weight`` is any finite non-negative number. Weights are normalised over
    the applicable measures, so only their ratios matter.
    """

    key: str
    label: str
    weight: float
    rule: ScoringRule
    read: Callable[[H, date], Reading]
    description: str = ""
    group: str = ""
    # Days after ``Reading.data_on`` during which the value counts as current.
    validity_days: int | None = None
    # Optional batch form of ``read`` for many dates in ascending order. It
    # must return exactly what ``read`` returns at each date.
    read_dates: Callable[[H, Sequence[date]], list[Reading]] | None = None

    def __post_init__(self) -> None:
        if not math.isfinite(self.weight) or self.weight < 0:
            raise ValueError(
                f"Invalid weight {self.weight!r} for measure {self.key!r}: "
                "use a finite number of 0 or more."
            )
        if self.validity_days is not None and self.validity_days < 1:
            raise ValueError(
                f"Invalid validity period {self.validity_days!r} for measure {self.key!r}: "
                "use 1 day or more, or none."
            )

    def evaluate(self, history: H, as_of: date) -> MeasureResult:
        """Read the raw value at ``as_of`` and score it. A non-finite value counts as no data.

        The result is stale when ``as_of`` is more than ``validity_days``
        after the reading's ``data_on``.
        """
        reading = self.read(history, as_of)
        value = reading.value
        if value is None or not math.isfinite(value):
            return MeasureResult(self.key, self.label, self.weight, None, None, reading.why)
        score = self.rule.score(value)
        stale = (
            self.validity_days is not None
            and reading.data_on is not None
            and (as_of - reading.data_on).days > self.validity_days
        )
        return MeasureResult(
            self.key,
            self.label,
            self.weight,
            score,
            value,
            reading.why,
            0.0,
            reading.data_on,
            stale,
        )


@dataclass(frozen=True)
class CoverageFloor:
    """Minimum data needed for a score: enough applicable measures and enough of the weight."""

    min_measures: int = 2
    # Default 0.3: many portfolios lack survey, invoice or goal data, which
    # would otherwise leave most accounts "insufficient data".
    min_weight_share: float = 0.3

    def __post_init__(self) -> None:
        if self.min_measures < 1 or not 0.0 <= self.min_weight_share <= 1.0:
            raise ValueError(
                "Invalid coverage floor: need min_measures >= 1 and 0 <= min_weight_share <= 1, "
                f"got {self.min_measures} and {self.min_weight_share}."
            )


@dataclass(frozen=True)
class HealthResult:
    """The health of one account at one date.

    ``score`` is None and ``colour`` INSUFFICIENT when coverage is below the
    floor. Coverage counts only measures with a weight above 0. When stale
    measures carry at least the scorecard's stale share of the used weight,
    ``colour`` is STALE, ``score`` keeps the computed number and
    ``computed_colour`` the band it would have had.
    """

    score: float | None
    colour: HealthColour
    measures_used: int
    measures_total: int
    measures: tuple[MeasureResult, ...] = field(default=())
    computed_colour: HealthColour | None = None
    # The oldest ``data_on`` among the stale measures, shown as "stale, data as of".
    stale_since: date | None = None

    @property
    def coverage_text(self) -> str:
        return f"{self.measures_used} of {self.measures_total} measures"

    @property
    def is_stale(self) -> bool:
        return self.colour is HealthColour.STALE

    def details(self, as_of: date) -> dict[str, list[Any]]:
        """Return the compact per-measure detail stored with the snapshot dated ``as_of``.

        See ``csm_desktop.health.snapshot_details`` for the layout.
        """
        from csm_desktop.health.snapshot_details import encode_details

        return encode_details(self.measures, as_of)


def combine(
    results: Sequence[MeasureResult],
    *,
    bands: Bands = DEFAULT_BANDS,
    floor: CoverageFloor = CoverageFloor(),
    stale_share: float = 0.5,
) -> HealthResult:
    """Combine measure results into the weighted score, re-weighting over the applicable ones.

    Weights are first divided by the largest weight, so sums stay finite
    even for huge weights. With no positive weight, or coverage below
    ``floor``, the result is insufficient data. The result is stale when the
    stale measures carry ``stale_share`` or more of the used weight.
    """
    max_weight = max((r.weight for r in results), default=0.0)
    counted = [r for r in results if r.weight > 0]
    used = [r for r in counted if r.score is not None]
    if max_weight <= 0:
        return HealthResult(None, HealthColour.INSUFFICIENT, 0, 0, tuple(results))

    total_weight = math.fsum(r.weight / max_weight for r in counted)
    used_weight = math.fsum(r.weight / max_weight for r in used)
    enough = (
        len(used) >= floor.min_measures
        and used_weight > 0
        and used_weight >= floor.min_weight_share * total_weight
    )
    if not enough:
        return HealthResult(
            None, HealthColour.INSUFFICIENT, len(used), len(counted), tuple(results)
        )

    # The constructor instead of ``_replace``, which is several times slower
    # and runs for every measure of every snapshot in a backfill.
    shared = tuple(
        MeasureResult(
            r.key,
            r.label,
            r.weight,
            r.score,
            r.value,
            r.why,
            r.weight / max_weight / used_weight,
            r.data_on,
            r.stale,
        )
        if r.score is not None and r.weight > 0
        else r
        for r in results
    )
    score = clamp_score(math.fsum(r.share * r.score for r in shared if r.score is not None))
    band = bands.colour_for(score)

    stale = [r for r in shared if r.stale and r.share > 0]
    stale_weight = math.fsum(r.share for r in stale)
    if stale and stale_weight >= stale_share - 1e-12:
        oldest = min((r.data_on for r in stale if r.data_on is not None), default=None)
        return HealthResult(
            score, HealthColour.STALE, len(used), len(counted), shared, band, oldest
        )
    return HealthResult(score, band, len(used), len(counted), shared, band)


@dataclass(frozen=True)
class Scorecard(Generic[H]):
    """A versioned set of measures with the bands, coverage floor and staleness rule.

    ``stale_share`` is the share of the used weight that stale measures
    must reach for the whole score to be stale; it lies in (0, 1].
    """

    measures: tuple[Measure[H], ...]
    bands: Bands = DEFAULT_BANDS
    floor: CoverageFloor = CoverageFloor()
    version: str = "v1"
    stale_share: float = 0.5

    def __post_init__(self) -> None:
        keys = [m.key for m in self.measures]
        if len(set(keys)) != len(keys):
            raise ValueError(f"Invalid scorecard {self.version!r}: duplicate measure keys {keys}.")
        if not 0.0 < self.stale_share <= 1.0:
            raise ValueError(
                f"Invalid stale share {self.stale_share!r}: use a number above 0 and up to 1."
            )

    def evaluate(self, history: H, as_of: date) -> HealthResult:
        """Compute the health at ``as_of`` from data dated on or before it."""
        results = [m.evaluate(history, as_of) for m in self.measures]
        return combine(results, bands=self.bands, floor=self.floor, stale_share=self.stale_share)


class DatedSeries:
    """Values on days (proleptic ordinals), sorted, with prefix sums for window totals.

    Building is O(n log n), and ``total``, ``count`` and ``last_on_or_before``
    are O(log n), which keeps a weekly backfill cheap.
    """

    __slots__ = ("days", "_cumulative")

    def __init__(self, points: Iterable[tuple[int, float]] = ()) -> None:
        ordered = sorted(points)
        self.days = [day for day, _ in ordered]
        cumulative = [0.0]
        for _, value in ordered:
            cumulative.append(cumulative[-1] + value)
        self._cumulative = cumulative

    def __len__(self) -> int:
        return len(self.days)

    def _span(self, first_day: int, last_day: int) -> tuple[int, int]:
        return bisect_left(self.days, first_day), bisect_right(self.days, last_day)

    def count(self, first_day: int, last_day: int) -> int:
        """Return how many points fall on days ``first_day`` to ``last_day`` inclusive."""
        start, stop = self._span(first_day, last_day)
        return max(0, stop - start)

    def total(self, first_day: int, last_day: int) -> float:
        """Return the sum of the values on days ``first_day`` to ``last_day`` inclusive."""
        start, stop = self._span(first_day, last_day)
        if stop <= start:
            return 0.0
        return self._cumulative[stop] - self._cumulative[start]

    def last_on_or_before(self, day: int) -> int | None:
        """Return the latest day with a point on or before ``day``, or None."""
        index = bisect_right(self.days, day)
        return self.days[index - 1] if index else None


def _number(value: float) -> str:
    """Format a rule number without a trailing ``.0``."""
    return f"{value:g}"
