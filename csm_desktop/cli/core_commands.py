"""Core sub-commands: start the GUI, import data, recompute health, export a QBR, list accounts."""

from __future__ import annotations

import argparse
from pathlib import Path

from csm_desktop.cli.common import EXIT_OK, cell, print_progress


def register(commands: argparse._SubParsersAction) -> None:
    """Add the core sub-commands to ``commands``."""
    commands.add_parser("gui", help="start the desktop app (the default)")

    demo = commands.add_parser(
        "import-demo", help="import the bundled RavenStack demo portfolio and compute health"
    )
    demo.set_defaults(handler=_import_demo)

    importer = commands.add_parser("import", help="import files exported from another system")
    importer.add_argument("format", choices=["ravenstack"], help="layout of the files")
    importer.add_argument("folder", type=Path, help="folder holding the exported CSV files")
    importer.add_argument(
        "--pin-date",
        action="store_true",
        help="view the portfolio as of the newest date in the files (for historical exports)",
    )
    importer.set_defaults(handler=_import)

    health = commands.add_parser("health", help="recompute the weekly health snapshots")
    health.add_argument("action", choices=["recompute"], help="what to do")
    health.set_defaults(handler=_health)

    qbr = commands.add_parser("qbr", help="export a Quarterly Business Review PDF")
    qbr.add_argument(
        "--account", required=True, metavar="NAME_OR_ID", help="account name, CRM id or UUID"
    )
    qbr.add_argument(
        "--quarter", required=True, metavar="YYYYQN", help="calendar quarter, e.g. 2024Q4"
    )
    qbr.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="PDF to write")
    qbr.add_argument(
        "--locale", metavar="LANG", help="language and formats of the PDF, e.g. es_ES or en_US"
    )
    qbr.set_defaults(handler=_qbr)

    accounts = commands.add_parser("accounts", help="list the portfolio as tab-separated text")
    accounts.add_argument(
        "--filter", default="", metavar="TEXT", help="keep accounts whose name contains TEXT"
    )
    accounts.set_defaults(handler=_accounts)


def ensure_demo(db) -> None:
    """Load the demo portfolio into ``db`` when it has no accounts yet."""
    from sqlalchemy import func, select

    from csm_desktop.services.demo import load_demo
    from csm_desktop.store.models import Account

    with db.session() as session:
        if session.scalar(select(func.count()).select_from(Account)):
            return
    load_demo(db, progress=print_progress)


def _import_demo(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.demo import DEMO_ATTRIBUTION, load_demo

    summary = load_demo(db, progress=print_progress)
    print("\n".join(summary.format_lines()))
    print(f"Demo data: {DEMO_ATTRIBUTION}.")
    return EXIT_OK


def _import(db, args: argparse.Namespace) -> int:
    from csm_desktop.importers.ravenstack import import_ravenstack
    from csm_desktop.services.demo import recompute_health
    from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting

    summary = import_ravenstack(db, args.folder, progress=print_progress)
    if args.pin_date and summary.latest_date is not None:
        with db.session() as session:
            set_setting(session, REFERENCE_DATE_KEY, summary.latest_date.isoformat())
    if summary.changed or args.pin_date:
        recompute_health(db, progress=print_progress)
    print("\n".join(summary.format_lines()))
    return EXIT_OK


def _health(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.demo import recompute_health

    stored = recompute_health(db, progress=print_progress)
    print(f"Stored {stored} health snapshots.")
    return EXIT_OK


def _qbr(db, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QLocale

    from csm_desktop.quarters import Quarter
    from csm_desktop.reports.qbr import export_qbr
    from csm_desktop.services.qbr_data import find_account

    quarter = Quarter.parse(args.quarter)
    locale = QLocale(args.locale) if args.locale else None
    with db.session() as session:
        account_id = find_account(session, args.account)
    path = export_qbr(db, account_id, quarter, args.out, locale=locale)
    print(f"Wrote {path}")
    return EXIT_OK


def _accounts(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.portfolio import load_portfolio

    with db.session() as session:
        rows = load_portfolio(session)
    needle = args.filter.casefold()
    print("name\tindustry\tcountry\tplan\tseats\tarr\trenewal\thealth\tcolour")
    for row in rows:
        if needle and needle not in row.name.casefold():
            continue
        score = None if row.health_score is None else round(row.health_score)
        fields = [
            row.name, row.industry, row.country, row.plan_tier, row.seats, row.arr,
            row.renewal_date, score, row.health_colour,
        ]  # fmt: skip
        print("\t".join(cell(value) for value in fields))
    return EXIT_OK
