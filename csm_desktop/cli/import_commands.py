"""Import and export sub-commands: RavenStack folders, any CSV/Excel/JSON file, and exports.

``import ravenstack DIR`` keeps the RavenStack folder import. ``import FILE``
imports one file as one entity, with a ready-made profile, a saved or given
mapping, or mappings suggested from the header; ``--dry-run`` prints the
validation report and changes nothing. ``export`` writes an entity to CSV or
Excel, or the whole database to a JSON archive; ``import-archive`` loads one
into an empty database.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_FAILED, EXIT_OK, CommandError, print_progress


def _tr(text: str) -> str:
    return QCoreApplication.translate("Cli", text)


def register(commands: argparse._SubParsersAction) -> None:
    """Add the import and export sub-commands to ``commands``."""
    _register_import(commands)

    export = commands.add_parser(
        "export", help=_tr("export an entity to CSV or Excel, or everything to a JSON archive")
    )
    export.add_argument(
        "what",
        metavar="ENTITY|all",
        help=_tr(
            "accounts, contacts, subscriptions, usage, survey_responses, tickets, "
            "invoices, churn_events, activities; or all for a JSON archive"
        ),
    )
    export.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="FILE",
        help=_tr("file to write: .csv, .xlsx, or .json for all"),
    )
    export.add_argument(
        "--no-bom", action="store_true", help=_tr("write CSV without the UTF-8 byte order mark")
    )
    export.add_argument("--delimiter", default=",", help=_tr("CSV delimiter (default: comma)"))
    export.set_defaults(handler=_export)

    archive = commands.add_parser(
        "import-archive",
        help=_tr("load a JSON archive written by export all into an empty database"),
    )
    archive.add_argument("file", type=Path, help=_tr("archive to load"))
    archive.set_defaults(handler=_import_archive)


def _register_import(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser(
        "import",
        help=_tr("import files exported from another system"),
        description=_tr("import ravenstack DIR, or import FILE --entity ENTITY --source NAME"),
    )
    importer.add_argument(
        "target",
        metavar="FILE|ravenstack",
        help=_tr("file to import (CSV, TSV, XLSX, JSON), or ravenstack"),
    )
    importer.add_argument(
        "folder",
        nargs="?",
        type=Path,
        help=_tr("with ravenstack: the folder holding its CSV files"),
    )
    importer.add_argument(
        "--pin-date",
        action="store_true",
        help=_tr("ravenstack: view the portfolio as of the newest date in the files"),
    )
    importer.add_argument(
        "--entity",
        help=_tr(
            "what the rows are: accounts, contacts, "
            "subscriptions, usage, survey_responses, tickets, invoices, "
            "churn_events or activities"
        ),
    )
    importer.add_argument(
        "--source",
        help=_tr("name of the system the file came from (mappings are remembered per source)"),
    )
    importer.add_argument(
        "--profile",
        help=_tr(
            "ready-made settings, e.g. hubspot-companies; auto picks the one matching the header"
        ),
    )
    importer.add_argument(
        "--list-profiles", action="store_true", help=_tr("list the ready-made profiles and exit")
    )
    importer.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE.json",
        help=_tr("import settings saved as JSON (see --print-mapping)"),
    )
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help=_tr("read FIELD from COLUMN (repeatable)"),
    )
    importer.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help=_tr("give FIELD the same VALUE on every row (repeatable)"),
    )
    importer.add_argument(
        "--date-order",
        action="append",
        default=[],
        metavar="COLUMN=dmy|mdy",
        help=_tr("day-first or month-first dates for COLUMN; * for all"),
    )
    importer.add_argument(
        "--decimal",
        action="append",
        default=[],
        metavar="COLUMN=point|comma",
        help=_tr("decimal separator of COLUMN; * for all"),
    )
    importer.add_argument(
        "--scale",
        help=_tr("survey scale: nps_0_10, csat_1_5, csat_1_7, csat_1_10 or likelihood_1_5"),
    )
    importer.add_argument(
        "--match-key",
        choices=["external_id", "name", "domain"],
        help=_tr("accounts: match stored accounts on this"),
    )
    importer.add_argument(
        "--account-key",
        choices=["external_id", "name", "domain"],
        help=_tr("how the account column names the account"),
    )
    importer.add_argument(
        "--create-missing-accounts",
        action="store_true",
        help=_tr("create an account for references that name none"),
    )
    importer.add_argument("--currency", help=_tr("currency of amounts without one (default USD)"))
    importer.add_argument("--encoding", help=_tr("text encoding, e.g. utf-8, cp1252, latin-1"))
    importer.add_argument("--delimiter", help=_tr("field delimiter, e.g. ';' or tab"))
    importer.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help=_tr("row number of the header (1 is the first line)"),
    )
    importer.add_argument("--sheet", help=_tr("Excel sheet to read"))
    importer.add_argument(
        "--dry-run",
        action="store_true",
        help=_tr("check every row and print the report; change nothing"),
    )
    importer.add_argument(
        "--print-mapping",
        action="store_true",
        help=_tr("print the settings used as JSON, for --mapping"),
    )
    importer.set_defaults(handler=_import)


def _import(db, args: argparse.Namespace) -> int:
    if args.list_profiles:
        from csm_desktop.importers.profiles import PROFILES

        for profile in PROFILES:
            print(f"{profile.key}\t{profile.spec['entity']}\t{profile.label}")
        return EXIT_OK
    if args.target == "ravenstack" and args.folder is not None:
        return _import_ravenstack(db, args)
    return _import_file(db, args)


def _import_ravenstack(db, args: argparse.Namespace) -> int:
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


def _import_file(db, args: argparse.Namespace) -> int:
    from csm_desktop.importers.engine import run_import
    from csm_desktop.importers.profiles import save_mapping

    path = Path(args.target)
    spec, header = _build_spec(db, args, path)
    if args.print_mapping:
        print(json.dumps(spec.to_json(), indent=2, ensure_ascii=False))
    report = run_import(db, path, spec, dry_run=args.dry_run, progress=print_progress)
    if not args.dry_run:
        with db.session() as session:
            save_mapping(session, spec, header)
    print("\n".join(report.format_lines()))
    return EXIT_OK if not args.dry_run or report.rejected_rows == 0 else EXIT_FAILED


def _build_spec(db, args: argparse.Namespace, path: Path):
    """Combine profile, saved mapping, suggestions and options into one ``ImportSpec``."""
    from csm_desktop.importers.mapping import ImportSpec, suggest_columns
    from csm_desktop.importers.profiles import (
        PROFILES_BY_KEY,
        find_mapping,
        load_mapping,
        match_profiles,
    )
    from csm_desktop.importers.tabular import ReadOptions, open_table

    delimiter = "\t" if args.delimiter in ("tab", "\\t") else args.delimiter
    table = open_table(path, ReadOptions(args.encoding, delimiter, args.header_row, args.sheet))
    spec = None
    if args.mapping is not None:
        spec = ImportSpec.from_json(json.loads(args.mapping.read_text(encoding="utf-8")))
    elif args.profile and args.profile != "auto":
        if args.profile not in PROFILES_BY_KEY:
            raise CommandError(
                _tr("Unknown profile {name}; see import --list-profiles.").format(name=args.profile)
            )
        spec = PROFILES_BY_KEY[args.profile].make_spec()
    elif args.source and args.entity:
        with db.session() as session:
            spec = load_mapping(session, args.source, args.entity)
    if spec is None and not args.entity:
        with db.session() as session:
            spec = find_mapping(session, table.header)
        if spec is None and (matches := match_profiles(table.header)):
            spec = matches[0].make_spec()
    if spec is None:
        if not args.entity:
            raise CommandError(_tr("Say what the rows are with --entity (or use --profile)."))
        spec = ImportSpec(
            args.entity,
            args.source or path.stem[:40],
            columns=suggest_columns(args.entity, table.header),
        )
    _apply_options(spec, args, delimiter)
    return spec, table.header


def _apply_options(spec, args: argparse.Namespace, delimiter: str | None) -> None:
    if args.entity:
        spec.entity = args.entity
    if args.source:
        spec.source = args.source[:40]
    spec.columns.update(_pairs(args.map, "--map"))
    spec.constants.update(_pairs(args.set, "--set"))
    spec.date_orders.update(_pairs(args.date_order, "--date-order"))
    spec.decimal_styles.update(_pairs(args.decimal, "--decimal"))
    for name in (
        "scale",
        "match_key",
        "account_key",
        "currency",
        "encoding",
        "header_row",
        "sheet",
    ):
        if getattr(args, name) is not None:
            setattr(spec, name, getattr(args, name))
    if delimiter:
        spec.delimiter = delimiter
    if args.create_missing_accounts:
        spec.create_missing_accounts = True


def _pairs(items: list[str], option: str) -> dict[str, str]:
    pairs = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CommandError(
                _tr("{option} expects NAME=VALUE, not {item!r}.").format(option=option, item=item)
            )
        pairs[name.strip()] = value.strip()
    return pairs


def _export(db, args: argparse.Namespace) -> int:
    from csm_desktop.exporters.archive import export_archive
    from csm_desktop.exporters.sheets import export_csv, export_xlsx

    out: Path = args.out
    if args.what == "all":
        counts = export_archive(db, out, progress=print_progress)
        print(
            _tr("Wrote {rows} rows of {tables} tables to {path}").format(
                rows=sum(counts.values()), tables=len(counts), path=out
            )
        )
        return EXIT_OK
    if out.suffix.lower() == ".xlsx":
        count = export_xlsx(db, args.what, out, progress=print_progress)
    else:
        delimiter = "\t" if args.delimiter in ("tab", "\\t") else args.delimiter
        count = export_csv(
            db, args.what, out, bom=not args.no_bom, delimiter=delimiter, progress=print_progress
        )
    print(_tr("Wrote {rows} rows to {path}").format(rows=count, path=out))
    return EXIT_OK


def _import_archive(db, args: argparse.Namespace) -> int:
    from csm_desktop.exporters.archive import import_archive

    counts = import_archive(db, args.file, progress=print_progress)
    print(
        _tr("Loaded {rows} rows of {tables} tables").format(
            rows=sum(counts.values()), tables=len(counts)
        )
    )
    return EXIT_OK
