"""Portfolio filter keystroke and column sort at 10,000 and 50,000 accounts.

Our path: the portfolio's own table model (filter and sort inside the
model, then a view repaint) with a QTableView attached, offscreen. Floor:
the same filter or sort on a plain Python list of the same rows.

    python bench/bench_portfolio.py [--sizes 10000 50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from bench.common import TABLE_HEADER, current_rss_mib, save_results, time_call
from csm_desktop.services.demo import load_demo
from csm_desktop.services.portfolio import PortfolioRow, load_portfolio
from csm_desktop.store.database import open_database
from csm_desktop.ui.portfolio_model import Column, PortfolioModel, sort_rows

KEYSTROKES = ["C", "Co", "Com", "Company_4", "Company_49", "Company_499"]


def demo_rows() -> list[PortfolioRow]:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        load_demo(db)
        with db.session() as session:
            rows = load_portfolio(session)
        db.dispose()
    return rows


def scale(rows: list[PortfolioRow], size: int) -> list[PortfolioRow]:
    """Copy the demo rows under new ids and names up to ``size`` rows."""
    return [
        dataclasses.replace(rows[i % len(rows)], account_id=uuid.uuid4(), name=f"Company_{i}")
        for i in range(size)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    base = demo_rows()
    timings = []
    print(TABLE_HEADER)
    for size in args.sizes:
        rows = scale(base, size)
        model = PortfolioModel()
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 800)
        view.show()
        rss_before = current_rss_mib()
        model.set_rows(rows)
        app.processEvents()
        rss_after = current_rss_mib()

        def type_filter(model=model):
            for text in KEYSTROKES:
                model.set_name_filter(text)
                app.processEvents()
            model.set_name_filter("")
            app.processEvents()

        def list_filter(rows=rows):
            for text in [*KEYSTROKES, ""]:
                needle = text.casefold()
                [row for row in rows if needle in row.name.casefold()]

        keystrokes = len(KEYSTROKES) + 1
        floor_filter = time_call(f"floor: filter list, {size} rows, {keystrokes} keystrokes",
                                 list_filter, repeat=args.repeat)  # fmt: skip
        our_filter = time_call(f"model filter + repaint, {size} rows, {keystrokes} keystrokes",
                               type_filter, repeat=args.repeat)  # fmt: skip

        def model_sort(model=model):
            model.sort(Column.ARR, Qt.SortOrder.DescendingOrder)
            app.processEvents()
            model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
            app.processEvents()

        def list_sort(rows=rows):
            sorted(rows, key=lambda row: (row.arr is None, row.arr or 0), reverse=True)
            sorted(rows, key=lambda row: row.name.casefold())

        floor_sort = time_call(f"floor: sort list by ARR then name, {size} rows", list_sort,
                               repeat=args.repeat)  # fmt: skip
        our_sort = time_call(f"model sort by ARR then name + repaint, {size} rows", model_sort,
                             repeat=args.repeat)  # fmt: skip
        sort_only = time_call(f"sort_rows by name only, {size} rows",
                              lambda rows=rows: sort_rows(rows, Column.NAME, False),
                              repeat=args.repeat)  # fmt: skip

        print(floor_filter.row())
        print(our_filter.row(floor_filter))
        print(floor_sort.row())
        print(our_sort.row(floor_sort))
        print(sort_only.row())
        print(f"| model memory for {size} rows | | | {rss_after - rss_before:.0f} | |")
        print(f"| per keystroke, {size} rows | {our_filter.median / keystrokes * 1000:.1f} | | | |")
        timings += [floor_filter, our_filter, floor_sort, our_sort, sort_only]
        view.close()
    save_results("portfolio", timings)


if __name__ == "__main__":
    main()
