"""Fixtures: a sync server per test (SQLite or PostgreSQL) and client factories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.harness import (
    Client,
    PostgresCluster,
    ServerProcess,
    postgres_binaries,
    sqlite_server,
)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster | None]:
    binaries = postgres_binaries()
    if binaries is None:
        yield None
        return
    cluster = PostgresCluster(binaries)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def server(request, tmp_path: Path, postgres_cluster) -> Iterator[ServerProcess]:
    """A prepared, running server; the PostgreSQL variant needs initdb and pg_ctl."""
    if request.param == "postgres":
        if postgres_cluster is None:
            pytest.skip(
                "PostgreSQL binaries (initdb, pg_ctl) not installed; "
                "run scripts/install-system-packages.sh"
            )
        process = ServerProcess(postgres_cluster.new_database(), tmp_path / "server.log")
    else:
        process = sqlite_server(tmp_path)
    process.prepare()
    process.start()
    yield process
    process.stop()


@pytest.fixture
def sqlite_only_server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = sqlite_server(tmp_path)
    process.prepare()
    process.start()
    yield process
    process.stop()


@pytest.fixture
def make_client(tmp_path: Path, server: ServerProcess):
    clients: list[Client] = []

    def factory(user: str, **kwargs) -> Client:
        client = Client(tmp_path / (kwargs.get("name") or user), server, user, **kwargs)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()


@pytest.fixture
def make_sqlite_client(tmp_path: Path, sqlite_only_server: ServerProcess):
    """Clients of a SQLite-backed server, for tests whose subject is the client."""
    clients: list[Client] = []

    def factory(user: str, **kwargs) -> Client:
        client = Client(tmp_path / (kwargs.get("name") or user), sqlite_only_server, user, **kwargs)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()
