"""Personal access tokens: issued once, stored as sha256, checked on every request."""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, select, update

from csm_server.errors import ProblemError
from csm_server.merge import Principal
from csm_server.schema import api_token, app_user

log = logging.getLogger(__name__)

TOKEN_PREFIX = "csm_pat_"


def new_token() -> str:
    """Return a fresh 256-bit token; tokens are random, so a fast hash protects them at rest."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8")).digest()


def authenticate(conn: Connection, authorization: str | None) -> tuple[Principal, uuid.UUID]:
    """Return the user and token id of a ``Bearer`` header, or raise a 401 problem."""
    if not authorization or not authorization.startswith("Bearer "):
        raise ProblemError(401, "unauthenticated", "send Authorization: Bearer <token>")
    digest = token_digest(authorization.removeprefix("Bearer ").strip())
    row = conn.execute(
        select(
            api_token,
            app_user.c.team_id,
            app_user.c.email,
            # Labelled: api_token has a "name" column too (the token's label).
            app_user.c.name.label("user_name"),
            app_user.c.role,
            app_user.c.disabled_at,
        )
        .join(app_user, app_user.c.id == api_token.c.user_id)
        .where(api_token.c.token_sha256 == digest)
    ).first()
    if row is None:
        raise ProblemError(401, "unauthenticated", "the token is not known to this server")
    now = datetime.now(UTC)
    if row.revoked_at is not None or row.disabled_at is not None:
        log.info("Rejected revoked token %s of user %s", row.id, row.user_id)
        raise ProblemError(401, "token_revoked", "this token was revoked; ask for a new one")
    if row.expires_at is not None and _aware(row.expires_at) <= now:
        log.info("Rejected expired token %s of user %s", row.id, row.user_id)
        raise ProblemError(401, "token_expired", "this token has expired; ask for a new one")
    principal = Principal(row.user_id, row.team_id, row.email, row.user_name, row.role)
    return principal, row.id


def touch_token(conn: Connection, token_id: uuid.UUID) -> None:
    conn.execute(
        update(api_token).where(api_token.c.id == token_id).values(last_used_at=datetime.now(UTC))
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
