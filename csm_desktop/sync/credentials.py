"""The personal access token for sync, kept only in the OS keyring through ``csm_desktop.secrets``.

Each database has its own keyring entry, named after the server URL and a
random keyring id that ``sync connect`` writes to the database's
``sync_state``. Two databases connected to one server as different users
therefore never read each other's token. A copy or a restored backup of a
database keeps its keyring id, so it finds the token of the user it was
connected as. On another computer it finds none, and the user must sign in again.

Older versions kept one entry per server URL (``sync-token <url>``). Calls
without a ``database_id`` still use that name, because the sync engine deletes
it on sign-out and ``service.build_engine`` reads it once to migrate it.

The short-lived access tokens the server issues for it stay in the memory of
``Transport`` and never come here.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Connection

from csm_desktop import secret_chunks, secrets
from csm_desktop.sync import state

# ``sync_state`` key of the random id that names this database's keyring entry.
KEYRING_ID = "keyring_id"

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_url(server_url: str) -> str:
    """Return ``server_url`` with a lower-case scheme and host, no default port, no final slash.

    Different hosts stay different: ``localhost`` and ``127.0.0.1`` name two entries.
    """
    parts = urlsplit(server_url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, ""))


def _name(server_url: str, database_id: str | None) -> str:
    if database_id is None:
        # The name older versions used, shared by every database on this computer.
        return f"sync-token {server_url.rstrip('/')}"
    return f"sync-token {normalize_url(server_url)} {database_id}"


def new_database_id() -> str:
    return uuid.uuid4().hex


def read_database_id(conn: Connection) -> str | None:
    """Return the keyring id stored in this database, or None before its first connect."""
    return state.get_value(conn, KEYRING_ID)


def write_database_id(conn: Connection, value: str) -> None:
    state.set_value(conn, KEYRING_ID, value)


def check_token_size(server_url: str, token: str) -> None:
    """Raise ``SecretTooLargeError`` for a token the keyring wrapper would refuse."""
    secret_chunks.check_size(_name(server_url, None), token)


def load_token(server_url: str, database_id: str | None = None) -> str | None:
    """Return the token of the database ``database_id``, or of the old shared entry for None."""
    return secrets.get_secret(_name(server_url, database_id))


def store_token(
    server_url: str,
    token: str,
    *,
    database_id: str | None = None,
    session_only: bool = False,
) -> None:
    """Store ``token`` for the database ``database_id`` (the old shared entry for None)."""
    secrets.set_secret(_name(server_url, database_id), token, session_only=session_only)


def forget_token(server_url: str, database_id: str | None = None) -> None:
    """Delete the token of the database ``database_id`` (the old shared entry for None)."""
    secrets.delete_secret(_name(server_url, database_id))
