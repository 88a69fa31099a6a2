"""Why a score changed between two snapshots: the measures that moved it most.

A measure's contribution is its score times its share of the total, so the
contributions add up to the score. The change in each contribution says
how many points the measure moved the score; the largest moves, with the
measure's own explanation, are the main causes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from csm_desktop.health.catalogue import measure_label
from csm_desktop.health.snapshot_details import StoredMeasure

log = logging.getLogger(__name__)

# Moves smaller than this many points are not named as causes.
MIN_CAUSE_POINTS = 0.5
MAX_CAUSES = 3


@dataclass(frozen=True)
class ChangeCause:
    """One measure's move: ``points`` added to (or taken from) the score, and why."""

    key: str
    label: str
    points: float
    explanation: str
    # True when the measure gained or lost data between the two snapshots.
    coverage_changed: bool = False


@dataclass(frozen=True)
class ScoreChange:
    """The change from the previous snapshot; ``delta`` is None when either score is missing."""

    previous_as_of: date
    previous_score: float | None
    delta: float | None
    causes: tuple[ChangeCause, ...]

    def text(self) -> str:
        """Return the change and its main causes as plain sentences in the current language."""
        from csm_desktop.formatting import format_date, format_number

        when = format_date(self.previous_as_of)
        if self.delta is None:
            head = QCoreApplication.translate(
                "HealthChange", "No score to compare with on {0}."
            ).format(when)
        elif round(self.delta) == 0:
            head = QCoreApplication.translate(
                "HealthChange", "About the same score as on {0}."
            ).format(when)
        elif round(abs(self.delta)) == 1:
            # One point takes its own sentence: "1 points" reads wrong in English and Spanish.
            if self.delta > 0:
                text = QCoreApplication.translate("HealthChange", "Up 1 point since {0}.")
            else:
                text = QCoreApplication.translate("HealthChange", "Down 1 point since {0}.")
            head = text.format(when)
        elif self.delta > 0:
            head = QCoreApplication.translate("HealthChange", "Up {0} points since {1}.").format(
                format_number(round(self.delta)), when
            )
        else:
            head = QCoreApplication.translate("HealthChange", "Down {0} points since {1}.").format(
                format_number(round(-self.delta)), when
            )
        lines = [head]
        for cause in self.causes:
            sign = "+" if cause.points > 0 else "−"
            points = format_number(abs(cause.points), decimals=1)
            lines.append(f"{cause.label} {sign}{points}: {cause.explanation}")
        return "\n".join(lines)


def explain_change(
    previous_as_of: date,
    previous_score: float | None,
    before: Sequence[StoredMeasure],
    current_score: float | None,
    after: Sequence[StoredMeasure],
) -> ScoreChange:
    """Compare two snapshots' measures and return the change with up to three main causes."""
    earlier = {m.key: m for m in before}
    moves: list[ChangeCause] = []
    for measure in after:
        old = earlier.get(measure.key)
        old_points = old.contribution if old else 0.0
        points = measure.contribution - old_points
        if abs(points) < MIN_CAUSE_POINTS:
            continue
        was_applicable = old is not None and old.score is not None
        moves.append(
            ChangeCause(
                key=measure.key,
                label=measure.stored_label or measure_label(measure.key),
                points=points,
                explanation=measure.explanation,
                coverage_changed=was_applicable != (measure.score is not None),
            )
        )
    moves.sort(key=lambda cause: abs(cause.points), reverse=True)

    delta = None
    if previous_score is not None and current_score is not None:
        delta = current_score - previous_score
    return ScoreChange(previous_as_of, previous_score, delta, tuple(moves[:MAX_CAUSES]))
