"""Faults between client and server: duplicated, late and concurrent pushes, 429s and 5xx.

Pushes are duplicated and replayed by the proxy in ``proxy.py``; the other
faults come from the server's fault points and its rate limiter. The server
logs every ``/v1`` request in test mode, and the tests read that log.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter

import pytest
from sqlalchemy import func, select

from csm_desktop.store.database import open_database
from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncOutbox
from csm_desktop.sync import outbox, state
from csm_desktop.sync.engine import SyncEngine
from csm_desktop.sync.transport import ServerError, Transport
from csm_server.schema import mutation_log, sync_client, sync_record, team
from tests.sync.proxy import FaultyProxy

PUSH = "/v1/sync/push"
LOG_TIMEOUT_S = 30


def _server_state(server) -> dict[str, int]:
    """Return the counts that a replayed push must leave unchanged."""
    engine = server.admin_engine()
    with engine.connect() as conn:
        counts = {
            "accounts": conn.execute(
                select(func.count())
                .select_from(sync_record)
                .where(sync_record.c.entity == "account")
            ).scalar_one(),
            "logged": conn.execute(select(func.count()).select_from(mutation_log)).scalar_one(),
            "last_client_seq": conn.execute(
                select(func.max(sync_client.c.last_client_seq))
            ).scalar_one(),
            "team_seq": conn.execute(select(team.c.seq)).scalar_one(),
        }
    engine.dispose()
    return counts


def _server_value(server, account_id, field: str):
    engine = server.admin_engine()
    with engine.connect() as conn:
        data = conn.execute(
            select(sync_record.c.data).where(sync_record.c.id == account_id)
        ).scalar_one()
    engine.dispose()
    return data.get(field)


def _wait_for_log_line(server, text: str) -> None:
    """Block until the server's log contains ``text``; fail after LOG_TIMEOUT_S."""
    deadline = time.monotonic() + LOG_TIMEOUT_S
    while text not in server.log_path.read_text(errors="replace"):
        if time.monotonic() > deadline:
            pytest.fail(f"the server never logged {text!r}")
        time.sleep(0.02)


@pytest.fixture
def proxy(server):
    running = FaultyProxy(server.url).start()
    yield running
    running.stop()


def test_duplicated_pushes_apply_once(server, make_client, proxy):
    ann = make_client("ann")
    ann.url = proxy.url
    ann.sync()
    ids = [ann.add_account(f"Account {number}") for number in range(5)]
    proxy.duplicate_pushes = True

    first = ann.sync()
    ann.edit(Account, ids[0], industry="Retail")
    ann.edit(Account, ids[1], industry="Banking")
    second = ann.sync()

    # The client gets the reply to the second copy, built from the server's mutation log.
    assert first.pushed == {"duplicate": 5}
    assert second.pushed == {"duplicate": 2}
    assert proxy.statuses() == [200, 200, 200, 200]
    # Two pushes changed data; their copies bumped neither the sequence nor last_client_seq.
    assert _server_state(server) == {
        "accounts": 5,
        "logged": 7,
        "last_client_seq": 7,
        "team_seq": 2,
    }
    cora = make_client("cora")
    cora.sync()
    assert len(cora.rows(Account)) == 5
    assert cora.get(Account, ids[0]).industry == "Retail"
    assert cora.get(Account, ids[1]).industry == "Banking"
    with ann.db.session() as session:
        assert session.scalar(select(func.count()).select_from(SyncOutbox)) == 0


def test_late_push_replayed_after_newer_one(server, make_client, proxy):
    ann = make_client("ann")
    ann.url = proxy.url
    account = ann.add_account("Acme", industry="Old")
    ann.sync()
    ann.edit(Account, account, industry="First edit")
    proxy.hold_pushes = 1

    # The held push never reaches the server now; the client retries the same batch.
    first = ann.sync()
    ann.edit(Account, account, industry="Second edit", segment="enterprise")
    second = ann.sync()
    before_replay = _server_state(server)
    late = proxy.deliver_held()
    third = ann.sync()

    assert first.pushed == {"applied": 1}
    assert len(ann.sleeps) == 1
    assert second.pushed == {"applied": 1}
    assert proxy.statuses() == [200, 0, 200, 200, 200]
    assert [result["status"] for result in late[0].json()["results"]] == ["duplicate"]
    assert third.pushed == {}
    assert _server_state(server) == before_replay
    assert before_replay == {"accounts": 1, "logged": 3, "last_client_seq": 3, "team_seq": 3}
    assert _server_value(server, account, "industry") == "Second edit"
    assert ann.get(Account, account).industry == "Second edit"
    cora = make_client("cora")
    cora.sync()
    stored = cora.get(Account, account)
    assert (stored.industry, stored.segment) == ("Second edit", "enterprise")


def test_concurrent_push_of_one_device_gets_409(server, make_client):
    ann = make_client("ann")
    ann.sync()
    ann.add_account("Slow")
    ann.add_account("Slower")
    with ann.db.engine.connect() as conn:
        body = {
            "client_id": state.get_value(conn, state.CLIENT_ID),
            "epoch": state.get_value(conn, state.EPOCH),
            "schema_version": 1,
            "mutations": [entry.to_mutation() for entry in outbox.next_batch(conn, 10)],
        }
    winner, loser = Transport(server.url, ann.token), Transport(server.url, ann.token)
    loser.meta()
    server.faults(**{"push.sleep_before_commit": {"value": 2, "times": 1}})
    replies: list[dict] = []
    holding = threading.Thread(target=lambda: replies.append(winner.push(body)))

    holding.start()
    _wait_for_log_line(server, "Fault push.sleep_before_commit")
    with pytest.raises(ServerError) as refused:
        loser.push(body)
    holding.join()
    retried = loser.push(body)
    winner.close()
    loser.close()

    assert (refused.value.status, refused.value.code) == (409, "sync_in_progress")
    assert refused.value.retry_after == 2
    assert [result["status"] for result in replies[0]["results"]] == ["applied", "applied"]
    assert [result["status"] for result in retried["results"]] == ["duplicate", "duplicate"]
    assert _server_state(server) == {
        "accounts": 2,
        "logged": 2,
        "last_client_seq": 2,
        "team_seq": 1,
    }


def test_second_process_waits_for_device_lock(make_sqlite_client, sqlite_only_server, monkeypatch):
    server = sqlite_only_server
    ann = make_sqlite_client("ann")
    ann.sync()
    for number in range(3):
        ann.add_account(f"Account {number}")
    # Fetched before the push holds SQLite's write lock, which issuing an access token needs.
    other_transport = Transport(server.url, ann.token)
    other_transport.meta()
    server.faults(**{"push.sleep_before_commit": {"value": 1.5, "times": 1}})
    first = ann.engine()
    running = threading.Thread(target=first.run)
    running.start()
    _wait_for_log_line(server, "Fault push.sleep_before_commit")

    # Another process (the command line while the app syncs) has its own run locks and
    # its own connections to the same database file.
    monkeypatch.setattr("csm_desktop.sync.engine._run_locks", {})
    other_db = open_database(ann.db_path)
    waits: list[float] = []

    def wait_for_first(seconds: float) -> None:
        waits.append(seconds)
        running.join()

    other = SyncEngine(
        other_db,
        other_transport,
        wall=ann.wall,
        registry=ann.registry,
        sleep=wait_for_first,
    )
    try:
        report = other.run()
    finally:
        other.transport.close()
        other_db.dispose()
    running.join()
    first.transport.close()

    assert waits == [2.0]
    assert report.pushed == {"duplicate": 3}
    pushes = [entry["status"] for entry in server.requests() if entry["path"] == PUSH]
    assert sorted(pushes) == [200, 200, 409]
    assert _server_state(server) == {
        "accounts": 3,
        "logged": 3,
        "last_client_seq": 3,
        "team_seq": 1,
    }


def test_rate_limit_waits_and_caps_requests(make_sqlite_client, sqlite_only_server):
    server = sqlite_only_server
    server.stop()
    server.env["CSM_SERVER_RATE_LIMIT"] = "4"
    server.start()
    ann = make_sqlite_client("ann")
    ann.add_account("Acme")

    for _attempt in range(3):
        try:
            ann.sync(max_attempts=3)
        except ServerError as error:
            assert error.code == "rate_limited"
            break
    log = server.requests()

    limited = [entry for entry in log if entry["status"] == 429]
    assert limited, "the server never answered 429"
    served = Counter(int(entry["time"] // 60) for entry in log if entry["status"] != 429)
    assert max(served.values()) <= 4
    assert all(int(entry["retry_after"]) >= 1 for entry in limited)
    # Each 429 but the last, which ended the sync, was followed by a wait of Retry-After.
    assert len(ann.sleeps) == len(limited) - 1
    for waited, entry in zip(ann.sleeps, limited, strict=False):
        assert waited >= float(entry["retry_after"])


class RecordingRandom(random.Random):
    """A seeded generator that records the range of every ``uniform`` draw."""

    def __init__(self) -> None:
        super().__init__(7)
        self.ranges: list[tuple[float, float]] = []

    def uniform(self, a: float, b: float) -> float:
        self.ranges.append((a, b))
        return super().uniform(a, b)


def test_server_errors_back_off_with_jitter(make_sqlite_client, sqlite_only_server):
    server = sqlite_only_server
    ann = make_sqlite_client("ann")
    ann.sync()
    for number in range(3):
        ann.add_account(f"Account {number}")
    server.faults(**{"push.db_unavailable": {"times": 4}})
    rng = RecordingRandom()

    report = ann.sync(rng=rng)

    assert rng.ranges == [(0, 1), (0, 2), (0, 4), (0, 8)]
    assert len(ann.sleeps) == 4
    for waited, (low, high) in zip(ann.sleeps, rng.ranges, strict=True):
        assert low <= waited <= high
    assert ann.sleeps != [1, 2, 4, 8]
    pushes = [entry["status"] for entry in server.requests() if entry["path"] == PUSH]
    assert pushes == [503, 503, 503, 503, 200]
    # The failed attempts rolled back, so the batch was applied exactly once.
    assert report.pushed == {"applied": 3}
    assert _server_state(server) == {
        "accounts": 3,
        "logged": 3,
        "last_client_seq": 3,
        "team_seq": 1,
    }


def test_proxy_passes_requests_unchanged(sqlite_only_server):
    proxy = FaultyProxy(sqlite_only_server.url).start()
    transport = Transport(proxy.url, sqlite_only_server.tokens["ann"])
    try:
        meta = transport.meta()
        with pytest.raises(ServerError) as raised:
            transport.pull("not-a-cursor", 10)
    finally:
        transport.close()
        proxy.stop()

    assert meta["user"]["email"] == "ann@t.io"
    assert raised.value.code == "epoch_mismatch"
    assert [(method, path.split("?")[0], status) for method, path, status in proxy.log] == [
        ("POST", "/v1/auth/session", 200),
        ("GET", "/v1/meta", 200),
        ("GET", "/v1/sync/pull", 409),
    ]
