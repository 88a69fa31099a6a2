"""Stored enumerations, kept apart from the ORM models so that code running
before SQLAlchemy is imported (the first paint of the portfolio) can use them."""

from __future__ import annotations

from enum import StrEnum


class LifecycleStage(StrEnum):
    ONBOARDING = "onboarding"
    ADOPTION = "adoption"
    GROWTH = "growth"
    RENEWAL = "renewal"
    CHURNED = "churned"


class ActivityType(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    NOTE = "note"
    QBR = "qbr"
    MILESTONE = "milestone"
    INTERNAL_NOTE = "internal_note"
