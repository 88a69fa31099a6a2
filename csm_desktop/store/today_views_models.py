"""Local tables of the Today screen and the portfolio: alert dismissals and saved views.

Both are personal to one CSM's copy of the app and are not synced, so they
carry no ``SyncedMixin`` columns.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from csm_desktop.store.models import Base
from csm_desktop.store.types import utc_now


class AlertDismissal(Base):
    """A health alert the CSM dismissed for good or snoozed until a date.

    ``alert_key`` is the alert's stable key from ``compute_alerts``, so the
    same change stays hidden when it is computed again on a later start.
    """

    __tablename__ = "alert_dismissal"

    alert_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    account_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    # None dismisses for good; a date hides the alert up to and including that day.
    snoozed_until: Mapped[date | None] = mapped_column(Date, default=None)
    dismissed_at: Mapped[datetime] = mapped_column(default=utc_now)


class SavedView(Base):
    """A named portfolio view: filters, sort and visible columns as JSON."""

    __tablename__ = "saved_view"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
