"""Health explanations pick their own sentence for a count of one and for usage that stopped.

The stored reason codes stay the same, so these cases render from the
arguments of snapshots written before the sentences existed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from csm_desktop.health.explain import Why, known_codes, render


@pytest.fixture(autouse=True)
def us_formats():
    """Render dates as 06/27/2024 whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.mark.parametrize(
    ("why", "expected"),
    [
        (
            Why("u5", (30, 0, 100, 37, 6)),
            "No feature events in the last 30 days, against 37 in the 30 days before.",
        ),
        (
            Why("u5", (30, 12, 68, 37, 6)),
            "Feature events fell 68% in 30 days: 12 in the last 30 days against 37 before.",
        ),
        (
            Why("u2", (30, 1)),
            "1 feature event in the last 30 days, none in the 30 days before.",
        ),
        (
            Why("u3", (30, 1)),
            "1 feature event in the last 30 days, about the same as the 30 days before.",
        ),
        (Why("n1", (100, 1, 1, 0, "2024-06-27")), "NPS 100 from 1 response, on 06/27/2024."),
        (
            Why("r1", (0, "2024-06-27")),
            "Last customer-facing touch on the day of the score, 06/27/2024.",
        ),
        (Why("r1", (1, "2024-06-27")), "Last customer-facing touch 1 day ago, on 06/27/2024."),
        (
            Why("i2", (2, 1)),
            "Invoices unpaid after their due date: 2; the oldest is 1 day overdue.",
        ),
        (Why("g1", (0, 1)), "The onboarding goal due so far was not met."),
        (Why("g1", (1, 1)), "The onboarding goal due so far was met."),
        (Why("g1", (1, 3)), "1 of 3 onboarding goals due so far were met."),
    ],
    ids=[
        "u5-stopped",
        "u5-fell",
        "u2-one",
        "u3-one",
        "n1-one",
        "r1-same-day",
        "r1-one",
        "i2-one",
        "g1-one-missed",
        "g1-one-met",
        "g1-three",
    ],
)
def test_why_sentence_for_counts(why: Why, expected: str) -> None:
    assert render(why) == expected


def test_stored_float_counts_pick_singular() -> None:
    # JSON detail may hand integer counts back as floats.
    assert render(Why("g1", (0.0, 1.0))) == "The onboarding goal due so far was not met."


def test_variants_keep_the_stored_codes() -> None:
    assert {"u2", "u3", "u5", "n1", "r1", "i2", "g1"} <= known_codes()
