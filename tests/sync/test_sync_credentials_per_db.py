"""Sync tokens in the keyring, one entry per database, against a real server on 127.0.0.1.

Two databases on one computer share one keyring. Each must sync as the user
it was connected as, and a token of another user must stop a sync before
anything reaches the server.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from csm_desktop import secrets
from csm_desktop.store.database import Database, open_database
from csm_desktop.store.models import Account
from csm_desktop.sync import credentials, service, state
from csm_desktop.sync.engine import SignedOut
from csm_desktop.sync.state import DeviceRegistry
from csm_server import admin
from csm_server.schema import app_user, sync_client
from tests.fixtures.memkeyring import MemoryKeyring
from tests.sync.harness import ServerProcess

PUSH = "/v1/sync/push"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets.forget_session_values()
    yield backend
    keyring.set_keyring(previous)
    secrets.forget_session_values()


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    opened: dict[str, Database] = {}

    def open_named(name: str) -> Database:
        opened[name] = open_database(tmp_path / f"{name}.sqlite")
        return opened[name]

    yield open_named
    for db in opened.values():
        db.dispose()


def _sync(db: Database, tmp_path: Path, **kwargs):
    registry = DeviceRegistry(tmp_path / f"{db.path.stem}-devices.json")
    engine = service.build_engine(db, registry=registry, sleep=lambda _s: None, **kwargs)
    try:
        return engine.run()
    finally:
        engine.transport.close()


def _add_account(db: Database, name: str) -> None:
    with db.session() as session:
        session.add(Account(name=name))


def _device_owners(server: ServerProcess) -> dict[uuid.UUID, str]:
    engine = server.admin_engine()
    with engine.connect() as conn:
        rows = conn.execute(
            select(sync_client.c.id, app_user.c.email).join(
                app_user, app_user.c.id == sync_client.c.user_id
            )
        ).all()
    engine.dispose()
    return {row.id: row.email for row in rows}


def _client_id(db: Database) -> uuid.UUID:
    with db.engine.connect() as conn:
        return uuid.UUID(state.get_value(conn, state.CLIENT_ID))


def _stored(db: Database, key: str) -> str | None:
    with db.engine.connect() as conn:
        return state.get_value(conn, key)


def _pushes(server: ServerProcess) -> list[dict]:
    return [entry for entry in server.requests() if entry["path"] == PUSH]


def test_two_databases_keep_their_users(databases, tmp_path, sqlite_only_server):
    url = sqlite_only_server.url
    ana_db, bob_db = databases("E"), databases("F")
    service.connect(ana_db, url, sqlite_only_server.tokens["ann"])
    service.connect(bob_db, url, sqlite_only_server.tokens["bob"])
    _add_account(ana_db, "Ana private account E")

    report = _sync(ana_db, tmp_path)

    assert sum(report.pushed.values()) >= 1
    assert _device_owners(sqlite_only_server)[_client_id(ana_db)] == "ann@t.io"
    assert _stored(ana_db, state.USER_EMAIL) == "ann@t.io"
    assert _stored(bob_db, state.USER_EMAIL) == "bob@t.io"


def test_entries_differ_per_database(databases, memory_keyring, sqlite_only_server):
    url = sqlite_only_server.url
    ana_db, bob_db = databases("E"), databases("F")
    service.connect(ana_db, url, sqlite_only_server.tokens["ann"])
    service.connect(bob_db, url + "/", sqlite_only_server.tokens["bob"])

    ana_id = _stored(ana_db, credentials.KEYRING_ID)
    bob_id = _stored(bob_db, credentials.KEYRING_ID)
    assert ana_id != bob_id
    assert credentials.load_token(url, ana_id) == sqlite_only_server.tokens["ann"]
    assert credentials.load_token(url + "/", bob_id) == sqlite_only_server.tokens["bob"]
    assert sorted(memory_keyring.store.values()) == sorted(
        [sqlite_only_server.tokens["ann"], sqlite_only_server.tokens["bob"]]
    )


def test_reconnect_replaces_old_entry(databases, memory_keyring, sqlite_only_server):
    url = sqlite_only_server.url
    db = databases("E")
    service.connect(db, url, sqlite_only_server.tokens["ann"])
    service.connect(db, url, sqlite_only_server.tokens["ann"])

    assert list(memory_keyring.store.values()) == [sqlite_only_server.tokens["ann"]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("http://127.0.0.1:18765/", "http://127.0.0.1:18765"),
        ("HTTPS://Sync.Example.com:443/team/", "https://sync.example.com/team"),
        ("http://LOCALHOST:80", "http://localhost"),
    ],
)
def test_url_forms_share_one_name(first, second):
    assert credentials.normalize_url(first) == credentials.normalize_url(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("http://127.0.0.1:18765", "http://localhost:18765"),
        ("http://127.0.0.1:18765", "http://127.0.0.1:18766"),
        ("https://a.example.com", "https://b.example.com"),
    ],
)
def test_different_hosts_stay_apart(first, second):
    assert credentials.normalize_url(first) != credentials.normalize_url(second)


def test_shared_entry_of_other_user_stops(databases, tmp_path, memory_keyring, sqlite_only_server):
    url = sqlite_only_server.url
    db = databases("E")
    service.connect(db, url, sqlite_only_server.tokens["ann"])
    _add_account(db, "Ana private account E")
    # State as an older version left it: no keyring id, one shared entry holding Bob's token.
    credentials.forget_token(url, _stored(db, credentials.KEYRING_ID))
    with db.engine.begin() as conn:
        state.set_value(conn, credentials.KEYRING_ID, None)
    credentials.store_token(url, sqlite_only_server.tokens["bob"])

    with pytest.raises(service.TokenUserMismatchError, match="belongs to bob@t.io"):
        _sync(db, tmp_path)

    assert _pushes(sqlite_only_server) == []
    assert _device_owners(sqlite_only_server) == {}
    assert _stored(db, state.USER_EMAIL) == "ann@t.io"
    assert _stored(db, credentials.KEYRING_ID) is None
    assert credentials.load_token(url) == sqlite_only_server.tokens["bob"]


def test_shared_entry_of_same_user_moves(databases, tmp_path, memory_keyring, sqlite_only_server):
    url = sqlite_only_server.url
    token = sqlite_only_server.tokens["ann"]
    db = databases("E")
    service.connect(db, url, token)
    credentials.forget_token(url, _stored(db, credentials.KEYRING_ID))
    with db.engine.begin() as conn:
        state.set_value(conn, credentials.KEYRING_ID, None)
    credentials.store_token(url, token)

    _sync(db, tmp_path)

    database_id = _stored(db, credentials.KEYRING_ID)
    assert database_id is not None
    assert credentials.load_token(url, database_id) == token
    assert credentials.load_token(url) is None
    assert list(memory_keyring.store.values()) == [token]


def test_given_token_of_other_user_stops(databases, tmp_path, sqlite_only_server):
    db = databases("E")
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["ann"])
    _add_account(db, "Ana private account E")

    with pytest.raises(service.TokenUserMismatchError, match="syncs as ann@t.io"):
        _sync(db, tmp_path, token=sqlite_only_server.tokens["bob"])

    assert _pushes(sqlite_only_server) == []


def test_copied_database_finds_its_token(databases, tmp_path, sqlite_only_server):
    url = sqlite_only_server.url
    original = databases("E")
    service.connect(original, url, sqlite_only_server.tokens["ann"])
    original.dispose()
    shutil.copy(tmp_path / "E.sqlite", tmp_path / "E-copy.sqlite")
    copy = databases("E-copy")

    report = _sync(copy, tmp_path)

    assert report.checksum_ok is not False
    assert _device_owners(sqlite_only_server)[_client_id(copy)] == "ann@t.io"


def test_copy_signed_in_as_other_user(databases, tmp_path, sqlite_only_server):
    url = sqlite_only_server.url
    original = databases("E")
    service.connect(original, url, sqlite_only_server.tokens["ann"])
    original_id = _stored(original, credentials.KEYRING_ID)
    original.dispose()
    shutil.copy(tmp_path / "E.sqlite", tmp_path / "F.sqlite")
    copy = databases("F")

    service.connect(copy, url, sqlite_only_server.tokens["bob"])

    # The copy's connect deleted the entry both databases shared and never wrote Bob's token.
    assert _stored(copy, credentials.KEYRING_ID) != original_id
    assert credentials.load_token(url, original_id) is None
    reopened = databases("E")
    with pytest.raises(service.NotConnectedError, match="sign in again"):
        service.build_engine(reopened)


def test_signed_out_database_asks_to_sign_in(databases, tmp_path, sqlite_only_server):
    url = sqlite_only_server.url
    db = databases("E")
    service.connect(db, url, sqlite_only_server.tokens["ann"])
    database_id = _stored(db, credentials.KEYRING_ID)
    admin_engine = sqlite_only_server.admin_engine()
    admin.revoke_tokens(admin_engine, "ann@t.io")
    admin_engine.dispose()

    with pytest.raises(SignedOut):
        _sync(db, tmp_path)
    with pytest.raises(service.NotConnectedError, match="sign in again"):
        service.build_engine(db)

    assert credentials.load_token(url, database_id) is None
