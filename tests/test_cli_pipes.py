"""The command line when the reader of its output closes the pipe early, as ``| head`` does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from csm_desktop.cli.common import EXIT_BROKEN_PIPE
from csm_desktop.store.database import open_database
from csm_desktop.store.models import Account

# Enough rows that the output overflows a 64 KiB pipe buffer after the reader has gone.
ACCOUNT_COUNT = 4000


def _database_with_accounts(path: Path) -> Path:
    db = open_database(path)
    with db.session() as session:
        session.add_all(
            Account(name=f"Pipe test account {number:05d} with a long name")
            for number in range(ACCOUNT_COUNT)
        )
    db.dispose()
    return path


def _run_and_close_after_first_line(args: list[str], data_dir: Path) -> tuple[int, str, str]:
    env = {
        **os.environ,
        "CSM_DESKTOP_DATA_DIR": str(data_dir),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "csm_desktop", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    first_line = process.stdout.readline().decode("utf-8")
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    process.stderr.close()
    return process.wait(timeout=120), first_line, stderr


def test_accounts_into_closed_pipe_is_quiet(tmp_path):
    db_path = _database_with_accounts(tmp_path / "many.sqlite")

    code, first_line, stderr = _run_and_close_after_first_line(
        ["--db", str(db_path), "accounts"], tmp_path / "data"
    )

    assert first_line.startswith("name\t")
    assert "Broken pipe" not in stderr
    assert "error" not in stderr.lower()
    assert "Exception ignored" not in stderr
    assert code == EXIT_BROKEN_PIPE


def test_accounts_to_open_pipe_exits_zero(tmp_path):
    db_path = _database_with_accounts(tmp_path / "many.sqlite")
    env = {
        **os.environ,
        "CSM_DESKTOP_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }

    result = subprocess.run(
        [sys.executable, "-m", "csm_desktop", "--db", str(db_path), "accounts"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == ACCOUNT_COUNT + 1
