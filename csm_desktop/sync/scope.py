"""Drop the local copy of an account that left this user's pull scope.

The server sends ``op: "remove"`` for an account when it changes to an
owner outside the user's scope. That is not a delete: the account lives
on at the server. The app deletes its server copies (``sync_base``) of the
account and of every synced record hanging from it. It hides the rows
(``deleted_at``) and queues no delete. Rows keep their ids, so if the
account comes back into scope, the pulled upserts show them again.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, select, update

from csm_desktop.store.sync_models import SyncBase, SyncConflict, SyncNoteRevision
from csm_desktop.sync.entities import ENTITIES, SNAPSHOT_ENTITY, SNAPSHOT_SPEC, EntitySpec

log = logging.getLogger(__name__)

_base = SyncBase.__table__
_conflict = SyncConflict.__table__
_revision = SyncNoteRevision.__table__


def remove_account(conn: Connection, account_id: uuid.UUID) -> int:
    """Forget and hide ``account_id`` and its synced records; return the rows hidden."""
    now = datetime.now(UTC)
    hidden = 0
    for spec in (*ENTITIES.values(), SNAPSHOT_SPEC):
        ids = _row_ids(conn, spec, account_id)
        if not ids:
            continue
        if spec.name == "call_note":
            conn.execute(delete(_revision).where(_revision.c.note_id.in_(ids)))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            conn.execute(
                delete(_base).where(_base.c.entity == spec.name, _base.c.entity_id.in_(chunk))
            )
            hidden += conn.execute(
                update(spec.table)
                .where(spec.table.c.id.in_(chunk), spec.table.c.deleted_at.is_(None))
                .values(deleted_at=now)
            ).rowcount
    _forget_snapshot_bases(conn, account_id)
    conn.execute(delete(_conflict).where(_conflict.c.account_id == account_id))
    log.info("Account %s left this user's sync scope; %d local rows hidden", account_id, hidden)
    return hidden


def _row_ids(conn: Connection, spec: EntitySpec, account_id: uuid.UUID) -> list[uuid.UUID]:
    table = spec.table
    if spec.name == "account":
        condition = table.c.id == account_id
    else:
        condition = table.c.account_id == account_id
    rows = conn.execute(select(table.c.id).where(condition)).all()
    return [row.id for row in rows]


def _forget_snapshot_bases(conn: Connection, account_id: uuid.UUID) -> None:
    """Forget every snapshot base of the account, also of rows replaced or still parked."""
    conn.execute(
        delete(_base).where(
            _base.c.entity == SNAPSHOT_ENTITY,
            _base.c["values"]["account_id"].as_string() == str(account_id),
        )
    )
