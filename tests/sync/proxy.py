"""An HTTP proxy on 127.0.0.1 that duplicates, delays and replays sync pushes.

It sits between a test client and a real sync server and forwards every
request unchanged, except for ``POST /v1/sync/push`` when a fault is set:

* ``duplicate_pushes``: each push reaches the server twice in a row, and the
  client receives the reply to the second copy.
* ``hold_pushes``: that many pushes are kept back. The server does not receive
  them now, and the client's connection is closed without a reply, as when a
  network path stalls. ``deliver_held`` sends them to the server later, after
  newer pushes have passed, which is how a late or reordered packet arrives.

Every exchange is recorded in ``log`` as ``(method, path, status)``, with
status 0 for a request answered by a dropped connection.
"""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

log = logging.getLogger(__name__)

PUSH_PATH = "/v1/sync/push"
# Hop-by-hop and encoding headers that the proxy rewrites itself.
SKIPPED_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class FaultyProxy:
    """A threaded proxy in front of ``upstream``; ``url`` is where clients connect."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.duplicate_pushes = False
        self.hold_pushes = 0
        self.held: list[tuple[dict[str, str], bytes]] = []
        self.log: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._client = httpx.Client(timeout=60)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FaultyProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes):
        response = self._client.request(method, self.upstream + path, headers=headers, content=body)
        self._record(method, path, response.status_code)
        return response

    def deliver_held(self) -> list[httpx.Response]:
        """Send the held pushes to the server now, oldest first, and return its replies."""
        held, self.held = self.held, []
        return [self.forward("POST", PUSH_PATH, headers, body) for headers, body in held]

    def statuses(self, path: str = PUSH_PATH) -> list[int]:
        with self._lock:
            return [status for _method, logged, status in self.log if logged == path]

    def _record(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.log.append((method, path, status))

    def _take_hold(self) -> bool:
        with self._lock:
            if self.hold_pushes <= 0:
                return False
            self.hold_pushes -= 1
            return True


def _handler_for(proxy: FaultyProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._relay()

        def do_POST(self) -> None:  # noqa: N802
            self._relay()

        def _relay(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {
                name: value
                for name, value in self.headers.items()
                if name.lower() not in SKIPPED_HEADERS
            }
            is_push = self.command == "POST" and self.path.startswith(PUSH_PATH)
            if is_push and proxy._take_hold():
                proxy.held.append((headers, body))
                proxy._record(self.command, self.path, 0)
                log.info("Proxy keeps back a push of %d bytes and drops the connection", len(body))
                self.close_connection = True
                return
            response = proxy.forward(self.command, self.path, headers, body)
            if is_push and proxy.duplicate_pushes:
                response = proxy.forward(self.command, self.path, headers, body)
            self._reply(response)

        def _reply(self, response: httpx.Response) -> None:
            content = response.content
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in SKIPPED_HEADERS | {"content-encoding", "date", "server"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)

        def log_message(self, format: str, *args) -> None:  # noqa: A002 (base class signature)
            log.debug("Proxy: " + format, *args)

    return Handler
