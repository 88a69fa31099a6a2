"""Download a fresh copy after the server's database was restored (409) or purged (410).

The outbox is never discarded. Local edits are captured first, against the
old base. After the download, rows the server no longer has are uploaded
again when a restore lost them, or removed locally when their tombstones
were purged. Values that the server acknowledged but lost in a restore are
pushed again with base 0, so they come back as conflicts instead of
silently replacing newer data.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from csm_desktop.store.sync_models import SyncBase
from csm_desktop.sync import outbox, state
from csm_desktop.sync.apply import forget_bases, materialize
from csm_desktop.sync.capture import load_clock, save_clock, scan
from csm_desktop.sync.entities import ENTITIES, from_wire

if TYPE_CHECKING:
    from csm_desktop.sync.engine import SyncEngine, SyncReport

log = logging.getLogger(__name__)

_base = SyncBase.__table__


def resync(engine: SyncEngine, meta: dict[str, Any], reason: str, report: SyncReport) -> None:
    """Re-download everything after ``reason`` (``epoch_mismatch`` or ``cursor_expired``)."""
    log.warning("Sync resync started: %s", reason)
    db = engine.db
    with db.engine.begin() as conn:
        scan(conn, engine.wall)
        old = {(row.entity, row.entity_id): row for row in conn.execute(select(_base)).all()}
        state.set_value(conn, state.CURSOR, None)
        state.set_value(conn, state.EPOCH, meta["epoch"])
    if reason == "epoch_mismatch":
        engine.reregister("the server database was restored", report, meta)

    seen = engine.pull_everything(meta, report)
    team_seq = int(meta.get("team_seq") or 0)
    with db.engine.begin() as conn:
        missing = {key for key, row in old.items() if key not in seen and not row.deleted}
        if reason == "epoch_mismatch":
            forget_bases(conn, missing)
            _push_lost_values(conn, engine, old, seen, team_seq)
        else:
            _drop_purged(conn, missing)
    with db.engine.begin() as conn:
        scan(conn, engine.wall)
    report.resynced = reason
    log.warning(
        "Sync resync finished: %d rows downloaded, %d missing on the server",
        len(seen),
        len(missing),
    )


def _drop_purged(conn, missing: set[tuple[str, uuid.UUID]]) -> None:
    """Rows deleted on the server whose tombstones were purged: delete them here too."""
    for entity, row_id in missing:
        conn.execute(
            update(_base)
            .where(_base.c.entity == entity, _base.c.entity_id == row_id)
            .values(deleted=True)
        )
        spec = ENTITIES.get(entity)
        if spec is not None:
            materialize(conn, spec, row_id)


# TODO: values lost in a server restore are queued again without asking. The user should
# confirm first ("Re-upload changes the server lost?"), which needs the UI.
def _push_lost_values(conn, engine: SyncEngine, old: dict, seen: set, team_seq: int) -> None:
    """Queue again the acknowledged values that the restored server no longer has."""
    clock = load_clock(conn, engine.wall)
    for key, previous in old.items():
        entity, row_id = key
        spec = ENTITIES.get(entity)
        if spec is None or key not in seen or previous.seq <= team_seq:
            continue
        current = conn.execute(
            select(_base).where(_base.c.entity == entity, _base.c.entity_id == row_id)
        ).first()
        lost = {
            name: previous.values.get(name)
            for name in spec.fields
            if previous.values.get(name) != current.values.get(name)
        }
        if not lost:
            continue
        fields = {
            name: {"value": value, "base_seq": 0, "base": current.values.get(name)}
            for name, value in lost.items()
        }
        outbox.add_entry(
            conn,
            entity=entity,
            entity_id=row_id,
            op="update",
            fields=fields,
            hlc=clock.tick(),
            tx=uuid.uuid4(),
            base_seq=0,
        )
        values = {name: from_wire(spec, name, value) for name, value in lost.items()}
        conn.execute(update(spec.table).where(spec.table.c.id == row_id).values(**values))
        log.info(
            "Re-queued %d values of %s %s lost by the server restore", len(lost), entity, row_id
        )
    save_clock(conn, clock)
