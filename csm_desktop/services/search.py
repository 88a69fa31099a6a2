"""Search everywhere: accounts, contacts and notes whose text contains every typed word.

Matching is SQLite ``LIKE``, which ignores case for ASCII letters only; each
kind is capped so a one-letter query stays fast on a large database.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from csm_desktop.store.models import Account, Activity, Contact

log = logging.getLogger(__name__)

DEFAULT_LIMIT_PER_KIND = 8
# A note's hit shows this many characters of its body.
SNIPPET_LENGTH = 90


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: ``kind`` is "account", "contact" or "note"; ``account_id`` is what opens."""

    kind: str
    title: str
    detail: str
    account_id: uuid.UUID
    item_id: uuid.UUID
    day: date | None = None


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _all_words_match(words: list[str], *columns: Any) -> Any:
    """Return a condition: every word appears in at least one of ``columns``."""
    return [
        or_(*(column.like(_pattern(word), escape="\\") for column in columns)) for word in words
    ]


def search_everything(
    session: Session, text: str, *, limit_per_kind: int = DEFAULT_LIMIT_PER_KIND
) -> list[SearchHit]:
    """Return accounts, then contacts, then notes that match every word of ``text``."""
    words = text.split()
    if not words:
        return []
    return (
        _accounts(session, words, limit_per_kind)
        + _contacts(session, words, limit_per_kind)
        + _notes(session, words, limit_per_kind)
    )


def _accounts(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    starts = case((Account.name.like(f"{words[0]}%"), 0), else_=1)
    query = (
        select(Account.id, Account.name, Account.segment, Account.owner)
        .where(Account.deleted_at.is_(None), *_all_words_match(words, Account.name, Account.domain))
        .order_by(starts, Account.name)
        .limit(limit)
    )
    return [
        SearchHit(
            "account", name, " · ".join(p for p in (segment, owner) if p), account_id, account_id
        )
        for account_id, name, segment, owner in session.execute(query)
    ]


def _contacts(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    query = (
        select(Contact.id, Contact.name, Contact.title, Contact.account_id, Account.name)
        .join(Account, Account.id == Contact.account_id)
        .where(
            Contact.deleted_at.is_(None),
            Account.deleted_at.is_(None),
            *_all_words_match(words, Contact.name, Contact.email, Contact.title),
        )
        .order_by(Contact.name)
        .limit(limit)
    )
    return [
        SearchHit(
            "contact", name, " · ".join(p for p in (title, account) if p), account_id, contact_id
        )
        for contact_id, name, title, account_id, account in session.execute(query)
    ]


def _notes(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    query = (
        select(
            Activity.id,
            Activity.title,
            Activity.body,
            Activity.occurred_on,
            Activity.account_id,
            Account.name,
        )
        .join(Account, Account.id == Activity.account_id)
        .where(
            Activity.deleted_at.is_(None),
            Account.deleted_at.is_(None),
            *_all_words_match(words, Activity.title, Activity.body, Activity.summary),
        )
        .order_by(Activity.occurred_on.desc())
        .limit(limit)
    )
    hits: list[SearchHit] = []
    for note_id, title, body, day, account_id, account in session.execute(query):
        snippet = " ".join((body or "").split())[:SNIPPET_LENGTH]
        hits.append(
            SearchHit(
                "note",
                title or snippet or account,
                f"{account} · {snippet}",
                account_id,
                note_id,
                day,
            )
        )
    return hits
