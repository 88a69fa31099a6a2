"""The ``sync`` commands against a real server, run as subprocesses like the installed command.

The tests use the null keyring backend, so a token given to ``sync connect`` lives only in
that process: the next command must report that it has no token rather than read one
from disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from csm_desktop.store.database import open_database
from csm_desktop.store.models import Account


def run_cli(*args: str, data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CSM_DESKTOP_DATA_DIR": str(data_dir),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
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
    assert synced.returncode == 1
    assert "sign in again" in synced.stderr
    assert sqlite_only_server.tokens["ann"] not in db_path.read_bytes().decode("latin-1")
    assert "user\tann@t.io" in status.stdout
    assert "pending\t0" in status.stdout


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
