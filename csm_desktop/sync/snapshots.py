"""Health snapshots in team sync: queued for push by query, stored from pulls, never updated.

A backfill can write hundreds of thousands of snapshots, so they do not get
an outbox entry each when written. Before each push batch,
``queue_snapshots`` moves at most one batch of unsent snapshots into the
outbox. There they are frozen like any entry, so a retry resends the same
mutations. A snapshot counts as sent once it has a ``sync_base`` row, which
keeps only the account id: an immutable row has nothing to merge. The
row's ``sync_seq`` copies that mark, so that finding the unsent ones reads
a partial index of unsent rows instead of every snapshot.

Only snapshots of accounts the user owns, or unowned ones, are pushed: the
owner's app has the usage and ticket data the score is computed from. A
pulled snapshot replaces the local one for the same account, date and kind
unless that local one is still waiting to be pushed.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import Connection, bindparam, delete, exists, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from csm_desktop.store.models import Account, HealthSnapshot
from csm_desktop.store.sync_models import SyncBase, SyncOutbox
from csm_desktop.sync import outbox, state
from csm_desktop.sync.capture import load_clock, save_clock
from csm_desktop.sync.entities import (
    SNAPSHOT_AUTHOR_FIELD,
    SNAPSHOT_ENTITY,
    SNAPSHOT_SPEC,
    from_wire,
    row_to_wire,
)
from csm_desktop.sync.hlc import WallClock
from csm_server.policies import owner_key

log = logging.getLogger(__name__)

_base = SyncBase.__table__
_outbox = SyncOutbox.__table__
_snapshot = HealthSnapshot.__table__
_account = Account.__table__


def user_keys(conn: Connection) -> set[str]:
    """Return the owner keys that name this database's team user, plus "" (unowned)."""
    keys = {""}
    for key in (state.USER_EMAIL, state.USER_NAME):
        value = state.get_value(conn, key)
        if value:
            keys.add(owner_key(value))
    return keys


def queue_snapshots(conn: Connection, batch_size: int, wall: WallClock | None = None) -> int:
    """Fill the outbox with unsent snapshots up to ``batch_size`` live entries; return how many.

    A snapshot is queued once its account is on the server (has a base), so
    the server can check that the user may add to that account.
    """
    totals = outbox.counts(conn)
    room = batch_size - totals[outbox.PENDING] - totals[outbox.INFLIGHT]
    author = state.get_value(conn, state.USER_EMAIL)
    if room <= 0 or not author:
        return 0
    accounts = _pushable_accounts(conn)
    if not accounts:
        return 0

    rows = _take_unsent(conn, accounts, room)
    if not rows:
        return 0
    clock = load_clock(conn, wall)
    entries = []
    for row in rows:
        fields = {
            name: {"value": value}
            for name, value in row_to_wire(SNAPSHOT_SPEC, row, SNAPSHOT_SPEC.fields).items()
        }
        fields[SNAPSHOT_AUTHOR_FIELD] = {"value": author}
        entries.append((row.id, fields, clock.tick()))
    outbox.add_inserts(conn, SNAPSHOT_ENTITY, entries)
    save_clock(conn, clock)
    log.info("Queued %d health snapshots for push", len(rows))
    return len(rows)


def count_unqueued(conn: Connection) -> int:
    """Return how many snapshots will be pushed but have no outbox entry yet.

    These are the user's unsent snapshots of live accounts the user owns or
    that are unowned, including accounts not yet on the server: their
    snapshots are queued in the same sync, right after the account's insert.
    """
    if not state.get_value(conn, state.USER_EMAIL):
        return 0
    keys = user_keys(conn)
    rows = conn.execute(
        select(_account.c.id, _account.c.owner).where(_account.c.deleted_at.is_(None))
    ).all()
    accounts = [row.id for row in rows if owner_key(row.owner) in keys]
    if not accounts:
        return 0
    queued = exists().where(
        _outbox.c.entity == SNAPSHOT_ENTITY, _outbox.c.entity_id == _snapshot.c.id
    )
    sent = exists().where(_base.c.entity == SNAPSHOT_ENTITY, _base.c.entity_id == _snapshot.c.id)
    query = select(func.count()).where(
        _snapshot.c.sync_seq.is_(None),
        _snapshot.c.account_id.in_(accounts),
        _snapshot.c.origin.is_(None),
        _snapshot.c.deleted_at.is_(None),
        ~queued,
        ~sent,
    )
    return conn.execute(query).scalar_one()


def _pushable_accounts(conn: Connection) -> list[uuid.UUID]:
    """Return the accounts on the server that this user owns, and the unowned ones."""
    keys = user_keys(conn)
    on_server = (_base.c.entity == "account") & (_base.c.entity_id == _account.c.id)
    rows = conn.execute(
        select(_account.c.id, _account.c.owner).where(
            _account.c.deleted_at.is_(None), exists().where(on_server, ~_base.c.deleted)
        )
    ).all()
    return [row.id for row in rows if owner_key(row.owner) in keys]


def _take_unsent(conn: Connection, accounts: list[uuid.UUID], limit: int) -> list[Any]:
    """Return up to ``limit`` snapshots of ``accounts`` that the server does not have.

    A recompute that gives the same result re-creates rows with an id the
    server has, and no ``sync_seq``. Such rows get the server's seq here
    and leave the unsent index, so each row is read once, not once a batch.
    """
    found: list[Any] = []
    while len(found) < limit:
        rows = conn.execute(_unsent_query(accounts).limit(limit - len(found))).all()
        sent = [{"row_id": row.id, "seq": row.base_seq} for row in rows if row.base_seq is not None]
        found += [row for row in rows if row.base_seq is None]
        if not sent:
            break
        conn.execute(_SET_SYNC_SEQ, sent)
    return found


def _unsent_query(accounts: list[uuid.UUID]):
    """Select unqueued snapshots of ``accounts`` with no ``sync_seq``, and their base seq if any."""
    queued = exists().where(
        _outbox.c.entity == SNAPSHOT_ENTITY, _outbox.c.entity_id == _snapshot.c.id
    )
    columns = [_snapshot.c.id, *(_snapshot.c[name] for name in SNAPSHOT_SPEC.fields)]
    on_server = (_base.c.entity == SNAPSHOT_ENTITY) & (_base.c.entity_id == _snapshot.c.id)
    return (
        select(*columns, _base.c.seq.label("base_seq"))
        .outerjoin(_base, on_server)
        .where(
            _snapshot.c.sync_seq.is_(None),
            _snapshot.c.account_id.in_(accounts),
            _snapshot.c.origin.is_(None),
            _snapshot.c.deleted_at.is_(None),
            ~queued,
        )
        .order_by(_snapshot.c.account_id, _snapshot.c.as_of)
    )


def acknowledge_snapshot(conn: Connection, entry: outbox.Entry, seq: int | None) -> None:
    """Mark a pushed snapshot as on the server, so it is never queued again."""
    account = entry.fields["account_id"]["value"]
    _save_base(conn, entry.entity_id, seq or 0, {"account_id": account}, parked=False)
    conn.execute(_SET_SYNC_SEQ, {"row_id": entry.entity_id, "seq": seq or 0})


class _PageContext:
    """Lookups shared by the snapshots of one pull page: the user's keys, accounts seen."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.keys = user_keys(conn)
        self._owners: dict[uuid.UUID, str | None] = {}

    def account_owner(self, account_id: uuid.UUID) -> str | None:
        """Return the account's owner key, or None when the account is not here."""
        if account_id not in self._owners:
            row = self.conn.execute(
                select(_account.c.owner).where(_account.c.id == account_id)
            ).first()
            self._owners[account_id] = None if row is None else owner_key(row.owner)
        return self._owners[account_id]


def store_snapshots(conn: Connection, changes: list[dict[str, Any]]) -> None:
    """Store the pulled snapshots of one page; park those whose account has not arrived."""
    page = _PageContext(conn)
    for change in changes:
        snapshot_id = uuid.UUID(change["id"])
        row = change["row"]
        small = {"account_id": row.get("account_id")}
        if change["op"] == "delete":
            _save_base(conn, snapshot_id, change["seq"], small, parked=False, deleted=True)
            continue
        account_id = from_wire(SNAPSHOT_SPEC, "account_id", row.get("account_id"))
        if page.account_owner(account_id) is None:
            _save_base(conn, snapshot_id, change["seq"], row, parked=True)
            continue
        _write_row(page, snapshot_id, row, change["seq"])
        _save_base(conn, snapshot_id, change["seq"], small, parked=False)


def write_parked(conn: Connection, snapshot_id: uuid.UUID) -> None:
    """Write a parked snapshot into ``health_snapshot`` if its account is present now."""
    base = conn.execute(
        select(_base.c["values"], _base.c.parked, _base.c.seq).where(
            _base.c.entity == SNAPSHOT_ENTITY, _base.c.entity_id == snapshot_id
        )
    ).first()
    if base is None or not base.parked:
        return
    row = dict(base.values)
    page = _PageContext(conn)
    account_id = from_wire(SNAPSHOT_SPEC, "account_id", row.get("account_id"))
    if page.account_owner(account_id) is None:
        return
    _write_row(page, snapshot_id, row, base.seq)
    small = {"account_id": row.get("account_id")}
    _save_base(conn, snapshot_id, base.seq, small, parked=False)


def _write_row(page: _PageContext, snapshot_id: uuid.UUID, row: dict[str, Any], seq: int) -> None:
    conn = page.conn
    existing = conn.execute(
        select(_snapshot.c.id, _snapshot.c.deleted_at).where(_snapshot.c.id == snapshot_id)
    ).first()
    if existing is not None:
        conn.execute(
            update(_snapshot)
            .where(_snapshot.c.id == snapshot_id)
            .values(deleted_at=None, sync_seq=seq)
        )
        return

    values = {name: from_wire(SNAPSHOT_SPEC, name, row.get(name)) for name in SNAPSHOT_SPEC.fields}
    if not _replace_same_key(page, values):
        return
    author = row.get(SNAPSHOT_AUTHOR_FIELD)
    origin = None if owner_key(author) in page.keys - {""} else author
    values["details"] = values.get("details") or {}
    conn.execute(insert(_snapshot).values(id=snapshot_id, origin=origin, sync_seq=seq, **values))


def _replace_same_key(page: _PageContext, values: dict[str, Any]) -> bool:
    """Delete the local snapshot with the same key; False when it must stay.

    A local snapshot stays when this app will push it (the server does not
    have it yet, and the account is the user's or unowned): once pushed, it
    is the newer one on the server too.
    """
    conn = page.conn
    local = conn.execute(
        select(
            _snapshot.c.id, _snapshot.c.origin, _snapshot.c.sync_seq, _snapshot.c.deleted_at
        ).where(
            _snapshot.c.account_id == values["account_id"],
            _snapshot.c.as_of == values["as_of"],
            _snapshot.c.kind == values["kind"],
        )
    ).first()
    if local is None:
        return True
    unsent = local.sync_seq is None and local.origin is None and local.deleted_at is None
    if unsent and page.account_owner(values["account_id"]) in page.keys:
        sent = conn.execute(
            select(_base.c.entity_id).where(
                _base.c.entity == SNAPSHOT_ENTITY, _base.c.entity_id == local.id
            )
        ).first()
        if sent is None:
            return False
    conn.execute(delete(_snapshot).where(_snapshot.c.id == local.id))
    return True


_SET_SYNC_SEQ = (
    update(_snapshot).where(_snapshot.c.id == bindparam("row_id")).values(sync_seq=bindparam("seq"))
)
# Built once: pushes acknowledge snapshots one by one, by the thousand.
_UPSERT_BASE = sqlite_insert(_base).on_conflict_do_update(
    index_elements=["entity", "entity_id"],
    set_={
        name: sqlite_insert(_base).excluded[name]
        for name in ("seq", "values", "field_seq", "field_hlc", "deleted", "parked")
    },
)


def _save_base(
    conn: Connection,
    snapshot_id: uuid.UUID,
    seq: int,
    values: dict[str, Any],
    *,
    parked: bool,
    deleted: bool = False,
) -> None:
    conn.execute(
        _UPSERT_BASE,
        {
            "entity": SNAPSHOT_ENTITY,
            "entity_id": snapshot_id,
            "seq": seq,
            "values": values,
            "field_seq": {},
            "field_hlc": {},
            "deleted": deleted,
            "parked": parked,
        },
    )
