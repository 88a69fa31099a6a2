"""Download a fresh copy after the server's database was restored (409) or purged (410).

The outbox is never discarded. Local edits are captured first, against the
old base. After the download, rows the server no longer has are removed
locally when their tombstones were purged (410). After a restore (409),
rows and values that the server had acknowledged but lost are listed in
``csm_desktop.sync.lost`` and hidden until the user chooses to upload them
again or discard them; nothing is pushed without that choice. Only changes
this database sent are listed: a value's clock stamp ends with the id of
the device that wrote it, and the database remembers its own device ids.
Another member's lost changes are that member's to re-upload.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from csm_desktop.store.sync_models import SyncBase
from csm_desktop.sync import lost, outbox, state
from csm_desktop.sync.apply import forget_bases, materialize
from csm_desktop.sync.capture import scan
from csm_desktop.sync.entities import ENTITIES
from csm_desktop.sync.hlc import parse_hlc

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
            report.lost_changes = _list_lost(conn, old, seen, missing, team_seq)
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


def _list_lost(conn, old: dict, seen: set, missing: set, team_seq: int) -> int:
    """Record the rows and values the restored server lost; return the size of the list.

    A lost row is soft-deleted here and its base marked deleted, so the
    local copy matches the server until the user decides. A row with a
    change still in the outbox is not listed: its base is forgotten and the
    outbox sends that change as before.
    """
    own = state.own_client_ids(conn)
    changes = []
    for key in sorted(missing, key=str):
        entity, row_id = key
        if entity not in ENTITIES:
            continue
        entries = outbox.entries_for(conn, entity, [row_id]).get(row_id, [])
        live = [entry for entry in entries if entry.state != outbox.REJECTED]
        mine = inserted_here(old[key], own)
        if live and not _only_edits(entity, live, mine):
            # NOTE: the queued change goes to a server that lacks the row, which may reject it.
            forget_bases(conn, {key})
            continue
        values = _with_queued_edits(conn, old[key].values, live)
        if mine and not any(entry.op == "delete" for entry in live):
            changes.append(_lost_row(entity, row_id, values))
        _hide_row(conn, entity, row_id)
    # NOTE: a row is compared by seq only. Once the restored server has taken as many new
    # changes as it lost, a lost value of a row edited there again is not listed.
    for key, previous in old.items():
        if key in seen and previous.seq > team_seq and key[0] in ENTITIES:
            values = _lost_values(conn, key, previous, own)
            if values:
                changes.append(lost_update(key[0], key[1], values, previous))
    forget_bases(conn, {key for key in missing if key[0] not in ENTITIES})
    if not changes:
        return lost.count(conn)
    log.warning("The restored server lost %d changes; waiting for the user's choice", len(changes))
    return lost.record(conn, changes)


def _only_edits(entity: str, live: list[outbox.Entry], mine: bool) -> bool:
    """True when the queued changes of a lost row are this device's edits of its own row.

    They then join the lost row's listing instead of going to a server that
    lacks the row and would reject them.
    """
    return mine and all(entry.entity == entity and entry.op != "insert" for entry in live)


def _with_queued_edits(conn, values: dict[str, Any], live: list[outbox.Entry]) -> dict[str, Any]:
    """Return ``values`` with the queued edits applied, and remove those entries."""
    merged = dict(values)
    for entry in live:
        merged.update({name: change.get("value") for name, change in entry.fields.items()})
        outbox.remove(conn, entry.client_seq)
    return merged


def _lost_row(entity: str, row_id: uuid.UUID, values: dict[str, Any]) -> dict[str, Any]:
    fields = {name: values.get(name) for name in ENTITIES[entity].fields if name in values}
    return {"entity": entity, "id": str(row_id), "op": lost.INSERT, "fields": fields}


def _hide_row(conn, entity: str, row_id: uuid.UUID) -> None:
    conn.execute(
        update(_base)
        .where(_base.c.entity == entity, _base.c.entity_id == row_id)
        .values(deleted=True)
    )
    materialize(conn, ENTITIES[entity], row_id)


def _lost_values(conn, key: tuple[str, uuid.UUID], previous: Any, own: set[str]) -> dict[str, Any]:
    """Return this device's acknowledged values of a row that differ from the server's copy now."""
    entity, row_id = key
    current = conn.execute(
        select(_base.c["values"]).where(_base.c.entity == entity, _base.c.entity_id == row_id)
    ).scalar()
    return {
        name: previous.values.get(name)
        for name in ENTITIES[entity].fields
        if previous.values.get(name) != (current or {}).get(name)
        and written_here(previous, name, own)
    }


def lost_update(
    entity: str, row_id: uuid.UUID, values: dict[str, Any], previous: Any
) -> dict[str, Any]:
    """Return the lost-list item for ``values`` of a row, with the clock stamps they had."""
    stamps = {name: (previous.field_hlc or {}).get(name) for name in values}
    return {
        "entity": entity,
        "id": str(row_id),
        "op": lost.UPDATE,
        "fields": values,
        "stamps": {name: stamp for name, stamp in stamps.items() if stamp},
    }


def written_here(base: Any, name: str, own: set[str]) -> bool:
    """True when this database's devices wrote the acknowledged value of field ``name``.

    A field without a stamp was acknowledged to this device but not yet
    pulled back, because pulled rows carry a stamp for every field set.
    """
    stamp = (base.field_hlc or {}).get(name)
    return stamp is None or _author(stamp) in own


def inserted_here(base: Any, own: set[str]) -> bool:
    """True when this database's devices created the row: they wrote its oldest field stamp."""
    stamps = [stamp for stamp in (base.field_hlc or {}).values() if stamp]
    if not stamps:
        return True
    return _author(min(stamps, key=_stamp_order)) in own


def _author(stamp: str) -> str | None:
    try:
        return parse_hlc(stamp)[2]
    except ValueError:
        return None


def _stamp_order(stamp: str) -> tuple[int, int]:
    try:
        physical, counter, _ = parse_hlc(stamp)
    except ValueError:
        return (0, 0)
    return physical, counter
