"""Renewal and commercial facts of a QBR quarter, and the internal-only risk view.

``CommercialSummary`` is safe for the customer: plan, seats, renewal date and
their own invoices. ``InternalSummary`` (ARR, forecast, risk, churn reasons)
is built only for the internal version of the report.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.services.portfolio import next_renewal
from csm_desktop.store.models import Account, ChurnEvent, Invoice, Subscription
from csm_desktop.store.workspace_models import ExpansionOpportunity, RenewalForecast

log = logging.getLogger(__name__)

PAID = "paid"
# Renewal closer than this to the quarter's end is a risk factor.
RENEWAL_SOON_DAYS = 90
# A fall in feature events of at least this share counts as declining usage.
USAGE_DECLINE = -0.2
# A fall in health of at least this many points over the quarter is a risk factor.
HEALTH_DECLINE_POINTS = 5.0
# Renewal probability by health colour at the quarter's end. These are a
# starting heuristic, not a fitted model.
FORECAST_BY_COLOUR = {
    "green": ("commit", 0.9),
    "yellow": ("best_case", 0.6),
    "red": ("at_risk", 0.3),
}
DEFAULT_FORECAST = ("best_case", 0.5)


@dataclass(frozen=True)
class InvoiceSummary:
    """Invoices issued in the quarter; ``overdue`` are unpaid ones due before the quarter ended."""

    count: int
    total: Decimal
    paid: int
    unpaid: int
    overdue: int
    currency: str


@dataclass(frozen=True)
class CommercialSummary:
    plan_tier: str | None
    seats: int | None
    renewal_date: date | None
    # Days from the quarter's last day to the renewal; negative when it passed.
    days_to_renewal: int | None
    term_months: int | None
    invoices: InvoiceSummary


@dataclass(frozen=True)
class ChurnReason:
    churn_date: date
    reason_code: str | None
    feedback_text: str | None
    is_reactivation: bool


@dataclass(frozen=True)
class Opportunity:
    title: str
    amount: Decimal | None
    currency: str
    stage: str
    expected_close: date | None


@dataclass(frozen=True)
class InternalSummary:
    """Figures only the CSM's team reads: money, forecast, risk and churn history.

    ``risk_factors`` are codes such as "health_red" or "usage_declined";
    the report translates them. The forecast is the CSM's stored renewal
    forecast when there is one (``forecast_is_derived`` False); otherwise it
    is derived from the health colour at the quarter's end.
    """

    arr: Decimal | None
    currency: str
    lifecycle_stage: str
    forecast_category: str
    renewal_probability: float
    forecast_arr: Decimal | None
    forecast_is_derived: bool
    risk_notes: str | None
    risk_level: str
    risk_factors: list[str]
    upgrades: int
    downgrades: int
    churn_reasons: list[ChurnReason]
    opportunities: list[Opportunity]


def load_commercial(session: Session, account_id: uuid.UUID, quarter: Quarter) -> CommercialSummary:
    """Read plan, renewal and the quarter's invoices of ``account_id``."""
    account = session.execute(
        select(
            Account.plan_tier,
            Account.seats,
            Account.renewal_date,
            Account.contract_start,
            Account.term_months,
            Account.currency,
        ).where(Account.id == account_id)
    ).one()
    # The first renewal after the quarter, rolled from the contract start
    # when no explicit date is stored.
    renewal = next_renewal(
        account.contract_start,
        account.term_months,
        account.renewal_date,
        quarter.end + timedelta(days=1),
    )
    invoices = session.execute(
        select(
            Invoice.amount, Invoice.status, Invoice.due_on, Invoice.paid_on, Invoice.currency
        ).where(
            Invoice.account_id == account_id,
            Invoice.deleted_at.is_(None),
            Invoice.issued_on.between(quarter.start, quarter.end),
        )
    ).all()

    paid = [row for row in invoices if row.status == PAID or row.paid_on is not None]
    unpaid = [row for row in invoices if row not in paid]
    overdue = [row for row in unpaid if row.due_on is not None and row.due_on < quarter.end]
    days = (renewal - quarter.end).days if renewal else None
    return CommercialSummary(
        plan_tier=account.plan_tier,
        seats=account.seats,
        renewal_date=renewal,
        days_to_renewal=days,
        term_months=account.term_months,
        invoices=InvoiceSummary(
            count=len(invoices),
            total=sum((row.amount for row in invoices), Decimal(0)),
            paid=len(paid),
            unpaid=len(unpaid),
            overdue=len(overdue),
            currency=invoices[0].currency if invoices else account.currency,
        ),
    )


@dataclass(frozen=True)
class RiskInputs:
    """Signals from the rest of the QBR data that the risk assessment weighs."""

    end_colour: str | None
    health_change: float | None
    usage_change: float | None
    escalated_tickets: int
    detractors: int
    overdue_invoices: int
    days_to_renewal: int | None


def risk_factors(inputs: RiskInputs) -> list[str]:
    """Return the risk factor codes that ``inputs`` show, most serious first."""
    factors = []
    if inputs.end_colour == "red":
        factors.append("health_red")
    if inputs.health_change is not None and inputs.health_change <= -HEALTH_DECLINE_POINTS:
        factors.append("health_declined")
    if inputs.usage_change is not None and inputs.usage_change <= USAGE_DECLINE:
        factors.append("usage_declined")
    if inputs.overdue_invoices:
        factors.append("overdue_invoices")
    if inputs.detractors:
        factors.append("detractors")
    if inputs.escalated_tickets:
        factors.append("escalations")
    if inputs.days_to_renewal is not None and 0 <= inputs.days_to_renewal <= RENEWAL_SOON_DAYS:
        factors.append("renewal_soon")
    return factors


def load_internal(
    session: Session, account_id: uuid.UUID, quarter: Quarter, inputs: RiskInputs
) -> InternalSummary:
    """Build the internal view: ARR, forecast, risk factors, churn reasons and expansion."""
    account = session.execute(
        select(Account.arr, Account.currency, Account.lifecycle_stage).where(
            Account.id == account_id
        )
    ).one()
    flags = session.execute(
        select(Subscription.upgrade_flag, Subscription.downgrade_flag).where(
            Subscription.account_id == account_id,
            Subscription.deleted_at.is_(None),
            Subscription.start_date <= quarter.end,
        )
    ).all()
    churn = session.execute(
        select(
            ChurnEvent.churn_date,
            ChurnEvent.reason_code,
            ChurnEvent.feedback_text,
            ChurnEvent.is_reactivation,
        )
        .where(
            ChurnEvent.account_id == account_id,
            ChurnEvent.deleted_at.is_(None),
            ChurnEvent.churn_date <= quarter.end,
        )
        .order_by(ChurnEvent.churn_date)
    ).all()

    factors = risk_factors(inputs)
    if churn:
        factors.append("churn_history")
    stored = session.execute(
        select(
            RenewalForecast.forecast_arr,
            RenewalForecast.probability,
            RenewalForecast.category,
            RenewalForecast.risk_notes,
        ).where(RenewalForecast.account_id == account_id, RenewalForecast.deleted_at.is_(None))
    ).first()
    category, probability = FORECAST_BY_COLOUR.get(inputs.end_colour or "", DEFAULT_FORECAST)
    if account.lifecycle_stage == "churned":
        category, probability = "at_risk", 0.0
    forecast = None
    if account.arr is not None:
        forecast = (account.arr * Decimal(str(probability))).quantize(Decimal(1))
    if stored is not None:
        category = stored.category
        probability = stored.probability if stored.probability is not None else probability
        forecast = stored.forecast_arr if stored.forecast_arr is not None else forecast

    return InternalSummary(
        arr=account.arr,
        currency=account.currency,
        lifecycle_stage=account.lifecycle_stage,
        forecast_category=category,
        renewal_probability=probability,
        forecast_arr=forecast,
        forecast_is_derived=stored is None,
        risk_notes=stored.risk_notes if stored is not None else None,
        risk_level=_risk_level(factors),
        risk_factors=factors,
        upgrades=sum(1 for row in flags if row.upgrade_flag),
        downgrades=sum(1 for row in flags if row.downgrade_flag),
        churn_reasons=[ChurnReason(**row._asdict()) for row in churn],
        opportunities=_opportunities(session, account_id),
    )


def _opportunities(session: Session, account_id: uuid.UUID) -> list[Opportunity]:
    rows = session.execute(
        select(
            ExpansionOpportunity.title,
            ExpansionOpportunity.amount,
            ExpansionOpportunity.currency,
            ExpansionOpportunity.stage,
            ExpansionOpportunity.expected_close,
        )
        .where(
            ExpansionOpportunity.account_id == account_id,
            ExpansionOpportunity.deleted_at.is_(None),
        )
        .order_by(
            ExpansionOpportunity.expected_close.is_(None), ExpansionOpportunity.expected_close
        )
    ).all()
    return [Opportunity(**row._asdict()) for row in rows]


def _risk_level(factors: list[str]) -> str:
    if "health_red" in factors or len(factors) >= 3:
        return "high"
    if factors:
        return "medium"
    return "low"
