"""Retries, lost replies, ordering, batching and paging between real processes."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, insert, select

from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncOutbox
from csm_desktop.sync.transport import NetworkError, Transport
from csm_server.schema import mutation_log, sync_client, sync_record


def _server_count(server, entity: str) -> int:
    engine = server.admin_engine()
    with engine.connect() as conn:
        count = conn.execute(
            select(func.count()).select_from(sync_record).where(sync_record.c.entity == entity)
        ).scalar_one()
    engine.dispose()
    return count


def test_lost_reply_after_commit_creates_nothing_twice(server, make_client):
    ann = make_client("ann")
    ann.sync()
    for number in range(5):
        ann.add_account(f"Account {number}")
    server.faults(**{"push.exit_after_commit": {"times": 1}})

    with pytest.raises(NetworkError):
        ann.sync()
    assert server.wait_exit() == 137
    server.start()
    report = ann.sync()

    assert report.pushed == {"duplicate": 5}
    assert _server_count(server, "account") == 5
    engine = server.admin_engine()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(mutation_log)).scalar_one() == 5
        assert conn.execute(select(sync_client.c.last_client_seq)).scalar_one() == 5
    engine.dispose()
    with ann.db.session() as session:
        assert session.scalar(select(func.count()).select_from(SyncOutbox)) == 0


def test_first_sync_uploads_union_without_duplicates(server, make_client):
    ann, bob = make_client("ann"), make_client("bob")
    for number in range(30):
        bob.add_account(f"Bob account {number}")
    bob.sync()
    with ann.db.session() as session:
        session.execute(insert(Account), [{"name": f"Ann account {n}"} for n in range(20)])
    ann_ids = {row.id for row in ann.rows(Account)}

    first = ann.sync()
    second = ann.sync()

    assert first.pushed == {"applied": 20}
    assert second.pushed == {}
    assert _server_count(server, "account") == 50
    assert len(ann.rows(Account)) == 50
    assert ann_ids <= {row.id for row in ann.rows(Account)}
    bob.sync()
    assert len(bob.rows(Account)) == 50


def test_pull_holds_back_nothing_committed_late(server, make_client):
    ann, bob, cora = make_client("ann"), make_client("bob"), make_client("cora")
    for client in (ann, bob, cora):
        client.sync()
    ann.add_account("Slow push")
    bob.add_account("Fast push")
    server.faults(**{"push.sleep_before_commit": {"value": 1.5, "times": 1}})

    slow = threading.Thread(target=ann.sync)
    slow.start()
    while slow.is_alive():
        bob.sync()
        cora.sync(page_size=1)
    slow.join()
    cora.sync(page_size=1)

    names = sorted(row.name for row in cora.rows(Account))
    assert names == ["Fast push", "Slow push"]


def test_batch_split_and_paging(tmp_path, make_sqlite_client, sqlite_only_server):
    sqlite_only_server.stop()
    sqlite_only_server.env["CSM_SERVER_MAX_BATCH"] = "40"
    sqlite_only_server.start()
    ann, bob = make_sqlite_client("ann"), make_sqlite_client("bob")
    with ann.db.session() as session:
        session.execute(insert(Account), [{"name": f"A{n}"} for n in range(130)])

    report = ann.sync(batch_size=500)
    transport = Transport(sqlite_only_server.url, bob.token)
    assert report.pushed == {"applied": 130}

    seen: list[str] = []
    cursor = None
    while True:
        page = transport.pull(cursor, 1)
        seen += [change["id"] for change in page["changes"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    transport.close()
    assert len(seen) == 130
    assert len(set(seen)) == 130
