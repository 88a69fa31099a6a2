"""Colour bands that turn a 0-100 health score into red, yellow or green."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class HealthColour(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    # Not enough measures had data to give a score.
    INSUFFICIENT = "insufficient"
    # The newest data is older than the measures' validity period.
    STALE = "stale"


@dataclass(frozen=True)
class Bands:
    """Boundaries of the colour bands.

    Boundary rule: a score equal to a boundary takes the better colour, so
    with the defaults 40.0 is yellow and 70.0 is green. Scores are compared
    unrounded.
    """

    yellow_from: float = 40.0
    green_from: float = 70.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.yellow_from <= self.green_from <= 100.0:
            raise ValueError(
                "Invalid health bands: need 0 <= yellow_from <= green_from <= 100, "
                f"got yellow_from={self.yellow_from} and green_from={self.green_from}."
            )

    def colour_for(self, score: float) -> HealthColour:
        """Return the colour band that ``score`` falls in."""
        if score >= self.green_from:
            return HealthColour.GREEN
        if score >= self.yellow_from:
            return HealthColour.YELLOW
        return HealthColour.RED


DEFAULT_BANDS = Bands()


def colour_name(colour: str | None) -> str:
    """Return the translated name of a health colour for messages (Qt-free code may call it)."""
    from PySide6.QtCore import QCoreApplication

    names = {
        HealthColour.RED: QCoreApplication.translate("Health", "Red"),
        HealthColour.YELLOW: QCoreApplication.translate("Health", "Yellow"),
        HealthColour.GREEN: QCoreApplication.translate("Health", "Green"),
        HealthColour.INSUFFICIENT: QCoreApplication.translate("Health", "Insufficient data"),
        HealthColour.STALE: QCoreApplication.translate("Health", "Stale"),
    }
    return names.get(colour or "", QCoreApplication.translate("Health", "Not scored"))
