"""Tables of the health score beyond the snapshots: the CSM's manual overrides."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from csm_desktop.store.models import Base, SyncedMixin


class HealthOverride(SyncedMixin, Base):
    """A CSM's manual score or colour for an account, kept beside the computed snapshots.

    Recalculation never writes this table, so an override survives every
    recompute. It applies from ``starts_on`` through ``expires_on``
    inclusive (no expiry when None) unless it was cleared on or before the
    date. ``starts_on`` and ``cleared_on`` are dates of the portfolio's
    reference date, which for a historical data set lies in the past;
    ``set_at`` and ``cleared_at`` are the real instants.
    """

    __tablename__ = "health_override"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    # A score override also stores the colour its band gives; a colour
    # override leaves ``score`` None and the computed score stands.
    score: Mapped[float | None] = mapped_column(Float, default=None)
    colour: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(120))
    set_at: Mapped[datetime] = mapped_column()
    starts_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    cleared_at: Mapped[datetime | None] = mapped_column(default=None)
    cleared_on: Mapped[date | None] = mapped_column(Date, default=None)
    cleared_by: Mapped[str | None] = mapped_column(String(120), default=None)
