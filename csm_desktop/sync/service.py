"""Entry points the CLI and the UI share: connect, build an engine, read the status."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select

from csm_desktop.store.database import Database
from csm_desktop.store.sync_models import SyncConflict
from csm_desktop.sync import credentials, lost, outbox, state
from csm_desktop.sync.capture import install_capture
from csm_desktop.sync.engine import SyncEngine
from csm_desktop.sync.snapshots import count_unqueued
from csm_desktop.sync.transport import SyncError, Transport, check_server_url

log = logging.getLogger(__name__)


class NotConnectedError(SyncError):
    """Sync was never set up for this database, or its token is missing."""


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
    """Check the server and token, then remember the URL here and the token in the keyring."""
    url = check_server_url(url)
    # A token the keyring cannot take is refused before the server is asked.
    credentials.check_token_size(url, token)
    meta = test_connection(url, token)
    credentials.store_token(url, token, session_only=session_only)
    with db.engine.begin() as conn:
        state.set_value(conn, state.SERVER_URL, url)
        state.set_value(conn, state.USER_EMAIL, meta["user"]["email"])
        if state.get_value(conn, state.CLIENT_ID) is None:
            state.set_value(conn, state.CLIENT_ID, state.new_client_id())
    install_capture()
    log.info("Sync connected to %s as user %s", url, meta["user"]["id"])
    return meta


def build_engine(db: Database, **kwargs) -> SyncEngine:
    """Return an engine for the server this database is connected to."""
    with db.engine.connect() as conn:
        url = state.get_value(conn, state.SERVER_URL)
    if url is None:
        raise NotConnectedError("sync is not set up; connect to a team server first")
    token = credentials.load_token(url)
    if token is None:
        raise NotConnectedError(f"no token for {url} in the keyring; sign in again")
    install_capture()
    return SyncEngine(db, Transport(url, token), **kwargs)


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
