"""HTTP calls to the team server, with server errors turned into typed exceptions.

The transport is given the user's personal access token (PAT) and sends it
only to ``POST /v1/auth/session``, which returns a short-lived access token.
That access token, kept in this object's memory and nowhere else, is the
bearer of every other request. It is renewed shortly before its
``expires_in`` runs out. The server can still reject it as expired, for
example after the computer slept, because ``time.monotonic`` does not count
suspend on Linux. It can also reject it as unknown after its database was
restored from a backup. In both cases the transport renews the token once
and repeats the same request, so a pull resumes at the same cursor. Any
other 401, or a second one, reaches the caller, which signs the user out.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from csm_desktop.logs import register_secret

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
LOOPBACK_NAMES = {"localhost"}
SESSION_PATH = "/v1/auth/session"
# Renew the access token this many seconds before it expires, or at half its lifetime when
# that is shorter, so that requests do not start with a token about to expire.
REFRESH_MARGIN_S = 60.0
# ``token_type`` values of a 401 problem: about the PAT itself, which renewing cannot fix,
# or about the access token.
PAT_TOKEN_TYPE = "personal_access_token"
ACCESS_TOKEN_TYPE = "access_token"


class SyncError(Exception):
    """Sync stopped; the message is fit to show the user."""


class InsecureServerError(SyncError):
    """The server URL uses plain HTTP on a non-loopback host."""


class NetworkError(SyncError):
    """The server could not be reached or the connection broke."""


class ServerError(SyncError):
    """The server answered with an error document."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        body: dict[str, Any],
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{detail} ({status} {code})")
        self.status = status
        self.code = code
        self.detail = detail
        self.body = body
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        return self.status >= 500 or self.status == 429 or self.code == "sync_in_progress"


def check_server_url(url: str) -> str:
    """Return ``url`` without a trailing slash; raise unless it is HTTPS or loopback HTTP."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureServerError(f"{url!r} is not an http(s) URL of a sync server")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InsecureServerError(
            f"{url} uses plain HTTP; the team server must use HTTPS (plain HTTP is accepted "
            "only on this computer, 127.0.0.1)"
        )
    return url.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Transport:
    """One server and one personal access token. Every method returns the decoded JSON body."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        timeout: float = 30.0,
        protocol: int = PROTOCOL_VERSION,
        client: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = check_server_url(url)
        # The personal access token, sent only to request access tokens.
        self.token = token
        self.protocol = protocol
        if client is None:
            # Imported on first use: httpx costs about 0.1 s, and start-up needs no network.
            import httpx

            client = httpx.Client(timeout=timeout)
        self._client = client
        # Seconds on an arbitrary monotonic scale. Tests pass a clock they can move forward.
        self._clock = clock
        self._access_token: str | None = None
        self._renew_at = 0.0
        # Set when the server has no session route (an older server): send the PAT instead.
        self._pat_as_bearer = False
        # Serialises renewals when two threads share one transport.
        self._auth_lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        bearer = self._bearer()
        response = self._send(method, path, bearer, **kwargs)
        if self._access_token_rejected(response, bearer):
            log.info("Sync access token rejected on %s %s; renewing it once", method, path)
            bearer = self._renew(stale=bearer)
            response = self._send(method, path, bearer, **kwargs)
        if response.status_code >= 400:
            raise _server_error(response)
        return response.json()

    def _send(self, method: str, path: str, bearer: str, **kwargs: Any) -> httpx.Response:
        import httpx

        headers = {"Authorization": f"Bearer {bearer}", "Sync-Protocol": str(self.protocol)}
        try:
            return self._client.request(method, self.url + path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            log.info("Sync request %s %s failed: %s", method, path, type(exc).__name__)
            raise NetworkError(f"cannot reach the sync server at {self.url}: {exc}") from exc

    # --- access tokens ----------------------------------------------------------------

    def _bearer(self) -> str:
        """Return the token for the next request, first renewing an access token near expiry."""
        with self._auth_lock:
            if self._pat_as_bearer:
                return self.token
            if self._access_token is None or self._clock() >= self._renew_at:
                self._start_session()
            return self._access_token or self.token

    def _renew(self, *, stale: str) -> str:
        """Replace ``stale`` with a new access token, unless another thread already did."""
        with self._auth_lock:
            if self._access_token == stale:
                self._start_session()
            return self._access_token or self.token

    def _access_token_rejected(self, response: httpx.Response, bearer: str) -> bool:
        """Return True for a 401 that a new access token can fix: expired or unknown token."""
        if response.status_code != 401 or bearer == self.token:
            return False
        body = _json_body(response)
        code, token_type = body.get("code"), body.get("token_type")
        if code == "token_expired":
            return token_type != PAT_TOKEN_TYPE
        return code == "unauthenticated" and token_type == ACCESS_TOKEN_TYPE

    def _start_session(self) -> None:
        """Exchange the PAT for an access token, or raise ``ServerError`` on an error response.

        Must be called with ``_auth_lock`` held.
        """
        started = self._clock()
        response = self._send("POST", SESSION_PATH, self.token)
        if response.status_code == 404:
            log.warning(
                "Sync server %s has no %s; sending the personal access token on every request",
                self.url,
                SESSION_PATH,
            )
            self._pat_as_bearer = True
            self._access_token = None
            return
        if response.status_code >= 400:
            self._access_token = None
            raise _server_error(response)

        body = _json_body(response)
        token, expires_in = body.get("access_token"), body.get("expires_in")
        if not isinstance(token, str) or not token or not isinstance(expires_in, int | float):
            raise ServerError(
                response.status_code,
                "invalid_response",
                f"the sync server sent no access token or expires_in at {SESSION_PATH}",
                body={},
            )
        register_secret(token)
        self._access_token = token
        self._renew_at = started + expires_in - min(REFRESH_MARGIN_S, expires_in / 2)
        log.info("Sync access token obtained from %s, valid for %s s", self.url, expires_in)

    def meta(self) -> dict[str, Any]:
        return self._request("GET", "/v1/meta")

    def register_device(self, client_id: str, name: str, app_version: str) -> dict[str, Any]:
        body = {"client_id": client_id, "name": name, "app_version": app_version}
        return self._request("POST", "/v1/devices", json=body)

    def push(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._request("POST", "/v1/sync/push", json=body)

    def pull(self, cursor: str | None, limit: int, entity: str | None = None) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        if entity:
            params["entity"] = entity
        return self._request("GET", "/v1/sync/pull", params=params)

    def checksum(self, at_seq: int) -> dict[str, Any]:
        return self._request("GET", "/v1/sync/checksum", params={"at_seq": at_seq})

    def checkpoint(self, client_id: str, cursor: str) -> dict[str, Any]:
        """Report that the device ``client_id`` has applied every change up to ``cursor``."""
        body = {"client_id": client_id, "cursor": cursor}
        return self._request("POST", "/v1/sync/checkpoint", json=body)

    def resolve_conflict(self, conflict_id: str, resolution: str) -> dict[str, Any]:
        return self._request(
            "POST", f"/v1/conflicts/{conflict_id}/resolve", json={"resolution": resolution}
        )


def _json_body(response: httpx.Response) -> dict[str, Any]:
    """Return the response's JSON object, or an empty dict for any other body."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _server_error(response: httpx.Response) -> ServerError:
    body = _json_body(response)
    retry_after = response.headers.get("Retry-After")
    return ServerError(
        response.status_code,
        str(body.get("code") or f"http_{response.status_code}"),
        str(body.get("detail") or response.reason_phrase),
        body,
        float(retry_after) if retry_after and retry_after.replace(".", "", 1).isdigit() else None,
    )
