"""Generic import of a large usage file, against the floor of csv plus sqlite3 executemany.

Our path: ``run_import`` of a generated CSV of usage rows (first pass to
decide conventions, second pass to convert, check and write in batches, one
transaction). Floor: Python's ``csv`` reader plus ``sqlite3.executemany``
into the same ``usage_metric`` table of the same schema, with the account
looked up in a dict and no checks. Each repetition runs in a fresh child
process on a fresh copy of the same database, so peak RSS is per run.

    python -m bench.bench_import [--rows 1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import sys
import tempfile
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from bench.common import TABLE_HEADER, machine_summary, save_results, time_process

ACCOUNTS = 500
METRICS = ("logins", "active_users", "feature_events", "seats_used")


def generate_csv(path: Path, rows: int) -> None:
    """Write ``rows`` usage rows: usage id, account id, ISO date, metric, value."""
    rng = random.Random(7)
    start = date(2023, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["usage_id", "account_id", "date", "metric", "value"])
        for number in range(rows):
            day = start + timedelta(days=number % 730)
            writer.writerow([f"U{number:08d}", f"A{rng.randrange(ACCOUNTS):04d}", day.isoformat(),
                             METRICS[number % 4], rng.randrange(0, 500)])  # fmt: skip


def build_base(folder: Path) -> Path:
    """Create a migrated database with the accounts the usage rows refer to."""
    from csm_desktop.store.database import open_database
    from csm_desktop.store.models import Account

    path = folder / "base.sqlite"
    db = open_database(path)
    with db.session() as session:
        for number in range(ACCOUNTS):
            session.add(Account(name=f"Account {number}", source="bench",
                                external_id=f"A{number:04d}"))  # fmt: skip
    db.dispose()
    return path


def run_ours(db_path: Path, csv_path: Path) -> None:
    from csm_desktop.importers.engine import run_import
    from csm_desktop.importers.mapping import ImportSpec
    from csm_desktop.store.database import open_database

    db = open_database(db_path)
    spec = ImportSpec("usage", "bench", columns={"external_id": "usage_id",
                      "account": "account_id", "usage_date": "date", "metric": "metric",
                      "value": "value"})  # fmt: skip
    report = run_import(db, csv_path, spec)
    assert report.rejected_rows == 0, report.format_lines(5)
    db.dispose()


def run_floor(db_path: Path, csv_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    accounts = dict(connection.execute("SELECT external_id, id FROM account"))
    now = datetime.now().isoformat(sep=" ")
    sql = ("INSERT INTO usage_metric (id, account_id, usage_date, metric, value, source, "
           "external_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'bench', ?, ?, ?)")  # fmt: skip
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = (
            (uuid.uuid4().hex, accounts[account], day, metric, float(value), usage_id, now, now)
            for usage_id, account, day, metric, value in reader
        )
        connection.executemany(sql, rows)
    connection.commit()
    connection.close()


def worker(which: str, base: Path, csv_path: Path) -> None:
    """Run one repetition on a fresh copy of the base database."""
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "run.sqlite"
        shutil.copy(base, db_path)
        (run_ours if which == "ours" else run_floor)(db_path, csv_path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="usage rows in the file")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each path")
    parser.add_argument("--worker", choices=["ours", "floor"], help=argparse.SUPPRESS)
    parser.add_argument("--base", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.base, args.csv)
        return

    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        csv_path = folder_path / "usage.csv"
        generate_csv(csv_path, args.rows)
        base = build_base(folder_path)
        timings = []
        for which, label in (("floor", "floor: csv reader + sqlite3 executemany"),
                             ("ours", "run_import (two passes, checks, batches)")):  # fmt: skip
            argv = [sys.executable, "-m", "bench.bench_import", "--worker", which,
                    "--base", str(base), "--csv", str(csv_path)]  # fmt: skip
            timings.append(time_process(label, argv, repeat=args.repeat, warmup=0))
        size = csv_path.stat().st_size / (1024 * 1024)

    floor = timings[0]
    print(f"{args.rows:,} usage rows, {size:.0f} MiB CSV; {machine_summary()}")
    print(TABLE_HEADER)
    for timing in timings:
        print(timing.row(floor))
    for timing in timings:
        print(f"{timing.name}: {args.rows / timing.median:,.0f} rows/s")
    save_results("import", timings, {"rows": args.rows, "csv_mib": size})


if __name__ == "__main__":
    main()
