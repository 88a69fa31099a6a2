"""Every health measure the app knows, with its group, reader and default settings.

A profile in the configuration (``config.py``) picks weights, rules and
validity periods for these measures; ``build_scorecard`` turns a profile
into an engine ``Scorecard``. Labels are translated when read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from csm_desktop.health.engine import BandRule, LinearRule, Reading, ScoringRule
from csm_desktop.health.history import AccountHistory
from csm_desktop.health.measures import (
    read_churn_history,
    read_csat,
    read_escalations,
    read_support_load,
    read_usage_trend,
)
from csm_desktop.health.readers import (
    read_adoption_breadth,
    read_adoption_breadth_dates,
    read_engagement_recency,
    read_invoice_status,
    read_nps,
    read_onboarding_progress,
    read_seat_utilisation,
    read_usage_trend_30,
)

log = logging.getLogger(__name__)

USAGE_RULE = LinearRule(((0.0, 0.0), (0.5, 40.0), (1.0, 75.0), (1.5, 100.0)))


@dataclass(frozen=True)
class MeasureSpec:
    """A measure the app can compute, with the settings a new profile starts from."""

    key: str
    group: str
    read: Callable[[AccountHistory, date], Reading]
    weight: float
    rule: ScoringRule
    validity_days: int | None
    unit: str
    # Batch form of ``read`` for the backfill, where one is worth having.
    read_dates: Callable[[AccountHistory, Sequence[date]], list[Reading]] | None = None


CATALOGUE: tuple[MeasureSpec, ...] = (
    MeasureSpec("usage_trend_30", "usage", read_usage_trend_30, 10.0, USAGE_RULE, 60, "ratio"),
    MeasureSpec("usage_trend", "usage", read_usage_trend, 15.0, USAGE_RULE, 60, "ratio"),
    MeasureSpec(
        "adoption_breadth",
        "usage",
        read_adoption_breadth,
        10.0,
        LinearRule(((0.0, 0.0), (0.2, 30.0), (0.5, 70.0), (0.8, 100.0))),
        60,
        "share",
        read_adoption_breadth_dates,
    ),
    MeasureSpec(
        "seat_utilisation",
        "usage",
        read_seat_utilisation,
        10.0,
        LinearRule(((0.0, 0.0), (0.3, 30.0), (0.6, 70.0), (0.85, 100.0))),
        None,
        "share",
    ),
    MeasureSpec(
        "nps",
        "sentiment",
        read_nps,
        10.0,
        LinearRule(((-100.0, 0.0), (0.0, 50.0), (50.0, 85.0), (100.0, 100.0))),
        365,
        "nps",
    ),
    MeasureSpec(
        "csat",
        "sentiment",
        read_csat,
        8.0,
        LinearRule(((1.0, 0.0), (5.0, 100.0))),
        None,
        "csat",
    ),
    MeasureSpec(
        "support_load",
        "support",
        read_support_load,
        10.0,
        LinearRule(((0.0, 100.0), (1.0, 85.0), (3.0, 60.0), (6.0, 30.0), (10.0, 0.0))),
        None,
        "load",
    ),
    MeasureSpec(
        "escalations",
        "support",
        read_escalations,
        5.0,
        BandRule(edges=(1.0, 2.0, 3.0), scores=(100.0, 50.0, 25.0, 0.0)),
        None,
        "count",
    ),
    MeasureSpec(
        "engagement_recency",
        "engagement",
        read_engagement_recency,
        10.0,
        LinearRule(((14.0, 100.0), (30.0, 80.0), (60.0, 45.0), (90.0, 20.0), (180.0, 0.0))),
        None,
        "days",
    ),
    MeasureSpec(
        "onboarding_progress",
        "engagement",
        read_onboarding_progress,
        5.0,
        LinearRule(((0.0, 0.0), (0.5, 40.0), (1.0, 100.0))),
        None,
        "share",
    ),
    MeasureSpec(
        "invoice_status",
        "commercial",
        read_invoice_status,
        7.0,
        BandRule(edges=(1.0, 31.0, 61.0, 91.0), scores=(100.0, 70.0, 40.0, 15.0, 0.0)),
        None,
        "days",
    ),
    # Off by default (weight 0): a churn in the last year is history, not
    # current health, but a profile may turn it on.
    MeasureSpec(
        "churn_history",
        "commercial",
        read_churn_history,
        0.0,
        LinearRule(((0.0, 100.0), (0.5, 60.0), (1.0, 30.0), (2.0, 0.0))),
        None,
        "events",
    ),
)

SPECS = {spec.key: spec for spec in CATALOGUE}


def measure_label(key: str) -> str:
    """Return the translated name of a measure; an unknown key is returned as it is."""
    labels = {
        "usage_trend_30": QCoreApplication.translate("HealthMeasure", "Usage trend (30 days)"),
        "usage_trend": QCoreApplication.translate("HealthMeasure", "Usage trend (90 days)"),
        "adoption_breadth": QCoreApplication.translate("HealthMeasure", "Adoption breadth"),
        "seat_utilisation": QCoreApplication.translate("HealthMeasure", "Seat utilisation"),
        "nps": QCoreApplication.translate("HealthMeasure", "NPS"),
        "csat": QCoreApplication.translate("HealthMeasure", "CSAT"),
        "support_load": QCoreApplication.translate("HealthMeasure", "Support load"),
        "escalations": QCoreApplication.translate("HealthMeasure", "Escalations"),
        "engagement_recency": QCoreApplication.translate("HealthMeasure", "Engagement recency"),
        "onboarding_progress": QCoreApplication.translate("HealthMeasure", "Onboarding progress"),
        "invoice_status": QCoreApplication.translate("HealthMeasure", "Invoice status"),
        "churn_history": QCoreApplication.translate("HealthMeasure", "Churn history"),
    }
    return labels.get(key, key)


def group_label(group: str) -> str:
    """Return the translated name of a measure group."""
    labels = {
        "usage": QCoreApplication.translate("HealthMeasure", "Usage"),
        "sentiment": QCoreApplication.translate("HealthMeasure", "Sentiment"),
        "support": QCoreApplication.translate("HealthMeasure", "Support"),
        "engagement": QCoreApplication.translate("HealthMeasure", "Engagement"),
        "commercial": QCoreApplication.translate("HealthMeasure", "Commercial"),
    }
    return labels.get(group, group)
