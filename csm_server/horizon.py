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
from csm_server.pull import HistoryLost, check_history, parse_cursor
from csm_server.schema import app_user, sync_client, team

log = logging.getLogger(__name__)


def record_checkpoint(
    engine: Engine, principal: Principal, client_id: uuid.UUID, cursor: str
) -> int:
    """Store the seq of ``cursor`` as the device's checkpoint and return it."""
    with engine.begin() as conn:
        team_row = conn.execute(select(team).where(team.c.id == principal.team_id)).one()
        seq = parse_cursor(cursor, team_row.epoch)
        check_history(team_row, seq)
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


def start_epoch_after_lost_history(engine: Engine, lost: HistoryLost) -> ProblemError:
    """Give the team a new epoch after a restore without one, and return the 409 to send.

    An admin who restores a backup must run ``csm-server new-epoch``. When
    that was forgotten, devices that saw the lost changes would reuse their
    cursors and the seqs that new pushes take again, and silently skip or
    revert changes. A new epoch makes every device download a fresh copy
    and list the changes it sent that the server lost.
    """
    new_epoch = uuid.uuid4()
    with engine.begin() as conn:
        started = conn.execute(
            update(team)
            .where(team.c.id == lost.team_id, team.c.epoch == lost.epoch)
            .values(epoch=new_epoch)
        ).rowcount
        if started:
            forget_checkpoints(conn, lost.team_id)
    if started:
        log.error(
            "Team %s: a device has seen seq %d but the team's seq is %d, so the database was "
            "restored without `csm-server new-epoch`; started epoch %s",
            lost.team_id,
            lost.seen_seq,
            lost.team_seq,
            new_epoch,
        )
    return ProblemError(
        409,
        "epoch_mismatch",
        "the server database was restored from a backup without starting a new epoch "
        f"(this device has seen change {lost.seen_seq}, the server has {lost.team_seq}); "
        "the server started one, download a fresh copy",
    )
