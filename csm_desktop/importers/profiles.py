"""Ready-made import settings for common export shapes, and saved mappings per source.

A profile is an ``ImportSpec`` plus the header names that identify its
file shape. ``match_profiles`` lists the profiles whose identifying headers
all appear in a file. Saved mappings (table ``import_mapping``) replace a
profile once the user has adjusted and imported it.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.importers.fields import normalise_header
from csm_desktop.importers.mapping import ImportSpec
from csm_desktop.store.import_models import SavedMapping

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Profile:
    """A named ``ImportSpec`` and the exact headers that identify its file shape."""

    key: str
    label: str
    headers: tuple[str, ...]
    spec: dict[str, Any] = field(default_factory=dict)

    def make_spec(self) -> ImportSpec:
        return ImportSpec.from_json(self.spec)


def _p(key: str, label: str, headers: str, **spec: Any) -> Profile:
    return Profile(key, label, tuple(h.strip() for h in headers.split("|")), spec)


_SF_CONTACT = {"account": "Account: Account Name", "first_name": "Contact: First Name",
               "last_name": "Contact: Last Name", "title": "Contact: Title",
               "phone": "Contact: Phone", "email": "Contact: Email"}  # fmt: skip

PROFILES: tuple[Profile, ...] = (
    _p("ravenstack-accounts", "RavenStack accounts", "account_id|account_name|churn_flag",
       entity="accounts", source="ravenstack", columns={
           "external_id": "account_id", "name": "account_name", "industry": "industry",
           "country": "country", "signup_date": "signup_date",
           "referral_source": "referral_source", "plan_tier": "plan_tier", "seats": "seats",
           "is_trial": "is_trial"}),
    _p("ravenstack-subscriptions", "RavenStack subscriptions",
       "subscription_id|account_id|mrr_amount|arr_amount",
       entity="subscriptions", source="ravenstack", columns={
           "external_id": "subscription_id", "account": "account_id",
           "start_date": "start_date", "end_date": "end_date", "plan_tier": "plan_tier",
           "seats": "seats", "mrr": "mrr_amount", "arr": "arr_amount", "is_trial": "is_trial",
           "churn_flag": "churn_flag", "billing_frequency": "billing_frequency",
           "auto_renew": "auto_renew_flag"}),
    _p("ravenstack-usage", "RavenStack feature usage", "usage_id|subscription_id|usage_count",
       entity="usage", source="ravenstack", key_fields=["external_id", "subscription"],
       columns={"external_id": "usage_id", "subscription": "subscription_id",
                "usage_date": "usage_date", "feature": "feature_name", "value": "usage_count",
                "duration_secs": "usage_duration_secs", "error_count": "error_count",
                "is_beta": "is_beta_feature"}),
    _p("ravenstack-tickets", "RavenStack support tickets", "ticket_id|account_id|submitted_at",
       entity="tickets", source="ravenstack", scale="csat_1_5", columns={
           "external_id": "ticket_id", "account": "account_id", "opened_on": "submitted_at",
           "closed_at": "closed_at", "resolution_hours": "resolution_time_hours",
           "priority": "priority", "first_response_minutes": "first_response_time_minutes",
           "csat": "satisfaction_score", "escalated": "escalation_flag"}),
    _p("ravenstack-churn", "RavenStack churn events", "churn_event_id|account_id|churn_date",
       entity="churn_events", source="ravenstack", columns={
           "external_id": "churn_event_id", "account": "account_id", "churn_date": "churn_date",
           "reason_code": "reason_code", "refund_amount": "refund_amount_usd",
           "is_reactivation": "is_reactivation", "feedback_text": "feedback_text"}),
    _p("telco-churn", "IBM Telco customer churn (accounts)",
       "customerID|tenure|Contract|MonthlyCharges|Churn",
       entity="accounts", source="telco", columns={
           "external_id": "customerID", "name": "customerID", "term_months": "Contract",
           "mrr": "MonthlyCharges", "lifecycle_stage": "Churn"},
       value_maps={"term_months": {"Month-to-month": "1", "One year": "12", "Two year": "24"},
                   "lifecycle_stage": {"Yes": "churned", "No": "adoption"}}),
    _p("prep-air-nps", "NPS responses per company (airline, customer id, score)",
       "Airline|CustomerID|How likely are you to recommend this airline?",
       entity="survey_responses", source="prep-air", scale="nps_0_10", account_key="name",
       create_missing_accounts=True, columns={
           "account": "Airline", "external_id": "CustomerID",
           "score": "How likely are you to recommend this airline?"}),
    _p("sudzilla-survey", "Google Forms survey with a 0-10 rating",
       "Timestamp|On a scale of 0-10, how would you rate Sudzilla?|...why?",
       entity="survey_responses", source="sudzilla", scale="nps_0_10", account_key="name",
       create_missing_accounts=True, constants={"account": "Sudzilla"}, columns={
           "responded_on": "Timestamp",
           "score": "On a scale of 0-10, how would you rate Sudzilla?", "verbatim": "...why?"}),
    _p("salesforce-report-contacts", "Salesforce report: contacts with their account",
       "Account: Account Name|Contact: First Name|Contact: Last Name",
       entity="contacts", source="salesforce", account_key="name",
       create_missing_accounts=True, columns=_SF_CONTACT),
    _p("salesforce-report-accounts", "Salesforce report: accounts",
       "Account: Account Name", entity="accounts", source="salesforce", match_key="name",
       columns={"name": "Account: Account Name"}),
    _p("salesforce-tree-accounts", "Salesforce CLI tree JSON: accounts",
       "attributes.type|attributes.referenceId|Name|NumberOfEmployees",
       entity="accounts", source="salesforce", columns={
           "external_id": "attributes.referenceId", "name": "Name"}),
    _p("salesforce-tree-contacts", "Salesforce CLI tree JSON: contacts",
       "attributes.referenceId|AccountId|FirstName|LastName",
       entity="contacts", source="salesforce", columns={
           "external_id": "attributes.referenceId", "account": "AccountId",
           "first_name": "FirstName", "last_name": "LastName", "title": "Title",
           "email": "Email", "phone": "Phone"}),
    _p("hubspot-companies", "HubSpot companies export",
       "Record ID|Company name|Company Domain Name",
       entity="accounts", source="hubspot", columns={
           "external_id": "Record ID", "name": "Company name", "domain": "Company Domain Name"}),
    _p("hubspot-contacts", "HubSpot contacts export",
       "Record ID|First Name|Last Name|Email|Associated Company",
       entity="contacts", source="hubspot", account_key="name", columns={
           "external_id": "Record ID", "first_name": "First Name", "last_name": "Last Name",
           "email": "Email", "account": "Associated Company"}),
    _p("gainsight-companies", "Gainsight company export", "GSID|Name|ARR|Renewal Date",
       entity="accounts", source="gainsight", columns={
           "external_id": "GSID", "name": "Name", "arr": "ARR", "renewal_date": "Renewal Date"}),
    _p("invoices-receivable", "Accounts receivable (invoices with settled dates)",
       "customerID|invoiceNumber|InvoiceDate|DueDate|InvoiceAmount|SettledDate",
       entity="invoices", source="receivables", create_missing_accounts=True, columns={
           "account": "customerID", "external_id": "invoiceNumber", "issued_on": "InvoiceDate",
           "due_on": "DueDate", "amount": "InvoiceAmount", "paid_on": "SettledDate"}),
)  # fmt: skip
# TODO: Salesforce opportunities (Opportunities.json, renewal deals) have no entity to land in
# until the app stores renewal opportunities, so no profile reads them.
PROFILES_BY_KEY = {p.key: p for p in PROFILES}


def match_profiles(header: list[str]) -> list[Profile]:
    """Return the profiles whose identifying headers all appear, most specific first."""
    present = {h.strip() for h in header}
    found = [p for p in PROFILES if set(p.headers) <= present]
    return sorted(found, key=lambda p: -len(p.headers))


def header_signature(header: list[str]) -> str:
    """Fingerprint a header so a file of the same shape finds its saved mapping."""
    words = "\x1f".join(normalise_header(h) for h in header)
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def save_mapping(session: Session, spec: ImportSpec, header: list[str]) -> None:
    """Store ``spec`` as the mapping of its (source, entity), replacing an older one."""
    stored = session.scalar(
        select(SavedMapping).where(
            SavedMapping.source == spec.source, SavedMapping.entity == spec.entity
        )
    )
    if stored is None:
        stored = SavedMapping(source=spec.source, entity=spec.entity)
        session.add(stored)
    stored.header_signature = header_signature(header)
    stored.spec = spec.to_json()
    log.info("Saved the %s mapping of source %s", spec.entity, spec.source)


def load_mapping(session: Session, source: str, entity: str) -> ImportSpec | None:
    stored = session.scalar(
        select(SavedMapping).where(SavedMapping.source == source, SavedMapping.entity == entity)
    )
    return ImportSpec.from_json(stored.spec) if stored is not None else None


def find_mapping(session: Session, header: list[str]) -> ImportSpec | None:
    """Return the most recently saved mapping made for a file with this exact header."""
    stored = session.scalar(
        select(SavedMapping)
        .where(SavedMapping.header_signature == header_signature(header))
        .order_by(SavedMapping.updated_at.desc())
        .limit(1)
    )
    return ImportSpec.from_json(stored.spec) if stored is not None else None
