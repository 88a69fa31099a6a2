"""The compact per-measure detail stored in ``HealthSnapshot.details``.

Layout (format 2), in scorecard order: an applicable measure is
``key: [score, share, value, code, args, age]``, with a seventh item 1 when
it is stale; a measure left out for lack of data is ``key: [code, args]``
(or ``[code]`` without args). ``share`` is the measure's fraction of the
score, ``code`` and ``args`` are its ``Why``, and ``age`` is the days between
the data and the snapshot date (None when undated). Labels and
sentences are not stored: they come from the measure catalogue and the
explanation templates when read, in the reader's language. This keeps a
ten-measure snapshot at a few hundred bytes.

Format 1 (the first version) stored ``{key: {"label", "score", "weight",
"value", "explanation"}}``; ``decode_details`` still reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from csm_desktop.health.explain import Why, render

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StoredMeasure:
    """One measure of a stored snapshot, decoded."""

    key: str
    score: float | None
    share: float
    value: float | None
    why: Why | str
    data_on: date | None
    stale: bool
    # Only format-1 rows carry a stored label.
    stored_label: str | None = None

    @property
    def explanation(self) -> str:
        return render(self.why)

    @property
    def contribution(self) -> float:
        """Points this measure added to the score."""
        return 0.0 if self.score is None else self.score * self.share


def encode_details(results: Iterable[Any], as_of: date) -> dict[str, list[Any]]:
    """Encode the ``MeasureResult`` objects of a snapshot dated ``as_of`` in format 2."""
    encoded: dict[str, list[Any]] = {}
    for result in results:
        why = result.why if isinstance(result.why, Why) else Why(str(result.why))
        if result.score is None:
            encoded[result.key] = [why.code, list(why.args)] if why.args else [why.code]
            continue
        age = None if result.data_on is None else (as_of - result.data_on).days
        row = [
            round(result.score, 2),
            round(result.share, 4),
            _rounded(result.value, 4),
            why.code,
            list(why.args),
            age,
        ]
        encoded[result.key] = [*row, 1] if result.stale else row
    return encoded


def decode_details(raw: dict[str, Any] | None, as_of: date) -> tuple[StoredMeasure, ...]:
    """Decode stored detail of either format; malformed entries are skipped and logged."""
    measures: list[StoredMeasure] = []
    for key, entry in (raw or {}).items():
        try:
            measures.append(_decode_one(key, entry, as_of))
        except (TypeError, ValueError, IndexError) as exc:
            log.warning("Skipped malformed health detail %r: %s", key, exc)
    return tuple(measures)


def _decode_one(key: str, entry: Any, as_of: date) -> StoredMeasure:
    if isinstance(entry, dict):
        return StoredMeasure(
            key=key,
            score=entry.get("score"),
            share=float(entry.get("weight") or 0.0),
            value=entry.get("value"),
            why=str(entry.get("explanation", "")),
            data_on=None,
            stale=False,
            stored_label=str(entry.get("label", key)),
        )
    if len(entry) <= 2:
        args = entry[1] if len(entry) == 2 else ()
        return StoredMeasure(key, None, 0.0, None, Why(str(entry[0]), tuple(args)), None, False)
    score, share, value, code, args, age, *flags = entry
    stale = bool(flags and flags[0])
    data_on = None if age is None else as_of - timedelta(days=int(age))
    return StoredMeasure(
        key=key,
        score=score,
        share=float(share or 0.0),
        value=value,
        why=Why(str(code), tuple(args or ())),
        data_on=data_on,
        stale=bool(stale),
    )


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
