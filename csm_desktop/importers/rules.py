"""Rules applied to a converted row of each entity: derived columns, allowed values, scales.

``finish_row`` changes the row in place into model column values. It raises
``FieldError`` (a ``ValueError``) naming the field whose value breaks a rule.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from csm_desktop.importers.mapping import Scale
from csm_desktop.store.models import ActivityType, LifecycleStage


class FieldError(ValueError):
    """A value breaks a rule of its field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


LIFECYCLE_WORDS = {
    "onboarding": LifecycleStage.ONBOARDING,
    "incorporacion": LifecycleStage.ONBOARDING,
    "incorporación": LifecycleStage.ONBOARDING,
    "adoption": LifecycleStage.ADOPTION,
    "adopcion": LifecycleStage.ADOPTION,
    "adopción": LifecycleStage.ADOPTION,
    "growth": LifecycleStage.GROWTH,
    "expansion": LifecycleStage.GROWTH,
    "crecimiento": LifecycleStage.GROWTH,
    "renewal": LifecycleStage.RENEWAL,
    "renovacion": LifecycleStage.RENEWAL,
    "renovación": LifecycleStage.RENEWAL,
    "churned": LifecycleStage.CHURNED,
    "churn": LifecycleStage.CHURNED,
    "baja": LifecycleStage.CHURNED,
    "perdido": LifecycleStage.CHURNED,
}
ACTIVITY_WORDS = {
    "call": ActivityType.CALL,
    "llamada": ActivityType.CALL,
    "meeting": ActivityType.MEETING,
    "reunion": ActivityType.MEETING,
    "reunión": ActivityType.MEETING,
    "email": ActivityType.EMAIL,
    "e-mail": ActivityType.EMAIL,
    "correo": ActivityType.EMAIL,
    "note": ActivityType.NOTE,
    "nota": ActivityType.NOTE,
    "qbr": ActivityType.QBR,
    "milestone": ActivityType.MILESTONE,
    "hito": ActivityType.MILESTONE,
    "internal note": ActivityType.INTERNAL_NOTE,
    "internal_note": ActivityType.INTERNAL_NOTE,
    "nota interna": ActivityType.INTERNAL_NOTE,
}
INVOICE_STATUS = {
    "paid": "paid",
    "pagada": "paid",
    "pagado": "paid",
    "cobrada": "paid",
    "settled": "paid",
    "open": "open",
    "pendiente": "open",
    "abierta": "open",
    "unpaid": "open",
    "overdue": "overdue",
    "vencida": "overdue",
    "late": "overdue",
    "impagada": "overdue",
}
REFERENCE_COLUMNS = {
    "account": "account_id",
    "contact": "contact_id",
    "subscription": "subscription_id",
}


def finish_row(entity: str, values: dict[str, Any], scale: Scale | None) -> None:
    """Apply the rules of ``entity`` to ``values`` in place."""
    _link_accounts(values)
    currency = values.pop("_currency", None)
    if "currency" in values:
        values["currency"] = _currency(values["currency"])
    elif currency is not None and entity in (
        "accounts",
        "subscriptions",
        "invoices",
        "churn_events",
    ):
        values["currency"] = currency

    rule = _RULES.get(entity)
    if rule is not None:
        rule(values, scale)
    for name, column in REFERENCE_COLUMNS.items():
        if name in values:
            values[column] = values.pop(name)


def _link_accounts(values: dict[str, Any]) -> None:
    """Take the account from a referenced contact or subscription when none is given."""
    for key in ("_account_of_subscription", "_account_of_contact"):
        account = values.pop(key, None)
        if account is not None and "account" not in values:
            values["account"] = account
        elif account is not None and account != values["account"]:
            raise FieldError(
                key.removeprefix("_account_of_"),
                QCoreApplication.translate(
                    "ImportReason", "belongs to another account than the row's account"
                ),
            )


def _currency(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise FieldError(
            "currency",
            QCoreApplication.translate(
                "ImportReason", "not an ISO 4217 currency code such as EUR or USD"
            ),
        )
    return code


def _accounts(values: dict[str, Any], scale: Scale | None) -> None:
    mrr = values.pop("mrr", None)
    if mrr is not None and "arr" not in values:
        values["arr"] = (mrr * 12).quantize(Decimal("0.0001"))
    if "lifecycle_stage" in values:
        word = values["lifecycle_stage"].strip().casefold()
        if word not in LIFECYCLE_WORDS:
            allowed = ", ".join(s.value for s in LifecycleStage)
            raise FieldError(
                "lifecycle_stage",
                QCoreApplication.translate(
                    "ImportReason", "not a lifecycle stage (use %1)"
                ).replace("%1", allowed),
            )
        values["lifecycle_stage"] = str(LIFECYCLE_WORDS[word])
    if values.get("seats") is not None and values["seats"] < 0:
        raise FieldError(
            "seats", QCoreApplication.translate("ImportReason", "seats cannot be negative")
        )


def _contacts(values: dict[str, Any], scale: Scale | None) -> None:
    first, last = values.pop("first_name", None), values.pop("last_name", None)
    if "name" not in values:
        name = " ".join(part for part in (first, last) if part)
        if not name:
            raise FieldError(
                "name",
                QCoreApplication.translate(
                    "ImportReason", "a contact needs a name, or a first or last name"
                ),
            )
        values["name"] = name[:200]


def _survey(values: dict[str, Any], scale: Scale | None) -> None:
    if scale is None:
        raise FieldError(
            "score", QCoreApplication.translate("ImportReason", "the survey scale is not chosen")
        )
    _check_scale(values, "score", scale)
    values.update(kind=scale.kind, scale_min=float(scale.low), scale_max=float(scale.high))
    values["score"] = float(values["score"])


def _check_scale(values: dict[str, Any], name: str, scale: Scale) -> None:
    score = values.get(name)
    if score is not None and not scale.low <= score <= scale.high:
        raise FieldError(
            name,
            QCoreApplication.translate("ImportReason", "%1 is outside the %2 scale")
            .replace("%1", str(score))
            .replace("%2", scale.label),
        )


def _tickets(values: dict[str, Any], scale: Scale | None) -> None:
    csat_scale = (
        scale
        if scale is not None and scale.kind == "csat"
        else Scale("csat_1_5", "csat", 1, 5, "CSAT, 1-5")
    )
    _check_scale(values, "csat", csat_scale)
    if values.get("csat") is not None:
        values["csat"] = float(values["csat"])
    if "status" in values:
        values["status"] = values["status"].casefold()
    else:
        values["status"] = "closed" if values.get("closed_at") else "open"
    if "priority" in values:
        values["priority"] = values["priority"].casefold()


def _invoices(values: dict[str, Any], scale: Scale | None) -> None:
    if "status" in values:
        word = values["status"].strip().casefold()
        if word not in INVOICE_STATUS:
            raise FieldError(
                "status",
                QCoreApplication.translate(
                    "ImportReason", "not an invoice status (use paid, open or overdue)"
                ),
            )
        values["status"] = INVOICE_STATUS[word]
    else:
        # Overdue depends on the day the portfolio is viewed, so it is not stored here.
        values["status"] = "paid" if values.get("paid_on") else "open"


def _activities(values: dict[str, Any], scale: Scale | None) -> None:
    if "kind" in values:
        word = values["kind"].strip().casefold()
        if word not in ACTIVITY_WORDS:
            allowed = ", ".join(t.value for t in ActivityType)
            raise FieldError(
                "kind",
                QCoreApplication.translate("ImportReason", "not an activity type (use %1)").replace(
                    "%1", allowed
                ),
            )
        values["kind"] = str(ACTIVITY_WORDS[word])
    else:
        values["kind"] = str(ActivityType.NOTE)


def _subscriptions(values: dict[str, Any], scale: Scale | None) -> None:
    if values.get("billing_frequency"):
        values["billing_frequency"] = values["billing_frequency"].casefold()
    if values.get("mrr") is not None and "arr" not in values:
        values["arr"] = values["mrr"] * 12
    end, start = values.get("end_date"), values.get("start_date")
    if end is not None and start is not None and end < start:
        raise FieldError(
            "end_date",
            QCoreApplication.translate("ImportReason", "the end date is before the start date"),
        )


def _usage(values: dict[str, Any], scale: Scale | None) -> None:
    if values.get("value") is not None and values["value"] < 0:
        raise FieldError(
            "value", QCoreApplication.translate("ImportReason", "a usage value cannot be negative")
        )


_RULES = {
    "accounts": _accounts,
    "contacts": _contacts,
    "survey_responses": _survey,
    "tickets": _tickets,
    "invoices": _invoices,
    "activities": _activities,
    "subscriptions": _subscriptions,
    "usage": _usage,
}
