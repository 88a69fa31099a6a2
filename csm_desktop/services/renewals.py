"""Renewal forecast and expansion opportunities of one account.

The renewal date and current ARR come from the account; the forecast ARR,
probability, forecast category and risk notes are the CSM's judgement and
live in ``renewal_forecast`` (one row per account, updated in place).
Deleting an opportunity tombstones it (``deleted_at``) like every other
record, so it leaves the list and the pipeline but the row stays.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.accounts import load_facts, require_account
from csm_desktop.store.database import Database
from csm_desktop.store.types import utc_now
from csm_desktop.store.workspace_models import ExpansionOpportunity, RenewalForecast

log = logging.getLogger(__name__)


class ForecastCategory(StrEnum):
    COMMIT = "commit"
    BEST_CASE = "best_case"
    AT_RISK = "at_risk"


class OpportunityStage(StrEnum):
    IDENTIFIED = "identified"
    QUALIFIED = "qualified"
    PROPOSAL = "proposal"
    WON = "won"
    LOST = "lost"


OPEN_STAGES = (OpportunityStage.IDENTIFIED, OpportunityStage.QUALIFIED, OpportunityStage.PROPOSAL)


class InvalidForecastError(ValueError):
    """A forecast or opportunity field failed validation. The message names the field."""


class OpportunityNotFoundError(LookupError):
    """No live expansion opportunity has the requested id."""


@dataclass(frozen=True, slots=True)
class OpportunityRow:
    opportunity_id: uuid.UUID
    title: str
    amount: Decimal | None
    currency: str
    stage: str
    expected_close: date | None
    notes: str | None


@dataclass(frozen=True, slots=True)
class RenewalView:
    """Everything the Renewal and expansion tab shows."""

    renewal_date: date | None
    days_to_renewal: int | None
    current_arr: Decimal | None
    currency: str
    forecast_arr: Decimal | None
    probability: float | None
    category: str | None
    risk_notes: str | None
    opportunities: list[OpportunityRow]
    # Sum of the amounts of opportunities still open (not won or lost).
    open_pipeline: Decimal


def load_renewal(session: Session, account_id: uuid.UUID) -> RenewalView:
    """Load the account's renewal facts, the stored forecast and its opportunities."""
    facts = load_facts(session, account_id)
    forecast = _forecast(session, account_id)
    query = (
        select(ExpansionOpportunity)
        .where(
            ExpansionOpportunity.account_id == account_id,
            ExpansionOpportunity.deleted_at.is_(None),
        )
        .order_by(ExpansionOpportunity.created_at)
    )
    opportunities = [
        OpportunityRow(
            row.id, row.title, row.amount, row.currency, row.stage, row.expected_close, row.notes
        )
        for row in session.scalars(query)
    ]
    pipeline = sum(
        (row.amount or Decimal(0) for row in opportunities if row.stage in OPEN_STAGES),
        Decimal(0),
    )
    return RenewalView(
        renewal_date=facts.renewal_date,
        days_to_renewal=facts.days_to_renewal,
        current_arr=facts.arr,
        currency=facts.currency,
        forecast_arr=forecast.forecast_arr if forecast else None,
        probability=forecast.probability if forecast else None,
        category=forecast.category if forecast else None,
        risk_notes=forecast.risk_notes if forecast else None,
        opportunities=opportunities,
        open_pipeline=pipeline,
    )


def save_forecast(
    db: Database,
    account_id: uuid.UUID,
    *,
    forecast_arr: Decimal | None,
    probability: float | None,
    category: str,
    risk_notes: str | None,
) -> None:
    """Create or update the account's renewal forecast.

    Raises ``InvalidForecastError`` for a negative amount, a probability
    outside 0–1 or an unknown category.
    """
    if forecast_arr is not None and forecast_arr < 0:
        raise InvalidForecastError(f"Forecast ARR {forecast_arr} is negative; enter 0 or more.")
    if probability is not None and not 0 <= probability <= 1:
        raise InvalidForecastError(
            f"Probability {probability} is outside 0 to 1; enter a share between 0 % and 100 %."
        )
    if category not in {member.value for member in ForecastCategory}:
        allowed = ", ".join(member.value for member in ForecastCategory)
        raise InvalidForecastError(
            f"Invalid forecast category {category!r}; use one of: {allowed}."
        )

    with db.session() as session:
        account = require_account(session, account_id)
        forecast = _forecast(session, account_id)
        if forecast is None:
            forecast = RenewalForecast(account_id=account_id)
            session.add(forecast)
        forecast.forecast_arr = forecast_arr
        forecast.currency = account.currency or "USD"
        forecast.probability = probability
        forecast.category = category
        forecast.risk_notes = (risk_notes or "").strip() or None
    log.info("Saved renewal forecast of account %s: %s", account_id, category)


def add_opportunity(
    db: Database,
    account_id: uuid.UUID,
    title: str,
    *,
    amount: Decimal | None,
    stage: str = OpportunityStage.IDENTIFIED,
    expected_close: date | None = None,
    notes: str | None = None,
) -> uuid.UUID:
    """Validate and store an expansion opportunity in the account's currency. Return its id."""
    title = _checked_opportunity(title, amount, stage)
    with db.session() as session:
        account = require_account(session, account_id)
        row = ExpansionOpportunity(
            account_id=account_id,
            title=title,
            amount=amount,
            currency=account.currency or "USD",
            stage=stage,
            expected_close=expected_close,
            notes=(notes or "").strip() or None,
        )
        session.add(row)
        session.flush()
        opportunity_id = row.id
    log.info("Added expansion opportunity %s on account %s", opportunity_id, account_id)
    return opportunity_id


def update_opportunity(
    db: Database,
    opportunity_id: uuid.UUID,
    title: str,
    *,
    amount: Decimal | None,
    stage: str,
    expected_close: date | None,
    notes: str | None,
) -> None:
    """Replace the opportunity's fields with the given ones.

    The amount keeps the currency stored with the opportunity, so fixing a
    title does not reinterpret the amount if the account's currency changed
    since. Raises ``InvalidForecastError`` for a blank title, a negative
    amount or an unknown stage (the stored row is left unchanged) and
    ``OpportunityNotFoundError`` for a missing or deleted opportunity.
    """
    title = _checked_opportunity(title, amount, stage)
    with db.session() as session:
        row = _live_opportunity(session, opportunity_id)
        row.title = title
        row.amount = amount
        row.stage = stage
        row.expected_close = expected_close
        row.notes = (notes or "").strip() or None
    log.info("Updated expansion opportunity %s", opportunity_id)


def delete_opportunity(db: Database, opportunity_id: uuid.UUID) -> None:
    """Tombstone the opportunity.

    Raises ``OpportunityNotFoundError`` for a missing or already deleted one.
    """
    with db.session() as session:
        row = _live_opportunity(session, opportunity_id)
        row.deleted_at = utc_now()
    log.info("Deleted expansion opportunity %s", opportunity_id)


def set_opportunity_stage(db: Database, opportunity_id: uuid.UUID, stage: str) -> None:
    """Move an opportunity to another stage.

    Raises ``OpportunityNotFoundError`` for a missing or deleted opportunity.
    """
    _check_stage(stage)
    with db.session() as session:
        row = _live_opportunity(session, opportunity_id)
        row.stage = stage


def _checked_opportunity(title: str, amount: Decimal | None, stage: str) -> str:
    """Validate an opportunity's fields and return the title without surrounding spaces."""
    title = title.strip()
    if not title:
        raise InvalidForecastError("The opportunity has no title. Name the product or seats.")
    _check_stage(stage)
    if amount is not None and amount < 0:
        raise InvalidForecastError(f"Amount {amount} is negative; enter 0 or more.")
    return title


def _live_opportunity(session: Session, opportunity_id: uuid.UUID) -> ExpansionOpportunity:
    row = session.get(ExpansionOpportunity, opportunity_id)
    if row is None or row.deleted_at is not None:
        raise OpportunityNotFoundError(
            f"Opportunity {opportunity_id} not found; it may have been deleted."
        )
    return row


def _check_stage(stage: str) -> None:
    if stage not in {member.value for member in OpportunityStage}:
        allowed = ", ".join(member.value for member in OpportunityStage)
        raise InvalidForecastError(f"Invalid stage {stage!r}; use one of: {allowed}.")


def _forecast(session: Session, account_id: uuid.UUID) -> RenewalForecast | None:
    return session.scalar(
        select(RenewalForecast).where(
            RenewalForecast.account_id == account_id, RenewalForecast.deleted_at.is_(None)
        )
    )
