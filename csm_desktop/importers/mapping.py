"""What to import and how: the ``ImportSpec``, suggested column mappings and survey scales.

An ``ImportSpec`` is plain data (it round-trips through JSON) so it can be
saved per source and replayed: the next import of the same report is one
click in the wizard, or ``--mapping FILE`` on the command line.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from csm_desktop.importers.dates import DateOrder
from csm_desktop.importers.fields import ENTITIES, Entity, Field, Kind, normalise_header
from csm_desktop.importers.numbers import DecimalStyle
from csm_desktop.importers.tabular import ReadOptions


@dataclass(frozen=True)
class Scale:
    """A survey scale: what it measures and its lowest and highest answer."""

    key: str
    kind: str
    low: int
    high: int
    label: str


SCALES = {
    s.key: s
    for s in (
        Scale("nps_0_10", "nps", 0, 10, "NPS, 0-10 (likelihood to recommend)"),
        Scale("csat_1_5", "csat", 1, 5, "CSAT, 1-5"),
        Scale("csat_1_7", "csat", 1, 7, "CSAT, 1-7"),
        Scale("csat_1_10", "csat", 1, 10, "CSAT, 1-10"),
        Scale("likelihood_1_5", "likelihood", 1, 5, "Likelihood, 1-5"),
    )
}
MATCH_KEYS = ("external_id", "name", "domain")


@dataclass
class ImportSpec:
    """Everything an import needs besides the file: entity, source, mapping and decisions."""

    entity: str
    source: str
    # Target field -> file column (header name after ``distinct_headers``).
    columns: dict[str, str] = field(default_factory=dict)
    # Target field -> fixed text used for every row (e.g. a survey date the file lacks).
    constants: dict[str, str] = field(default_factory=dict)
    # Target field -> {cell text, case-insensitive: replacement text}.
    value_maps: dict[str, dict[str, str]] = field(default_factory=dict)
    # How rows match stored accounts (accounts only): external_id, name or domain.
    match_key: str = "external_id"
    # How account references in other entities are resolved: external_id, name or domain.
    account_key: str = "external_id"
    scale: str | None = None
    # Fields whose texts, joined with "@", form the external id (when one id column repeats).
    key_fields: list[str] = field(default_factory=list)
    # Column -> order of day and month, deciding columns whose values are all ambiguous.
    date_orders: dict[str, str] = field(default_factory=dict)
    # Column -> decimal separator ("point" or "comma"); "*" applies to every column.
    decimal_styles: dict[str, str] = field(default_factory=dict)
    currency: str = "USD"
    create_missing_accounts: bool = False
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    sheet: str | None = None

    @property
    def definition(self) -> Entity:
        try:
            return ENTITIES[self.entity]
        except KeyError:
            raise ValueError(
                f"unknown entity {self.entity!r}; choose one of {', '.join(ENTITIES)}"
            ) from None

    def read_options(self) -> ReadOptions:
        return ReadOptions(self.encoding, self.delimiter, self.header_row, self.sheet)

    def date_order(self, column: str) -> DateOrder | None:
        value = self.date_orders.get(column) or self.date_orders.get("*")
        return DateOrder(value) if value else None

    def decimal_style(self, column: str) -> DecimalStyle | None:
        value = self.decimal_styles.get(column) or self.decimal_styles.get("*")
        return DecimalStyle(value) if value else None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportSpec:
        """Build a spec from saved JSON, ignoring keys this version does not know."""
        if not isinstance(data, dict) or "entity" not in data or "source" not in data:
            raise ValueError("a saved mapping needs at least 'entity' and 'source'")
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


_OBJECT_ENTITY = {
    "account": "accounts", "company": "accounts", "cuenta": "accounts", "empresa": "accounts",
    "contact": "contacts", "contacto": "contacts", "opportunity": "subscriptions",
    "case": "tickets", "ticket": "tickets", "invoice": "invoices", "factura": "invoices",
}  # fmt: skip


def header_object(header: str) -> str | None:
    """Return the entity named by a Salesforce-style "Object: Field" prefix, if any."""
    if ":" not in header:
        return None
    prefix = re.sub(r"[^a-z ]", "", header.split(":", 1)[0].lower()).strip()
    return _OBJECT_ENTITY.get(prefix, "other")


def _score(target: Field, entity: str, header: str) -> int:
    words = normalise_header(header)
    if not words:
        return 0
    obj = header_object(header)
    best = 0
    for synonym in target.synonyms:
        if words == synonym:
            best = max(best, 100)
        elif re.search(rf"\b{re.escape(synonym)}\b", words) and len(synonym) > 2:
            best = max(best, 40 + min(len(synonym), 30))
    if best and obj is not None:
        # "Account: Phone" belongs to an account, so it is not a contact's phone.
        wanted = "accounts" if target.kind == Kind.ACCOUNT_REF else entity
        best += 15 if obj == wanted else -35
    return max(best, 0)


def suggest_columns(entity: str, header: list[str]) -> dict[str, str]:
    """Suggest a column for each field of ``entity`` from the header names.

    Pairs are taken best score first, and each column fills at most one
    field, except that an account's name column may also be its external id
    when the file has no id column.
    """
    definition = ENTITIES[entity]
    pairs = []
    for target in definition.fields:
        for column in header:
            score = _score(target, entity, column)
            if score >= 50:
                pairs.append((score, target.name, column))
    pairs.sort(key=lambda p: (-p[0], header.index(p[2])))

    chosen: dict[str, str] = {}
    used: set[str] = set()
    for _score_value, name, column in pairs:
        if name in chosen or column in used:
            continue
        chosen[name] = column
        used.add(column)
    if "first_name" in chosen and chosen.get("name") == chosen["first_name"]:
        # A plain "Nombre" next to "Apellidos" is a first name, not a full name.
        del chosen["name"]
    return chosen


def suggest_scale(header: str, values: list[float]) -> str | None:
    """Suggest a survey scale from the header words and the answers seen, or None if unclear."""
    words = normalise_header(header)
    if not values:
        return None
    low, high = min(values), max(values)
    whole = all(float(v).is_integer() for v in values)
    if re.search(r"\b(nps|recommend|recomendar|recomendaria|0 10|0 a 10)\b", words) and high <= 10:
        return "nps_0_10" if low >= 0 else None
    if re.search(r"\b(likely|likelihood|probabilidad|probable)\b", words):
        if low >= 1 and high <= 5:
            return "likelihood_1_5"
        return "nps_0_10" if low >= 0 and high <= 10 else None
    if not whole:
        return None
    if low >= 1 and high <= 5:
        return "csat_1_5"
    if low >= 1 and high <= 7 and re.search(r"\b(csat|satisf)", words):
        return "csat_1_7"
    if low >= 0 and high <= 10 and high > 7:
        return "nps_0_10"
    return None
