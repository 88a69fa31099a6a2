"""Rules that turn a stored snapshot into the health shown: trend arrows and overrides.

Free of SQLAlchemy, because the first paint of the portfolio applies these
rules before SQLAlchemy is imported.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

# The trend compares with the newest snapshot at least this many days older.
TREND_LOOKBACK_DAYS = 28
# A change of at least this many points counts as up or down.
TREND_MIN_CHANGE = 5.0


@dataclass(frozen=True)
class OverrideInfo:
    """One override as the screens and the timeline show it."""

    id: uuid.UUID
    account_id: uuid.UUID
    score: float | None
    colour: str
    reason: str
    author: str
    set_at: datetime
    starts_on: date
    expires_on: date | None
    cleared_on: date | None
    cleared_by: str | None

    def in_effect_on(self, day: date) -> bool:
        """Return True when the override applies on ``day`` (expiry day included)."""
        if day < self.starts_on:
            return False
        if self.expires_on is not None and day > self.expires_on:
            return False
        return self.cleared_on is None or day < self.cleared_on


def newest_in_effect(overrides: list[OverrideInfo], on: date) -> dict[uuid.UUID, OverrideInfo]:
    """Return, per account, the most recently set override that is in effect on ``on``."""
    found: dict[uuid.UUID, OverrideInfo] = {}
    for info in overrides:
        if not info.in_effect_on(on):
            continue
        current = found.get(info.account_id)
        if current is None or info.set_at > current.set_at:
            found[info.account_id] = info
    return found


def trend_between(current: float | None, earlier: float | None) -> int:
    """Return +1 or -1 for a change of at least 5 points, else 0 (also when a score is missing)."""
    if current is None or earlier is None:
        return 0
    change = current - earlier
    if change >= TREND_MIN_CHANGE:
        return 1
    if change <= -TREND_MIN_CHANGE:
        return -1
    return 0


def effective_health(
    score: float | None, colour: str, override: OverrideInfo | None
) -> tuple[float | None, str]:
    """Return the score and colour shown to the CSM: the override's when one is in effect."""
    if override is None:
        return score, colour
    return (override.score if override.score is not None else score), override.colour
