"""Property: pulls that page while pushes are held open before commit skip and repeat nothing.

A pull cursor is a ``seq``. If a push could commit ``seq`` N after another
push's N+1 was visible, a puller whose cursor had passed N+1 would never see
N. The server prevents this with the team row lock (pushes commit in ``seq``
order). This test checks the result from outside, over many rounds in one
server session: in each round the server keeps one push open before commit
(fault point ``push.sleep_before_commit``) while a second device pushes and
two users page through the log with limits of 1 to 3.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from csm_desktop.sync.hlc import format_hlc
from csm_server.schema import sync_record

ROUNDS = 200
SEED = 20260305
# Seconds the fault point keeps a push's transaction open before it commits.
HOLD_CHOICES = (0.02, 0.04, 0.06)


@dataclass
class RawDevice:
    """A registered device that pushes account inserts and edits through plain HTTP."""

    http: httpx.Client
    base_url: str
    token: str
    email: str
    epoch: str
    client_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    client_seq: int = 0
    # account id -> seq of its last accepted change, the base of the next edit.
    accounts: dict[str, int] = field(default_factory=dict)
    # account id -> seq the server reported for the last push that changed it.
    pushed: dict[str, int] = field(default_factory=dict)

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Sync-Protocol": "1"}

    def register(self) -> None:
        response = self.http.post(
            self.base_url + "/v1/devices",
            json={"client_id": self.client_id, "name": self.email},
            headers=self.headers(),
        )
        response.raise_for_status()

    def push(self, inserts: int, edits: int, rng: random.Random) -> None:
        """Push ``inserts`` new accounts and edits of up to ``edits`` known ones in one request."""
        mutations = [self._insert(rng) for _ in range(inserts)]
        known = sorted(self.accounts)
        for account_id in rng.sample(known, min(edits, len(known))):
            mutations.append(self._edit(account_id, rng))
        body = {"client_id": self.client_id, "epoch": self.epoch, "mutations": mutations}
        response = self.http.post(
            self.base_url + "/v1/sync/push", json=body, headers=self.headers(), timeout=30
        )
        response.raise_for_status()
        document = response.json()
        for mutation, result in zip(mutations, document["results"], strict=True):
            assert result["status"] == "applied", result
            self.accounts[mutation["id"]] = result["seq"]
            self.pushed[mutation["id"]] = result["seq"]

    def _next(self) -> dict[str, Any]:
        self.client_seq += 1
        stamp = format_hlc(int(time.time() * 1000), self.client_seq, self.client_id)
        return {"client_seq": self.client_seq, "mutation_id": str(uuid.uuid4()), "hlc": stamp}

    def _insert(self, rng: random.Random) -> dict[str, Any]:
        fields = {
            "name": {"value": f"{self.email} {rng.randrange(10**9)}"},
            "owner": {"value": self.email},
        }
        return {
            **self._next(),
            "entity": "account",
            "id": str(uuid.uuid4()),
            "op": "insert",
            "fields": fields,
        }

    def _edit(self, account_id: str, rng: random.Random) -> dict[str, Any]:
        base = self.accounts[account_id]
        fields = {"industry": {"value": f"industry {rng.randrange(10**6)}", "base_seq": base}}
        return {
            **self._next(),
            "entity": "account",
            "id": account_id,
            "op": "update",
            "base_seq": base,
            "fields": fields,
        }


@dataclass
class Puller:
    """A user paging through the change log; every page is checked as it arrives."""

    http: httpx.Client
    base_url: str
    token: str
    cursor: str | None = None
    last_seq: int = 0
    pages: int = 0
    # (entity, id) -> (seq, row) of the latest change seen.
    latest: dict[tuple[str, str], tuple[int, dict]] = field(default_factory=dict)
    seen: set[tuple[str, str, int]] = field(default_factory=set)

    def pull(self, limit: int) -> bool:
        """Fetch and check one page; return the server's ``has_more``."""
        params: dict[str, Any] = {"limit": limit}
        if self.cursor:
            params["cursor"] = self.cursor
        response = self.http.get(
            self.base_url + "/v1/sync/pull",
            params=params,
            headers={"Authorization": f"Bearer {self.token}", "Sync-Protocol": "1"},
        )
        response.raise_for_status()
        page = response.json()
        self._check_page(page["changes"])
        self.cursor = page["next_cursor"]
        self.pages += 1
        return page["has_more"]

    def drain(self, limit: int) -> None:
        while self.pull(limit):
            pass

    def _check_page(self, changes: list[dict]) -> None:
        """Assert the page's invariants against everything this puller has seen before."""
        keys = [(change["entity"], change["id"]) for change in changes]
        assert len(keys) == len(set(keys)), f"page returns a row twice: {keys}"
        previous = self.last_seq
        for change in changes:
            seq = change["seq"]
            # A page contains whole seq groups in order, so seqs never fall inside a page, and
            # every seq is above the last one of earlier pages (the cursor).
            assert seq > self.last_seq, f"seq {seq} arrived after the cursor passed {self.last_seq}"
            assert seq >= previous, f"seq {seq} follows seq {previous} in one page"
            marker = (change["entity"], change["id"], seq)
            assert marker not in self.seen, f"change {marker} was returned twice"
            self.seen.add(marker)
            self.latest[(change["entity"], change["id"])] = (seq, change["row"])
            previous = seq
        self.last_seq = previous


def _run_round(rng: random.Random, server, devices: list[RawDevice], pullers: list[Puller]) -> None:
    """Hold one push open before commit while another commits and both users page."""
    server.faults(**{"push.sleep_before_commit": {"value": rng.choice(HOLD_CHOICES), "times": 1}})
    order = rng.sample(devices, len(devices))
    # Each thread and the pull loop get their own generator, so the data pushed in later
    # rounds does not depend on how many pages this round's timing allowed.
    plans = [(rng.randint(1, 2), rng.randint(0, 2)) for _ in order]
    threads = [
        threading.Thread(target=_push_or_record, args=(device, plan, random.Random(rng.random())))
        for device, plan in zip(order, plans, strict=True)
    ]
    limits = random.Random(rng.random())
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        for puller in pullers:
            puller.pull(limits.randint(1, 3))
    for thread in threads:
        thread.join()


_push_errors: list[BaseException] = []


def _push_or_record(device: RawDevice, plan: tuple[int, int], rng: random.Random) -> None:
    """Run a push in a thread and keep its exception for the test thread to raise."""
    try:
        device.push(plan[0], plan[1], rng)
    except BaseException as error:  # noqa: BLE001 (re-raised by the test thread)
        _push_errors.append(error)


def _server_accounts(server) -> dict[str, tuple[int, dict]]:
    engine = server.admin_engine()
    with engine.connect() as conn:
        rows = conn.execute(
            select(sync_record.c.id, sync_record.c.seq, sync_record.c.data).where(
                sync_record.c.entity == "account"
            )
        ).all()
    engine.dispose()
    return {str(row.id): (row.seq, dict(row.data)) for row in rows}


@pytest.mark.slow
def test_paging_under_held_pushes_skips_nothing(server):
    """Every page's seqs rise past the cursor, no change repeats, and nothing is missing."""
    rng = random.Random(SEED)
    _push_errors.clear()
    # The test sends thousands of requests a minute; the default limit of 600 would stop it.
    server.stop()
    server.env["CSM_SERVER_RATE_LIMIT"] = "0"
    server.start()
    http = httpx.Client(timeout=30)
    meta = http.get(
        server.url + "/v1/meta",
        headers={"Authorization": f"Bearer {server.tokens['cora']}", "Sync-Protocol": "1"},
    ).json()
    devices = [
        RawDevice(http, server.url, server.tokens[user], email, meta["epoch"])
        for user, email in (("ann", "ann@t.io"), ("bob", "bob@t.io"))
    ]
    for device in devices:
        device.register()
    coordinator = Puller(http, server.url, server.tokens["cora"])
    csm = Puller(http, server.url, server.tokens["ann"])

    try:
        for _ in range(ROUNDS):
            _run_round(rng, server, devices, [coordinator, csm])
            assert not _push_errors, _push_errors
        coordinator.drain(3)
        csm.drain(3)
        stored = _server_accounts(server)
    finally:
        http.close()

    pushed = {**devices[0].pushed, **devices[1].pushed}
    pulled = {key[1]: value for key, value in coordinator.latest.items()}
    assert len(pushed) >= ROUNDS
    assert set(pulled) == set(stored) == set(pushed)
    for account_id, (seq, data) in stored.items():
        assert pulled[account_id] == (seq, data), account_id
        assert seq == pushed[account_id], account_id
    ann_rows = {key[1]: value for key, value in csm.latest.items()}
    assert set(ann_rows) == set(devices[0].pushed)
    for account_id in devices[0].pushed:
        assert ann_rows[account_id] == stored[account_id], account_id
    assert coordinator.pages > ROUNDS
