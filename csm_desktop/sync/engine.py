"""One sync run: meta, device check, capture, push until the outbox is empty, pull, checksum.

Push goes first so that the pull returns the server's decision on this
device's own changes. Each pull page is applied in one SQLite transaction
together with the new cursor, so a crash leaves the cursor at the last page
fully applied. Only one run per database file happens at a time.
"""

from __future__ import annotations

import logging
import platform
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop import __version__
from csm_desktop.progress import Cancelled, CancelToken, ProgressCallback, no_progress
from csm_desktop.store.database import Database
from csm_desktop.sync import clock_recovery, outbox, state
from csm_desktop.sync.apply import acknowledge, apply_page, revert_rejected
from csm_desktop.sync.capture import load_clock, save_clock, scan
from csm_desktop.sync.checks import verify_checksums
from csm_desktop.sync.entities import SCHEMA_VERSION
from csm_desktop.sync.hlc import WallClock
from csm_desktop.sync.resync import resync
from csm_desktop.sync.snapshots import queue_snapshots
from csm_desktop.sync.transport import NetworkError, ServerError, SyncError, Transport

log = logging.getLogger(__name__)

ACKNOWLEDGED = ("applied", "merged", "proposal", "duplicate")
SIGNED_OUT_CODES = ("token_revoked", "token_expired", "unauthenticated", "device_revoked")
MAX_BACKOFF_S = 300.0
# Wait before retrying after another sync of this device held the server's lock (409).
SYNC_IN_PROGRESS_WAIT_S = (2.0, 5.0)

_run_locks: dict[str, threading.Lock] = {}
_run_locks_guard = threading.Lock()


class SyncAlreadyRunning(SyncError):
    """Another sync of the same database is running; this one did nothing."""


class SignedOut(SyncError):
    """The server no longer accepts the token; local data is kept, the user must sign in."""


class UpgradeRequired(SyncError):
    """The server needs a newer app; the app keeps working offline."""


@dataclass
class SyncReport:
    """What one run did, for the status bar, the CLI and tests."""

    pushed: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    pages: int = 0
    resynced: str | None = None
    reregistered: str | None = None
    rejected: list[dict[str, Any]] = field(default_factory=list)
    checksum_ok: bool | None = None
    repaired: list[str] = field(default_factory=list)
    # Changes a restored server lost, listed for the user to re-upload or discard.
    lost_changes: int = 0
    # Changes stamped by a clock that was ahead, put back into the outbox with new stamps.
    restamped: int = 0


class SyncEngine:
    """Sync one local database with one server through ``transport``."""

    def __init__(
        self,
        db: Database,
        transport: Transport,
        *,
        wall: WallClock | None = None,
        registry: state.DeviceRegistry | None = None,
        sleep: Callable[[float], None] = time.sleep,
        batch_size: int = 500,
        page_size: int = 500,
        max_attempts: int = 6,
        after_page: Callable[[int], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.transport = transport
        self.wall = wall or WallClock()
        self.registry = registry or state.DeviceRegistry.default()
        self.sleep = sleep
        self.batch_size = batch_size
        self.page_size = page_size
        self.max_attempts = max_attempts
        # Test hook called after each applied pull page (with its number).
        self.after_page = after_page
        # Source of the back-off jitter; tests pass one that records the ranges drawn from.
        self.rng = rng or random.Random()

    def run(
        self, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None
    ) -> SyncReport:
        """Run one sync; raise ``SyncAlreadyRunning`` when another run is using this database."""
        lock = _lock_for(self.db.path)
        if not lock.acquire(blocking=False):
            raise SyncAlreadyRunning("a sync of this database is already running")
        try:
            return self._run(progress, cancel or CancelToken())
        except (SignedOut, Cancelled):
            raise
        except Exception as error:
            self._record_error(error)
            raise
        finally:
            lock.release()

    def _record_error(self, error: Exception) -> None:
        """Store why this run failed in ``last_error``, for ``sync status`` and the status bar.

        ``SignedOut`` stores the server's code itself, which the status bar checks, and a
        cancelled run is no failure.
        """
        text = str(error) or type(error).__name__
        log.warning("Sync run failed: %s", text)
        try:
            with self.db.engine.begin() as conn:
                state.set_value(conn, state.LAST_ERROR, text[:500])
        except SQLAlchemyError as db_error:
            log.error("Could not record the sync error %r: %s", text, db_error)

    def _run(self, progress: ProgressCallback, cancel: CancelToken) -> SyncReport:
        report = SyncReport()
        log.info("Sync run started for %s", self.db.path)
        progress(0, 3, "meta")
        meta = self.call(self.transport.meta)
        self._observe(meta.get("server_time_ms"))
        self._ensure_device(meta, report)

        with self.db.engine.begin() as conn:
            report.restamped = clock_recovery.recover(
                conn,
                self.wall,
                meta.get("server_time_ms"),
                (meta.get("limits") or {}).get("max_clock_ahead_ms"),
            )
            scan(conn, self.wall)
        cancel.raise_if_cancelled()
        stored_epoch = self._get(state.EPOCH)
        if stored_epoch is not None and stored_epoch != meta["epoch"]:
            self._resync(meta, "epoch_mismatch", report)
        elif self._cursor_ahead(meta):
            self._resync_lost_history(report)
        progress(1, 3, "push")
        self._push_all(meta, report, cancel)
        progress(2, 3, "pull")
        self._pull_all(meta, report, cancel)
        report.checksum_ok = verify_checksums(self, report)
        self._checkpoint()

        with self.db.engine.begin() as conn:
            state.set_value(conn, state.LAST_SYNC_AT, str(int(time.time())))
            state.set_value(conn, state.LAST_ERROR, None)
        progress(3, 3, "done")
        log.info(
            "Sync run finished: pushed %s, pulled %d in %d pages, rejected %d",
            report.pushed,
            report.pulled,
            report.pages,
            len(report.rejected),
        )
        return report

    # --- helpers shared with resync and checks -------------------------------------------

    def call(self, function: Callable[..., Any], *args: Any) -> Any:
        """Call the server, retrying transient failures with jittered exponential back-off."""
        delay = 1.0
        for attempt in range(1, self.max_attempts + 1):
            try:
                return function(*args)
            except ServerError as error:
                if error.status == 401 or error.code in SIGNED_OUT_CODES:
                    self._sign_out(error)
                if error.status == 426:
                    raise UpgradeRequired(error.detail) from error
                if not error.transient or attempt == self.max_attempts:
                    raise
                wait = self._retry_wait(error, delay)
                log.info(
                    "Sync call %s got %s %s; retry %d in %.1f s",
                    function.__name__,
                    error.status,
                    error.code,
                    attempt,
                    wait,
                )
            except SyncError as error:
                if attempt == self.max_attempts or not _is_network(error):
                    raise
                wait = self.rng.uniform(0, delay)
                log.info(
                    "Sync call %s failed (%s); retry %d in %.1f s",
                    function.__name__,
                    error,
                    attempt,
                    wait,
                )
            self.sleep(wait)
            delay = min(delay * 2, MAX_BACKOFF_S)
        raise AssertionError("unreachable")

    def _retry_wait(self, error: ServerError, delay: float) -> float:
        """Return the seconds to wait: the server's Retry-After, else full-jitter back-off."""
        if error.retry_after is not None:
            return error.retry_after
        if error.code == "sync_in_progress":
            return self.rng.uniform(*SYNC_IN_PROGRESS_WAIT_S)
        return self.rng.uniform(0, delay)

    def _checkpoint(self) -> None:
        """Tell the server how far this device has pulled, so a tombstone purge can spare it.

        Only the purge horizon depends on it, so a failure is logged and the sync still succeeds.
        """
        with self.db.engine.connect() as conn:
            client_id = state.get_value(conn, state.CLIENT_ID)
            cursor = state.get_value(conn, state.CURSOR)
        if client_id is None or cursor is None:
            return
        try:
            self.call(self.transport.checkpoint, client_id, cursor)
        except (ServerError, NetworkError) as error:
            log.warning("Sync checkpoint of device %s failed: %s", client_id, error)

    def _sign_out(self, error: ServerError) -> None:
        from csm_desktop.sync.credentials import forget_token, read_database_id

        url = self._get(state.SERVER_URL) or self.transport.url
        with self.db.engine.begin() as conn:
            # This database's own entry, and the old shared one if it is still there.
            forget_token(url, read_database_id(conn))
            forget_token(url)
            state.set_value(conn, state.LAST_ERROR, error.code)
        log.warning("Sync signed out by the server (%s); local data kept", error.code)
        raise SignedOut(
            "the team server no longer accepts this token "
            f"({error.code}); sign in again with a new token"
        ) from error

    def _get(self, key: str) -> str | None:
        with self.db.engine.connect() as conn:
            return state.get_value(conn, key)

    def _observe(self, server_ms: int | None) -> None:
        if not server_ms:
            return
        with self.db.engine.begin() as conn:
            clock = load_clock(conn, self.wall)
            clock.observe(int(server_ms))
            save_clock(conn, clock)

    # --- device identity --------------------------------------------------------------

    def _ensure_device(self, meta: dict[str, Any], report: SyncReport) -> None:
        with self.db.engine.begin() as conn:
            client_id = state.get_value(conn, state.CLIENT_ID)
            next_seq = int(state.get_value(conn, state.NEXT_CLIENT_SEQ) or "1")
            reason = None
            if client_id is None:
                reason = "first sync"
            elif state.get_value(conn, state.REGISTERED_CLIENT) == client_id:
                reason = self.registry.reason_to_reregister(client_id, self.db.path, next_seq)
            if reason is not None:
                client_id = self._new_device(conn, reason, report)
            state.set_value(conn, state.USER_EMAIL, meta["user"]["email"])
            state.set_value(conn, state.USER_ROLE, meta["user"]["role"])
            state.set_value(conn, state.USER_NAME, meta["user"].get("name") or None)
            registered = state.get_value(conn, state.REGISTERED_CLIENT) == client_id
        if not registered:
            self.call(self.transport.register_device, client_id, platform.node(), __version__)
            with self.db.engine.begin() as conn:
                state.set_value(conn, state.REGISTERED_CLIENT, client_id)
            self.registry.remember(client_id, self.db.path, 0)
            log.info("Registered this database as device %s", client_id)

    def _new_device(self, conn: Connection, reason: str, report: SyncReport) -> str:
        client_id = state.new_client_id()
        state.add_own_client_id(conn, client_id)
        state.set_value(conn, state.CLIENT_ID, client_id)
        state.set_value(conn, state.REGISTERED_CLIENT, None)
        outbox.renumber(conn)
        if reason != "first sync":
            report.reregistered = reason
        log.info("New device id %s: %s", client_id, reason)
        return client_id

    def reregister(self, reason: str, report: SyncReport, meta: dict[str, Any]) -> None:
        with self.db.engine.begin() as conn:
            self._new_device(conn, reason, report)
        self._ensure_device(meta, report)

    # --- push ---------------------------------------------------------------------------

    def _push_all(self, meta: dict[str, Any], report: SyncReport, cancel: CancelToken) -> None:
        batch_size = min(self.batch_size, int(meta["limits"]["max_batch"]))
        while True:
            cancel.raise_if_cancelled()
            with self.db.engine.begin() as conn:
                queue_snapshots(conn, batch_size, self.wall)
                batch = outbox.next_batch(conn, batch_size)
                if not batch:
                    return
                outbox.mark_inflight(conn, [entry.client_seq for entry in batch])
                client_id = state.get_value(conn, state.CLIENT_ID)
                epoch = state.get_value(conn, state.EPOCH) or meta["epoch"]
            body = {
                "client_id": client_id,
                "epoch": epoch,
                "schema_version": SCHEMA_VERSION,
                "mutations": [entry.to_mutation() for entry in batch],
            }
            try:
                response = self.call(self.transport.push, body)
            except ServerError as error:
                batch_size = self._handle_push_error(error, batch, batch_size, meta, report)
                continue
            self._record_results(batch, response, report)

    def _handle_push_error(
        self,
        error: ServerError,
        batch: list[outbox.Entry],
        batch_size: int,
        meta: dict[str, Any],
        report: SyncReport,
    ) -> int:
        if error.code == "batch_too_large" and len(batch) > 1:
            log.info("Push of %d mutations too large; halving the batch", len(batch))
            return max(1, len(batch) // 2)
        if error.code == "epoch_mismatch":
            self._resync(self.call(self.transport.meta), "epoch_mismatch", report)
            return batch_size
        if error.code == "unknown_client":
            self.reregister(
                "the server does not know this device; its database was probably restored",
                report,
                meta,
            )
            return batch_size
        if error.code == "client_seq_reused":
            self.reregister("the server has seen this device's change numbers before", report, meta)
            return batch_size
        if error.code == "client_seq_gap":
            self.reregister(
                f"the server expected change {error.body.get('expected')}", report, meta
            )
            return batch_size
        raise error

    def _record_results(
        self, batch: list[outbox.Entry], response: dict[str, Any], report: SyncReport
    ) -> None:
        by_seq = {entry.client_seq: entry for entry in batch}
        accepted: list[str] = []
        with self.db.engine.begin() as conn:
            for result in response["results"]:
                entry = by_seq.get(int(result["client_seq"]))
                if entry is None:
                    continue
                status = result["status"]
                if status == "duplicate" and result.get("original_status") == "rejected":
                    status = "rejected"
                report.pushed[status] = report.pushed.get(status, 0) + 1
                if status in ACKNOWLEDGED:
                    acknowledge(conn, entry, result.get("seq"))
                    accepted.append(entry.hlc)
                else:
                    error = result.get("error") or {}
                    revert_rejected(
                        conn, entry, error.get("code", "rejected"), error.get("detail", "")
                    )
                    report.rejected.append(
                        {"client_seq": entry.client_seq, "entity": entry.entity, **error}
                    )
            clock_recovery.note_accepted(conn, accepted)
            client_id = state.get_value(conn, state.CLIENT_ID)
        self.registry.remember(client_id, self.db.path, int(response["last_client_seq"]))

    # --- pull ---------------------------------------------------------------------------

    def _pull_all(
        self,
        meta: dict[str, Any],
        report: SyncReport,
        cancel: CancelToken,
        *,
        collect: set | None = None,
    ) -> None:
        while True:
            cancel.raise_if_cancelled()
            cursor = self._get(state.CURSOR)
            try:
                page = self.call(self.transport.pull, cursor, self.page_size)
            except ServerError as error:
                if error.code in ("epoch_mismatch", "cursor_expired"):
                    self._resync(self.call(self.transport.meta), error.code, report)
                    continue
                raise
            with self.db.engine.begin() as conn:
                seen = apply_page(conn, page["changes"])
                state.set_value(conn, state.CURSOR, page["next_cursor"])
                state.set_value(conn, state.EPOCH, page["next_cursor"].split(":", 1)[0])
            if collect is not None:
                collect |= seen
            report.pulled += len(page["changes"])
            report.pages += 1
            if self.after_page is not None:
                self.after_page(report.pages)
            if not page["has_more"]:
                return

    def _resync(self, meta: dict[str, Any], reason: str, report: SyncReport) -> None:
        resync(self, meta, reason, report)

    def _cursor_ahead(self, meta: dict[str, Any]) -> bool:
        """True when this device has pulled a seq the server no longer has (same epoch).

        Checked before the push, because a push would take the lost seqs again.
        """
        cursor = self._get(state.CURSOR)
        if not cursor or meta.get("team_seq") is None:
            return False
        epoch, _, seq = cursor.partition(":")
        return epoch == meta["epoch"] and int(seq) > int(meta["team_seq"])

    def _resync_lost_history(self, report: SyncReport) -> None:
        """Resync after a restore without a new epoch, as after an epoch change.

        A pull from the current cursor makes the server start the new epoch
        itself, so the other devices resync too.
        """
        log.warning("The server has fewer changes than this device pulled; it was restored")
        try:
            self.call(self.transport.pull, self._get(state.CURSOR), 1)
        except ServerError as error:
            if error.code != "epoch_mismatch":
                raise
        self._resync(self.call(self.transport.meta), "epoch_mismatch", report)

    def pull_everything(self, meta: dict[str, Any], report: SyncReport) -> set:
        seen: set = set()
        self._pull_all(meta, report, CancelToken(), collect=seen)
        return seen


def _lock_for(path: Path | None) -> threading.Lock:
    key = str(path)
    with _run_locks_guard:
        return _run_locks.setdefault(key, threading.Lock())


def _is_network(error: SyncError) -> bool:
    from csm_desktop.sync.transport import NetworkError

    return isinstance(error, NetworkError)
