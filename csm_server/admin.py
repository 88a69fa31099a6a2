"""Admin operations behind the ``csm-server`` commands: schema, teams, users, tokens, epochs."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, and_, delete, func, insert, select, update

from csm_server.auth import new_token, token_digest
from csm_server.horizon import forget_checkpoints, purge_horizon
from csm_server.schema import api_token, app_user, sync_client, sync_record, team
from csm_server.settings import ROLES

log = logging.getLogger(__name__)


class AdminError(Exception):
    """An admin command cannot go on; the message says why."""


def migrate(engine: Engine) -> None:
    """Upgrade the server schema to the latest revision with Alembic."""
    from alembic import command
    from alembic.config import Config

    from csm_server import migrations

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("Server schema migrated to head")


def create_team(engine: Engine, name: str) -> uuid.UUID:
    team_id = uuid.uuid4()
    with engine.begin() as conn:
        if conn.execute(select(team.c.id).where(team.c.name == name)).first():
            raise AdminError(f"a team named {name!r} exists already")
        conn.execute(
            insert(team).values(
                id=team_id,
                name=name,
                seq=0,
                epoch=uuid.uuid4(),
                min_cursor_seq=0,
                created_at=datetime.now(UTC),
            )
        )
    log.info("Created team %s (%s)", name, team_id)
    return team_id


def create_user(engine: Engine, team_name: str, email: str, name: str, role: str) -> uuid.UUID:
    if role not in ROLES:
        raise AdminError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    user_id = uuid.uuid4()
    with engine.begin() as conn:
        team_id = _team_id(conn, team_name)
        if conn.execute(select(app_user.c.id).where(app_user.c.email == email)).first():
            raise AdminError(f"a user with e-mail {email!r} exists already")
        conn.execute(
            insert(app_user).values(
                id=user_id,
                team_id=team_id,
                email=email,
                name=name,
                role=role,
                created_at=datetime.now(UTC),
            )
        )
    log.info("Created user %s with role %s", user_id, role)
    return user_id


def create_token(engine: Engine, email: str, name: str, expires_in: timedelta | None = None) -> str:
    """Create a personal access token for ``email``; the token is returned once, never stored."""
    token = new_token()
    now = datetime.now(UTC)
    with engine.begin() as conn:
        user_id = _user_id(conn, email)
        conn.execute(
            insert(api_token).values(
                id=uuid.uuid4(),
                user_id=user_id,
                token_sha256=token_digest(token),
                name=name,
                created_at=now,
                expires_at=now + expires_in if expires_in else None,
            )
        )
    log.info("Created token %r for user %s", name, user_id)
    return token


def revoke_tokens(engine: Engine, email: str) -> int:
    with engine.begin() as conn:
        user_id = _user_id(conn, email)
        count = conn.execute(
            update(api_token)
            .where(api_token.c.user_id == user_id, api_token.c.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        ).rowcount
    log.info("Revoked %d tokens of user %s", count, user_id)
    return count


def revoke_device(engine: Engine, client_id: uuid.UUID) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(sync_client)
            .where(sync_client.c.id == client_id)
            .values(revoked_at=datetime.now(UTC))
        )
    log.info("Revoked device %s", client_id)


def new_epoch(engine: Engine, team_name: str) -> uuid.UUID:
    """Give the team a new epoch, so every client re-downloads; run it after any restore."""
    epoch = uuid.uuid4()
    with engine.begin() as conn:
        team_id = _team_id(conn, team_name)
        conn.execute(update(team).where(team.c.id == team_id).values(epoch=epoch))
        forget_checkpoints(conn, team_id)
    log.info("Team %s has the new epoch %s", team_name, epoch)
    return epoch


def safe_purge_seq(engine: Engine, team_name: str) -> int:
    """Return the lowest checkpoint of the team's active devices (revoked ones do not count)."""
    with engine.connect() as conn:
        return purge_horizon(conn, _team_id(conn, team_name))


def purge_tombstones(engine: Engine, team_name: str, up_to_seq: int | None = None) -> int:
    """Delete tombstones last changed at or below ``up_to_seq``; older cursors then get 410.

    Without ``up_to_seq`` the purge stops at ``safe_purge_seq``, so no active device that has
    reported a checkpoint gets 410.
    """
    with engine.begin() as conn:
        team_id = _team_id(conn, team_name)
        if up_to_seq is None:
            up_to_seq = purge_horizon(conn, team_id)
        count = conn.execute(
            delete(sync_record).where(
                sync_record.c.team_id == team_id,
                sync_record.c.seq <= up_to_seq,
                sync_record.c.deleted_seq.is_not(None),
                func.coalesce(sync_record.c.restored_seq, 0) < sync_record.c.deleted_seq,
                and_(sync_record.c.entity != "sync_conflict"),
            )
        ).rowcount
        # The horizon never moves back: tombstones below an earlier, higher purge are gone.
        conn.execute(
            update(team)
            .where(team.c.id == team_id, team.c.min_cursor_seq < up_to_seq)
            .values(min_cursor_seq=up_to_seq)
        )
    log.info("Purged %d tombstones of team %s up to seq %d", count, team_name, up_to_seq)
    return count


def _team_id(conn, name: str) -> uuid.UUID:
    row = conn.execute(select(team.c.id).where(team.c.name == name)).first()
    if row is None:
        raise AdminError(f"no team named {name!r}; create it with csm-server create-team")
    return row.id


def _user_id(conn, email: str) -> uuid.UUID:
    row = conn.execute(select(app_user.c.id).where(app_user.c.email == email)).first()
    if row is None:
        raise AdminError(f"no user with e-mail {email!r}; create it with csm-server create-user")
    return row.id
