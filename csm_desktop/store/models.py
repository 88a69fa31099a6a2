"""Typed SQLAlchemy models for every entity the CSM works with.

Every table that sync will exchange has a UUID primary key, created and
updated instants and a ``deleted_at`` marker (a tombstone, never a hard
delete), so that sync can be added without a schema rewrite. Rows that came
from an import carry ``source`` and ``external_id``; together they are the
natural key a re-import matches on. Calendar dates are ``Date`` columns and
money is ``Money`` (exact Decimal) beside an ISO 4217 currency code.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from csm_desktop.store.enums import ActivityType, LifecycleStage  # noqa: F401 (re-exported)
from csm_desktop.store.types import Money, UTCDateTime, utc_now


class Base(DeclarativeBase):
    """Declarative base with the project's column type defaults."""

    type_annotation_map = {
        datetime: UTCDateTime,
        Decimal: Money,
        dict[str, Any]: JSON,
        list[str]: JSON,
    }


class SyncedMixin:
    """Columns every synced row carries: UUID key, timestamps, tombstone."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now, onupdate=utc_now)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class ImportedMixin:
    """Natural key of a row that came from an external system."""

    source: Mapped[str | None] = mapped_column(String(40), default=None)
    external_id: Mapped[str | None] = mapped_column(String(120), default=None)


class Account(SyncedMixin, ImportedMixin, Base):
    __tablename__ = "account"
    # Not unique: two teammates who import the same CRM export each push their own
    # accounts, so sync can bring several accounts with one (source, external_id).
    # Importers update the oldest live one (migration 0013).
    __table_args__ = (Index("ix_account_source_ext", "source", "external_id"),)

    name: Mapped[str] = mapped_column(String(300), index=True)
    domain: Mapped[str | None] = mapped_column(String(255), default=None)
    segment: Mapped[str | None] = mapped_column(String(40), default=None)
    industry: Mapped[str | None] = mapped_column(String(120), default=None)
    country: Mapped[str | None] = mapped_column(String(80), default=None)
    plan_tier: Mapped[str | None] = mapped_column(String(60), default=None)
    seats: Mapped[int | None] = mapped_column(Integer, default=None)
    arr: Mapped[Decimal | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    signup_date: Mapped[date | None] = mapped_column(Date, default=None)
    contract_start: Mapped[date | None] = mapped_column(Date, default=None)
    # Length of one billing term, used to roll the renewal date forward when
    # the source gives no explicit renewal date.
    term_months: Mapped[int | None] = mapped_column(Integer, default=None)
    renewal_date: Mapped[date | None] = mapped_column(Date, default=None)
    lifecycle_stage: Mapped[str] = mapped_column(String(20), default=LifecycleStage.ADOPTION)
    owner: Mapped[str | None] = mapped_column(String(120), default=None)
    tags: Mapped[list[str]] = mapped_column(default=list)
    referral_source: Mapped[str | None] = mapped_column(String(60), default=None)
    is_trial: Mapped[bool] = mapped_column(Boolean, default=False)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("account.id"), default=None)

    subscriptions: Mapped[list[Subscription]] = relationship(back_populates="account")


class Contact(SyncedMixin, ImportedMixin, Base):
    __tablename__ = "contact"
    __table_args__ = (
        # Not unique, for the same reason as on ``account`` (migration 0013).
        Index("ix_contact_source_ext", "source", "external_id"),
        # An erased contact keeps no email or phone (see services/privacy.py).
        CheckConstraint(
            "erased_at IS NULL OR (email IS NULL AND phone IS NULL)",
            name="ck_contact_erased_has_no_contact_details",
        ),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200), default=None)
    email: Mapped[str | None] = mapped_column(String(255), default=None)
    phone: Mapped[str | None] = mapped_column(String(60), default=None)
    # Role flags such as "champion", "economic_buyer", "executive_sponsor".
    roles: Mapped[list[str]] = mapped_column(default=list)
    last_contacted: Mapped[date | None] = mapped_column(Date, default=None)
    # Set when the contact's personal data was erased on request.
    erased_at: Mapped[datetime | None] = mapped_column(default=None)


class Subscription(SyncedMixin, ImportedMixin, Base):
    __tablename__ = "subscription"
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_subscription_source_ext"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    plan_tier: Mapped[str | None] = mapped_column(String(60), default=None)
    seats: Mapped[int | None] = mapped_column(Integer, default=None)
    mrr: Mapped[Decimal | None] = mapped_column(default=None)
    arr: Mapped[Decimal | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    is_trial: Mapped[bool] = mapped_column(Boolean, default=False)
    upgrade_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    downgrade_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    churn_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    billing_frequency: Mapped[str | None] = mapped_column(String(20), default=None)
    auto_renew: Mapped[bool | None] = mapped_column(Boolean, default=None)

    account: Mapped[Account] = relationship(back_populates="subscriptions")


# The rows the partial index ix_usage_feature_first_day covers. The metric is
# a literal, so queries that bind the metric as a parameter cannot pick this
# index over ix_usage_account_date by mistake.
USAGE_FEATURE_INDEX_WHERE = (
    "metric = 'feature_events' AND deleted_at IS NULL AND feature IS NOT NULL AND value > 0"
)


class UsageMetric(SyncedMixin, ImportedMixin, Base):
    """One measured value of product usage for an account on one calendar day."""

    __tablename__ = "usage_metric"
    __table_args__ = (
        UniqueConstraint("source", "external_id", name="uq_usage_source_ext"),
        # deleted_at makes the newest-date reads index-only (migration 0011).
        Index("ix_usage_account_date_live", "account_id", "usage_date", "deleted_at"),
        # Each used feature's first day, for the health score's key features.
        Index(
            "ix_usage_feature_first_day",
            "feature",
            "usage_date",
            sqlite_where=text(USAGE_FEATURE_INDEX_WHERE),
        ),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    subscription_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("subscription.id"), default=None
    )
    usage_date: Mapped[date] = mapped_column(Date)
    # What was counted: "feature_events", "active_users", "logins", "seats_used".
    metric: Mapped[str] = mapped_column(String(40), default="feature_events")
    feature: Mapped[str | None] = mapped_column(String(120), default=None)
    value: Mapped[float] = mapped_column(Float)
    duration_secs: Mapped[float | None] = mapped_column(Float, default=None)
    error_count: Mapped[int | None] = mapped_column(Integer, default=None)
    is_beta: Mapped[bool | None] = mapped_column(Boolean, default=None)


class SupportTicket(SyncedMixin, ImportedMixin, Base):
    __tablename__ = "support_ticket"
    __table_args__ = (
        UniqueConstraint("source", "external_id", name="uq_ticket_source_ext"),
        Index("ix_ticket_account_opened_live", "account_id", "opened_on", "deleted_at"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    opened_on: Mapped[date] = mapped_column(Date)
    # Wall-clock time as exported; the sources give no time zone.
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    subject: Mapped[str | None] = mapped_column(String(300), default=None)
    priority: Mapped[str | None] = mapped_column(String(20), default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")
    resolution_hours: Mapped[float | None] = mapped_column(Float, default=None)
    first_response_minutes: Mapped[float | None] = mapped_column(Float, default=None)
    csat: Mapped[float | None] = mapped_column(Float, default=None)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)


class SurveyResponse(SyncedMixin, ImportedMixin, Base):
    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_survey_source_ext"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), default=None)
    responded_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))  # "nps" or "csat"
    score: Mapped[float] = mapped_column(Float)
    scale_min: Mapped[float] = mapped_column(Float, default=0)
    scale_max: Mapped[float] = mapped_column(Float, default=10)
    verbatim: Mapped[str | None] = mapped_column(Text, default=None)


class Invoice(SyncedMixin, ImportedMixin, Base):
    __tablename__ = "invoice"
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_invoice_source_ext"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    amount: Mapped[Decimal] = mapped_column()
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    issued_on: Mapped[date | None] = mapped_column(Date, default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    paid_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")


class ChurnEvent(SyncedMixin, ImportedMixin, Base):
    __tablename__ = "churn_event"
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_churn_source_ext"),)

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    churn_date: Mapped[date] = mapped_column(Date)
    reason_code: Mapped[str | None] = mapped_column(String(60), default=None)
    refund_amount: Mapped[Decimal | None] = mapped_column(default=None)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    preceding_upgrade: Mapped[bool] = mapped_column(Boolean, default=False)
    preceding_downgrade: Mapped[bool] = mapped_column(Boolean, default=False)
    # TRUE when this event closes a period that began with a reactivation:
    # the account had churned before and came back.
    is_reactivation: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback_text: Mapped[str | None] = mapped_column(Text, default=None)


class Activity(SyncedMixin, ImportedMixin, Base):
    """A timeline entry: call note, meeting, email, QBR, milestone or internal note."""

    __tablename__ = "activity"
    __table_args__ = (
        Index("ix_activity_account_date_live", "account_id", "occurred_on", "deleted_at"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    kind: Mapped[str] = mapped_column(String(20), default=ActivityType.CALL)
    occurred_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300), default="")
    attendees: Mapped[str | None] = mapped_column(Text, default=None)
    summary: Mapped[str | None] = mapped_column(Text, default=None)
    body: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str | None] = mapped_column(Text, default=None)
    next_steps: Mapped[str | None] = mapped_column(Text, default=None)
    sentiment: Mapped[str | None] = mapped_column(String(20), default=None)
    author: Mapped[str | None] = mapped_column(String(120), default=None)
    is_draft: Mapped[bool] = mapped_column(Boolean, default=False)


class Task(SyncedMixin, Base):
    __tablename__ = "task"

    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("account.id"), index=True, default=None
    )
    activity_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("activity.id"), default=None)
    kind: Mapped[str] = mapped_column(String(20), default="lifecycle")
    title: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str | None] = mapped_column(Text, default=None)
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")
    snoozed_until: Mapped[date | None] = mapped_column(Date, default=None)
    snooze_reason: Mapped[str | None] = mapped_column(Text, default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)


class Goal(SyncedMixin, Base):
    """A success-plan goal with its target and the value reached so far."""

    __tablename__ = "goal"

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"), index=True)
    objective: Mapped[str] = mapped_column(String(300))
    owner: Mapped[str | None] = mapped_column(String(120), default=None)
    target_value: Mapped[float | None] = mapped_column(Float, default=None)
    current_value: Mapped[float | None] = mapped_column(Float, default=None)
    unit: Mapped[str | None] = mapped_column(String(40), default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default="on_track")
    achieved_on: Mapped[date | None] = mapped_column(Date, default=None)


class HealthSnapshot(SyncedMixin, Base):
    """A health score computed point in time: only data dated up to ``as_of`` went in."""

    __tablename__ = "health_snapshot"
    __table_args__ = (
        UniqueConstraint("account_id", "as_of", "kind", name="uq_snapshot_account_asof_kind"),
        # Team sync reads the snapshots the server does not have yet through this.
        Index(
            "ix_health_snapshot_unsent",
            "account_id",
            "as_of",
            sqlite_where=text("sync_seq IS NULL"),
        ),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("account.id"))
    as_of: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20), default="weekly")
    # None when coverage is below the floor ("insufficient data").
    score: Mapped[float | None] = mapped_column(Float, default=None)
    colour: Mapped[str] = mapped_column(String(12))
    measures_used: Mapped[int] = mapped_column(Integer, default=0)
    measures_total: Mapped[int] = mapped_column(Integer, default=0)
    # Per-measure detail: {"usage_trend": {"score": 80.0, "weight": 0.35, ...}, ...}
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    scorecard_version: Mapped[str] = mapped_column(String(40), default="v1")
    # None when this app computed the snapshot; the teammate's e-mail when team sync
    # brought it from their app. A recompute leaves such accounts alone.
    origin: Mapped[str | None] = mapped_column(String(255), default=None)
    # The team server's seq once it has the snapshot; None until then (or without sync).
    sync_seq: Mapped[int | None] = mapped_column(Integer, default=None)


class AppSetting(Base):
    """A local key and value kept with the database (not synced)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Feature modules register their tables on Base.metadata when imported.
from csm_desktop.store import (  # noqa: E402, F401
    health_models,
    import_models,
    reliability_models,
    report_models,
    sync_models,
    today_views_models,
    workspace_models,
)
