"""The one-line summary of how a health score moved between two snapshots."""

from __future__ import annotations

from datetime import date

import pytest

from csm_desktop.formatting import format_date
from csm_desktop.health.changes import explain_change

BEFORE = date(2024, 12, 29)


@pytest.mark.parametrize(
    ("previous", "current", "head"),
    [
        (60.0, 61.0, "Up 1 point since {when}."),
        (60.0, 64.0, "Up 4 points since {when}."),
        (60.0, 59.0, "Down 1 point since {when}."),
        (60.0, 50.0, "Down 10 points since {when}."),
        (60.0, 60.3, "About the same score as on {when}."),
        (None, 60.0, "No score to compare with on {when}."),
    ],
)
def test_change_head_sentence(previous: float | None, current: float, head: str) -> None:
    change = explain_change(BEFORE, previous, [], current, [])

    assert change.text().splitlines()[0] == head.format(when=format_date(BEFORE))
