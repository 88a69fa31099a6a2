"""Report sub-commands: one QBR or a batch of QBRs, and the portfolio report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_FAILED, EXIT_OK, CommandError, print_progress


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``qbr`` and ``report`` sub-commands to ``commands``."""
    qbr = commands.add_parser(
        "qbr",
        help=QCoreApplication.translate(
            "Cli", "export a Quarterly Business Review PDF, or one per account into a folder"
        ),
    )
    target = qbr.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--account",
        metavar="NAME_OR_ID",
        help=QCoreApplication.translate("Cli", "account name, CRM id or UUID"),
    )
    target.add_argument(
        "--all",
        action="store_true",
        help=QCoreApplication.translate("Cli", "export one QBR per account (see --filter)"),
    )
    qbr.add_argument(
        "--quarter",
        required=True,
        metavar="YYYYQN",
        help=QCoreApplication.translate("Cli", "calendar quarter, e.g. 2024Q4"),
    )
    qbr.add_argument(
        "--out",
        type=Path,
        metavar="FILE.pdf",
        help=QCoreApplication.translate("Cli", "PDF to write (with --account)"),
    )
    qbr.add_argument(
        "--out-dir",
        type=Path,
        metavar="FOLDER",
        help=QCoreApplication.translate(
            "Cli",
            "folder for the PDFs (with --all); names follow the file-name pattern in settings",
        ),
    )
    qbr.add_argument(
        "--filter",
        default="",
        metavar="TEXT",
        help=QCoreApplication.translate("Cli", "with --all, only accounts whose name has TEXT"),
    )
    qbr.add_argument(
        "--internal",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli", "export the internal version (adds ARR, forecast, risk and internal notes)"
        ),
    )
    qbr.add_argument(
        "--sections",
        metavar="KEY,KEY",
        help=QCoreApplication.translate(
            "Cli", "comma-separated sections to include (default: all); e.g. summary,health,usage"
        ),
    )
    _add_output_options(qbr)
    qbr.set_defaults(handler=_qbr)

    report = commands.add_parser(
        "report", help=QCoreApplication.translate("Cli", "export a coordinator's report")
    )
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    portfolio = kinds.add_parser(
        "portfolio",
        help=QCoreApplication.translate(
            "Cli", "ARR by health, renewals by quarter, attention list, per-CSM roll-up"
        ),
    )
    portfolio.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE.pdf",
        help=QCoreApplication.translate("Cli", "PDF to write"),
    )
    portfolio.add_argument(
        "--filter",
        default="",
        metavar="TEXT",
        help=QCoreApplication.translate("Cli", "only accounts whose name contains TEXT"),
    )
    _add_output_options(portfolio)
    portfolio.set_defaults(handler=_portfolio)


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale",
        metavar="LANG",
        help=QCoreApplication.translate(
            "Cli", "language and formats of the PDF, e.g. es_ES or en_US"
        ),
    )
    parser.add_argument(
        "--page-size",
        choices=["A4", "Letter"],
        help=QCoreApplication.translate(
            "Cli",
            "paper size (default: the report settings, else Letter in US/CA locales, A4 elsewhere)",
        ),
    )


def _options(db, args: argparse.Namespace):
    """Build ``QbrOptions`` from the stored report settings and the command's flags."""
    from PySide6.QtCore import QLocale

    from csm_desktop.reports.qbr import QbrOptions
    from csm_desktop.reports.styles import Palette
    from csm_desktop.services.qbr_drafts import CUSTOMER, INTERNAL, SECTIONS
    from csm_desktop.services.report_settings import load_report_settings

    with db.session() as session:
        settings = load_report_settings(session)
    sections = None
    if args.sections:
        sections = [key.strip() for key in args.sections.split(",") if key.strip()]
        unknown = [key for key in sections if key not in SECTIONS]
        if unknown:
            raise CommandError(
                f"Unknown sections {', '.join(unknown)}: use any of {', '.join(SECTIONS)}."
            )
    return QbrOptions(
        version=INTERNAL if args.internal else CUSTOMER,
        sections=sections,
        locale=QLocale(args.locale) if args.locale else None,
        page_size=args.page_size or settings.page_size_override(),
        csm_name=settings.csm_name or None,
        company_name=settings.company_name or None,
        logo_path=settings.logo_file(),
        palette=Palette.from_hex(settings.primary_colour, settings.accent_colour),
    ), settings


def _qbr(db, args: argparse.Namespace) -> int:
    from csm_desktop.quarters import Quarter
    from csm_desktop.reports.qbr import export_qbr
    from csm_desktop.services.account_lookup import find_account

    quarter = Quarter.parse(args.quarter)
    _install_translations(args)
    options, settings = _options(db, args)
    if args.all:
        return _qbr_batch(db, args, quarter, options, settings)
    if args.out is None:
        raise CommandError("Give --out FILE.pdf for the QBR of one account.")

    with db.session() as session:
        account_id = find_account(session, args.account)
    path = export_qbr(db, account_id, quarter, args.out, options, warn=_warn)
    print(QCoreApplication.translate("Cli", "Wrote {path}").format(path=path))
    return EXIT_OK


def _qbr_batch(db, args, quarter, options, settings) -> int:
    from csm_desktop.services.batch_export import export_qbr_batch
    from csm_desktop.services.portfolio import load_portfolio

    if args.out_dir is None:
        raise CommandError("Give --out-dir FOLDER for --all.")
    with db.session() as session:
        rows = load_portfolio(session)
    needle = args.filter.casefold()
    account_ids = [row.account_id for row in rows if needle in row.name.casefold()]
    result = export_qbr_batch(
        db,
        account_ids,
        quarter,
        args.out_dir,
        options,
        file_name_pattern=settings.file_name_pattern,
        progress=print_progress,
    )
    print(f"Wrote {len(result.written)} QBRs to {args.out_dir}.")
    for name, error in result.failed:
        print(f"error: {name}: {error}", file=sys.stderr)
    return EXIT_FAILED if result.failed else EXIT_OK


def _portfolio(db, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QLocale

    from csm_desktop.reports.portfolio_report import export_portfolio_report
    from csm_desktop.reports.styles import Palette
    from csm_desktop.services.portfolio import load_portfolio
    from csm_desktop.services.report_settings import load_report_settings

    _install_translations(args)
    with db.session() as session:
        settings = load_report_settings(session)
        rows = load_portfolio(session)
    account_ids = None
    if args.filter:
        needle = args.filter.casefold()
        account_ids = [row.account_id for row in rows if needle in row.name.casefold()]
    path = export_portfolio_report(
        db,
        args.out,
        account_ids=account_ids,
        locale=QLocale(args.locale) if args.locale else None,
        page_size=args.page_size or settings.page_size_override(),
        company_name=settings.company_name or None,
        author=settings.csm_name or None,
        palette=Palette.from_hex(settings.primary_colour, settings.accent_colour),
        progress=print_progress,
    )
    print(QCoreApplication.translate("Cli", "Wrote {path}").format(path=path))
    return EXIT_OK


def _install_translations(args: argparse.Namespace) -> None:
    """Make the PDF's words follow --locale, not only its number and date formats."""
    if args.locale:
        from csm_desktop.i18n import install_cli_translations

        install_cli_translations(args.locale)


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)
