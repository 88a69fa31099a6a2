"""Entry points the CLI and the UI share: connect, build an engine, read the status."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from csm_desktop.secrets import KeyringUnavailableError
from csm_desktop.store.database import Database
from csm_desktop.store.sync_models import SyncConflict
from csm_desktop.sync import credentials, lost, outbox, state
from csm_desktop.sync.capture import install_capture
from csm_desktop.sync.engine import SIGNED_OUT_CODES, SyncEngine
from csm_desktop.sync.snapshots import count_unqueued
from csm_desktop.sync.transport import SyncError, Transport, check_server_url

log = logging.getLogger(__name__)


class NotConnectedError(SyncError):
    """Sync was never set up for this database, or its token is missing."""


class TokenUserMismatchError(NotConnectedError):
    """The token belongs to another user than the one this database syncs as."""


@dataclass(frozen=True)
class SyncStatus:
    """Sync state shown by the status bar and by ``sync status``."""

    server_url: str | None
    user_email: str | None
    # Outbox entries not yet acknowledged, plus the health snapshots still to be queued.
    pending: int
    rejected: int
    open_conflicts: int
    last_sync_at: int | None
    last_error: str | None
    # Health snapshots counted in ``pending`` that have no outbox entry yet.
    unqueued_snapshots: int = 0
    # Changes a restored server lost, waiting for the user to re-upload or discard them.
    lost_changes: int = 0


def test_connection(url: str, token: str) -> dict:
    """Call the server's meta endpoint with ``token``; return it or raise ``SyncError``."""
    transport = Transport(check_server_url(url), token, timeout=15)
    try:
        return transport.meta()
    finally:
        transport.close()


def connect(db: Database, url: str, token: str, *, session_only: bool = False) -> dict:
    """Check the server and token, then remember the URL here and the token in the keyring.

    Every connect stores the token under a new keyring id, so a copy of this
    database that signs in as another user never overwrites this one's token.
    The entry of the previous connect is deleted.
    """
    url = check_server_url(url)
    # A token the keyring cannot take is refused before the server is asked.
    credentials.check_token_size(url, token)
    meta = test_connection(url, token)
    with db.engine.connect() as conn:
        previous_url = state.get_value(conn, state.SERVER_URL)
        previous_id = credentials.read_database_id(conn)

    database_id = credentials.new_database_id()
    credentials.store_token(url, token, database_id=database_id, session_only=session_only)
    with db.engine.begin() as conn:
        credentials.write_database_id(conn, database_id)
        state.set_value(conn, state.SERVER_URL, url)
        state.set_value(conn, state.USER_EMAIL, meta["user"]["email"])
        # A sign-out recorded for the old token no longer applies.
        state.set_value(conn, state.LAST_ERROR, None)
        if state.get_value(conn, state.CLIENT_ID) is None:
            state.set_value(conn, state.CLIENT_ID, state.new_client_id())

    if previous_id is not None:
        _forget_quietly(previous_url or url, previous_id)
    install_capture()
    log.info("Sync connected to %s as user %s", url, meta["user"]["id"])
    return meta


def build_engine(db: Database, *, token: str | None = None, **kwargs) -> SyncEngine:
    """Return an engine for the server this database is connected to.

    ``token`` replaces the keyring entry (the command line passes one read
    from the environment or stdin). The engine stops with
    ``TokenUserMismatchError`` at its first server call when the token belongs
    to another user than the one stored in this database.
    """
    with db.engine.connect() as conn:
        url = state.get_value(conn, state.SERVER_URL)
        user_email = state.get_value(conn, state.USER_EMAIL)
    if url is None:
        raise NotConnectedError("sync is not set up; connect to a team server first")

    on_verified = None
    if token is None:
        token, on_verified = _keyring_token(db, url)
    install_capture()
    transport = UserCheckedTransport(url, token, user_email=user_email, on_verified=on_verified)
    return SyncEngine(db, transport, **kwargs)


def _keyring_token(db: Database, url: str) -> tuple[str, Callable[[], None] | None]:
    """Return this database's token and, for a token from the old shared entry, its migration.

    Raises ``NotConnectedError`` when there is no token, and after the engine
    signed this database out: the engine deletes only the shared entry then.
    """
    with db.engine.connect() as conn:
        database_id = credentials.read_database_id(conn)
        last_error = state.get_value(conn, state.LAST_ERROR)

    if database_id is not None:
        token = credentials.load_token(url, database_id)
        if token is not None and last_error in SIGNED_OUT_CODES:
            _forget_quietly(url, database_id)
            raise NotConnectedError(
                f"the server no longer accepts the token of this database ({last_error}); "
                "sign in again"
            )
        if token is not None:
            return token, None

    token = credentials.load_token(url)
    if token is None:
        raise NotConnectedError(f"no token for {url} in the keyring; sign in again")
    log.info("Sync token for %s read from the entry shared by all databases", url)
    return token, lambda: _migrate_shared_token(db, url, token, database_id)


def _migrate_shared_token(db: Database, url: str, token: str, database_id: str | None) -> None:
    """Move a token from the shared entry to this database's own entry.

    Called only after the server confirmed that the token belongs to the
    user stored in this database. A keyring failure is logged and the sync
    goes on with the token in memory, because the next sync retries the move.
    """
    database_id = database_id or credentials.new_database_id()
    try:
        credentials.store_token(url, token, database_id=database_id)
        with db.engine.begin() as conn:
            credentials.write_database_id(conn, database_id)
        credentials.forget_token(url)
    except KeyringUnavailableError as error:
        log.warning("Sync token for %s not moved to this database's entry: %s", url, error)
        return
    log.info("Sync token for %s moved to this database's own keyring entry", url)


def _forget_quietly(url: str, database_id: str) -> None:
    """Delete a keyring entry, logging a keyring failure instead of raising it."""
    try:
        credentials.forget_token(url, database_id)
    except KeyringUnavailableError as error:
        log.warning("Old sync token for %s not deleted from the keyring: %s", url, error)


class UserCheckedTransport(Transport):
    """A transport whose ``meta`` call raises when the token belongs to another user.

    Every engine run calls ``meta`` first, before it registers the device or
    pushes a change, and then stores the user ``meta`` returns. That first
    call is therefore where a token of another user must stop the run.
    """

    def __init__(
        self,
        url: str,
        token: str,
        *,
        user_email: str | None,
        on_verified: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(url, token, **kwargs)
        # The user this database syncs as; None skips the check (and the migration).
        self.user_email = user_email
        # Called once, after the first ``meta`` whose user matches.
        self._on_verified = on_verified

    def meta(self) -> dict[str, Any]:
        meta = super().meta()
        token_email = meta["user"]["email"]
        if self.user_email is None:
            return meta
        if token_email.casefold() != self.user_email.casefold():
            log.warning("Sync stopped: the token for %s belongs to another user", self.url)
            raise TokenUserMismatchError(
                f"the token for {self.url} belongs to {token_email}, but this database syncs "
                f"as {self.user_email}; nothing was sent. Sign in again as {self.user_email}"
            )
        if self._on_verified is not None:
            on_verified, self._on_verified = self._on_verified, None
            on_verified()
        return meta


def read_status(db: Database) -> SyncStatus:
    with db.engine.connect() as conn:
        totals = outbox.counts(conn)
        snapshots = count_unqueued(conn)
        conflicts = conn.execute(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
        ).scalar_one()
        last = state.get_value(conn, state.LAST_SYNC_AT)
        return SyncStatus(
            server_url=state.get_value(conn, state.SERVER_URL),
            user_email=state.get_value(conn, state.USER_EMAIL),
            pending=totals[outbox.PENDING] + totals[outbox.INFLIGHT] + snapshots,
            rejected=totals[outbox.REJECTED],
            open_conflicts=conflicts,
            last_sync_at=int(last) if last else None,
            last_error=state.get_value(conn, state.LAST_ERROR),
            unqueued_snapshots=snapshots,
            lost_changes=lost.count(conn),
        )
