"""``sync`` sub-commands: connect to a team server, sync now, show the sync status."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_FAILED, EXIT_OK, CommandError, print_progress

# Environment variable that ``sync now`` reads the personal access token from when
# this database has no keyring entry.
TOKEN_VARIABLE = "CSM_SYNC_TOKEN"


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

    now_help = QCoreApplication.translate(
        "Cli", "sync once now; exits with 1 when the server rejected a change in this run"
    )
    now = actions.add_parser("now", help=now_help, description=now_help)
    now.add_argument(
        "--token-stdin",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli",
            "read the personal access token from standard input instead of the keyring; "
            "without this option and without a keyring entry, the token is read from the "
            "CSM_SYNC_TOKEN environment variable. The token is never written to disk.",
        ),
    )
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

    token = _read_stdin_token()
    meta = connect(db, args.url, token)
    print(
        QCoreApplication.translate("Cli", "Connected to {url} as {email} ({role}).").format(
            url=args.url, email=meta["user"]["email"], role=meta["user"]["role"]
        )
    )
    _print_no_keyring_hint()
    return EXIT_OK


def _print_no_keyring_hint() -> None:
    """Tell the user that the token is lost when this process ends, because there is no keyring.

    Each command is a new process, so without a keyring ``sync now`` needs the
    token again, from the environment or from stdin.
    """
    from csm_desktop.secrets import keyring_status

    status = keyring_status()
    if status.available:
        return
    print(
        QCoreApplication.translate(
            "Cli",
            "The token is not kept after this command ends. {reason} To sync from the "
            "command line, give the token to each 'sync now': set the CSM_SYNC_TOKEN "
            "environment variable, or pipe it in with 'sync now --token-stdin'.",
        ).format(reason=status.reason),
        file=sys.stderr,
    )


@_sync_errors_as_command_errors
def _now(db, args: argparse.Namespace) -> int:
    engine = _build_engine(db, args)
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
    return EXIT_FAILED if report.rejected else EXIT_OK


def _build_engine(db, args: argparse.Namespace):
    """Build the engine with the token from stdin, the keyring, or ``CSM_SYNC_TOKEN``."""
    from csm_desktop.sync.service import NotConnectedError, build_engine, read_status

    if args.token_stdin:
        return build_engine(db, token=_read_stdin_token())
    try:
        return build_engine(db)
    except NotConnectedError as error:
        if read_status(db).server_url is None:
            raise
        token = os.environ.get(TOKEN_VARIABLE, "").strip()
        if token:
            return build_engine(db, token=token)
        raise CommandError(
            QCoreApplication.translate(
                "Cli",
                "{error}. Without a keyring, set the CSM_SYNC_TOKEN environment variable "
                "or pipe the token in with 'sync now --token-stdin'.",
            ).format(error=error)
        ) from error


def _read_stdin_token() -> str:
    token = sys.stdin.readline().strip()
    if not token:
        raise CommandError(
            QCoreApplication.translate("Cli", "no token on standard input; pipe the token in")
        )
    return token


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
        ("last_sync_at", _local_time(status.last_sync_at)),
        ("last_error", status.last_error or "-"),
    ]
    for key, value in rows:
        print(f"{key}\t{value}")
    return EXIT_OK


def _local_time(unix_seconds: int | None) -> str:
    """Return a Unix time as an ISO 8601 local date-time with its UTC offset, or "-"."""
    if unix_seconds is None:
        return "-"
    return datetime.fromtimestamp(unix_seconds).astimezone().isoformat(timespec="seconds")
