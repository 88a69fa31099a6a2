"""Find accounts that may be the same customer, for the user to review; nothing is merged.

Two live accounts are a possible duplicate pair when they share a
normalised name, a normalised web domain or a CRM id (the same ``source``
and ``external_id``). Sync matches rows only by UUID. The same customer
entered on two laptops before sync was enabled therefore becomes two
accounts after the first sync, and this module lists such pairs. A pair the user marks as not
duplicates is stored in ``duplicate_dismissal`` and is not listed again.
"""

from __future__ import annotations

import logging
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import DuplicateDismissal

log = logging.getLogger(__name__)

NAME, DOMAIN, CRM_ID = "name", "domain", "crm_id"

# Legal-form words stripped from the end of a name, as tokens after normalisation
# ("S.A." becomes "sa", "GmbH & Co. KG" becomes "gmbh co kg", 'בע"מ' becomes "בעמ").
_SUFFIX_WORDS = (
    "inc incorporated corp corporation co company llc llp lp ltd limited plc "
    "gmbh ag kg sa sas sarl srl spa sl bv nv oy ab as aps pty pte kk בעמ"
)
LEGAL_SUFFIXES: frozenset[tuple[str, ...]] = frozenset(
    {*((word,) for word in _SUFFIX_WORDS.split()), ("de", "cv"), ("s", "a")}
)
# Suffix lengths in tokens, longest first, so "s a" is stripped before a lone "a" could be.
_SUFFIX_LENGTHS = sorted({len(suffix) for suffix in LEGAL_SUFFIXES}, reverse=True)
# Dots, apostrophes and Hebrew abbreviation marks join their neighbours ("S.A." -> "sa",
# "O'Neil" -> "oneil", 'בע"מ' -> "בעמ"); every other character that is not a letter
# or digit separates words.
_JOINERS = re.compile("[.'’\"״׳]")
_SEPARATORS = re.compile(r"[\W_]+")
# Spaces and dots around a host name ("acme.com." is the fully qualified form).
_DOMAIN_EDGES = re.compile(r"^[\s.]+|[\s.]+$")


@dataclass(frozen=True)
class AccountSummary:
    """The fields of an account that matching reads and the inbox shows."""

    id: uuid.UUID
    name: str
    owner: str | None = None
    arr: Decimal | None = None
    currency: str = "USD"
    domain: str | None = None
    source: str | None = None
    external_id: str | None = None


@dataclass(frozen=True)
class DuplicatePair:
    """Two accounts that may be one customer; ``first.id`` is the smaller UUID.

    ``reasons`` lists what they share, in the order name, domain, CRM id.
    """

    first: AccountSummary
    second: AccountSummary
    reasons: tuple[str, ...]


def normalize_name(name: str | None) -> str:
    """Return the comparable form of a company name, or "" for a blank one.

    Accents, case and punctuation are removed and trailing legal-form words
    (Inc, LLC, GmbH, S.A. and the others in ``LEGAL_SUFFIXES``) are
    stripped, but a name made only of such words is kept.
    """
    text = _fold(_fold(name or ""))
    text = _JOINERS.sub("", text)
    tokens = _SEPARATORS.sub(" ", text).split()

    stripped = True
    while stripped:
        stripped = False
        for length in _SUFFIX_LENGTHS:
            if len(tokens) > length and tuple(tokens[-length:]) in LEGAL_SUFFIXES:
                del tokens[-length:]
                stripped = True
                break
    return " ".join(tokens)


def _fold(text: str) -> str:
    """Casefold, decompose (NFKD) and drop accents.

    Running it twice reaches a fixed point: casefolding can add a combining
    mark ("İ") and decomposing can give back capitals (fullwidth letters).
    """
    if text.isascii():
        # The common case, and a fast one: ASCII has no accents and no compatibility forms.
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in text if not unicodedata.combining(char))


def normalize_domain(domain: str | None) -> str:
    """Return the host of a web address or domain without ``www.``, or "" for a blank one.

    The scheme, user name, port, path, query and fragment are removed, so
    ``https://www.Acme.com/about`` and ``acme.com`` compare equal.
    Internationalised names are compared in their ASCII (IDNA) form.
    """
    text = (domain or "").strip().casefold()
    if "://" in text:
        text = text.split("://", 1)[1]
    text = re.split(r"[/?#]", text, maxsplit=1)[0]
    text = text.rsplit("@", 1)[-1]
    text = text.split(":", 1)[0]
    previous = None
    while text != previous:
        previous = text
        text = _DOMAIN_EDGES.sub("", text).removeprefix("www.")
    if text.isascii():
        return text
    try:
        return text.encode("idna").decode("ascii")
    except UnicodeError:
        # Labels too long or otherwise invalid for IDNA: compare the text as written.
        return text


def crm_key(source: str | None, external_id: str | None) -> str:
    """Return ``source:external_id`` for an account imported from a CRM, or "" without an id."""
    identifier = (external_id or "").strip()
    if not identifier:
        return ""
    return f"{(source or '').strip().casefold()}:{identifier}"


def find_pairs(accounts: Iterable[AccountSummary]) -> list[DuplicatePair]:
    """Return every pair of accounts that share a name, domain or CRM id key.

    NOTE: a key shared by n accounts yields n*(n-1)/2 pairs, so many
    accounts with one placeholder name produce a long list.
    """
    groups: dict[tuple[str, str], list[AccountSummary]] = defaultdict(list)
    for account in accounts:
        for reason, key in _keys(account):
            if key:
                groups[(reason, key)].append(account)

    reasons: dict[tuple[uuid.UUID, uuid.UUID], set[str]] = defaultdict(set)
    members: dict[uuid.UUID, AccountSummary] = {}
    for (reason, _key), group in groups.items():
        for left, right in combinations(group, 2):
            if left.id == right.id:
                continue
            first, second = sorted((left, right), key=lambda account: account.id)
            members[first.id], members[second.id] = first, second
            reasons[(first.id, second.id)].add(reason)

    pairs = [
        DuplicatePair(
            members[first_id],
            members[second_id],
            tuple(reason for reason in (NAME, DOMAIN, CRM_ID) if reason in found),
        )
        for (first_id, second_id), found in reasons.items()
    ]
    pairs.sort(key=lambda pair: (pair.first.name.casefold(), pair.second.name.casefold()))
    return pairs


def _keys(account: AccountSummary) -> tuple[tuple[str, str], ...]:
    return (
        (NAME, normalize_name(account.name)),
        (DOMAIN, normalize_domain(account.domain)),
        (CRM_ID, crm_key(account.source, account.external_id)),
    )


def open_pairs(db: Database) -> list[DuplicatePair]:
    """Return the possible duplicates among live accounts that the user has not dismissed.

    It reads and normalises every live account, which took about 1.2 s for
    50,000 accounts on a shared 2-core VM, so the UI calls it off its thread.
    """
    table = Account.__table__
    with db.engine.connect() as conn:
        # The columns in the order of AccountSummary's fields.
        rows = conn.execute(
            select(
                table.c.id,
                table.c.name,
                table.c.owner,
                table.c.arr,
                table.c.currency,
                table.c.domain,
                table.c.source,
                table.c.external_id,
            ).where(table.c.deleted_at.is_(None))
        ).all()
        dismissed = _dismissed(conn)
    accounts = [AccountSummary(*row) for row in rows]
    return [
        pair for pair in find_pairs(accounts) if (pair.first.id, pair.second.id) not in dismissed
    ]


def _dismissed(conn: Connection) -> set[tuple[uuid.UUID, uuid.UUID]]:
    table = DuplicateDismissal.__table__
    rows = conn.execute(select(table.c.first_id, table.c.second_id)).all()
    return {(row.first_id, row.second_id) for row in rows}


def dismiss(db: Database, account_id: uuid.UUID, other_id: uuid.UUID) -> None:
    """Store that two accounts are not duplicates; storing a pair again changes nothing."""
    first, second = sorted((account_id, other_id))
    statement = sqlite_insert(DuplicateDismissal.__table__).values(first_id=first, second_id=second)
    with db.engine.begin() as conn:
        conn.execute(statement.on_conflict_do_nothing(index_elements=["first_id", "second_id"]))
    log.info("Accounts %s and %s marked as not duplicates", first, second)
