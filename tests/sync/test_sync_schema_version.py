"""Schema versions: a server field newer than the app survives the app's edits.

Server schema version 2 adds ``account.executive_sponsor``. The desktop app
in this repository is a schema version 1 client: it sends no ``Sync-Schema``
header and pushes ``schema_version`` 1. A newer client is played by plain
HTTP requests that send ``Sync-Schema: 2`` and push ``schema_version`` 2.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
from sqlalchemy import select

from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncBase, SyncOutbox
from csm_desktop.sync.entities import ENTITIES
from csm_desktop.sync.entities import SCHEMA_VERSION as APP_SCHEMA_VERSION
from csm_desktop.sync.hlc import format_hlc
from csm_server import SCHEMA_VERSION as SERVER_SCHEMA_VERSION
from csm_server.policies import POLICIES
from csm_server.schema import sync_record

NEW_FIELD = "executive_sponsor"
SPONSOR = "Dana Lee, CFO"


class RawClient:
    """A device that speaks the sync protocol directly, at a chosen schema version."""

    def __init__(self, server, user: str, schema_version: int | None) -> None:
        self.http = httpx.Client(base_url=server.url, timeout=30)
        self.token = server.tokens[user]
        self.schema_version = schema_version
        self.client_id = str(uuid.uuid4())
        self.client_seq = 0
        self.epoch = self.get("/v1/meta").json()["epoch"]
        self.post("/v1/devices", {"client_id": self.client_id}).raise_for_status()

    def headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}", "Sync-Protocol": "1"}
        if self.schema_version is not None:
            headers["Sync-Schema"] = str(self.schema_version)
        return headers

    def get(self, path: str, **params: Any) -> httpx.Response:
        return self.http.get(path, params=params, headers=self.headers())

    def post(self, path: str, body: dict) -> httpx.Response:
        return self.http.post(path, json=body, headers=self.headers())

    def pull_all(self) -> dict[str, dict]:
        """Pull the whole log; return the latest change of each record by id."""
        latest: dict[str, dict] = {}
        cursor = None
        while True:
            params = {"limit": 100, **({"cursor": cursor} if cursor else {})}
            response = self.get("/v1/sync/pull", **params)
            response.raise_for_status()
            page = response.json()
            latest.update({change["id"]: change for change in page["changes"]})
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return latest

    def push_update(
        self, account_id: uuid.UUID, fields: dict[str, Any], base_seq: int, schema_version: int
    ) -> httpx.Response:
        self.client_seq += 1
        mutation = {
            "client_seq": self.client_seq,
            "mutation_id": str(uuid.uuid4()),
            "entity": "account",
            "id": str(account_id),
            "op": "update",
            "hlc": format_hlc(int(time.time() * 1000), 0, self.client_id),
            "base_seq": base_seq,
            "fields": {name: {"value": v, "base_seq": base_seq} for name, v in fields.items()},
        }
        body = {
            "client_id": self.client_id,
            "epoch": self.epoch,
            "schema_version": schema_version,
            "mutations": [mutation],
        }
        return self.post("/v1/sync/push", body)

    def close(self) -> None:
        self.http.close()


def _server_data(server, account_id: uuid.UUID) -> dict:
    engine = server.admin_engine()
    with engine.connect() as conn:
        data = conn.execute(
            select(sync_record.c.data).where(
                sync_record.c.entity == "account", sync_record.c.id == account_id
            )
        ).scalar_one()
    engine.dispose()
    return dict(data)


def test_versions_of_app_and_server():
    """The server is one version ahead of the app, and only by the new account field."""
    assert SERVER_SCHEMA_VERSION == 2
    assert APP_SCHEMA_VERSION == 1
    assert POLICIES["account"].fields[NEW_FIELD] == 2
    assert NEW_FIELD not in ENTITIES["account"].fields
    assert NEW_FIELD not in Account.__table__.c


def test_old_app_keeps_newer_server_field(server, make_client):
    """A v1 app pulls without the v2 field, edits others, and the v2 client's value stays."""
    ann = make_client("ann")
    account_id = ann.add_account("Acme", owner="ann@t.io", segment="smb")
    ann.sync()
    newer = RawClient(server, "ann", schema_version=2)
    older = RawClient(server, "ann", schema_version=None)
    try:
        pulled = newer.pull_all()[str(account_id)]
        response = newer.push_update(account_id, {NEW_FIELD: SPONSOR}, pulled["seq"], 2)
        response.raise_for_status()
        sponsor_result = response.json()["results"][0]

        ann.sync()
        with ann.db.session() as session:
            base_values = dict(session.get(SyncBase, ("account", account_id)).values)
        ann.edit(Account, account_id, segment="enterprise", industry="Retail")
        with ann.db.session() as session:
            sent_fields = set(session.scalars(select(SyncOutbox)).one().fields)
        report = ann.sync()

        rejected = older.push_update(account_id, {NEW_FIELD: "Someone else"}, 0, 1).json()
        as_v1 = older.pull_all()[str(account_id)]
        as_v2 = newer.pull_all()[str(account_id)]
    finally:
        newer.close()
        older.close()

    assert sponsor_result["status"] == "applied"
    assert NEW_FIELD not in base_values
    assert base_values["segment"] == "smb"
    assert sent_fields == {"segment", "industry"}
    assert report.pushed == {"applied": 1}
    stored = _server_data(server, account_id)
    assert stored[NEW_FIELD] == SPONSOR
    assert (stored["segment"], stored["industry"]) == ("enterprise", "Retail")
    assert rejected["results"][0]["status"] == "rejected"
    assert rejected["results"][0]["error"]["code"] == "unknown_field"
    assert NEW_FIELD not in as_v1["row"]
    assert NEW_FIELD not in as_v1["field_seq"]
    assert NEW_FIELD not in as_v1["field_hlc"]
    assert as_v1["row"]["segment"] == "enterprise"
    assert as_v2["row"][NEW_FIELD] == SPONSOR
    assert as_v2["row"]["segment"] == "enterprise"


def test_app_newer_than_server_gets_409(sqlite_only_server):
    """A client of schema version 3 gets server_schema_behind on push and on pull."""
    client = RawClient(sqlite_only_server, "cora", schema_version=None)
    try:
        push = client.push_update(uuid.uuid4(), {"segment": "smb"}, 0, SERVER_SCHEMA_VERSION + 1)
        client.schema_version = SERVER_SCHEMA_VERSION + 1
        pull = client.get("/v1/sync/pull")
        client.schema_version = "two"  # type: ignore[assignment]
        malformed = client.get("/v1/sync/pull")
    finally:
        client.close()

    for response in (push, pull):
        assert response.status_code == 409
        body = response.json()
        assert body["code"] == "server_schema_behind"
        assert body["schema_version"] == SERVER_SCHEMA_VERSION
        assert "upgrade" in body["detail"]
    assert malformed.status_code == 400
    assert malformed.json()["code"] == "invalid_request"
