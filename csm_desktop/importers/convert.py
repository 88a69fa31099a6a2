"""Turning one file row into the column values of one entity row, or rejecting it.

Each cell goes through its field's kind (see ``fields.Kind``) with the
column decisions of the first pass. Any cell that cannot be read without a
guess rejects the whole row with every reason found; nothing becomes a
silent zero or default. Rows without an id column get a derived key from
the fields that identify them, so a re-import still matches.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from csm_desktop.importers.analysis import Decisions
from csm_desktop.importers.dates import as_date, read_date
from csm_desktop.importers.fields import Field, Kind, normalise_domain, normalise_name
from csm_desktop.importers.mapping import SCALES, ImportSpec
from csm_desktop.importers.numbers import read_number
from csm_desktop.importers.resolve import (
    AccountIndex,
    LookupIndex,
    UnresolvedError,
    describe_missing,
)
from csm_desktop.importers.rules import finish_row
from csm_desktop.importers.tabular import SourceRow
from csm_desktop.importers.values import parse_bool, unguard_formula

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Fields whose text identifies a row when the file has no id column.
NATURAL_KEYS = {
    "accounts": ("name",),
    "contacts": ("account", "email", "name", "first_name", "last_name"),
    "subscriptions": ("account", "start_date", "plan_tier"),
    "usage": ("account", "subscription", "usage_date", "metric", "feature"),
    "survey_responses": ("account", "contact", "responded_on"),
    "tickets": ("account", "opened_on", "subject"),
    "invoices": ("account", "issued_on", "due_on", "amount"),
    "churn_events": ("account", "churn_date"),
    "activities": ("account", "occurred_on", "kind", "title"),
}


class RowRejected(Exception):
    """A row cannot be imported; ``problems`` lists (column, value, reason) per cell."""

    def __init__(self, problems: list[tuple[str, str, str]]) -> None:
        super().__init__("; ".join(p[2] for p in problems))
        self.problems = problems


@dataclass
class ConvertedRow:
    """Column values for one entity row, its external id and, if known, its stored id."""

    line: int
    external_id: str
    values: dict[str, Any]
    target_id: uuid.UUID | None = None
    raw_key: list[str] = field(default_factory=list)
    # The source row's raw cells, so a row the writer rejects reaches the rejections file whole.
    cells: list[Any] = field(default_factory=list)


CreateAccount = Callable[[str, str], uuid.UUID]


class RowConverter:
    """Converts the rows of one file under one ``ImportSpec``."""

    def __init__(
        self,
        spec: ImportSpec,
        header: list[str],
        decisions: Decisions,
        accounts: AccountIndex,
        contacts: LookupIndex | None,
        subscriptions: LookupIndex | None,
        create_account: CreateAccount | None,
    ) -> None:
        self.spec = spec
        self.decisions = decisions
        self.accounts = accounts
        self.contacts = contacts
        self.subscriptions = subscriptions
        self.create_account = create_account
        self.definition = spec.definition
        self.ordered_fields = sorted(
            self.definition.fields, key=lambda f: f.kind == Kind.ACCOUNT_REF
        )
        self.positions = {name: header.index(col) for name, col in spec.columns.items()}
        self.scale = SCALES.get(decisions.scale or "") if decisions.scale else None
        self.maps = {
            name: {k.strip().casefold(): v for k, v in mapping.items()}
            for name, mapping in spec.value_maps.items()
        }

    def convert(self, row: SourceRow) -> ConvertedRow:
        """Return the converted row or raise ``RowRejected`` with every problem found."""
        problems: list[tuple[str, str, str]] = []
        values: dict[str, Any] = {}
        texts: dict[str, str] = {}
        for target in self.ordered_fields:
            raw = self._raw(target.name, row)
            if raw is None:
                continue
            texts[target.name] = _as_text(raw)
            if target.kind == Kind.ACCOUNT_REF and problems:
                # Resolved last, so a rejected row never creates a missing account.
                continue
            try:
                value = self._read(target, raw, values)
            except ValueError as exc:
                problems.append((self._column(target.name), _as_text(raw), str(exc)))
                continue
            if value is None and target.required:
                problems.append((self._column(target.name), "", _value_required()))
            elif value is not None:
                values[target.name] = value
        for target in self.definition.fields:
            if target.name == "account" and ({"subscription", "contact"} & texts.keys()):
                # The account comes from the referenced subscription or contact.
                continue
            if target.required and target.name not in values and target.name not in texts:
                problems.append((self._column(target.name), "", _value_required()))
        if problems:
            raise RowRejected(_dedupe(problems))

        try:
            finish_row(self.spec.entity, values, self.scale)
        except ValueError as exc:
            column = getattr(exc, "field", "")
            raise RowRejected([(self._column(column), texts.get(column, ""), str(exc))]) from None
        converted = self._keyed(row.number, values, texts)
        converted.cells = row.cells
        return converted

    def _raw(self, name: str, row: SourceRow) -> Any:
        if name in self.positions:
            index = self.positions[name]
            cell = row.cells[index] if index < len(row.cells) else None
        else:
            cell = self.spec.constants.get(name)
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            return None
        if name in self.maps and isinstance(cell, str | int | float):
            cell = self.maps[name].get(str(cell).strip().casefold(), cell)
        if isinstance(cell, str):
            # Exports and rejection files put an apostrophe before text a spreadsheet would
            # run as a formula ("'=x", "'-A1"), in every kind of column, ids included.
            # Stripping comes first, so a guarded "'\tTab" keeps its tab.
            cell = unguard_formula(cell.strip())
        return cell

    def _column(self, name: str) -> str:
        return self.spec.columns.get(name) or (f"({name})" if name else "")

    def _read(self, target: Field, raw: Any, values: dict[str, Any]) -> Any:
        column = self.spec.columns.get(target.name, "")
        kind = target.kind
        if kind in (Kind.TEXT, Kind.ID):
            text = _as_text(raw)
            if target.length and len(text) > target.length:
                raise ValueError(
                    QCoreApplication.translate("ImportReason", "longer than %1 characters (%2)")
                    .replace("%1", str(target.length))
                    .replace("%2", str(len(text)))
                )
            return text
        if kind in (Kind.INT, Kind.NUMBER, Kind.MONEY, Kind.SCORE):
            return self._number(target, raw, column, values)
        if kind in (Kind.DATE, Kind.DATETIME):
            stamp = _stamp(
                raw, self.decisions.date_orders.get(column) or self.spec.date_order(column)
            )
            return as_date(stamp) if kind == Kind.DATE else stamp
        if kind == Kind.BOOL:
            if isinstance(raw, bool):
                return raw
            return parse_bool(_as_text(raw))
        if kind == Kind.EMAIL:
            text = _as_text(raw)
            if not _EMAIL_RE.match(text):
                raise ValueError(
                    QCoreApplication.translate("ImportReason", "not an e-mail address")
                )
            return text
        if kind == Kind.DOMAIN:
            host = normalise_domain(_as_text(raw))
            if "." not in host or " " in host:
                raise ValueError(
                    QCoreApplication.translate(
                        "ImportReason", "not a web domain such as example.com"
                    )
                )
            return host
        return self._reference(target, _as_text(raw), values)

    def _number(self, target: Field, raw: Any, column: str, values: dict[str, Any]) -> Any:
        if isinstance(raw, bool):
            raise ValueError(
                QCoreApplication.translate(
                    "ImportReason", "a yes/no value where a number is expected"
                )
            )
        if isinstance(raw, int | float | Decimal):
            number = Decimal(str(raw))
        else:
            style = self.decisions.decimal_styles.get(column) or self.spec.decimal_style(column)
            parsed = read_number(str(raw), style, dollar=self.spec.currency)
            number = parsed.value
            if parsed.currency and target.kind == Kind.MONEY:
                values.setdefault("_currency", parsed.currency)
        if target.kind == Kind.MONEY:
            return number
        if target.kind == Kind.INT or target.kind == Kind.SCORE:
            if number != number.to_integral_value():
                raise ValueError(QCoreApplication.translate("ImportReason", "not a whole number"))
            return int(number)
        return float(number)

    def _reference(self, target: Field, text: str, values: dict[str, Any]) -> Any:
        if target.kind == Kind.ACCOUNT_REF:
            key = self.spec.account_key
            found = self.accounts.find(text, key)
            if found is None and self.create_account is not None:
                found = self.create_account(text, key)
            if found is None:
                raise UnresolvedError(describe_missing("account", text, key))
            return found
        index = self.contacts if target.kind == Kind.CONTACT_REF else self.subscriptions
        kind = "contact" if target.kind == Kind.CONTACT_REF else "subscription"
        pair = index.find(text) if index is not None else None
        if pair is None:
            raise UnresolvedError(describe_missing(kind, text, "external_id"))
        values.setdefault("_account_of_" + target.name, pair[1])
        return pair[0]

    def _keyed(self, line: int, values: dict[str, Any], texts: dict[str, str]) -> ConvertedRow:
        entity = self.spec.entity
        target_id = None
        if entity == "accounts" and self.spec.match_key in ("name", "domain"):
            match_on = values.get(self.spec.match_key)
            if match_on:
                try:
                    target_id = self.accounts.find(str(match_on), self.spec.match_key)
                except UnresolvedError as exc:
                    column = self._column(self.spec.match_key)
                    raise RowRejected([(column, str(match_on), str(exc))]) from None
        external_id = values.pop("external_id", None)
        if self.spec.key_fields:
            external_id = "@".join(texts.get(name, "") for name in self.spec.key_fields)
        if external_id is None:
            if entity == "accounts" and self.spec.match_key == "domain" and values.get("domain"):
                external_id = f"domain:{values['domain']}"
            elif entity == "accounts":
                external_id = f"name:{normalise_name(values['name'])}"
            else:
                parts = [self._key_part(name, texts) for name in NATURAL_KEYS[entity]]
                digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
                external_id = f"row:{digest}"
        if len(external_id) > 120:
            raise RowRejected(
                [
                    (
                        self._column("external_id"),
                        external_id,
                        QCoreApplication.translate(
                            "ImportReason", "an id longer than 120 characters"
                        ),
                    )
                ]
            )
        return ConvertedRow(line, external_id, values, target_id)

    def _key_part(self, name: str, texts: dict[str, str]) -> str:
        """Return a field's text for a derived key; dates in one form, to the second.

        The same survey exported with "11/1/2019 8:51:12" and with
        "2019-11-01 08:51:12.402" must give the same key.
        """
        text = texts.get(name, "")
        target = self.definition.field(name)
        if text and target.kind in (Kind.DATE, Kind.DATETIME):
            column = self.spec.columns.get(name, "")
            order = self.decisions.date_orders.get(column) or self.spec.date_order(column)
            return _stamp(text, order).replace(microsecond=0).isoformat()
        return text


def _value_required() -> str:
    return QCoreApplication.translate("ImportReason", "a value is required")


def _as_text(raw: Any) -> str:
    if isinstance(raw, str):
        # ``_raw`` has stripped and unguarded it already.
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ")
    return str(raw).strip()


def _stamp(raw: Any, order: Any) -> datetime:
    if isinstance(raw, datetime):
        return raw
    if isinstance(raw, date):
        return datetime.combine(raw, time())
    if isinstance(raw, int | float):
        raise ValueError(
            QCoreApplication.translate("ImportReason", "a number where a date is expected")
        )
    return read_date(str(raw), order)


def _dedupe(problems: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    seen: set[tuple[str, str, str]] = set()
    result = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            result.append(problem)
    return result
