"""Device checkpoints and the tombstone purge horizon derived from them.

After each sync a device reports the cursor it has fully applied, its
checkpoint. Purging tombstones up to the lowest checkpoint of the team's
active devices sends none of them ``410 cursor_expired``. Revoked devices
and devices of disabled users are left out, because they never sync again
and counting them would keep every tombstone forever. Devices that never
sent a checkpoint are left out too. They have no cursor yet, or run an app
that does not report one, and a ``410`` only makes them download a fresh
copy with their outbox kept.
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import Connection, Engine, func, select, update

from csm_server.errors import ProblemError
from csm_server.merge import Principal
from csm_server.pull import parse_cursor
from csm_server.schema import app_user, sync_client, team

log = logging.getLogger(__name__)


def record_checkpoint(
    engine: Engine, principal: Principal, client_id: uuid.UUID, cursor: str
) -> int:
    """Store the seq of ``cursor`` as the device's checkpoint and return it."""
    with engine.begin() as conn:
        epoch = conn.execute(
            select(team.c.epoch).where(team.c.id == principal.team_id)
        ).scalar_one()
        seq = parse_cursor(cursor, epoch)
        device = conn.execute(
            select(sync_client.c.user_id, sync_client.c.revoked_at).where(
                sync_client.c.id == client_id
            )
        ).first()
        if device is None:
            raise ProblemError(404, "unknown_client", f"device {client_id} is not registered")
        if device.user_id != principal.user_id:
            raise ProblemError(403, "forbidden", "this device is registered to another user")
        if device.revoked_at is not None:
            raise ProblemError(401, "device_revoked", "this device was revoked by an admin")
        conn.execute(
            update(sync_client).where(sync_client.c.id == client_id).values(pulled_seq=seq)
        )
    log.info("Device %s checkpoint at seq %d", client_id, seq)
    return seq


def purge_horizon(conn: Connection, team_id: uuid.UUID) -> int:
    """Return the highest seq up to which tombstones can go without a 410 for active devices."""
    team_seq = conn.execute(select(team.c.seq).where(team.c.id == team_id)).scalar_one()
    lowest = conn.execute(
        select(func.min(sync_client.c.pulled_seq))
        .join(app_user, app_user.c.id == sync_client.c.user_id)
        .where(
            sync_client.c.team_id == team_id,
            sync_client.c.pulled_seq.is_not(None),
            sync_client.c.revoked_at.is_(None),
            app_user.c.disabled_at.is_(None),
        )
    ).scalar()
    if lowest is None:
        return int(team_seq)
    return min(int(lowest), int(team_seq))


def forget_checkpoints(conn: Connection, team_id: uuid.UUID) -> None:
    """Clear the team's checkpoints, because after a restore they name seqs of lost history."""
    conn.execute(
        update(sync_client).where(sync_client.c.team_id == team_id).values(pulled_seq=None)
    )
