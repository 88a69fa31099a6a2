"""Concurrent edits: disjoint fields merge, same-field clashes leave a conflict record."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncConflict


def _conflicts(client) -> list[SyncConflict]:
    with client.db.session() as session:
        return list(session.scalars(select(SyncConflict)).all())


def test_same_field_conflict_converges(make_client):
    ann, bob = make_client("ann"), make_client("bob")
    account = ann.add_account("Acme", owner=None, segment="smb")
    ann.sync()
    bob.sync()

    ann.edit(Account, account, industry="Retail")
    bob.edit(Account, account, industry="Banking", segment="enterprise")
    ann.sync()
    bob.sync()
    ann.sync()

    for client in (ann, bob):
        row = client.get(Account, account)
        assert row.industry == "Banking"
        assert row.segment == "enterprise"
    conflicts = [c for c in _conflicts(ann) if c.field == "industry"]
    assert len(conflicts) == 1
    data = conflicts[0].data
    assert {data["kept_value"], data["other_value"]} == {"Retail", "Banking"}
    assert {data["kept_actor"], data["other_actor"]} == {"ann@t.io", "bob@t.io"}
    assert len([c for c in _conflicts(bob) if c.field == "industry"]) == 1


def test_guarded_field_becomes_proposal(make_client):
    ann, cora = make_client("ann"), make_client("cora")
    account = ann.add_account("Acme", renewal_date=date(2027, 1, 31))
    ann.sync()
    cora.sync()

    cora.edit(Account, account, renewal_date=date(2027, 2, 28))
    ann.edit(Account, account, renewal_date=date(2027, 3, 31))
    cora.sync()
    report = ann.sync()
    cora.sync()

    assert report.pushed.get("proposal") == 1
    assert ann.get(Account, account).renewal_date == date(2027, 2, 28)
    assert cora.get(Account, account).renewal_date == date(2027, 2, 28)
    proposals = [c for c in _conflicts(cora) if c.kind == "proposal"]
    assert len(proposals) == 1
    assert proposals[0].data["other_value"] == "2027-03-31"
    assert proposals[0].data["base_value"] == "2027-01-31"
