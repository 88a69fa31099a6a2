"""Properties of hybrid logical clock stamps and of the server's last-writer-wins rule.

Two concurrent edits of one plain field (same base) must end with the same
winner whichever reaches the server first: the edit with the later stamp,
where a stamp orders by physical time, then counter, then device id. A stamp
more than five minutes ahead of the server clock is rejected. Most checks
call the clock and the server's merge code in-process on a SQLite file, and a
few repeat them over HTTP against a real server.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, select

from csm_desktop.sync.hlc import HybridClock, WallClock, format_hlc, parse_hlc
from csm_server import admin
from csm_server.db import make_engine, sqlite_url
from csm_server.merge import Principal, PushContext, apply_mutation
from csm_server.policies import MutationRejected
from csm_server.records import load_record
from csm_server.schema import sync_record
from csm_server.settings import Settings

MAX_AHEAD_MS = Settings(database_url="unused").max_clock_ahead_ms
# Server time in the in-process checks; stamps are placed around it.
NOW_MS = 1_780_000_000_000
DEVICES = sorted(str(uuid.UUID(int=n * 0x1111_1111_1111_1111)) for n in range(1, 5))
PLAIN_FIELDS = ("industry", "segment", "country", "plan_tier")

# --- The device clock -------------------------------------------------------

clock_steps = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.integers(-5, 5)),
        st.tuples(st.just("observe"), st.integers(-600_000, 600_000)),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    start_ms=st.integers(NOW_MS - 10_000, NOW_MS + 10_000),
    start_counter=st.integers(0, 9999),
    steps=clock_steps,
)
def test_clock_stamps_increase_as_text(start_ms, start_counter, steps):
    """Every stamp sorts after the one before it, as text and as numbers, whatever the wall does.

    Each step moves the wall clock by a few milliseconds (possibly backwards) and
    ticks, or observes a server time up to ten minutes away.
    """
    wall_ms = [NOW_MS]
    wall = WallClock(source=lambda: wall_ms[0] / 1000)
    clock = HybridClock(DEVICES[0], wall, last=format_hlc(start_ms, start_counter, DEVICES[0]))
    previous = clock.last
    observed = 0
    for action, amount in steps:
        if action == "observe":
            observed = max(observed, NOW_MS + amount)
            clock.observe(NOW_MS + amount)
            continue
        wall_ms[0] += amount
        stamp = clock.tick()
        assert stamp > previous
        assert parse_hlc(stamp) > parse_hlc(previous)
        assert parse_hlc(stamp)[0] >= observed
        previous = stamp


# --- The server's merge rule ------------------------------------------------


@dataclass
class MergeServer:
    """A migrated SQLite server database and a coordinator who may change any record."""

    engine: Engine
    principal: Principal
    seq: int = 0

    @contextmanager
    def push(self, now_ms: int = NOW_MS) -> Iterator[PushContext]:
        """Yield a push context at the next ``seq``, committed when the block ends."""
        self.seq += 1
        with self.engine.begin() as conn:
            yield PushContext(conn, self.principal, uuid.uuid4(), self.seq, 1, now_ms, MAX_AHEAD_MS)

    def stored(self, conn: Connection, record_id: uuid.UUID):
        return load_record(conn, self.principal.team_id, "account", record_id)


@pytest.fixture(scope="module")
def merge_server(tmp_path_factory) -> Iterator[MergeServer]:
    folder = tmp_path_factory.mktemp("merge")
    engine = make_engine(sqlite_url(folder / "server.sqlite"))
    admin.migrate(engine)
    team_id = admin.create_team(engine, "T")
    user_id = admin.create_user(engine, "T", "cora@t.io", "Cora", "coordinator")
    yield MergeServer(engine, Principal(user_id, team_id, "cora@t.io", "Cora", "coordinator"))
    engine.dispose()


def _mutation(record_id: uuid.UUID, op: str, hlc: str, fields: dict, base_seq: int = 0) -> dict:
    return {
        "client_seq": 1,
        "mutation_id": str(uuid.uuid4()),
        "entity": "account",
        "id": str(record_id),
        "op": op,
        "hlc": hlc,
        "base_seq": base_seq,
        "fields": {
            name: {"value": value, "base_seq": base_seq, "base": "base"}
            for name, value in fields.items()
        },
    }


def _edit_in_order(
    server: MergeServer, field: str, edits: list[tuple[str, str]]
) -> tuple[str, str, list[dict]]:
    """Create an account, apply ``(hlc, value)`` edits of ``field`` from the same base in order.

    Return the stored value, its stamp, and the conflict records written.
    """
    record_id = uuid.uuid4()
    base_hlc = format_hlc(NOW_MS - 3_600_000, 0, DEVICES[0])
    with server.push() as ctx:
        apply_mutation(ctx, _mutation(record_id, "insert", base_hlc, {"name": "A", field: "base"}))
    base_seq = server.seq
    for hlc, value in edits:
        with server.push() as ctx:
            apply_mutation(ctx, _mutation(record_id, "update", hlc, {field: value}, base_seq))
    with server.engine.connect() as conn:
        record = server.stored(conn, record_id)
        conflicts = [
            row.data
            for row in conn.execute(
                select(sync_record.c.data).where(sync_record.c.entity == "sync_conflict")
            ).all()
            if row.data.get("entity_id") == str(record_id)
        ]
    return record.data[field], record.field_hlc[field], conflicts


stamp_parts = st.tuples(
    st.integers(NOW_MS - 5, NOW_MS + 5), st.integers(0, 3), st.sampled_from(DEVICES)
)


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    first=stamp_parts,
    second=stamp_parts,
    field=st.sampled_from(PLAIN_FIELDS),
)
def test_concurrent_winner_ignores_arrival_order(merge_server, first, second, field):
    """The later stamp wins in both arrival orders, and the loser is kept in a conflict."""
    if first[2] == second[2]:
        # One device never issues two stamps for concurrent edits: its second edit has the
        # first as its base. So concurrent stamps always differ in the device part.
        second = (second[0], second[1], DEVICES[(DEVICES.index(second[2]) + 1) % len(DEVICES)])
    stamps = {"one": format_hlc(*first), "two": format_hlc(*second)}
    expected = (
        "one" if (first[0], first[1], first[2]) > (second[0], second[1], second[2]) else "two"
    )

    forward = _edit_in_order(merge_server, field, [(stamps["one"], "one"), (stamps["two"], "two")])
    backward = _edit_in_order(merge_server, field, [(stamps["two"], "two"), (stamps["one"], "one")])

    for value, stamp, conflicts in (forward, backward):
        assert value == expected
        assert stamp == stamps[expected]
        assert len(conflicts) == 1
        loser = "two" if expected == "one" else "one"
        assert {conflicts[0]["kept_value"], conflicts[0]["other_value"]} == {expected, loser}
        assert conflicts[0]["kept_value"] == expected


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    ahead_ms=st.one_of(
        st.integers(-3_600_000, 3_600_000),
        st.sampled_from([MAX_AHEAD_MS - 1, MAX_AHEAD_MS, MAX_AHEAD_MS + 1, MAX_AHEAD_MS + 1000]),
    )
)
def test_clock_ahead_rejected_past_limit(merge_server, ahead_ms):
    """A stamp more than five minutes ahead of the server is rejected and changes nothing."""
    record_id = uuid.uuid4()
    hlc = format_hlc(NOW_MS + ahead_ms, 0, DEVICES[1])
    mutation = _mutation(record_id, "insert", hlc, {"name": "Skewed"})

    with merge_server.push() as ctx:
        if ahead_ms > MAX_AHEAD_MS:
            with pytest.raises(MutationRejected) as rejected:
                apply_mutation(ctx, mutation)
        else:
            apply_mutation(ctx, mutation)
    with merge_server.engine.connect() as conn:
        exists = merge_server.stored(conn, record_id).exists

    if ahead_ms > MAX_AHEAD_MS:
        assert rejected.value.code == "clock_ahead"
        assert "clock" in rejected.value.detail
        assert not exists
    else:
        assert exists


# --- The same rule through a real server -------------------------------------


@dataclass
class HttpDevice:
    """A registered device of one user that pushes hand-stamped mutations over HTTP."""

    http: httpx.Client
    url: str
    token: str
    epoch: str
    client_id: str
    client_seq: int = 0

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Sync-Protocol": "1"}

    def push(self, mutation: dict) -> dict:
        self.client_seq += 1
        mutation = {**mutation, "client_seq": self.client_seq}
        body = {"client_id": self.client_id, "epoch": self.epoch, "mutations": [mutation]}
        response = self.http.post(self.url + "/v1/sync/push", json=body, headers=self.headers())
        response.raise_for_status()
        return response.json()["results"][0]


def _devices(server, http: httpx.Client, client_ids: list[str]) -> list[HttpDevice]:
    token = server.tokens["cora"]
    headers = {"Authorization": f"Bearer {token}", "Sync-Protocol": "1"}
    epoch = http.get(server.url + "/v1/meta", headers=headers).json()["epoch"]
    devices = []
    for client_id in client_ids:
        http.post(
            server.url + "/v1/devices", json={"client_id": client_id}, headers=headers
        ).raise_for_status()
        devices.append(HttpDevice(http, server.url, token, epoch, client_id))
    return devices


def _server_value(server, record_id: uuid.UUID) -> tuple[str, str]:
    engine = server.admin_engine()
    with engine.connect() as conn:
        row = conn.execute(
            select(sync_record.c.data, sync_record.c.field_hlc).where(
                sync_record.c.entity == "account", sync_record.c.id == record_id
            )
        ).one()
    engine.dispose()
    return row.data["industry"], row.field_hlc["industry"]


# (physical offset in ms, counter) of device A's and device B's stamp, and the winner.
SERVER_CASES = {
    "later_physical": ((-2_000, 5), (-1_000, 0), "B"),
    "same_ms_higher_counter": ((-1_000, 7), (-1_000, 3), "A"),
    "same_ms_and_counter": ((-1_000, 2), (-1_000, 2), "B"),
}


@pytest.mark.parametrize("case", sorted(SERVER_CASES))
def test_server_winner_same_in_both_orders(case, sqlite_only_server):
    """Over HTTP, each arrival order of the same two edits leaves the later stamp's value."""
    stamp_a, stamp_b, winner = SERVER_CASES[case]
    # Device B's id sorts after A's, so B wins when physical time and counter are equal.
    client_ids = [str(uuid.UUID(int=1)), str(uuid.UUID(int=2))]
    now = int(time.time() * 1000)
    stamps = {
        "A": format_hlc(now + stamp_a[0], stamp_a[1], client_ids[0]),
        "B": format_hlc(now + stamp_b[0], stamp_b[1], client_ids[1]),
    }
    with httpx.Client(timeout=30) as http:
        first, second = _devices(sqlite_only_server, http, client_ids)
        by_name = {"A": first, "B": second}
        results = {}
        for order in (("A", "B"), ("B", "A")):
            record_id = uuid.uuid4()
            base_hlc = format_hlc(now - 60_000, 0, client_ids[0])
            created = first.push(_mutation(record_id, "insert", base_hlc, {"name": "X"}))
            for name in order:
                edit = _mutation(
                    record_id, "update", stamps[name], {"industry": name}, created["seq"]
                )
                assert by_name[name].push(edit)["status"] in ("applied", "merged")
            results[order] = _server_value(sqlite_only_server, record_id)

    assert results[("A", "B")] == (winner, stamps[winner])
    assert results[("B", "A")] == (winner, stamps[winner])


def test_server_rejects_clock_six_minutes_ahead(sqlite_only_server):
    client_id = str(uuid.uuid4())
    now = int(time.time() * 1000)
    with httpx.Client(timeout=30) as http:
        (device,) = _devices(sqlite_only_server, http, [client_id])
        ahead = device.push(
            _mutation(
                uuid.uuid4(), "insert", format_hlc(now + 360_000, 0, client_id), {"name": "X"}
            )
        )
        close = device.push(
            _mutation(
                uuid.uuid4(), "insert", format_hlc(now + 240_000, 0, client_id), {"name": "Y"}
            )
        )

    assert ahead["status"] == "rejected"
    assert ahead["error"]["code"] == "clock_ahead"
    assert close["status"] == "applied"
