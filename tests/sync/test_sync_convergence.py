"""Property: random offline edits and syncs on three devices converge with nothing lost."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncConflict, SyncOutbox
from tests.sync.harness import Client

FIELDS = ("industry", "segment", "country")
VALUES = ("a", "b", "c", "d")
_example = itertools.count()

edit = st.tuples(
    st.integers(0, 2), st.integers(0, 1), st.sampled_from(FIELDS), st.sampled_from(VALUES)
)
round_plan = st.tuples(st.lists(edit, min_size=1, max_size=6), st.permutations([0, 1, 2]))
rounds = st.lists(round_plan, min_size=1, max_size=3)


def _state(client: Client, ids) -> dict:
    return {
        account_id: tuple(getattr(client.get(Account, account_id), name) for name in FIELDS)
        for account_id in ids
    }


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
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(plan=rounds)
def test_random_interleavings_converge(plan, sqlite_only_server, tmp_path):
    """Each round: offline edits on three devices, syncs in a random order, then quiet syncs.

    After every round all devices hold the same values, and every value a device sent for a
    field either is the final value or is kept in a conflict record of that field.
    """
    run = next(_example)
    clients = [
        Client(tmp_path / f"run{run}" / f"c{n}", sqlite_only_server, "cora", name=f"c{n}")
        for n in range(3)
    ]
    try:
        account_ids = [clients[0].add_account(f"Run {run} account {n}") for n in range(2)]
        for client in clients:
            client.sync()
        for edits, order in plan:
            sent: dict[tuple, dict[int, str]] = {}
            for who, which, field, value in edits:
                clients[who].edit(Account, account_ids[which], **{field: value})
                sent.setdefault((which, field), {})[who] = value
            for who in order:
                clients[who].sync()
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
    finally:
        for client in clients:
            client.close()
