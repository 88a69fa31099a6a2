"""Tables of the account workspace: goal check-ins, renewal forecasts, expansion
opportunities, advocacy records and user playbooks.

Drafts of call notes need no table of their own: they are ``Activity`` rows
with ``is_draft`` set, so a recovered draft becomes a note by clearing the flag.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from csm_desktop.store.models import Base, SyncedMixin


class GoalCheckIn(SyncedMixin, Base):
    """One dated reading of a goal: the value reached then, its status and a comment."""

    __tablename__ = "goal_check_in"
    __table_args__ = (Index("ix_goal_check_in_goal_date", "goal_id", "checked_on"),)

    goal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("goal.id"))
    checked_on: Mapped[date] = mapped_column(Date)
    value: Mapped[float | None] = mapped_column(Float, default=None)
    # One of on_track, at_risk, achieved, missed.
    status: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str | None] = mapped_column(Text, default=None)


class RenewalForecast(SyncedMixin, Base):
    """The CSM's forecast for an account's next renewal. At most one live row per account."""

    __tablename__ = "renewal_forecast"
    __table_args__ = (UniqueConstraint("account_id", name="uq_renewal_forecast_account"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    forecast_arr: Mapped[Decimal | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    # Chance of renewal between 0 and 1.
    probability: Mapped[float | None] = mapped_column(Float, default=None)
    # One of commit, best_case, at_risk.
    category: Mapped[str] = mapped_column(String(20), default="best_case")
    risk_notes: Mapped[str | None] = mapped_column(Text, default=None)


class ExpansionOpportunity(SyncedMixin, Base):
    """An upsell or cross-sell lead on an account, with its amount and sales stage."""

    __tablename__ = "expansion_opportunity"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    amount: Mapped[Decimal | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    # One of identified, qualified, proposal, won, lost.
    stage: Mapped[str] = mapped_column(String(20), default="identified")
    expected_close: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)


class AdvocacyRecord(SyncedMixin, Base):
    """A reference, case study, review, referral or event the customer agreed to or gave."""

    __tablename__ = "advocacy_record"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), default=None)
    # One of reference, case_study, review, referral, event.
    kind: Mapped[str] = mapped_column(String(20))
    # One of willing, requested, in_progress, done, declined.
    status: Mapped[str] = mapped_column(String(20), default="willing")
    occurred_on: Mapped[date | None] = mapped_column(Date, default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)


class Playbook(SyncedMixin, Base):
    """A user-defined set of task templates dated relative to an anchor event."""

    __tablename__ = "playbook"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    # What the step offsets count from: renewal, contract_start or today.
    anchor: Mapped[str] = mapped_column(String(20), default="today")


class PlaybookStep(SyncedMixin, Base):
    """One task template of a playbook; ``offset_days`` is negative for "before the anchor"."""

    __tablename__ = "playbook_step"
    __table_args__ = (Index("ix_playbook_step_playbook", "playbook_id", "position"),)

    playbook_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("playbook.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="lifecycle")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    offset_days: Mapped[int] = mapped_column(Integer, default=0)
