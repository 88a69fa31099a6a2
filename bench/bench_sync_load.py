"""Load test of the sync server on loopback: concurrent devices pushing and pulling.

Starts its own server process (PostgreSQL when initdb and pg_ctl are
installed, otherwise SQLite) on 127.0.0.1, then runs ``--clients`` threads
for ``--seconds`` seconds (and at most ``--max-requests`` requests each).
Each thread is one device of its own CSM: it pushes a batch of account
inserts and field updates, then pulls the team's changes from its cursor.
Prints throughput and latency percentiles per endpoint.

    .venv/bin/python -m bench.bench_sync_load --clients 24 --seconds 30
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

from csm_desktop.sync.hlc import HybridClock
from csm_desktop.sync.transport import Transport
from csm_server import admin
from tests.sync.harness import PostgresCluster, ServerProcess, postgres_binaries, sqlite_server


def _prepare(server: ServerProcess, clients: int) -> list[str]:
    engine = server.admin_engine()
    admin.migrate(engine)
    admin.create_team(engine, "Load")
    tokens = []
    for number in range(clients):
        email = f"csm{number}@load.test"
        admin.create_user(engine, "Load", email, f"CSM {number}", "csm")
        tokens.append(admin.create_token(engine, email, "load"))
    engine.dispose()
    return tokens


def _device(
    url: str,
    token: str,
    stop: float,
    max_requests: int,
    batch: int,
    timings: dict[str, list[float]],
    lock: threading.Lock,
    totals: dict[str, int],
) -> None:
    transport = Transport(url, token, timeout=60)
    client_id = str(uuid.uuid4())
    clock = HybridClock(client_id)
    transport.register_device(client_id, "load", "bench")
    epoch = transport.meta()["epoch"]
    cursor = None
    client_seq = 0
    accounts: list[str] = []
    requests = 0
    while time.monotonic() < stop and requests < max_requests:
        mutations = []
        for number in range(batch):
            client_seq += 1
            if accounts and number % 2:
                target, op = accounts[number % len(accounts)], "update"
                fields = {"industry": {"value": f"i{client_seq}", "base_seq": 0}}
            else:
                target, op = str(uuid.uuid4()), "insert"
                accounts.append(target)
                fields = {"name": {"value": f"Account {client_seq}"}, "owner": {"value": None}}
            mutations.append(
                {
                    "client_seq": client_seq,
                    "mutation_id": str(uuid.uuid4()),
                    "tx": str(uuid.uuid4()),
                    "entity": "account",
                    "id": target,
                    "op": op,
                    "hlc": clock.tick(),
                    "fields": fields,
                }
            )
        started = time.perf_counter()
        transport.push({"client_id": client_id, "epoch": epoch, "mutations": mutations})
        pushed = time.perf_counter()
        page = transport.pull(cursor, 500)
        pulled = time.perf_counter()
        cursor = page["next_cursor"]
        requests += 2
        with lock:
            timings["push"].append(pushed - started)
            timings["pull"].append(pulled - pushed)
            totals["mutations"] += len(mutations)
            totals["pulled"] += len(page["changes"])
    transport.close()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--max-requests", type=int, default=2000, help="per client")
    parser.add_argument("--batch", type=int, default=20, help="mutations per push")
    parser.add_argument(
        "--sqlite", action="store_true", help="use SQLite even if PostgreSQL exists"
    )
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="csm-sync-load-"))
    cluster = None
    binaries = None if args.sqlite else postgres_binaries()
    if binaries is not None:
        cluster = PostgresCluster(binaries)
        cluster.start()
        server = ServerProcess(cluster.new_database(), folder / "server.log")
    else:
        server = sqlite_server(folder)
    server.env["CSM_SERVER_RATE_LIMIT"] = "0"
    tokens = _prepare(server, args.clients)
    server.start()

    timings: dict[str, list[float]] = {"push": [], "pull": []}
    totals = {"mutations": 0, "pulled": 0}
    lock = threading.Lock()
    stop = time.monotonic() + args.seconds
    began = time.perf_counter()
    threads = [
        threading.Thread(
            target=_device,
            args=(server.url, token, stop, args.max_requests, args.batch, timings, lock, totals),
        )
        for token in tokens
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        elapsed = time.perf_counter() - began
        server.stop()
        if cluster is not None:
            cluster.stop()

    backend = "PostgreSQL 15" if cluster is not None else "SQLite"
    requests = len(timings["push"]) + len(timings["pull"])
    print(f"backend {backend}, {args.clients} clients, {elapsed:.1f} s, batch {args.batch}")
    print(
        f"requests {requests} ({requests / elapsed:.1f}/s), mutations pushed "
        f"{totals['mutations']} ({totals['mutations'] / elapsed:.0f}/s), "
        f"changes pulled {totals['pulled']}"
    )
    for name, values in timings.items():
        print(
            f"{name}: n={len(values)} median {statistics.median(values) * 1000:.1f} ms, "
            f"p95 {_percentile(values, 0.95) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
