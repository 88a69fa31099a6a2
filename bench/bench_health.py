"""Health backfill at 5,000 accounts over two years, against reading its inputs.

Our path: ``recompute_all`` (load inputs, score every account weekly, store
the snapshots in one transaction). Floor: reading the same input rows
(usage, tickets, churn events) from the same database with sqlite3. Also
times the incremental path, ``recompute_account`` for one account.

    python bench/bench_health.py [--accounts 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
from pathlib import Path

from bench.common import TABLE_HEADER, save_results, time_call
from bench.generate import generate
from csm_desktop.health.backfill import recompute_account, recompute_all
from csm_desktop.importers.ravenstack import import_ravenstack
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.database import open_database

FLOOR_QUERIES = (
    "SELECT account_id, usage_date, value FROM usage_metric WHERE deleted_at IS NULL",
    "SELECT account_id, opened_on, closed_at, priority, csat, escalated FROM support_ticket"
    " WHERE deleted_at IS NULL",
    "SELECT account_id, churn_date, is_reactivation FROM churn_event WHERE deleted_at IS NULL",
)


def build_database(folder: Path, accounts: int):
    generate(folder / "csv", accounts)
    db = open_database(folder / "bench.sqlite")
    import_ravenstack(db, folder / "csv")
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, "2024-12-31")
    return db


def read_inputs(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return sum(len(connection.execute(query).fetchall()) for query in FLOOR_QUERIES)
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = build_database(folder, args.accounts)
        floor = time_call("floor: read input rows (sqlite3)", lambda: read_inputs(db.path),
                          repeat=args.repeat)  # fmt: skip
        ours = time_call("recompute_all (weekly backfill)", lambda: recompute_all(db),
                         repeat=args.repeat, warmup=0)  # fmt: skip

        with db.session() as session:
            from sqlalchemy import select

            from csm_desktop.store.models import Account

            ids = session.scalars(select(Account.id)).all()
        sample = random.Random(1).sample(ids, 20)
        iterator = iter(sample * 2)
        incremental = time_call("recompute_account (one account)",
                                lambda: recompute_account(db, next(iterator)), repeat=19)  # fmt: skip
        snapshots = sqlite3.connect(db.path).execute(
            "SELECT count(*) FROM health_snapshot").fetchone()[0]  # fmt: skip
        size_mib = db.path.stat().st_size / (1024 * 1024)
        db.dispose()

    print(f"{args.accounts} accounts, {snapshots} snapshots, database {size_mib:.0f} MiB")
    print(TABLE_HEADER)
    print(floor.row())
    print(ours.row(floor))
    print(incremental.row())
    save_results("health", [floor, ours, incremental],
                 {"accounts": args.accounts, "snapshots": snapshots, "db_mib": size_mib})  # fmt: skip


if __name__ == "__main__":
    main()
