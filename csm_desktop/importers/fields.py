"""The fields each entity accepts from a file, their kinds, and header names that suggest them.

Header names are compared after ``normalise_header``: lower case, accents
removed, punctuation turned into spaces, and the object prefix of a
Salesforce report header ("Account: Account Name") or a dotted JSON key
("properties.name") dropped. Synonyms are English and Spanish.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from csm_desktop.store.models import (
    Account,
    Activity,
    ChurnEvent,
    Contact,
    Invoice,
    Subscription,
    SupportTicket,
    SurveyResponse,
    UsageMetric,
)


class Kind(StrEnum):
    """How a cell's text becomes a value."""

    TEXT = "text"
    ID = "id"  # text kept exactly, leading zeros included
    INT = "int"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    DATETIME = "datetime"
    BOOL = "bool"
    SCORE = "score"  # a survey or CSAT score on an explicit scale
    EMAIL = "email"
    DOMAIN = "domain"
    ACCOUNT_REF = "account_ref"
    CONTACT_REF = "contact_ref"
    SUBSCRIPTION_REF = "subscription_ref"


@dataclass(frozen=True)
class Field:
    """A target field: the model column it fills (or a virtual name), kind and synonyms."""

    name: str
    kind: Kind
    synonyms: tuple[str, ...] = ()
    required: bool = False
    # Maximum text length of the column, so long text is a row error, not a cut.
    length: int | None = None


@dataclass(frozen=True)
class Entity:
    """An importable entity: its model, its fields, and its label in the UI."""

    name: str
    model: type
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field:
        for item in self.fields:
            if item.name == name:
                return item
        raise KeyError(f"{self.name} has no field {name!r}")


def _f(
    name: str, kind: Kind, synonyms: str = "", required: bool = False, length: int | None = None
) -> Field:
    words = tuple(s.strip() for s in synonyms.split("|") if s.strip())
    return Field(name, kind, (name.replace("_", " "), *words), required, length)


_ID = "id|external id|record id|crm id|identificador|codigo|id externo"
_ACCOUNT_REF = (
    "account|account id|account name|company|company name|customer|customer id|customer name|"
    "organization|organisation|cuenta|id cuenta|cliente|id cliente|empresa|nombre cuenta|"
    "associated company|company id|accountid|airline"
)

ENTITIES: dict[str, Entity] = {
    "accounts": Entity("accounts", Account, (
        _f("external_id", Kind.ID, _ID + "|account id|customer id|company id|accountid|"
           "record id hubspot|account number|id cuenta|id cliente|referenceid"),
        _f("name", Kind.TEXT, "account name|company name|company|customer name|customer|"
           "organization|name|nombre|nombre cuenta|nombre de la cuenta|empresa|cliente|"
           "razon social", required=True, length=300),
        _f("domain", Kind.DOMAIN, "website|company domain name|web|sitio web|dominio|url"),
        _f("segment", Kind.TEXT, "segmento|tier|customer segment", length=40),
        _f("industry", Kind.TEXT, "industria|sector|vertical|type", length=120),
        _f("country", Kind.TEXT, "country region|pais|billing country|country code", length=80),
        _f("plan_tier", Kind.TEXT, "plan|product|plan tier|producto", length=60),
        _f("seats", Kind.INT, "licenses|licences|users|licencias|puestos|plazas|seats purchased"),
        _f("arr", Kind.MONEY, "annual recurring revenue|annual revenue|arr amount|"
           "ingresos anuales|facturacion anual|contract value"),
        _f("mrr", Kind.MONEY, "monthly recurring revenue|monthly charges|mrr amount|cuota mensual"),
        _f("currency", Kind.TEXT, "currency code|moneda|divisa", length=3),
        _f("signup_date", Kind.DATE, "create date|created date|fecha alta|fecha de alta|"
           "signup|customer since"),
        _f("contract_start", Kind.DATE, "contract start date|start date|inicio contrato|"
           "fecha inicio"),
        _f("renewal_date", Kind.DATE, "renewal|next renewal date|contract end date|"
           "fecha renovacion|renovacion|fecha de renovacion|end date"),
        _f("term_months", Kind.INT, "term|contract term|contract|plazo|duracion contrato"),
        _f("lifecycle_stage", Kind.TEXT, "lifecycle|stage|status|etapa|estado|churn", length=20),
        _f("owner", Kind.TEXT, "account owner|csm|customer success manager|company owner|"
           "propietario|responsable|gestor", length=120),
        _f("is_trial", Kind.BOOL, "trial|prueba|en prueba"),
        _f("referral_source", Kind.TEXT, "lead source|source|origen|fuente", length=60),
    )),
    "contacts": Entity("contacts", Contact, (
        _f("external_id", Kind.ID, _ID + "|contact id|referenceid"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("name", Kind.TEXT, "full name|contact name|nombre completo|contacto", length=200),
        _f("first_name", Kind.TEXT, "first name|firstname|given name|nombre"),
        _f("last_name", Kind.TEXT, "last name|lastname|surname|family name|apellido|apellidos"),
        _f("title", Kind.TEXT, "job title|position|cargo|puesto|titulo", length=200),
        _f("email", Kind.EMAIL, "email address|e mail|correo|correo electronico"),
        _f("phone", Kind.ID, "phone number|telephone|mobile|mobile phone|telefono|movil"),
        _f("last_contacted", Kind.DATE, "last contacted date|last activity date|ultimo contacto"),
    )),
    "subscriptions": Entity("subscriptions", Subscription, (
        _f("external_id", Kind.ID, _ID + "|subscription id|opportunity id|id suscripcion"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("start_date", Kind.DATE, "start|contract start|fecha inicio|inicio", required=True),
        _f("end_date", Kind.DATE, "end|contract end|fecha fin|fin|close date|renewal date"),
        _f("plan_tier", Kind.TEXT, "plan|product|producto", length=60),
        _f("seats", Kind.INT, "licenses|quantity|licencias|cantidad"),
        _f("mrr", Kind.MONEY, "mrr amount|monthly amount|cuota mensual"),
        _f("arr", Kind.MONEY, "arr amount|amount|annual amount|importe|importe anual"),
        _f("currency", Kind.TEXT, "currency code|moneda|divisa", length=3),
        _f("is_trial", Kind.BOOL, "trial|prueba"),
        _f("churn_flag", Kind.BOOL, "churned|churn|baja"),
        _f("billing_frequency", Kind.TEXT, "billing|billing period|facturacion|periodicidad",
           length=20),
        _f("auto_renew", Kind.BOOL, "auto renew flag|auto renewal|renovacion automatica"),
    )),
    "usage": Entity("usage", UsageMetric, (
        _f("external_id", Kind.ID, _ID + "|usage id|event id"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("subscription", Kind.SUBSCRIPTION_REF, "subscription|subscription id|id suscripcion"),
        _f("usage_date", Kind.DATE, "date|day|event date|fecha|dia", required=True),
        _f("metric", Kind.TEXT, "metric name|measure|event|metrica|medida|event name", length=40),
        _f("feature", Kind.TEXT, "feature name|funcionalidad|modulo", length=120),
        _f("value", Kind.NUMBER, "count|usage count|total|valor|cantidad|events|active users",
           required=True),
        _f("duration_secs", Kind.NUMBER, "usage duration secs|duration|duracion"),
        _f("error_count", Kind.INT, "errors|errores"),
        _f("is_beta", Kind.BOOL, "is beta feature|beta"),
    )),
    "survey_responses": Entity("survey_responses", SurveyResponse, (
        _f("external_id", Kind.ID, _ID + "|response id|respondent id|customerid|id respuesta"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("contact", Kind.CONTACT_REF, "contact|contact email|email|respondent|encuestado"),
        _f("responded_on", Kind.DATE, "date|timestamp|submitted at|response date|fecha|"
           "fecha respuesta|completed", required=True),
        _f("score", Kind.SCORE, "nps|nps score|csat|rating|likelihood to recommend|"
           "how likely are you to recommend|puntuacion|valoracion|recomendaria", required=True),
        _f("verbatim", Kind.TEXT, "comment|comments|feedback|why|reason|comentario|motivo"),
    )),
    "tickets": Entity("tickets", SupportTicket, (
        _f("external_id", Kind.ID, _ID + "|ticket id|case number|case id|ticket number|"
           "numero de ticket|id ticket"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("opened_on", Kind.DATE, "created|opened|submitted at|date opened|created date|"
           "fecha apertura|fecha creacion", required=True),
        _f("closed_at", Kind.DATETIME, "closed|date closed|closed date|fecha cierre"),
        _f("subject", Kind.TEXT, "title|summary|asunto|titulo", length=300),
        _f("priority", Kind.TEXT, "severity|prioridad|gravedad", length=20),
        _f("status", Kind.TEXT, "ticket status|estado", length=20),
        _f("resolution_hours", Kind.NUMBER, "resolution time hours|horas resolucion"),
        _f("first_response_minutes", Kind.NUMBER, "first response time minutes"),
        _f("csat", Kind.SCORE, "satisfaction|satisfaction score|csat score|satisfaccion"),
        _f("escalated", Kind.BOOL, "escalation flag|escalated|escalado"),
    )),
    "invoices": Entity("invoices", Invoice, (
        _f("external_id", Kind.ID, _ID + "|invoice number|invoice id|invoice|numero factura|"
           "factura|n factura"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("amount", Kind.MONEY, "invoice amount|total|importe|importe factura|total factura",
           required=True),
        _f("currency", Kind.TEXT, "currency code|moneda|divisa", length=3),
        _f("issued_on", Kind.DATE, "invoice date|issue date|date|fecha factura|fecha emision"),
        _f("due_on", Kind.DATE, "due date|fecha vencimiento|vencimiento"),
        _f("paid_on", Kind.DATE, "paid date|settled date|payment date|fecha pago|fecha cobro"),
        _f("status", Kind.TEXT, "invoice status|payment status|estado", length=20),
    )),
    "churn_events": Entity("churn_events", ChurnEvent, (
        _f("external_id", Kind.ID, _ID + "|churn event id|churn id"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("churn_date", Kind.DATE, "date|fecha|fecha baja|cancellation date|churned on",
           required=True),
        _f("reason_code", Kind.TEXT, "reason|churn reason|motivo|motivo baja", length=60),
        _f("refund_amount", Kind.MONEY, "refund|refund amount usd|reembolso"),
        _f("feedback_text", Kind.TEXT, "feedback|comment|comentario"),
        _f("is_reactivation", Kind.BOOL, "reactivation|reactivacion"),
    )),
    "activities": Entity("activities", Activity, (
        _f("external_id", Kind.ID, _ID + "|activity id|engagement id|task id"),
        _f("account", Kind.ACCOUNT_REF, _ACCOUNT_REF, required=True),
        _f("kind", Kind.TEXT, "type|activity type|tipo|engagement type", length=20),
        _f("occurred_on", Kind.DATE, "date|activity date|created date|fecha|timestamp",
           required=True),
        _f("title", Kind.TEXT, "subject|asunto|titulo", length=300),
        _f("summary", Kind.TEXT, "description|resumen|descripcion"),
        _f("body", Kind.TEXT, "notes|note|body|notas|nota|comments|cuerpo"),
        _f("attendees", Kind.TEXT, "participants|asistentes|participantes"),
        _f("next_steps", Kind.TEXT, "next step|siguientes pasos|proximos pasos"),
        _f("sentiment", Kind.TEXT, "sentimiento|mood", length=20),
        _f("author", Kind.TEXT, "owner|created by|assigned to|autor|propietario", length=120),
    )),
}  # fmt: skip


def normalise_header(text: str) -> str:
    """Reduce a header to comparable words: "Account: Account Name" -> "account name"."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    text = text.strip().lstrip("\ufeff")
    if ":" in text:
        # Salesforce report headers: "Object: Field Label".
        text = text.split(":", 1)[1]
    if "." in text and " " not in text:
        # Dotted JSON keys: "properties.name", "attributes.referenceId".
        text = text.rsplit(".", 1)[1]
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)  # camelCase and PascalCase
    text = re.sub(r"__c$", "", text)  # Salesforce custom field suffix
    text = re.sub(r"[^A-Za-z0-9]+", " ", text).strip().lower()
    return re.sub(r"\s+", " ", text)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


_LEGAL_SUFFIX_RE = re.compile(
    r"\b(inc|incorporated|ltd|limited|llc|gmbh|ag|corp|corporation|co|company|plc|sa|sl|slu|sas|"
    r"bv|nv|srl|spa|pty)\b"
)


def normalise_name(text: str) -> str:
    """Reduce a company name to a match key: "ACME, Inc." and "Acme Inc" both give "acme"."""
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", _ascii(text))  # "s.a." -> "sa."
    text = re.sub(r"\b([a-z])\.([a-z])\.?", r"\1\2", text)
    text = re.sub(r"[^a-z0-9&]+", " ", text.replace("&", " and "))
    text = _LEGAL_SUFFIX_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def normalise_domain(text: str) -> str:
    """Reduce a web address to its host: "https://www.Acme.com/about" gives "acme.com"."""
    text = _ascii(text).strip()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = re.split(r"[/?#:]", text, maxsplit=1)[0]
    if "@" in text:
        text = text.rsplit("@", 1)[1]
    return text.removeprefix("www.").strip(".")
