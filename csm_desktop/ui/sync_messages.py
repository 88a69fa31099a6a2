"""User-facing text for sync failures, shared by the settings page and the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from csm_desktop.formatting import format_number
from csm_desktop.secret_chunks import MAX_SECRET_BYTES, SecretTooLargeError
from csm_desktop.secrets import KeyringUnavailableError
from csm_desktop.sync.apply import PageApplyError
from csm_desktop.sync.engine import SIGNED_OUT_CODES, SignedOut, SyncAlreadyRunning, UpgradeRequired
from csm_desktop.sync.service import NotConnectedError
from csm_desktop.sync.transport import InsecureServerError, NetworkError, ServerError

log = logging.getLogger(__name__)


def describe_error(error: BaseException, url: str = "") -> str:
    """Return a message naming what failed and what to do next, for any sync failure."""
    if isinstance(error, InsecureServerError):
        return QCoreApplication.translate(
            "SyncMessages",
            "The server address must start with https://. Plain http:// is accepted only "
            "for a server on this computer (127.0.0.1 or localhost).",
        )
    if isinstance(error, NetworkError):
        return QCoreApplication.translate(
            "SyncMessages",
            "Cannot reach the sync server at %1. Check the address and the network, or ask "
            "your team admin whether the server is running. Your changes are kept here and "
            "are sent at the next sync.",
        ).replace("%1", url or QCoreApplication.translate("SyncMessages", "this address"))
    if isinstance(error, SignedOut) or is_rejected_token(error):
        return QCoreApplication.translate(
            "SyncMessages",
            "The server did not accept the personal access token: it is wrong, expired or "
            "revoked. "
            "Ask your team admin for a new token and enter it under Settings > Team sync. "
            "Your local data is kept.",
        )
    if isinstance(error, UpgradeRequired):
        return QCoreApplication.translate(
            "SyncMessages", "The team server needs a newer version of this app: %1"
        ).replace("%1", str(error))
    if isinstance(error, SyncAlreadyRunning):
        return QCoreApplication.translate(
            "SyncMessages", "A sync is already running; wait for it to finish."
        )
    if isinstance(error, NotConnectedError | KeyringUnavailableError):
        return str(error)
    if isinstance(error, ServerError):
        return QCoreApplication.translate(
            "SyncMessages", "The sync server returned an error: %1"
        ).replace("%1", str(error))
    if isinstance(error, PageApplyError):
        return (
            QCoreApplication.translate(
                "SyncMessages",
                "A change from the team server could not be stored here (%1 %2, rule %3). Nothing "
                "was lost: the next sync tries it again. If this repeats, send the log to support.",
            )
            .replace("%1", error.entity)
            .replace("%2", str(error.row_id))
            .replace("%3", str(error.constraint))
        )
    if isinstance(error, SecretTooLargeError):
        return QCoreApplication.translate(
            "SyncMessages",
            "The token is too large to keep in this computer's keyring (over %1 KiB). Check "
            "that you pasted only the token. Nothing was stored.",
        ).replace("%1", format_number(MAX_SECRET_BYTES // 1024))
    if isinstance(error, ValueError | KeyError):
        return QCoreApplication.translate(
            "SyncMessages", "The address %1 answered, but not as a CSM Desktop team server."
        ).replace("%1", url or QCoreApplication.translate("SyncMessages", "given"))
    log.error("Unexpected sync failure: %r", error)
    return QCoreApplication.translate(
        "SyncMessages", "Sync failed: %1. The log has the details."
    ).replace("%1", str(error))


def describe_rejection(code: str | None, detail: str | None) -> str:
    """Return what a change rejected by the server needs from the user, from its error code.

    ``detail`` is the server's English text; it is shown for codes whose
    message needs the field and value it names.
    """
    detail = detail or ""
    if code == "clock_ahead":
        return QCoreApplication.translate(
            "SyncMessages",
            "This computer's clock is ahead of the team server's clock, so the server "
            "rejected the change. Set the correct date, time and time zone in the system "
            "settings, then sync again.",
        )
    if code == "validation_failed":
        return QCoreApplication.translate(
            "SyncMessages", "The server rejected an invalid value: %1"
        ).replace("%1", detail)
    if code == "forbidden":
        return QCoreApplication.translate(
            "SyncMessages", "You may not change this record: %1"
        ).replace("%1", detail)
    if code == "entity_deleted":
        return QCoreApplication.translate(
            "SyncMessages",
            "The record was deleted on the server, so your change was not applied: %1. "
            "To apply it, restore the record in Sync > Conflicts and proposals.",
        ).replace("%1", detail)
    if code == "not_found":
        return QCoreApplication.translate(
            "SyncMessages", "The record no longer exists on the server: %1"
        ).replace("%1", detail)
    return (
        QCoreApplication.translate("SyncMessages", "The server rejected the change (%1): %2")
        .replace("%1", code or "?")
        .replace("%2", detail)
    )


def is_rejected_token(error: BaseException) -> bool:
    """True when the server rejected the token itself (HTTP 401 or a sign-out code)."""
    return isinstance(error, ServerError) and (
        error.status == 401 or error.code in SIGNED_OUT_CODES
    )
