"""After a pull, compare per-entity counts and a digest of ``(id, seq)`` with the server.

A mismatch means the local copy drifted (a bug, a file edited by hand, or
a server restored from a backup without a new epoch). The entity concerned
is downloaded again in full, which repairs it without touching local changes
still waiting in the outbox. A value this device sent that the server now
holds only in an older version was lost by the server, so it is listed in
``csm_desktop.sync.lost`` for the user instead of disappearing silently.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from csm_desktop.store.sync_models import SyncBase
from csm_desktop.sync import lost, state
from csm_desktop.sync.apply import apply_page
from csm_desktop.sync.entities import CHECKED_ENTITIES, ENTITIES
from csm_desktop.sync.resync import lost_update, written_here

if TYPE_CHECKING:
    from csm_desktop.sync.engine import SyncEngine, SyncReport

log = logging.getLogger(__name__)

_base = SyncBase.__table__


def local_checksums(conn, up_to: int) -> dict[str, dict[str, Any]]:
    """Return the same per-entity summary the server computes, from ``sync_base``."""
    rows = conn.execute(
        select(_base.c.entity, _base.c.entity_id, _base.c.seq).where(
            _base.c.entity.in_(list(CHECKED_ENTITIES)), ~_base.c.deleted, _base.c.seq <= up_to
        )
    ).all()
    items = sorted((row.entity, str(row.entity_id), int(row.seq)) for row in rows)
    digests: dict[str, Any] = {}
    counts: dict[str, int] = {}
    for entity, record_id, seq in items:
        digests.setdefault(entity, hashlib.sha256()).update(f"{record_id}:{seq};".encode())
        counts[entity] = counts.get(entity, 0) + 1
    return {name: {"count": counts[name], "sha256": digests[name].hexdigest()} for name in counts}


def verify_checksums(engine: SyncEngine, report: SyncReport) -> bool | None:
    """Return True when in step, False after a failed repair, None when not comparable."""
    cursor = engine._get(state.CURSOR)
    if not cursor:
        return None
    at_seq = int(cursor.split(":", 1)[1])
    remote = engine.call(engine.transport.checksum, at_seq)
    if int(remote["team_seq"]) != at_seq:
        # Someone pushed since the pull ended; the next run compares again.
        return None
    mismatched = _mismatched(engine, remote["entities"], at_seq)
    if not mismatched:
        return True
    for entity in mismatched:
        log.warning("Sync checksum mismatch for %s at seq %d; downloading it again", entity, at_seq)
        _redownload(engine, entity, report)
        report.repaired.append(entity)
    still = _mismatched(engine, remote["entities"], at_seq)
    if still:
        log.error("Sync checksum still differs after repair for %s", still)
    return not still


def _mismatched(engine: SyncEngine, remote: dict[str, Any], at_seq: int) -> list[str]:
    with engine.db.engine.connect() as conn:
        local = local_checksums(conn, at_seq)
    return [name for name in CHECKED_ENTITIES if remote.get(name) != local.get(name)]


def _redownload(engine: SyncEngine, entity: str, report: SyncReport) -> None:
    with engine.db.engine.connect() as conn:
        before = _bases(conn, entity)
    cursor = None
    while True:
        page = engine.call(engine.transport.pull, cursor, engine.page_size, entity)
        with engine.db.engine.begin() as conn:
            apply_page(conn, page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    with engine.db.engine.begin() as conn:
        changes = _own_values_lost(conn, entity, before)
        if changes:
            log.warning(
                "The server has older values of %d %s rows this device sent; listing them as lost",
                len(changes),
                entity,
            )
            report.lost_changes = lost.record(conn, changes)


def _bases(conn, entity: str) -> dict[Any, Any]:
    rows = conn.execute(select(_base).where(_base.c.entity == entity)).all()
    return {row.entity_id: row for row in rows}


def _own_values_lost(conn, entity: str, before: dict[Any, Any]) -> list[dict[str, Any]]:
    """Return this device's values that the download replaced with older ones from the server."""
    spec = ENTITIES.get(entity)
    if spec is None:
        return []
    own = state.own_client_ids(conn)
    after = _bases(conn, entity)
    changes = []
    for row_id, old in before.items():
        new = after.get(row_id)
        if new is None or new.deleted:
            continue
        fields = {
            name: old.values.get(name)
            for name in spec.fields
            if old.values.get(name) != new.values.get(name)
            and int(new.field_seq.get(name, 0)) < int(old.field_seq.get(name, 0))
            and written_here(old, name, own)
        }
        if fields:
            changes.append(lost_update(entity, row_id, fields, old))
    return changes
