"""Restore a SQLite sync server from a backup, as an admin would after losing recent data."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable

from csm_server import admin
from tests.sync.harness import ServerProcess


def restore_server_backup(
    server: ServerProcess, lose: Callable[[], None], *, new_epoch: bool = True
) -> None:
    """Back up the server, run ``lose()`` (changes the backup misses), restore it, new epoch.

    ``new_epoch=False`` skips the new epoch, as an admin who forgot that step would.

    The server's SQLite file runs in WAL mode, so the backup goes through
    SQLite's backup API and the restore removes the newer write-ahead log,
    which SQLite would otherwise replay onto the restored file.
    """
    folder = server.log_path.parent
    live, backup = folder / "server.sqlite", folder / "backup.sqlite"
    source, target = sqlite3.connect(live), sqlite3.connect(backup)
    source.backup(target)
    source.close()
    target.close()
    lose()
    server.stop()
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    shutil.copy(backup, live)
    if new_epoch:
        engine = server.admin_engine()
        admin.new_epoch(engine, "T")
        engine.dispose()
    server.start()
