"""User-facing text for sync failures, shared by the settings page and the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from csm_desktop.secrets import KeyringUnavailableError
from csm_desktop.sync.engine import SIGNED_OUT_CODES, SignedOut, SyncAlreadyRunning, UpgradeRequired
from csm_desktop.sync.service import NotConnectedError
from csm_desktop.sync.transport import InsecureServerError, NetworkError, ServerError

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncMessages", text)


def describe_error(error: BaseException, url: str = "") -> str:
    """Return a message naming what failed and what to do next, for any sync failure."""
    if isinstance(error, InsecureServerError):
        return _tr(
            "The server address must start with https://. Plain http:// is accepted only "
            "for a server on this computer (127.0.0.1 or localhost)."
        )
    if isinstance(error, NetworkError):
        return _tr(
            "Cannot reach the sync server at %1. Check the address and the network, or ask "
            "your team admin whether the server is running. Your changes are kept here and "
            "are sent at the next sync."
        ).replace("%1", url or _tr("this address"))
    if isinstance(error, SignedOut) or is_rejected_token(error):
        return _tr(
            "The server did not accept the access token: it is wrong, expired or revoked. "
            "Ask your team admin for a new token and enter it under Settings > Team sync. "
            "Your local data is kept."
        )
    if isinstance(error, UpgradeRequired):
        return _tr("The team server needs a newer version of this app: %1").replace(
            "%1", str(error)
        )
    if isinstance(error, SyncAlreadyRunning):
        return _tr("A sync is already running; wait for it to finish.")
    if isinstance(error, NotConnectedError | KeyringUnavailableError):
        return str(error)
    if isinstance(error, ServerError):
        return _tr("The sync server returned an error: %1").replace("%1", str(error))
    if isinstance(error, ValueError | KeyError):
        return _tr("The address %1 answered, but not as a CSM Desktop team server.").replace(
            "%1", url or _tr("given")
        )
    log.error("Unexpected sync failure: %r", error)
    return _tr("Sync failed: %1. The log has the details.").replace("%1", str(error))


def is_rejected_token(error: BaseException) -> bool:
    """True when the server rejected the token itself (HTTP 401 or a sign-out code)."""
    return isinstance(error, ServerError) and (
        error.status == 401 or error.code in SIGNED_OUT_CODES
    )
