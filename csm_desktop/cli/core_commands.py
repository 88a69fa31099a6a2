"""Core sub-commands: start the GUI, import data, recompute health, list accounts."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_OK, cell, print_progress


def register(commands: argparse._SubParsersAction) -> None:
    """Add the core sub-commands to ``commands``."""
    commands.add_parser(
        "gui", help=QCoreApplication.translate("Cli", "start the desktop app (the default)")
    )

    demo = commands.add_parser(
        "import-demo",
        help=QCoreApplication.translate(
            "Cli", "import the bundled RavenStack demo portfolio and compute health"
        ),
    )
    demo.set_defaults(handler=_import_demo)

    accounts = commands.add_parser(
        "accounts",
        help=QCoreApplication.translate("Cli", "list the portfolio as tab-separated text"),
    )
    accounts.add_argument(
        "--filter",
        default="",
        metavar="TEXT",
        help=QCoreApplication.translate("Cli", "keep accounts whose name contains TEXT"),
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
    print(QCoreApplication.translate("Cli", "Demo data: {credit}.").format(credit=DEMO_ATTRIBUTION))
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
