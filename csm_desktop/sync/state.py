"""Sync bookkeeping in ``sync_state`` and the device identity kept outside the database.

A database restored from a backup or copied to another laptop still holds
the old client id and reuses its change numbers, which the server would
drop as duplicates. The highest change number pushed is therefore also
kept in ``sync-devices.json`` in the user data folder; a database whose
counter is below that mark, or whose client id that file does not list
for this path, registers as a new device.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from csm_desktop.paths import user_data_dir
from csm_desktop.store.sync_models import SyncState

log = logging.getLogger(__name__)

CLIENT_ID = "client_id"
REGISTERED_CLIENT = "registered_client_id"
SERVER_URL = "server_url"
USER_EMAIL = "user_email"
USER_ROLE = "user_role"
USER_NAME = "user_name"
EPOCH = "epoch"
CURSOR = "cursor"
NEXT_CLIENT_SEQ = "next_client_seq"
HLC = "hlc"
SCAN_WATERMARK = "scan_watermark"
LAST_SYNC_AT = "last_sync_at"
LAST_ERROR = "last_error"
# The highest clock stamp the server accepted from this database, the floor of a clock rewind.
HLC_ACCEPTED = "hlc_accepted"
# JSON list of every client id this database has pushed under, oldest first.
OWN_CLIENT_IDS = "own_client_ids"

_table = SyncState.__table__


def get_value(conn: Connection, key: str, default: str | None = None) -> str | None:
    value = conn.execute(select(_table.c.value).where(_table.c.key == key)).scalar()
    return default if value is None else value


def set_value(conn: Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute(delete(_table).where(_table.c.key == key))
        return
    statement = sqlite_insert(_table).values(key=key, value=value)
    conn.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def take_client_seqs(conn: Connection, count: int) -> int:
    """Reserve ``count`` change numbers and return the first one.

    A single UPDATE ... RETURNING takes SQLite's write lock at once, so the
    UI thread and the sync worker never hand out the same number.
    """
    set_default = sqlite_insert(_table).values(key=NEXT_CLIENT_SEQ, value="1")
    conn.execute(set_default.on_conflict_do_nothing(index_elements=["key"]))
    after = conn.execute(
        text(
            "UPDATE sync_state SET value = CAST(value AS INTEGER) + :count "
            "WHERE key = :key RETURNING value"
        ),
        {"count": count, "key": NEXT_CLIENT_SEQ},
    ).scalar_one()
    return int(after) - count


def own_client_ids(conn: Connection) -> set[str]:
    """Return the client ids this database has used, including the current one."""
    text_value = get_value(conn, OWN_CLIENT_IDS)
    ids = set(json.loads(text_value)) if text_value else set()
    current = get_value(conn, CLIENT_ID)
    if current is not None:
        ids.add(current)
    return ids


def add_own_client_id(conn: Connection, client_id: str) -> None:
    """Remember ``client_id`` as one of this database's device ids (kept after re-registering)."""
    text_value = get_value(conn, OWN_CLIENT_IDS)
    ids = json.loads(text_value) if text_value else []
    previous = get_value(conn, CLIENT_ID)
    for known in (previous, client_id):
        if known is not None and known not in ids:
            ids.append(known)
    set_value(conn, OWN_CLIENT_IDS, json.dumps(ids))


def is_enabled(conn: Connection) -> bool:
    """True once the database has been connected to a team server."""
    return get_value(conn, CLIENT_ID) is not None


@dataclass
class DeviceRegistry:
    """The per-user file that remembers each client id's database path and pushed high mark."""

    path: Path

    @classmethod
    def default(cls) -> DeviceRegistry:
        return cls(user_data_dir() / "sync-devices.json")

    def _read(self) -> dict[str, dict]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("Device registry %s unreadable (%s); treating it as empty", self.path, exc)
            return {}

    def _write(self, data: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)

    def remember(self, client_id: str, db_path: Path | None, high_mark: int) -> None:
        """Record that ``client_id`` lives at ``db_path`` and has pushed up to ``high_mark``."""
        data = self._read()
        entry = data.get(client_id, {})
        entry["db_path"] = str(db_path) if db_path else None
        entry["high_mark"] = max(int(entry.get("high_mark", 0)), high_mark)
        data[client_id] = entry
        self._write(data)

    def reason_to_reregister(
        self, client_id: str, db_path: Path | None, next_seq: int
    ) -> str | None:
        """Return why this database must register as a new device, or None when it need not."""
        entry = self._read().get(client_id)
        if entry is None:
            return "the database was copied from another installation"
        if db_path is not None and entry.get("db_path") not in (None, str(db_path)):
            return f"the database was copied from {entry.get('db_path')}"
        if next_seq <= int(entry.get("high_mark", 0)):
            return "the database was restored from a backup"
        return None


def new_client_id() -> str:
    return str(uuid.uuid4())
