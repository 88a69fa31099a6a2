"""Real sync servers and headless clients for the sync tests.

The server runs as a separate ``python -m csm_server serve`` process on
127.0.0.1 (so a test can kill it), against SQLite or a throwaway PostgreSQL
cluster started from the distribution's binaries. Faults come from the
server's named fault points, from killing the process, and from the proxy in
``proxy.py``, which duplicates, delays and replays pushes.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, select, text

from csm_desktop.store.database import Database, open_database
from csm_desktop.store.models import Account
from csm_desktop.sync.capture import install_capture
from csm_desktop.sync.engine import SyncEngine, SyncReport
from csm_desktop.sync.hlc import WallClock
from csm_desktop.sync.state import DeviceRegistry
from csm_desktop.sync.transport import Transport
from csm_server import admin
from csm_server.db import make_engine, sqlite_url

STARTUP_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_binaries() -> Path | None:
    """Return the folder holding initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        for version in sorted(root.iterdir(), reverse=True):
            if (version / "bin" / "initdb").exists():
                return version / "bin"
    return None


class PostgresCluster:
    """A private PostgreSQL cluster in a temporary folder, listening on 127.0.0.1."""

    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="csm-pg-"))
        self.port = free_port()
        # initdb refuses to run as root, so the cluster belongs to the postgres user then.
        self.run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.run_as:
            shutil.chown(self.folder, user="postgres")

    def start(self) -> None:
        data = self.folder / "data"
        subprocess.run(
            [
                *self.run_as,
                str(self.binaries / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "csm",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c max_connections=200"
        )
        subprocess.run(
            [
                *self.run_as,
                str(self.binaries / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(self.folder / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            [
                *self.run_as,
                str(self.binaries / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
        )
        shutil.rmtree(self.folder, ignore_errors=True)

    def new_database(self) -> str:
        name = "t_" + uuid.uuid4().hex[:12]
        engine = create_engine(
            f"postgresql+psycopg://csm@127.0.0.1:{self.port}/postgres", isolation_level="AUTOCOMMIT"
        )
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return f"postgresql+psycopg://csm@127.0.0.1:{self.port}/{name}"


@dataclass
class ServerProcess:
    """One ``csm-server serve`` process and the team it serves."""

    database_url: str
    log_path: Path
    port: int = field(default_factory=free_port)
    tokens: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def prepare(self) -> None:
        """Create the schema, team ``T`` and users ann, bob (CSMs) and cora (coordinator)."""
        engine = make_engine(self.database_url)
        admin.migrate(engine)
        admin.create_team(engine, "T")
        for email, name, role in (
            ("ann@t.io", "Ann", "csm"),
            ("bob@t.io", "Bob", "csm"),
            ("cora@t.io", "Cora", "coordinator"),
        ):
            admin.create_user(engine, "T", email, name, role)
            self.tokens[name.lower()] = admin.create_token(engine, email, f"{name} laptop")
        engine.dispose()

    def start(self) -> None:
        env = {**os.environ, "CSM_SERVER_TEST_MODE": "1", **self.env}
        handle = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "csm_server",
                "--database-url",
                self.database_url,
                "serve",
                "--port",
                str(self.port),
            ],
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("server did not start in time")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def wait_exit(self) -> int:
        assert self.process is not None
        return self.process.wait(timeout=30)

    def restart(self) -> None:
        self.stop()
        self.start()

    def faults(self, **settings: Any) -> None:
        """Activate fault points, e.g. ``faults(**{"push.exit_after_commit": {"times": 1}})``."""
        httpx.post(self.url + "/_test/faults", json=settings, timeout=5).raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        """Return the server's log of ``/v1`` requests: time, method, path, status, Retry-After."""
        response = httpx.get(self.url + "/_test/requests", timeout=5)
        response.raise_for_status()
        return response.json()

    def admin_engine(self):
        return make_engine(self.database_url)


class Client:
    """A headless app: its own SQLite file, device registry, clock and sync engine."""

    def __init__(
        self,
        folder: Path,
        server: ServerProcess,
        user: str,
        *,
        offset_ms: int = 0,
        name: str | None = None,
    ) -> None:
        install_capture()
        self.name = name or user
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.server = server
        self.user = user
        self.db_path = folder / f"{self.name}.sqlite"
        self.db: Database = open_database(self.db_path)
        self.wall = WallClock(offset_ms=offset_ms)
        self.registry = DeviceRegistry(folder / f"{self.name}-devices.json")
        self.sleeps: list[float] = []
        self.token = server.tokens[user]
        # Where requests go: the server, or a fault-injecting proxy in front of it.
        self.url = server.url

    def engine(self, **kwargs: Any) -> SyncEngine:
        transport = Transport(self.url, self.token, timeout=30)
        kwargs.setdefault("sleep", self.sleeps.append)
        return SyncEngine(self.db, transport, wall=self.wall, registry=self.registry, **kwargs)

    def sync(self, **kwargs: Any) -> SyncReport:
        engine = self.engine(**kwargs)
        try:
            return engine.run()
        finally:
            engine.transport.close()

    def reopen(self) -> None:
        self.db.dispose()
        self.db = open_database(self.db_path)

    def close(self) -> None:
        self.db.dispose()

    def add_account(self, name: str, **values: Any) -> uuid.UUID:
        with self.db.session() as session:
            account = Account(name=name, **values)
            session.add(account)
            session.flush()
            return account.id

    def edit(self, model: type, row_id: uuid.UUID, **values: Any) -> None:
        with self.db.session() as session:
            row = session.get(model, row_id)
            for key, value in values.items():
                setattr(row, key, value)

    def get(self, model: type, row_id: uuid.UUID) -> Any:
        with self.db.session() as session:
            return session.get(model, row_id)

    def rows(self, model: type) -> list[Any]:
        with self.db.session() as session:
            return list(session.scalars(select(model)).all())


def sqlite_server(folder: Path) -> ServerProcess:
    return ServerProcess(sqlite_url(folder / "server.sqlite"), folder / "server.log")
