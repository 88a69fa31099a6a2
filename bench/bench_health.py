"""Health backfill at 5,000 accounts over two years, against two floors.

Our path: ``recompute_all`` (load inputs, score every account weekly, store
the snapshots in one transaction). Floors, on the same database with the
app's pragmas and plain ``sqlite3``:

* read: reading the input rows (usage, tickets, churn events);
* read and write: the same reads, then inserting as many snapshot rows as
  ours wrote, with one ``executemany``, into an empty copy of the snapshot
  table (same columns, keys and indexes; random ids like ours; a detail text
  of our mean length).

Also times the incremental path: ``update_account`` for one account after
new data dated two weeks before the reference date, and
``recompute_account`` (every week of one account). Reports CPU seconds
beside wall time, because the benchmark machine is shared.

    python -m bench.bench_health [--accounts 5000] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from bench.common import TABLE_HEADER, save_results, time_call
from bench.generate import generate
from csm_desktop.health.backfill import recompute_account, recompute_all, update_account
from csm_desktop.importers.ravenstack import import_ravenstack
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.database import open_database

REFERENCE = date(2024, 12, 31)
# New data for the incremental update is dated this many days before the reference date.
NEW_DATA_DAYS = 14
FLOOR_QUERIES = (
    "SELECT account_id, usage_date, value FROM usage_metric WHERE deleted_at IS NULL",
    "SELECT account_id, opened_on, closed_at, priority, csat, escalated FROM support_ticket"
    " WHERE deleted_at IS NULL",
    "SELECT account_id, churn_date, is_reactivation FROM churn_event WHERE deleted_at IS NULL",
)
FLOOR_TABLE = "floor_snapshot"


def build_database(folder: Path, accounts: int):
    generate(folder / "csv", accounts)
    db = open_database(folder / "bench.sqlite")
    import_ravenstack(db, folder / "csv")
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, REFERENCE.isoformat())
    return db


def _connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` with the pragmas the app sets (WAL is kept in the file)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def read_inputs(path: Path) -> int:
    connection = _connect(path)
    try:
        return sum(len(connection.execute(query).fetchall()) for query in FLOOR_QUERIES)
    finally:
        connection.close()


def read_and_write(path: Path, table: str, rows: int, detail_length: int) -> int:
    """Read the inputs, then insert ``rows`` snapshot-shaped rows into the empty ``table``."""
    connection = _connect(path)
    try:
        read = sum(len(connection.execute(query).fetchall()) for query in FLOOR_QUERIES)
        accounts = [row[0] for row in connection.execute("SELECT id FROM account")]
        detail = "x" * detail_length
        stamp = "2024-12-31 12:00:00.000000"
        weeks_per_account = rows // len(accounts) + 1
        values = (
            (uuid.uuid4().hex, accounts[index // weeks_per_account],
             (REFERENCE - timedelta(weeks=index % weeks_per_account)).isoformat(), "weekly",
             50.0, "green", 3, 11, detail, "default@1", stamp, stamp)
            for index in range(rows)
        )  # fmt: skip
        with connection:
            connection.executemany(
                f"INSERT INTO {table} (id, account_id, as_of, kind, score, colour,"
                " measures_used, measures_total, details, scorecard_version, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        return read + rows
    finally:
        connection.close()


def create_floor_tables(path: Path, count: int) -> list[str]:
    """Create ``count`` empty copies of the snapshot table, so no timed run drops a table."""
    connection = _connect(path)
    try:
        schema = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'health_snapshot'"
        ).fetchone()[0]
        names = [f"{FLOOR_TABLE}_{index}" for index in range(count)]
        with connection:
            for name in names:
                connection.execute(f"DROP TABLE IF EXISTS {name}")
                connection.execute(schema.replace("health_snapshot", name, 1))
        return names
    finally:
        connection.close()


def drop_floor_tables(path: Path, names: list[str]) -> None:
    connection = _connect(path)
    try:
        with connection:
            for name in names:
                connection.execute(f"DROP TABLE IF EXISTS {name}")
    finally:
        connection.close()


def snapshot_storage(path: Path) -> tuple[int, float, float]:
    """Return the snapshot count, bytes per snapshot (table and indexes) and mean detail length.

    Checkpoints the write-ahead log first, so the file and ``dbstat`` hold every page.
    """
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count, detail = connection.execute(
            "SELECT count(*), avg(length(details)) FROM health_snapshot"
        ).fetchone()
        stored = connection.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master"
            " WHERE tbl_name = 'health_snapshot')"
        ).fetchone()[0]
        return count, stored / count, detail
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=5000, help="accounts to generate")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each operation")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print a pyinstrument call tree of one extra recompute_all run (needs the bench extra)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build_database(folder, args.accounts)
        floor = time_call("floor: read input rows (sqlite3)", lambda: read_inputs(db.path),
                          repeat=args.repeat)  # fmt: skip
        cpu_started = time.process_time()
        ours = time_call("recompute_all (weekly backfill)", lambda: recompute_all(db),
                         repeat=args.repeat, warmup=0)  # fmt: skip
        cpu_per_run = (time.process_time() - cpu_started) / args.repeat
        snapshots, bytes_per_snapshot, detail_length = snapshot_storage(db.path)
        # Measured before the floor tables exist, because a dropped table leaves free pages.
        size_mib = db.path.stat().st_size / (1024 * 1024)

        tables = create_floor_tables(db.path, args.repeat + 1)
        empty_tables = iter(tables)
        write = time_call(f"floor: read inputs + write {snapshots} rows (sqlite3 executemany)",
                          lambda: read_and_write(db.path, next(empty_tables), snapshots,
                                                 round(detail_length)),
                          repeat=args.repeat)  # fmt: skip
        drop_floor_tables(db.path, tables)

        if args.profile:
            print(profile_recompute(db))

        with db.session() as session:
            from sqlalchemy import select

            from csm_desktop.store.models import Account

            ids = session.scalars(select(Account.id)).all()
        sample = random.Random(1).sample(ids, 20)
        since = REFERENCE - timedelta(days=NEW_DATA_DAYS)
        updates = iter(sample * 2)
        incremental = time_call(f"update_account (one account, new data on {since})",
                                lambda: update_account(db, next(updates), since=since),
                                repeat=19)  # fmt: skip
        fulls = iter(sample * 2)
        whole = time_call("recompute_account (one account, every week)",
                          lambda: recompute_account(db, next(fulls)), repeat=19)  # fmt: skip
        db.dispose()

    print(f"{args.accounts} accounts, {snapshots} snapshots, database {size_mib:.0f} MiB, "
          f"{bytes_per_snapshot:.0f} bytes per snapshot (table and indexes), "
          f"mean detail {detail_length:.0f} characters")  # fmt: skip
    print(f"recompute_all CPU time {cpu_per_run:.1f} s per run")
    print(TABLE_HEADER)
    print(floor.row())
    print(write.row(floor))
    print(ours.row(floor))
    print(_without_ratio(incremental.row()))
    print(_without_ratio(whole.row()))
    print(f"recompute_all against the read-and-write floor: {ours.median / write.median:.2f}×")
    save_results("health", [floor, write, ours, incremental, whole],
                 {"accounts": args.accounts, "snapshots": snapshots, "db_mib": size_mib,
                  "bytes_per_snapshot": bytes_per_snapshot, "recompute_all_cpu_s": cpu_per_run})  # fmt: skip


def profile_recompute(db) -> str:
    """Run ``recompute_all`` once under pyinstrument and return the call tree as text."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.005)
    profiler.start()
    recompute_all(db)
    profiler.stop()
    return profiler.output_text(unicode=False, color=False)


def _without_ratio(row: str) -> str:
    """Blank the ratio column of a row that has no floor."""
    return row.removesuffix("| 1.00× |") + "| – |"


if __name__ == "__main__":
    main()
