"""The ``sync`` commands against a real server, run as subprocesses like the installed command.

The tests use the null keyring backend, so a token given to ``sync connect`` lives only in
that process: the next command must report that it has no token rather than read one
from disk, and must accept the token from ``CSM_SYNC_TOKEN`` or ``--token-stdin``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from csm_desktop.store.database import open_database
from csm_desktop.store.models import Account
from csm_desktop.sync.capture import install_capture

ISO_LOCAL_TIME = re.compile(r"^last_sync_at\t\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", re.M)


def run_cli(
    *args: str, data_dir: Path, stdin: str = "", token: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``csm-desktop`` without a keyring; ``token`` goes into ``CSM_SYNC_TOKEN``."""
    env = {
        **os.environ,
        "CSM_DESKTOP_DATA_DIR": str(data_dir),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    env.pop("CSM_SYNC_TOKEN", None)
    if token is not None:
        env["CSM_SYNC_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-m", "csm_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_connect_then_status_without_keyring(tmp_path, sqlite_only_server):
    db_path = tmp_path / "cli.sqlite"
    db = open_database(db_path)
    with db.session() as session:
        session.add(Account(name="Offline account"))
    db.dispose()
    data = tmp_path / "data"

    connected = run_cli(
        "--db",
        str(db_path),
        "sync",
        "connect",
        sqlite_only_server.url,
        data_dir=data,
        stdin=sqlite_only_server.tokens["ann"] + "\n",
    )
    synced = run_cli("--db", str(db_path), "sync", "now", data_dir=data)
    status = run_cli("--db", str(db_path), "sync", "status", data_dir=data)

    assert connected.returncode == 0, connected.stderr
    assert "ann@t.io" in connected.stdout
    assert "The token is not kept after this command ends" in connected.stderr
    assert "CSM_SYNC_TOKEN" in connected.stderr
    assert synced.returncode == 1
    assert "sign in again" in synced.stderr
    assert "--token-stdin" in synced.stderr
    assert sqlite_only_server.tokens["ann"] not in db_path.read_bytes().decode("latin-1")
    assert "user\tann@t.io" in status.stdout
    assert "pending\t0" in status.stdout


def _connected_database(tmp_path: Path, server) -> tuple[Path, Path]:
    db_path = tmp_path / "cli.sqlite"
    db = open_database(db_path)
    with db.session() as session:
        session.add(Account(name="Ana private account"))
    db.dispose()
    data = tmp_path / "data"
    connected = run_cli(
        "--db", str(db_path), "sync", "connect", server.url,
        data_dir=data, stdin=server.tokens["ann"] + "\n",
    )  # fmt: skip
    assert connected.returncode == 0, connected.stderr
    return db_path, data


def test_sync_now_token_from_environment(tmp_path, sqlite_only_server):
    db_path, data = _connected_database(tmp_path, sqlite_only_server)

    synced = run_cli(
        "--db", str(db_path), "sync", "now", data_dir=data, token=sqlite_only_server.tokens["ann"]
    )
    status = run_cli("--db", str(db_path), "sync", "status", data_dir=data)

    assert synced.returncode == 0, synced.stderr
    assert "Pushed: 1 applied." in synced.stdout
    assert ISO_LOCAL_TIME.search(status.stdout), status.stdout
    assert sqlite_only_server.tokens["ann"] not in db_path.read_bytes().decode("latin-1")


def test_sync_now_token_from_stdin(tmp_path, sqlite_only_server):
    db_path, data = _connected_database(tmp_path, sqlite_only_server)

    synced = run_cli(
        "--db", str(db_path), "sync", "now", "--token-stdin",
        data_dir=data, stdin=sqlite_only_server.tokens["ann"] + "\n",
    )  # fmt: skip

    assert synced.returncode == 0, synced.stderr
    assert "Pushed: 1 applied." in synced.stdout


def test_sync_now_other_users_token_stops(tmp_path, sqlite_only_server):
    db_path, data = _connected_database(tmp_path, sqlite_only_server)

    synced = run_cli(
        "--db", str(db_path), "sync", "now", data_dir=data, token=sqlite_only_server.tokens["bob"]
    )

    assert synced.returncode == 1
    assert "belongs to bob@t.io" in synced.stderr
    assert "Pushed" not in synced.stdout


def test_sync_now_rejected_change_exits_one(tmp_path, sqlite_only_server):
    db_path, data = _connected_database(tmp_path, sqlite_only_server)
    token = sqlite_only_server.tokens["ann"]
    first = run_cli("--db", str(db_path), "sync", "now", data_dir=data, token=token)
    install_capture()
    db = open_database(db_path)
    with db.session() as session:
        account = session.scalars(select(Account)).one()
        # A CSM may not delete an account, so the server rejects this change.
        account.deleted_at = datetime(2026, 1, 1, tzinfo=UTC)
    db.dispose()

    rejected = run_cli("--db", str(db_path), "sync", "now", data_dir=data, token=token)
    again = run_cli("--db", str(db_path), "sync", "now", data_dir=data, token=token)

    assert first.returncode == 0, first.stderr
    assert rejected.returncode == 1
    assert "Rejected change" in rejected.stderr
    assert "1 rejected" in rejected.stdout
    assert again.returncode == 0, again.stderr


def test_status_before_any_sync(tmp_path):
    result = run_cli("--db", str(tmp_path / "x.sqlite"), "sync", "status", data_dir=tmp_path / "d")

    assert result.returncode == 0, result.stderr
    assert "last_sync_at\t-" in result.stdout


def test_sync_now_help_names_exit_and_token(tmp_path):
    result = run_cli("sync", "now", "--help", data_dir=tmp_path / "data")

    assert result.returncode == 0
    assert "--token-stdin" in result.stdout
    assert "CSM_SYNC_TOKEN" in result.stdout
    assert "exits with 1" in result.stdout


def test_connect_rejects_plain_http_elsewhere(tmp_path):
    result = run_cli(
        "--db",
        str(tmp_path / "x.sqlite"),
        "sync",
        "connect",
        "http://example.com",
        data_dir=tmp_path / "data",
        stdin="csm_pat_x\n",
    )

    assert result.returncode == 1
    assert "HTTPS" in result.stderr


def test_connect_rejects_huge_token_before_asking(tmp_path):
    # No server listens on this port: the size check must come first.
    result = run_cli(
        "--db",
        str(tmp_path / "x.sqlite"),
        "sync",
        "connect",
        "http://127.0.0.1:9",
        data_dir=tmp_path / "data",
        stdin="csm_pat_" + "x" * 70_000 + "\n",
    )

    assert result.returncode == 1
    assert "Token too large" in result.stderr
    assert "Traceback" not in result.stderr


def test_huge_token_message_in_the_app() -> None:
    from csm_desktop.secret_chunks import SecretTooLargeError
    from csm_desktop.ui.sync_messages import describe_error

    text = describe_error(SecretTooLargeError("Token too large"), "https://sync.example.com")

    assert text.startswith("The token is too large to keep in this computer's keyring")
    assert "64 KiB" in text
