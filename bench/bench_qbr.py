"""QBR export: one QBR and a batch of 100, against a minimal reportlab document (the floor).

Our path: ``export_qbr`` on the demo database (customer version, every
section, A4) and ``export_qbr_batch`` over the first 100 demo accounts.
Floor: a ``SimpleDocTemplate`` with the same three charts as the QBR
(health timeline, measure breakdown and weekly usage, same builders and
conversion to a flowable), one heading and one paragraph, no data reads.
Both run in this process, one after the other, so machine load is shared.
Resident memory is sampled before and after the batch to show whether it
grows with the number of accounts.

    python bench/bench_qbr.py [--batch 100] [--repeat 5] [--db PATH] [--profile]

``--profile`` prints pyinstrument call trees of five exports of one QBR
and of one batch instead of timing (``pip install -e .[bench]``).
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale

from bench.common import (
    TABLE_HEADER,
    Timing,
    current_rss_mib,
    machine_summary,
    save_results,
    time_call,
)
from csm_desktop.quarters import Quarter
from csm_desktop.services.portfolio import load_portfolio
from csm_desktop.store.database import Database, open_database

QUARTER = Quarter(2024, 4)
LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def open_demo(path: Path | None) -> Database:
    """Open ``path``, or a temporary copy of the demo portfolio loaded now."""
    if path is not None:
        return open_database(path)
    from csm_desktop.services.demo import load_demo

    db = open_database(Path(tempfile.mkdtemp(prefix="bench-qbr-")) / "demo.sqlite")
    load_demo(db)
    return db


def floor_document(out: Path) -> None:
    """Build the minimal PDF: the QBR's three vector charts, a heading and a paragraph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from csm_desktop.reports.charts import (
        HealthPoint,
        figure_to_flowable,
        health_timeline_figure,
        measure_breakdown_figure,
        usage_figure,
    )

    # The QBR's chart sizes, titles and amounts of data: a demo account has
    # two years of weekly health scores, 11 measures and 28 weeks of usage.
    width = A4[0] - 40 * 72 / 25.4
    width_in, height_in = width / 72, width / 72 * 0.32
    quarter_start = date(2024, 10, 1)
    days = [date.fromordinal(date(2023, 1, 2).toordinal() + 7 * i) for i in range(104)]
    health = health_timeline_figure(
        [HealthPoint(d, 40 + (i * 7) % 55, "yellow") for i, d in enumerate(days)],
        title="Health score over time (dashed line: start of the quarter)",
        width_in=width_in,
        height_in=height_in,
        highlight_from=quarter_start,
    )
    breakdown = measure_breakdown_figure(
        [(f"Measure number {i}", None if i % 4 == 3 else 9.0 * i) for i in range(11)],
        title="Score by measure",
        width_in=width_in,
        height_in=0.3 * 11 + 0.6,
        not_applicable="not applicable",
    )
    usage = usage_figure(
        [(d, float(i % 17)) for i, d in enumerate(days[-28:])],
        title="Feature events per week: Q3 2024 (light) and Q4 2024",
        width_in=width_in,
        height_in=height_in,
        highlight_from=quarter_start,
    )
    styles = getSampleStyleSheet()
    story = [
        Paragraph("Floor document", styles["Heading1"]),
        figure_to_flowable(health, width),
        figure_to_flowable(breakdown, width),
        figure_to_flowable(usage, width),
        Paragraph("One paragraph of body text.", styles["BodyText"]),
    ]
    SimpleDocTemplate(io.BytesIO() if out is None else str(out), pagesize=A4).build(story)


def profile_exports(
    db: Database, account_ids: list, out_dir: Path, options: object, batch_size: int
) -> None:
    """Print pyinstrument call trees of five single exports and of one batch, after a warm-up."""
    from pyinstrument import Profiler

    from csm_desktop.reports.qbr import export_qbr
    from csm_desktop.services.batch_export import export_qbr_batch

    def five_exports() -> None:
        for _ in range(5):
            export_qbr(db, account_ids[0], QUARTER, out_dir / "one.pdf", options)

    def batch() -> None:
        export_qbr_batch(db, account_ids[:batch_size], QUARTER, out_dir, options)

    export_qbr(db, account_ids[0], QUARTER, out_dir / "warm.pdf", options)
    for title, run in (
        ("five exports of one QBR", five_exports),
        (f"batch of {batch_size}", batch),
    ):
        profiler = Profiler(interval=0.001)
        profiler.start()
        run()
        profiler.stop()
        print(f"\n## {title}\n")
        print(profiler.output_text(unicode=False, color=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100, help="accounts in the batch run")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the single export")
    parser.add_argument("--db", type=Path, help="database to read (default: a fresh demo copy)")
    parser.add_argument(
        "--profile", action="store_true", help="print pyinstrument profiles instead of timing"
    )
    args = parser.parse_args()

    from csm_desktop.reports.qbr import QbrOptions, export_qbr
    from csm_desktop.services.batch_export import export_qbr_batch

    db = open_demo(args.db)
    with db.session() as session:
        account_ids = [row.account_id for row in load_portfolio(session)]
    out_dir = Path(tempfile.mkdtemp(prefix="bench-qbr-out-"))
    options = QbrOptions(locale=LOCALE, prepared_on=date(2025, 1, 8))
    if args.profile:
        profile_exports(db, account_ids, out_dir, options, args.batch)
        db.dispose()
        return

    floor = time_call(
        "floor: minimal reportlab PDF, same 3 charts",
        lambda: floor_document(out_dir / "floor.pdf"),
        args.repeat,
    )
    single = time_call(
        "one QBR (customer, all sections)",
        lambda: export_qbr(db, account_ids[0], QUARTER, out_dir / "one.pdf", options),
        args.repeat,
    )
    internal = time_call(
        "one QBR (internal, all sections)",
        lambda: export_qbr(
            db, account_ids[0], QUARTER, out_dir / "internal.pdf",
            QbrOptions(version="internal", locale=LOCALE),
        ),
        args.repeat,
    )  # fmt: skip

    batch_ids = account_ids[: args.batch]
    rss_before = current_rss_mib()
    start = time.perf_counter()
    result = export_qbr_batch(db, batch_ids, QUARTER, out_dir / ".", options)
    batch = Timing(f"batch of {len(batch_ids)} QBRs", [time.perf_counter() - start])
    rss_after = current_rss_mib()
    floor_batch_start = time.perf_counter()
    for _ in batch_ids:
        floor_document(out_dir / "floor.pdf")
    floor_batch = Timing(f"floor × {len(batch_ids)}", [time.perf_counter() - floor_batch_start])

    print(f"Machine: {machine_summary()}")
    print(TABLE_HEADER)
    for timing, reference in (
        (floor, None),
        (single, floor),
        (internal, floor),
        (floor_batch, None),
        (batch, floor_batch),
    ):
        print(timing.row(reference))
    print(
        f"\nBatch: {len(result.written)} written, {len(result.failed)} failed; "
        f"RSS {rss_before:.0f} MiB before, {rss_after:.0f} MiB after "
        f"({(rss_after - rss_before) / max(len(batch_ids), 1) * 1024:.0f} KiB per account)."
    )
    save_results(
        "qbr",
        [floor, single, internal, floor_batch, batch],
        {"rss_before_batch_mib": rss_before, "rss_after_batch_mib": rss_after},
    )
    db.dispose()


if __name__ == "__main__":
    main()
