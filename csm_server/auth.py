"""Bearer tokens: long-lived personal access tokens and the short-lived ones issued for them.

A personal access token (``csm_pat_…``) is issued once by the admin CLI and
kept by the app in the OS keyring. ``POST /v1/auth/session`` exchanges it for
an access token (``csm_at_…``) that expires after ``Settings.access_token_ttl_s``.
Both kinds are 256-bit random values stored only as sha256, so a fast hash
protects them at rest.

Every route except the session route accepts either kind as the bearer. The
PAT stays accepted so that scripts, the CLI and older apps keep working with
one token. An access token is valid only while its PAT is: revoking or
expiring the PAT, or disabling its user, rejects the access token at once.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from pydantic import BaseModel
from sqlalchemy import Connection, delete, insert, select, update

from csm_server.errors import ProblemError
from csm_server.merge import Principal
from csm_server.schema import access_token, api_token, app_user

log = logging.getLogger(__name__)

TOKEN_PREFIX = "csm_pat_"
ACCESS_TOKEN_PREFIX = "csm_at_"
# Values of the ``token_type`` field of a 401 problem, so a client can tell which token failed.
PAT_TYPE = "personal_access_token"
ACCESS_TYPE = "access_token"


class SessionResponse(BaseModel):
    """A new access token, to send as ``Authorization: Bearer`` until ``expires_in`` passes."""

    access_token: str
    token_type: str = "Bearer"
    # Seconds from now until the server rejects the token with 401 token_expired.
    expires_in: int


def new_token() -> str:
    """Return a fresh 256-bit personal access token."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8")).digest()


def authenticate(
    conn: Connection, authorization: str | None, *, allow_access_token: bool = True
) -> tuple[Principal, uuid.UUID]:
    """Return the user and PAT id behind a ``Bearer`` header, or raise a 401 problem.

    For an access token the id is that of the PAT it was issued for, so rate
    limits and ``last_used_at`` stay per PAT.
    """
    if not authorization or not authorization.startswith("Bearer "):
        raise ProblemError(401, "unauthenticated", "send Authorization: Bearer <token>")
    token = authorization.removeprefix("Bearer ").strip()
    if token.startswith(ACCESS_TOKEN_PREFIX):
        if not allow_access_token:
            raise ProblemError(
                401,
                "unauthenticated",
                "an access token cannot start a session; send the personal access token",
            )
        return _check_access_token(conn, token)
    return _check_personal_token(conn, token)


def issue_access_token(conn: Connection, pat_id: uuid.UUID, ttl_s: int) -> SessionResponse:
    """Store a new access token for the PAT ``pat_id`` and drop that PAT's expired ones.

    NOTE: on SQLite this write waits for any open write transaction (a push),
    so a session request can take as long as the push in progress.
    """
    token = ACCESS_TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    conn.execute(
        delete(access_token).where(
            access_token.c.api_token_id == pat_id, access_token.c.expires_at <= now
        )
    )
    conn.execute(
        insert(access_token).values(
            id=uuid.uuid4(),
            api_token_id=pat_id,
            token_sha256=token_digest(token),
            created_at=now,
            expires_at=now + timedelta(seconds=ttl_s),
        )
    )
    log.info("Issued an access token for token %s, valid %d s", pat_id, ttl_s)
    return SessionResponse(access_token=token, expires_in=ttl_s)


def touch_token(conn: Connection, token_id: uuid.UUID) -> None:
    conn.execute(
        update(api_token).where(api_token.c.id == token_id).values(last_used_at=datetime.now(UTC))
    )


def _personal_token_query():
    return select(
        api_token,
        app_user.c.team_id,
        app_user.c.email,
        # Labelled: api_token has a "name" column too (the token's label).
        app_user.c.name.label("user_name"),
        app_user.c.role,
        app_user.c.disabled_at,
    ).join(app_user, app_user.c.id == api_token.c.user_id)


def _check_personal_token(conn: Connection, token: str) -> tuple[Principal, uuid.UUID]:
    query = _personal_token_query().where(api_token.c.token_sha256 == token_digest(token))
    row = conn.execute(query).first()
    if row is None:
        raise ProblemError(
            401, "unauthenticated", "the token is not known to this server", token_type=PAT_TYPE
        )
    _check_personal_row(row)
    return _principal(row), row.id


def _check_access_token(conn: Connection, token: str) -> tuple[Principal, uuid.UUID]:
    """Check the PAT an access token was issued for, then the access token's own expiry."""
    query = (
        _personal_token_query()
        .add_columns(access_token.c.expires_at.label("access_expires_at"))
        .join(access_token, access_token.c.api_token_id == api_token.c.id)
        .where(access_token.c.token_sha256 == token_digest(token))
    )
    row = conn.execute(query).first()
    if row is None:
        raise ProblemError(
            401,
            "unauthenticated",
            "the access token is not known to this server",
            token_type=ACCESS_TYPE,
        )
    _check_personal_row(row)
    if _aware(row.access_expires_at) <= datetime.now(UTC):
        log.info("Rejected an expired access token of token %s", row.id)
        raise ProblemError(
            401,
            "token_expired",
            "the access token has expired; request a new one at POST /v1/auth/session",
            token_type=ACCESS_TYPE,
        )
    return _principal(row), row.id


def _check_personal_row(row) -> None:
    """Raise 401 when the PAT of ``row`` is revoked or expired, or its user is disabled."""
    if row.revoked_at is not None or row.disabled_at is not None:
        log.info("Rejected revoked token %s of user %s", row.id, row.user_id)
        raise ProblemError(
            401,
            "token_revoked",
            "this token was revoked; ask for a new one",
            token_type=PAT_TYPE,
        )
    if row.expires_at is not None and _aware(row.expires_at) <= datetime.now(UTC):
        log.info("Rejected expired token %s of user %s", row.id, row.user_id)
        raise ProblemError(
            401,
            "token_expired",
            "this token has expired; ask for a new one",
            token_type=PAT_TYPE,
        )


def _principal(row) -> Principal:
    return Principal(row.user_id, row.team_id, row.email, row.user_name, row.role)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
