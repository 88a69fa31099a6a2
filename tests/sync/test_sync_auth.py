"""Sync authentication: access tokens exchanged for the personal access token, renewal, sign-out.

Every test talks to a real ``csm-server`` process on 127.0.0.1. The server's
request log (``GET /_test/requests``) shows which requests reached it, and an
httpx response hook on the client shows the query string (the pull cursor).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from sqlalchemy import delete, func, insert, select, update

from csm_desktop import secrets
from csm_desktop.store.models import Account
from csm_desktop.sync import credentials, state
from csm_desktop.sync.engine import SignedOut, SyncEngine
from csm_desktop.sync.transport import REFRESH_MARGIN_S, SESSION_PATH, Transport
from csm_server import admin
from csm_server.app import create_app
from csm_server.db import sqlite_url
from csm_server.schema import access_token, api_token, app_user
from csm_server.settings import Settings
from tests.fixtures.memkeyring import MemoryKeyring
from tests.sync.harness import Client, ServerProcess

PULL = "/v1/sync/pull"
DEFAULT_TTL_S = 15 * 60


class FakeClock:
    """A monotonic clock that moves only when a test sets ``now``."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class RecordingClient(httpx.Client):
    """An httpx client that records method, path, cursor and status of every response."""

    def __init__(self) -> None:
        super().__init__(timeout=30, event_hooks={"response": [self._record]})
        self.exchanges: list[tuple[str, str, str | None, int]] = []

    def _record(self, response: httpx.Response) -> None:
        request = response.request
        self.exchanges.append(
            (
                request.method,
                request.url.path,
                request.url.params.get("cursor"),
                response.status_code,
            )
        )


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets.forget_session_values()
    yield backend
    keyring.set_keyring(previous)
    secrets.forget_session_values()


def _engine(client: Client, transport: Transport, **kwargs: Any) -> SyncEngine:
    kwargs.setdefault("sleep", client.sleeps.append)
    return SyncEngine(client.db, transport, wall=client.wall, registry=client.registry, **kwargs)


def _seed_accounts(bob: Client, count: int) -> None:
    with bob.db.session() as session:
        session.execute(insert(Account), [{"name": f"B{n}"} for n in range(count)])
    bob.sync(batch_size=1)


def _expire_access_tokens(server: ServerProcess) -> None:
    engine = server.admin_engine()
    with engine.begin() as conn:
        conn.execute(
            update(access_token).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    engine.dispose()


def _after_first(entries: list[dict[str, Any]], status: int) -> list[tuple[str, str, int]]:
    """Return method, path and status of the server log entries after the first ``status``."""
    index = next(n for n, entry in enumerate(entries) if entry["status"] == status)
    return [(entry["method"], entry["path"], entry["status"]) for entry in entries[index + 1 :]]


def _session(server: ServerProcess, bearer: str) -> httpx.Response:
    return httpx.post(
        server.url + SESSION_PATH, headers={"Authorization": f"Bearer {bearer}"}, timeout=10
    )


def _meta(server: ServerProcess, bearer: str) -> httpx.Response:
    return httpx.get(
        server.url + "/v1/meta", headers={"Authorization": f"Bearer {bearer}"}, timeout=10
    )


# --- server ----------------------------------------------------------------------------


def test_session_issues_hashed_access_token(server):
    response = _session(server, server.tokens["ann"])

    assert response.status_code == 200
    body = response.json()
    assert body["access_token"].startswith("csm_at_")
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == DEFAULT_TTL_S
    assert _meta(server, body["access_token"]).json()["user"]["email"] == "ann@t.io"
    engine = server.admin_engine()
    with engine.connect() as conn:
        rows = conn.execute(select(access_token)).all()
    engine.dispose()
    assert len(rows) == 1
    assert rows[0].token_sha256 == hashlib.sha256(body["access_token"].encode()).digest()


def test_session_rejects_access_token_bearer(sqlite_only_server):
    access = _session(sqlite_only_server, sqlite_only_server.tokens["ann"]).json()["access_token"]

    response = _session(sqlite_only_server, access)

    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert "personal access token" in response.json()["detail"]


def test_pat_still_accepted_as_bearer(sqlite_only_server):
    response = _meta(sqlite_only_server, sqlite_only_server.tokens["ann"])

    assert response.status_code == 200
    assert response.json()["user"]["email"] == "ann@t.io"


def test_revoking_pat_rejects_its_access_tokens(server):
    access = _session(server, server.tokens["ann"]).json()["access_token"]
    bob_access = _session(server, server.tokens["bob"]).json()["access_token"]
    engine = server.admin_engine()
    admin.revoke_tokens(engine, "ann@t.io")
    engine.dispose()

    response = _meta(server, access)

    assert response.status_code == 401
    assert response.json()["code"] == "token_revoked"
    assert response.json()["token_type"] == "personal_access_token"
    assert _session(server, server.tokens["ann"]).status_code == 401
    assert _meta(server, bob_access).status_code == 200


def test_access_token_lifetime_from_settings(sqlite_only_server):
    sqlite_only_server.stop()
    sqlite_only_server.env["CSM_SERVER_ACCESS_TOKEN_TTL"] = "1"
    sqlite_only_server.start()

    body = _session(sqlite_only_server, sqlite_only_server.tokens["ann"]).json()
    # Waits for the real expiry. The assertions below do not depend on how long it took.
    deadline = time.monotonic() + 30
    response = _meta(sqlite_only_server, body["access_token"])
    while response.status_code == 200 and time.monotonic() < deadline:
        time.sleep(0.25)
        response = _meta(sqlite_only_server, body["access_token"])

    assert body["expires_in"] == 1
    assert response.status_code == 401
    assert response.json()["code"] == "token_expired"
    assert response.json()["token_type"] == "access_token"


def test_invalid_lifetime_setting_rejected(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("CSM_SERVER_DATABASE_URL", sqlite_url(tmp_path / "s.sqlite"))
    monkeypatch.setenv("CSM_SERVER_ACCESS_TOKEN_TTL", "0")

    with pytest.raises(RuntimeError, match="CSM_SERVER_ACCESS_TOKEN_TTL='0' is invalid"):
        Settings.from_env()


def test_session_route_in_openapi(tmp_path: Path):
    app = create_app(Settings(database_url=sqlite_url(tmp_path / "s.sqlite")))

    document = app.openapi()

    operation = document["paths"][SESSION_PATH]["post"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("/SessionResponse")
    fields = document["components"]["schemas"]["SessionResponse"]["properties"]
    assert {"access_token", "token_type", "expires_in"} <= set(fields)


# --- client ----------------------------------------------------------------------------


def test_expiry_between_pages_renews_once(server, make_client):
    bob, ann = make_client("bob"), make_client("ann")
    _seed_accounts(bob, 5)
    credentials.store_token(server.url, ann.token)
    http = RecordingClient()
    transport = Transport(server.url, ann.token, client=http)

    def expire_after_two(page: int) -> None:
        if page == 2:
            _expire_access_tokens(server)

    report = _engine(ann, transport, page_size=1, after_page=expire_after_two).run()
    transport.close()

    after_expiry = _after_first(server.requests(), 401)
    assert after_expiry[0] == ("POST", SESSION_PATH, 200)
    assert [entry for entry in after_expiry if entry[1] == SESSION_PATH] == [after_expiry[0]]
    assert all(status == 200 for _method, _path, status in after_expiry)
    pulls = [(cursor, status) for _method, path, cursor, status in http.exchanges if path == PULL]
    rejected = next(n for n, (_cursor, status) in enumerate(pulls) if status == 401)
    assert pulls[rejected + 1] == (pulls[rejected][0], 200)
    assert pulls[rejected][0].endswith(":2")
    assert report.pulled == 5
    assert sorted(row.name for row in ann.rows(Account)) == [f"B{n}" for n in range(5)]
    assert credentials.load_token(server.url) == ann.token


def test_unknown_access_token_renews_once(make_sqlite_client, sqlite_only_server):
    bob, ann = make_sqlite_client("bob"), make_sqlite_client("ann")
    _seed_accounts(bob, 3)
    credentials.store_token(sqlite_only_server.url, ann.token)

    def forget_access_tokens(page: int) -> None:
        if page == 1:
            engine = sqlite_only_server.admin_engine()
            with engine.begin() as conn:
                conn.execute(delete(access_token))
            engine.dispose()

    report = ann.sync(page_size=1, after_page=forget_access_tokens)

    after_rejection = _after_first(sqlite_only_server.requests(), 401)
    assert after_rejection[0] == ("POST", SESSION_PATH, 200)
    assert [entry for entry in after_rejection if entry[1] == SESSION_PATH] == [after_rejection[0]]
    assert report.pulled == 3
    assert credentials.load_token(sqlite_only_server.url) == ann.token


def test_access_token_renewed_before_expiry(make_sqlite_client, sqlite_only_server):
    ann = make_sqlite_client("ann")
    clock = FakeClock()
    transport = Transport(sqlite_only_server.url, ann.token, clock=clock)
    engine = _engine(ann, transport)
    renew_at = DEFAULT_TTL_S - REFRESH_MARGIN_S

    engine.run()
    clock.now = renew_at - 1
    engine.run()
    sessions_before = [e for e in sqlite_only_server.requests() if e["path"] == SESSION_PATH]
    first_run_end = len(sqlite_only_server.requests())
    clock.now = renew_at
    engine.run()
    transport.close()

    entries = sqlite_only_server.requests()
    third_run = [(e["method"], e["path"], e["status"]) for e in entries[first_run_end:]]
    assert len(sessions_before) == 1
    assert third_run[0] == ("POST", SESSION_PATH, 200)
    assert third_run[1] == ("GET", "/v1/meta", 200)
    assert [e for e in third_run if e[1] == SESSION_PATH] == [third_run[0]]
    assert all(e["status"] == 200 for e in entries)


def test_pat_revoked_during_renewal_signs_out(server, make_client):
    bob, ann = make_client("bob"), make_client("ann")
    _seed_accounts(bob, 5)
    credentials.store_token(server.url, ann.token)
    clock = FakeClock()
    transport = Transport(server.url, ann.token, clock=clock)
    admin_engine = server.admin_engine()

    def revoke_after_two(page: int) -> None:
        if page == 2:
            admin.revoke_tokens(admin_engine, "ann@t.io")
            clock.now = DEFAULT_TTL_S

    with pytest.raises(SignedOut, match="token_revoked"):
        _engine(ann, transport, page_size=1, after_page=revoke_after_two).run()
    transport.close()
    admin_engine.dispose()

    entries = server.requests()
    assert (entries[-1]["method"], entries[-1]["path"], entries[-1]["status"]) == (
        "POST",
        SESSION_PATH,
        401,
    )
    assert len(ann.rows(Account)) == 2
    assert credentials.load_token(server.url) is None
    with ann.db.engine.connect() as conn:
        assert state.get_value(conn, state.LAST_ERROR) == "token_revoked"
        assert state.get_value(conn, state.CURSOR).endswith(":2")


def test_second_expired_answer_signs_out(make_sqlite_client, sqlite_only_server):
    bob, ann = make_sqlite_client("bob"), make_sqlite_client("ann")
    _seed_accounts(bob, 5)
    credentials.store_token(sqlite_only_server.url, ann.token)
    expire_new_tokens = False

    def expire_on_session(response: httpx.Response) -> None:
        if expire_new_tokens and response.request.url.path == SESSION_PATH:
            _expire_access_tokens(sqlite_only_server)

    def expire_after_two(page: int) -> None:
        nonlocal expire_new_tokens
        if page == 2:
            _expire_access_tokens(sqlite_only_server)
            expire_new_tokens = True

    http = httpx.Client(timeout=30, event_hooks={"response": [expire_on_session]})
    transport = Transport(sqlite_only_server.url, ann.token, client=http)
    with pytest.raises(SignedOut, match="token_expired"):
        _engine(ann, transport, page_size=1, after_page=expire_after_two).run()
    transport.close()

    after_expiry = _after_first(sqlite_only_server.requests(), 401)
    assert after_expiry == [("POST", SESSION_PATH, 200), ("GET", PULL, 401)]
    assert len(ann.rows(Account)) == 2
    assert credentials.load_token(sqlite_only_server.url) is None


def test_expired_pat_is_not_renewed(make_sqlite_client, sqlite_only_server):
    bob, ann = make_sqlite_client("bob"), make_sqlite_client("ann")
    _seed_accounts(bob, 3)
    credentials.store_token(sqlite_only_server.url, ann.token)
    admin_engine = sqlite_only_server.admin_engine()

    def expire_pat_after_one(page: int) -> None:
        if page == 1:
            ann_id = select(app_user.c.id).where(app_user.c.email == "ann@t.io")
            with admin_engine.begin() as conn:
                conn.execute(
                    update(api_token)
                    .where(api_token.c.user_id == ann_id.scalar_subquery())
                    .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
                )

    with pytest.raises(SignedOut, match="token_expired"):
        ann.sync(page_size=1, after_page=expire_pat_after_one)
    admin_engine.dispose()

    assert _after_first(sqlite_only_server.requests(), 401) == []
    assert len(ann.rows(Account)) == 1
    assert credentials.load_token(sqlite_only_server.url) is None


def test_access_token_never_reaches_keyring(make_sqlite_client, sqlite_only_server, memory_keyring):
    ann = make_sqlite_client("ann")
    credentials.store_token(sqlite_only_server.url, ann.token)

    ann.sync()

    engine = sqlite_only_server.admin_engine()
    with engine.connect() as conn:
        issued = conn.execute(select(func.count()).select_from(access_token)).scalar_one()
    engine.dispose()
    assert issued == 1
    assert list(memory_keyring.store.values()) == [ann.token]


def test_server_without_session_route_gets_pat(make_sqlite_client, sqlite_only_server):
    ann = make_sqlite_client("ann")

    def hide_session_route(request: httpx.Request) -> None:
        if request.url.path == SESSION_PATH:
            request.url = request.url.copy_with(path="/v1/auth/missing")

    http = httpx.Client(timeout=30, event_hooks={"request": [hide_session_route]})
    transport = Transport(sqlite_only_server.url, ann.token, client=http)
    _engine(ann, transport).run()
    _engine(ann, transport).run()
    transport.close()

    entries = [(e["path"], e["status"]) for e in sqlite_only_server.requests()]
    assert entries[0] == ("/v1/auth/missing", 404)
    assert ("/v1/auth/missing", 404) not in entries[1:]
    assert all(status == 200 for _path, status in entries[1:])
