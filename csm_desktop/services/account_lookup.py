"""Resolve an account from what a user typed: a UUID, a CRM id, a name or a name prefix."""

from __future__ import annotations

import difflib
import logging
import uuid

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from csm_desktop.services import accounts
from csm_desktop.store.models import Account

log = logging.getLogger(__name__)

MAX_CANDIDATES = 5


class AccountLookupError(LookupError):
    """No single account matches a name or id; ``candidates`` lists close account names."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class AccountNotFoundError(AccountLookupError, accounts.AccountNotFoundError):
    """No account matches the name or id.

    It also derives from the account service's error, so one ``except``
    clause in a caller catches a missing account from either module.
    """


class AmbiguousAccountError(AccountLookupError):
    """More than one account matches the name or prefix."""


def account_exists(session: Session, account_id: uuid.UUID) -> bool:
    """Return whether ``account_id`` is a live (not deleted) account."""
    query = select(Account.id).where(Account.id == account_id, Account.deleted_at.is_(None))
    return session.scalar(query) is not None


def find_account(session: Session, name_or_id: str) -> uuid.UUID:
    """Resolve an account from user input, trying each rule in turn.

    Rules in order: a UUID string, an exact external id, an exact name
    (case-insensitive), then a name prefix that only one account has.
    Raises ``AccountNotFoundError`` or ``AmbiguousAccountError`` with close
    account names in the message and in ``candidates``.
    """
    wanted = name_or_id.strip()
    if not wanted:
        raise AccountNotFoundError("No account name or id was given.", [])

    # Names are compared in Python because SQLite's lower() folds ASCII only,
    # which would miss "ŁÓDŹ" against "Łódź". A CSM's portfolio is expected to
    # hold a few thousand accounts at most, so one read of ids and names is cheap.
    accounts = session.execute(
        select(Account.id, Account.name, Account.external_id).where(Account.deleted_at.is_(None))
    ).all()

    by_uuid = _parse_uuid(wanted)
    if by_uuid is not None and any(row.id == by_uuid for row in accounts):
        return by_uuid

    rules = (
        lambda row: row.external_id == wanted,
        lambda row: row.name.casefold() == wanted.casefold(),
        lambda row: row.name.casefold().startswith(wanted.casefold()),
    )
    for rule in rules:
        matches = [row for row in accounts if rule(row)]
        if len(matches) == 1:
            return matches[0].id
        if matches:
            names = sorted(_label(row) for row in matches)
            shown = names[:MAX_CANDIDATES]
            more = len(names) - len(shown)
            listed = ", ".join(shown) + (f" and {more} more" if more else "")
            raise AmbiguousAccountError(
                f"{len(matches)} accounts match {wanted!r}: {listed}. "
                "Give the full name or the id.",
                shown,
            )

    close = difflib.get_close_matches(
        wanted.casefold(), [row.name.casefold() for row in accounts], n=MAX_CANDIDATES
    )
    candidates = [row.name for row in accounts if row.name.casefold() in close][:MAX_CANDIDATES]
    hint = f" Close names: {', '.join(candidates)}." if candidates else ""
    raise AccountNotFoundError(f"No account matches {wanted!r}.{hint}", candidates)


def _parse_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


def _label(row: Row[tuple[uuid.UUID, str, str | None]]) -> str:
    return f"{row.name} ({row.external_id})" if row.external_id else row.name
