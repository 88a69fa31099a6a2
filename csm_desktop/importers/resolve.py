"""Finding the stored account, contact or subscription a row refers to.

Accounts are matched by external id (same source first, then any source
when only one account has it), by normalised name or by normalised domain.
Salesforce "tree" JSON refers to records as ``@AccountRef1``; the ``@`` is
dropped before matching. Indexes are loaded once per import: a portfolio
has thousands of accounts, not millions.

Team sync can bring several accounts or contacts with one ``source`` and
``external_id`` (teammates who imported the same export). Every lookup by
that key then picks the same row, the first in ``preferred_first`` order.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.orm import Session

from csm_desktop.importers.fields import normalise_domain, normalise_name
from csm_desktop.store.models import Account, Contact, Subscription


class UnresolvedError(ValueError):
    """A reference names no stored record."""


# Synced tables whose (source, external_id) is not unique (migration 0013).
SHARED_KEY_TABLES = frozenset({"account", "contact"})


def preferred_first(table: Table) -> tuple[ColumnElement, ...]:
    """Return the ORDER BY that puts first the row an import uses when several share a key.

    A live row goes before a deleted one, then the oldest by ``created_at``,
    then the smallest id, so that every import picks the same row.
    """
    return (table.c.deleted_at.is_not(None), table.c.created_at, table.c.id)


def shared_key_note(count: int, entity: str) -> str:
    """Return the import note for ``count`` keys that match several rows of table ``entity``."""
    return (
        f"{count} {entity} id(s) match more than one stored row with the same source, usually "
        "because teammates imported the same export; the oldest row of each was updated. "
        "Possible duplicate accounts are listed under Sync > Conflicts and proposals > "
        "Possible duplicates."
    )


@dataclass
class AccountIndex:
    """Stored accounts by external id, normalised name and domain."""

    source: str
    by_source_id: dict[str, uuid.UUID] = field(default_factory=dict)
    by_any_id: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    by_name: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    by_domain: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def load(cls, session: Session, source: str) -> AccountIndex:
        index = cls(source)
        query = (
            select(Account.id, Account.source, Account.external_id, Account.name, Account.domain)
            .where(Account.deleted_at.is_(None))
            .order_by(*preferred_first(Account.__table__))
        )
        for account_id, row_source, external_id, name, domain in session.execute(query):
            index.add(account_id, row_source, external_id, name, domain)
        return index

    def add(
        self,
        account_id: uuid.UUID,
        source: str | None,
        external_id: str | None,
        name: str | None,
        domain: str | None,
    ) -> None:
        if external_id:
            if source == self.source:
                # The first account added for a key wins (``load`` adds them in preferred order).
                self.by_source_id.setdefault(external_id, account_id)
            self.by_any_id[external_id].add(account_id)
        # Names made only of punctuation or legal suffixes normalise to "" and match nothing.
        if name and normalise_name(name):
            self.by_name[normalise_name(name)].add(account_id)
        if domain and normalise_domain(domain):
            self.by_domain[normalise_domain(domain)].add(account_id)

    def find(self, value: str, key: str) -> uuid.UUID | None:
        """Return the one account ``value`` names under ``key``; raise if it names several."""
        value = value.strip().removeprefix("@")
        if key == "external_id":
            if value in self.by_source_id:
                return self.by_source_id[value]
            return self._single(self.by_any_id.get(value), value, "external id")
        if key == "domain":
            return self._single(
                self.by_domain.get(normalise_domain(value) or "\0"), value, "domain"
            )
        return self._single(self.by_name.get(normalise_name(value) or "\0"), value, "name")

    @staticmethod
    def _single(found: set[uuid.UUID] | None, value: str, what: str) -> uuid.UUID | None:
        if not found:
            return None
        if len(found) > 1:
            raise UnresolvedError(
                QCoreApplication.translate(
                    "ImportReason", "%1 accounts have the %2 %3; match on another key"
                )
                .replace("%1", str(len(found)))
                .replace("%2", _key_name(what))
                .replace("%3", repr(value))
            )
        return next(iter(found))


@dataclass
class LookupIndex:
    """Contacts by external id and e-mail, or subscriptions by external id, with their account."""

    by_key: dict[str, tuple[uuid.UUID, uuid.UUID]] = field(default_factory=dict)

    @classmethod
    def contacts(cls, session: Session, source: str) -> LookupIndex:
        index = cls()
        query = (
            select(
                Contact.id, Contact.account_id, Contact.source, Contact.external_id, Contact.email
            )
            .where(Contact.deleted_at.is_(None))
            .order_by(*preferred_first(Contact.__table__))
        )
        # An external id replaces an e-mail entry with the same text, but not an earlier id.
        by_id: set[str] = set()
        for contact_id, account_id, row_source, external_id, email in session.execute(query):
            if email:
                index.by_key.setdefault(email.casefold(), (contact_id, account_id))
            if external_id and row_source == source and external_id not in by_id:
                index.by_key[external_id] = (contact_id, account_id)
                by_id.add(external_id)
        return index

    @classmethod
    def subscriptions(cls, session: Session, source: str) -> LookupIndex:
        index = cls()
        query = select(Subscription.id, Subscription.account_id, Subscription.external_id).where(
            Subscription.source == source, Subscription.deleted_at.is_(None)
        )
        for subscription_id, account_id, external_id in session.execute(query):
            index.by_key[external_id] = (subscription_id, account_id)
        return index

    def find(self, value: str) -> tuple[uuid.UUID, uuid.UUID] | None:
        value = value.strip().removeprefix("@")
        return self.by_key.get(value) or self.by_key.get(value.casefold())


def describe_missing(kind: str, value: Any, key: str) -> str:
    """Explain an unresolved reference and what to do about it."""
    if kind == "account":
        return (
            QCoreApplication.translate(
                "ImportReason",
                "no account has the %1 %2; import accounts first, match on another key, "
                "or allow creating missing accounts",
            )
            .replace("%1", _key_name(key))
            .replace("%2", repr(value))
        )
    if kind == "contact":
        return QCoreApplication.translate(
            "ImportReason", "no contact has the id %1; import the contacts first"
        ).replace("%1", repr(value))
    return QCoreApplication.translate(
        "ImportReason", "no subscription has the id %1; import the subscriptions first"
    ).replace("%1", repr(value))


def _key_name(key: str) -> str:
    """Return the translated name of an account match key."""
    names = {
        "external_id": QCoreApplication.translate("ImportReason", "external id"),
        "name": QCoreApplication.translate("ImportReason", "name"),
        "domain": QCoreApplication.translate("ImportReason", "domain"),
    }
    return names.get(key, key.replace("_", " "))
