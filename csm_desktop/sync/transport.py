"""HTTP calls to the team server, with server errors turned into typed exceptions."""

from __future__ import annotations

import ipaddress
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
LOOPBACK_NAMES = {"localhost"}


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
    """One server and one token; every method returns the decoded JSON body."""

    def __init__(
        self,
        url: str,
        token: str,
        *,
        timeout: float = 30.0,
        protocol: int = PROTOCOL_VERSION,
        client: httpx.Client | None = None,
    ) -> None:
        self.url = check_server_url(url)
        self.token = token
        self.protocol = protocol
        if client is None:
            # Imported on first use: httpx costs about 0.1 s, and start-up needs no network.
            import httpx

            client = httpx.Client(timeout=timeout)
        self._client = client

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        import httpx

        headers = {"Authorization": f"Bearer {self.token}", "Sync-Protocol": str(self.protocol)}
        try:
            response = self._client.request(method, self.url + path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            log.info("Sync request %s %s failed: %s", method, path, type(exc).__name__)
            raise NetworkError(f"cannot reach the sync server at {self.url}: {exc}") from exc
        if response.status_code >= 400:
            raise _server_error(response)
        return response.json()

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


def _server_error(response: httpx.Response) -> ServerError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not isinstance(body, dict):
        body = {}
    retry_after = response.headers.get("Retry-After")
    return ServerError(
        response.status_code,
        str(body.get("code") or f"http_{response.status_code}"),
        str(body.get("detail") or response.reason_phrase),
        body,
        float(retry_after) if retry_after and retry_after.replace(".", "", 1).isdigit() else None,
    )
