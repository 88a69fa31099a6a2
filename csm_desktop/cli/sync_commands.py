"""``sync`` sub-commands: connect to a team server, sync now, show the sync status."""

from __future__ import annotations

import argparse
import functools
import sys

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_OK, CommandError, print_progress


def register(commands: argparse._SubParsersAction) -> None:
    """Add ``sync connect``, ``now``, ``status`` and ``lost`` to ``commands``."""
    sync = commands.add_parser(
        "sync", help=QCoreApplication.translate("Cli", "sync with the team server")
    )
    actions = sync.add_subparsers(dest="sync_command", required=True, metavar="ACTION")

    connect = actions.add_parser(
        "connect",
        help=QCoreApplication.translate(
            "Cli", "connect to a team server; reads the access token from standard input"
        ),
    )
    connect.add_argument("url", help=QCoreApplication.translate("Cli", "server URL (https://…)"))
    connect.set_defaults(handler=_connect)

    now = actions.add_parser("now", help=QCoreApplication.translate("Cli", "sync once now"))
    now.set_defaults(handler=_now)

    status = actions.add_parser(
        "status", help=QCoreApplication.translate("Cli", "show pending changes and conflicts")
    )
    status.set_defaults(handler=_status)

    lost = actions.add_parser(
        "lost",
        help=QCoreApplication.translate(
            "Cli",
            "list the changes a restored server lost; "
            "--reupload or --discard decides what happens to them",
        ),
    )
    choice = lost.add_mutually_exclusive_group()
    choice.add_argument(
        "--reupload",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli",
            "queue the lost changes for the next sync; "
            "where someone changed the same field since, the server records a conflict",
        ),
    )
    choice.add_argument(
        "--discard",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli", "drop the lost changes and keep the server's version of those records"
        ),
    )
    lost.set_defaults(handler=_lost)


def _sync_errors_as_command_errors(handler):
    """Report sync failures (offline, rejected token, insecure URL) as a message and exit 1."""

    @functools.wraps(handler)
    def wrapper(db, args: argparse.Namespace) -> int:
        from csm_desktop.secrets import KeyringUnavailableError, SecretTooLargeError
        from csm_desktop.sync.transport import SyncError

        try:
            return handler(db, args)
        except (SyncError, KeyringUnavailableError, SecretTooLargeError) as exc:
            raise CommandError(str(exc)) from exc

    return wrapper


@_sync_errors_as_command_errors
def _connect(db, args: argparse.Namespace) -> int:
    from csm_desktop.sync.service import connect

    token = sys.stdin.readline().strip()
    if not token:
        raise CommandError(
            QCoreApplication.translate("Cli", "no token on standard input; pipe the token in")
        )
    meta = connect(db, args.url, token)
    print(
        QCoreApplication.translate("Cli", "Connected to {url} as {email} ({role}).").format(
            url=args.url, email=meta["user"]["email"], role=meta["user"]["role"]
        )
    )
    return EXIT_OK


@_sync_errors_as_command_errors
def _now(db, args: argparse.Namespace) -> int:
    from csm_desktop.sync.service import build_engine

    engine = build_engine(db)
    try:
        report = engine.run(progress=print_progress)
    finally:
        engine.transport.close()
    pushed = ", ".join(f"{count} {status}" for status, count in sorted(report.pushed.items()))
    print(
        QCoreApplication.translate("Cli", "Pushed: {pushed}. Pulled: {pulled} changes.").format(
            pushed=pushed or "0", pulled=report.pulled
        )
    )
    for rejected in report.rejected:
        print(
            QCoreApplication.translate("Cli", "Rejected change {seq}: {detail}").format(
                seq=rejected["client_seq"], detail=rejected.get("detail", "")
            ),
            file=sys.stderr,
        )
    _print_lost_hint(db)
    return EXIT_OK


def _print_lost_hint(db) -> None:
    from csm_desktop.sync.service import read_status

    count = read_status(db).lost_changes
    if count:
        print(
            QCoreApplication.translate(
                "Cli",
                "The team server was restored from a backup and lost {count} changes from "
                "this computer. Run 'sync lost' to list them, then 'sync lost --reupload' "
                "or 'sync lost --discard'.",
            ).format(count=count),
            file=sys.stderr,
        )


def _lost(db, args: argparse.Namespace) -> int:
    from csm_desktop.sync import lost

    with db.engine.begin() as conn:
        if args.reupload:
            count = lost.reupload(conn)
            message = QCoreApplication.translate(
                "Cli", "{count} lost changes queued; they are sent at the next sync."
            )
        elif args.discard:
            count = lost.discard(conn)
            message = QCoreApplication.translate(
                "Cli", "{count} lost changes discarded; the server's version is kept."
            )
        else:
            for change in lost.list_changes(conn):
                print("\t".join(_lost_row(change)))
            return EXIT_OK
    print(message.format(count=count))
    return EXIT_OK


def _lost_row(change) -> list[str]:
    """Return the columns ``sync lost`` prints: entity, record, account, action, fields."""
    fields = ", ".join(f"{name}={value}" for name, value in sorted(change.fields.items()))
    return [change.entity, change.name, change.account or "-", change.op, fields]


def _status(db, args: argparse.Namespace) -> int:
    from csm_desktop.sync.service import read_status

    status = read_status(db)
    rows = [
        ("server", status.server_url or "-"),
        ("user", status.user_email or "-"),
        ("pending", status.pending),
        ("rejected", status.rejected),
        ("conflicts", status.open_conflicts),
        ("lost_changes", status.lost_changes),
        ("last_sync_at", status.last_sync_at or "-"),
        ("last_error", status.last_error or "-"),
    ]
    for key, value in rows:
        print(f"{key}\t{value}")
    return EXIT_OK
