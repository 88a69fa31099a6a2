"""Scale the RavenStack demo up to any number of accounts by resampling it.

Each generated account copies a randomly chosen demo account together with
its subscriptions, usage, tickets and churn events, under fresh ids, so the
shape of the data (sparsity, oddities, date range) stays that of the demo.
The seed is fixed, so two runs write identical files.

    python bench/generate.py OUT_DIR --accounts 5000
"""

from __future__ import annotations

import argparse
import csv
import random
from collections import defaultdict
from pathlib import Path

from csm_desktop.importers.ravenstack import FILES
from csm_desktop.paths import demo_data_dir

SEED = 20241231


def _read(kind: str) -> tuple[list[str], list[dict[str, str]]]:
    with (demo_data_dir() / FILES[kind]).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def generate(out_dir: Path, accounts: int, seed: int = SEED) -> dict[str, int]:
    """Write the five RavenStack files for ``accounts`` accounts; return row counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tables = {kind: _read(kind) for kind in FILES}
    subs_by_account = _group(tables["subscriptions"][1], "account_id")
    usage_by_sub = _group(tables["usage"][1], "subscription_id")
    tickets_by_account = _group(tables["tickets"][1], "account_id")
    churn_by_account = _group(tables["churn"][1], "account_id")
    source_accounts = tables["accounts"][1]

    writers, handles = {}, []
    for kind, (header, _rows) in tables.items():
        handle = (out_dir / FILES[kind]).open("w", encoding="utf-8", newline="")
        handles.append(handle)
        writers[kind] = csv.DictWriter(handle, header, lineterminator="\r\n")
        writers[kind].writeheader()

    counts: dict[str, int] = defaultdict(int)
    try:
        for index in range(accounts):
            source = rng.choice(source_accounts)
            account_id = f"A-{index:07x}"
            writers["accounts"].writerow(
                source | {"account_id": account_id, "account_name": f"Company_{index}"}
            )
            counts["accounts"] += 1
            _copy_children(writers, counts, source["account_id"], account_id, index,
                           subs_by_account, usage_by_sub, tickets_by_account, churn_by_account)  # fmt: skip
    finally:
        for handle in handles:
            handle.close()
    return dict(counts)


def _copy_children(writers, counts, source_id, account_id, index, subs, usage, tickets, churns):
    for number, sub in enumerate(subs.get(source_id, [])):
        sub_id = f"S-{index:07x}-{number}"
        writers["subscriptions"].writerow(
            sub | {"subscription_id": sub_id, "account_id": account_id}
        )
        counts["subscriptions"] += 1
        for row_number, row in enumerate(usage.get(sub["subscription_id"], [])):
            usage_id = f"U-{index:07x}-{number}-{row_number}"
            writers["usage"].writerow(row | {"usage_id": usage_id, "subscription_id": sub_id})
            counts["usage"] += 1
    for number, ticket in enumerate(tickets.get(source_id, [])):
        ticket_id = f"T-{index:07x}-{number}"
        writers["tickets"].writerow(ticket | {"ticket_id": ticket_id, "account_id": account_id})
        counts["tickets"] += 1
    for number, churn in enumerate(churns.get(source_id, [])):
        churn_id = f"C-{index:07x}-{number}"
        writers["churn"].writerow(churn | {"churn_event_id": churn_id, "account_id": account_id})
        counts["churn"] += 1


def _group(rows: list[dict[str, str]], key: str) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write the five CSV files into")
    parser.add_argument("--accounts", type=int, default=5000, help="number of accounts")
    parser.add_argument("--seed", type=int, default=SEED, help="random seed")
    args = parser.parse_args()
    counts = generate(args.out_dir, args.accounts, args.seed)
    print(", ".join(f"{kind}: {count}" for kind, count in counts.items()))


if __name__ == "__main__":
    main()
