"""Backtest the health engine on IBM's Telco Customer Churn sample (no dates, one row each).

The file has no time series, so each customer is one sample scored at a
single date, and its ``Churn`` label is the outcome. Its columns are mapped
onto health measures: tenure (how long the relationship has lasted),
contract length (commitment), add-on services used (adoption breadth),
technical support taken (support), automatic payment (invoice risk) and
monthly charges (price pressure).
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from csm_desktop.health.backtest import BacktestReport, report, sample_from
from csm_desktop.health.engine import BandRule, LinearRule, Measure, Reading, Scorecard
from csm_desktop.health.explain import Why

log = logging.getLogger(__name__)

ADD_ONS = (
    "OnlineSecurity",
    "OnlineBackup",
    "DeviceProtection",
    "TechSupport",
    "StreamingTV",
    "StreamingMovies",
)
CONTRACT_YEARS = {"month-to-month": 0.0, "one year": 1.0, "two year": 2.0}
AUTOMATIC_PAYMENT = ("bank transfer (automatic)", "credit card (automatic)")
# Any fixed date: the file has none, and the readers ignore it.
SCORED_ON = date(2020, 1, 1)


@dataclass(frozen=True)
class TelcoCustomer:
    """The columns of one row that the measures read."""

    customer_id: str
    tenure_months: float
    contract_years: float
    add_ons_used: int
    add_ons_offered: int
    tech_support: bool
    automatic_payment: bool
    monthly_charges: float
    churned: bool


def load_customers(path: Path) -> list[TelcoCustomer]:
    """Read the CSV; raise ValueError naming the line when a required value is invalid."""
    customers = []
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                customers.append(_customer(row))
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path.name} line {line}: invalid row ({exc}).") from exc
    return customers


def _customer(row: dict[str, str]) -> TelcoCustomer:
    has_internet = row["InternetService"].strip().casefold() != "no"
    used = sum(1 for column in ADD_ONS if row[column].strip().casefold() == "yes")
    return TelcoCustomer(
        customer_id=row["customerID"],
        tenure_months=float(row["tenure"]),
        contract_years=CONTRACT_YEARS[row["Contract"].strip().casefold()],
        add_ons_used=used,
        add_ons_offered=len(ADD_ONS) if has_internet else 0,
        tech_support=row["TechSupport"].strip().casefold() == "yes",
        automatic_payment=row["PaymentMethod"].strip().casefold() in AUTOMATIC_PAYMENT,
        monthly_charges=float(row["MonthlyCharges"]),
        churned=row["Churn"].strip().casefold() == "yes",
    )


def _reader(value_of):
    def read(customer: TelcoCustomer, _as_of: date) -> Reading:
        value = value_of(customer)
        return Reading(value, Why("telco", (value,)) if value is not None else Why("telco"))

    return read


def telco_scorecard(weights: dict[str, float] | None = None) -> Scorecard[TelcoCustomer]:
    """Return the mapped scorecard; ``weights`` replaces some of the default weights."""
    weights = weights or {}
    specs = [
        ("tenure", 25.0, LinearRule(((0.0, 0.0), (12.0, 50.0), (36.0, 85.0), (72.0, 100.0))),
         lambda c: c.tenure_months),
        ("contract", 30.0, BandRule(edges=(1.0, 2.0), scores=(10.0, 70.0, 100.0)),
         lambda c: c.contract_years),
        ("adoption_breadth", 15.0, LinearRule(((0.0, 20.0), (0.5, 70.0), (1.0, 100.0))),
         lambda c: c.add_ons_used / c.add_ons_offered if c.add_ons_offered else None),
        ("support", 10.0, BandRule(edges=(1.0,), scores=(40.0, 100.0)),
         lambda c: 1.0 if c.tech_support else 0.0),
        ("automatic_payment", 10.0, BandRule(edges=(1.0,), scores=(40.0, 100.0)),
         lambda c: 1.0 if c.automatic_payment else 0.0),
        ("monthly_charges", 10.0, LinearRule(((20.0, 90.0), (70.0, 60.0), (110.0, 30.0))),
         lambda c: c.monthly_charges),
    ]  # fmt: skip
    measures = tuple(
        Measure(key, key, weights.get(key, weight), rule, _reader(value_of))
        for key, weight, rule, value_of in specs
    )
    return Scorecard(measures, version="telco")


def backtest_telco(path: Path, weights: dict[str, float] | None = None) -> BacktestReport:
    """Score every customer and return the AUC and lift, overall and per measure."""
    customers = load_customers(path)
    scorecard = telco_scorecard(weights)
    samples = [sample_from(scorecard.evaluate(c, SCORED_ON), c.churned) for c in customers]
    keys = [m.key for m in scorecard.measures]
    log.info("Telco backtest over %d customers", len(customers))
    return report(samples, keys, horizon_days=0)
