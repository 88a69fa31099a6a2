"""What ``csm-server`` prints and logs for an admin: init-db, revoke-tokens, SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.sync.harness import free_port

STARTUP_TIMEOUT_S = 60


def run_server_cli(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "csm_server", "--sqlite", str(database), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _wait_until_healthy(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited during start-up"
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("server did not start in time")


def test_init_db_quiet_unless_verbose(tmp_path):
    quiet = run_server_cli(tmp_path / "quiet.sqlite", "init-db")
    verbose = run_server_cli(tmp_path / "verbose.sqlite", "--verbose", "init-db")

    assert quiet.returncode == 0, quiet.stderr
    assert "alembic.runtime.plugins" not in quiet.stderr
    assert "Server schema migrated to head" in quiet.stderr
    assert "alembic.runtime.plugins" in verbose.stderr


def test_revoke_tokens_names_count_and_user(tmp_path):
    database = tmp_path / "server.sqlite"
    for args in (
        ["init-db"],
        ["create-team", "T"],
        ["create-user", "--team", "T", "--email", "ana@example.com", "--name", "Ana"],
        ["create-token", "--user", "ana@example.com", "--name", "Ana laptop"],
    ):
        assert run_server_cli(database, *args).returncode == 0

    first = run_server_cli(database, "revoke-tokens", "--user", "ana@example.com")
    second = run_server_cli(database, "revoke-tokens", "--user", "ana@example.com")

    assert first.returncode == 0, first.stderr
    assert first.stdout == "Revoked 1 token of ana@example.com.\n"
    assert second.stdout == "Revoked 0 tokens of ana@example.com.\n"


def test_sigterm_logs_stop_line(tmp_path):
    database = tmp_path / "server.sqlite"
    assert run_server_cli(database, "init-db").returncode == 0
    port = free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "csm_server", "--sqlite", str(database), "serve"]
            + ["--port", str(port)],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ},
        )
        try:
            _wait_until_healthy(f"http://127.0.0.1:{port}", process)
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

    log = log_path.read_text(encoding="utf-8")
    assert "Starting the sync server" in log
    assert "Sync server stopped by SIGTERM" in log
    assert code == -signal.SIGTERM
