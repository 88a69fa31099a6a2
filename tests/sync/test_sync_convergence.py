"""Property: random offline edits and syncs on three devices converge with nothing lost.

Some rounds run behind the proxy in ``proxy.py``: it sends each push twice, or
keeps one push back (the client sees a dropped connection and retries) and
delivers it after the round's newer pushes.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncConflict, SyncOutbox
from csm_desktop.sync.entities import ENTITIES, row_to_wire
from csm_server.schema import sync_record
from tests.sync.harness import Client, ServerProcess
from tests.sync.proxy import FaultyProxy

FIELDS = ("industry", "segment", "country")
VALUES = ("a", "b", "c", "d")
_example = itertools.count()

edit = st.tuples(
    st.integers(0, 2), st.integers(0, 1), st.sampled_from(FIELDS), st.sampled_from(VALUES)
)
# "duplicate": every push of the round reaches the server twice. "hold": the round's
# first push is held back and delivered after the round's other pushes.
NETWORK_FAULTS = ("none", "duplicate", "hold")
round_plan = st.tuples(
    st.lists(edit, min_size=1, max_size=6),
    st.permutations([0, 1, 2]),
    st.sampled_from(NETWORK_FAULTS),
)
rounds = st.lists(round_plan, min_size=1, max_size=3)


def _state(client: Client, ids) -> dict:
    return {
        account_id: tuple(getattr(client.get(Account, account_id), name) for name in FIELDS)
        for account_id in ids
    }


def _client_records(client: Client) -> dict[tuple[str, str], dict]:
    """Return every live synced row of ``client`` as ``{(entity, id): {field: JSON value}}``."""
    records = {}
    with client.db.engine.connect() as conn:
        for spec in ENTITIES.values():
            table = spec.table
            query = select(table.c.id, *(table.c[name] for name in spec.fields)).where(
                table.c.deleted_at.is_(None)
            )
            for row in conn.execute(query).all():
                records[(spec.name, str(row.id))] = row_to_wire(spec, row, spec.fields)
    return records


def _server_records(server: ServerProcess) -> dict[tuple[str, str], dict]:
    """Return the server's live records of the same entities, with the same fields."""
    engine = server.admin_engine()
    with engine.connect() as conn:
        rows = conn.execute(
            select(sync_record).where(sync_record.c.entity.in_(list(ENTITIES)))
        ).all()
    engine.dispose()
    records = {}
    for row in rows:
        if row.deleted_seq is not None and (row.restored_seq or 0) < row.deleted_seq:
            continue
        names = ENTITIES[row.entity].fields
        records[(row.entity, str(row.id))] = {name: row.data.get(name) for name in names}
    return records


def _set_fault(proxy: FaultyProxy, fault: str) -> None:
    proxy.duplicate_pushes = fault == "duplicate"
    proxy.hold_pushes = 1 if fault == "hold" else 0


def _recorded(client: Client) -> set[tuple]:
    with client.db.session() as session:
        conflicts = session.scalars(select(SyncConflict)).all()
        return {
            (c.entity_id, c.field, value)
            for c in conflicts
            for value in (c.data.get("kept_value"), c.data.get("other_value"))
        }


@pytest.mark.slow
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(plan=rounds)
def test_random_interleavings_converge(plan, sqlite_only_server, tmp_path):
    """Each round: offline edits on three devices, syncs in a random order, then quiet syncs.

    After every round all devices hold the same values, and every value a device sent for a
    field either is the final value or is kept in a conflict record of that field. At the
    end every device's synced rows equal the server's records, field by field.
    """
    run = next(_example)
    if sqlite_only_server.env.get("CSM_SERVER_RATE_LIMIT") != "0":
        # All examples share one token, and together they send more than 600 requests a minute.
        sqlite_only_server.stop()
        sqlite_only_server.env["CSM_SERVER_RATE_LIMIT"] = "0"
        sqlite_only_server.start()
    proxy = FaultyProxy(sqlite_only_server.url).start()
    clients = [
        Client(tmp_path / f"run{run}" / f"c{n}", sqlite_only_server, "cora", name=f"c{n}")
        for n in range(3)
    ]
    for client in clients:
        client.url = proxy.url
    try:
        account_ids = [clients[0].add_account(f"Run {run} account {n}") for n in range(2)]
        for client in clients:
            client.sync()
        for edits, order, fault in plan:
            sent: dict[tuple, dict[int, str]] = {}
            for who, which, field, value in edits:
                clients[who].edit(Account, account_ids[which], **{field: value})
                sent.setdefault((which, field), {})[who] = value
            event(f"network fault: {fault}")
            _set_fault(proxy, fault)
            for who in order:
                clients[who].sync()
            _set_fault(proxy, "none")
            late = proxy.deliver_held()
            assert all(response.status_code == 200 for response in late)
            for _ in range(2):
                for client in clients:
                    client.sync()

            states = [_state(client, account_ids) for client in clients]
            assert states[0] == states[1] == states[2]
            recorded = _recorded(clients[0])
            for (which, field), by_client in sent.items():
                final = states[0][account_ids[which]][FIELDS.index(field)]
                assert final in by_client.values()
                for value in set(by_client.values()) - {final}:
                    assert (account_ids[which], field, value) in recorded
        for client in clients:
            with client.db.session() as session:
                assert session.scalars(select(SyncOutbox)).first() is None
        server_records = _server_records(sqlite_only_server)
        run_accounts = {("account", str(account_id)) for account_id in account_ids}
        assert run_accounts <= set(server_records)
        for client in clients:
            assert _client_records(client) == server_records, client.name
    finally:
        proxy.stop()
        for client in clients:
            client.close()
