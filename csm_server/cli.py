"""``csm-server``: run the team sync server and administer teams, users and tokens.

Exit codes: 0 success, 1 failure (the reason is on stderr), 2 invalid usage.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import signal
import sys
import uuid
from collections.abc import Sequence
from datetime import timedelta

from csm_server.db import make_engine, sqlite_url

log = logging.getLogger(__name__)

LOOPBACK_NAMES = {"localhost"}
# Loggers that report set-up steps at INFO, shown only with --verbose.
CHATTY_LOGGERS = ("alembic.runtime.plugins",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="csm-server", description="CSM Desktop team sync server.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--database-url",
        help="SQLAlchemy URL, e.g. postgresql+psycopg://u@h/db (default: $CSM_SERVER_DATABASE_URL)",
    )
    source.add_argument("--sqlite", metavar="PATH", help="use a SQLite file (one-person trial)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("init-db", help="create or upgrade the server schema")
    team = commands.add_parser("create-team", help="create a team")
    team.add_argument("name")
    user = commands.add_parser("create-user", help="add a user to a team")
    user.add_argument("--team", required=True)
    user.add_argument("--email", required=True)
    user.add_argument("--name", required=True)
    user.add_argument("--role", default="csm", choices=["csm", "coordinator", "admin"])
    token = commands.add_parser("create-token", help="print a new personal access token once")
    token.add_argument("--user", required=True, help="the user's e-mail")
    token.add_argument("--name", required=True, help="label, e.g. 'Ann laptop'")
    token.add_argument("--expires-days", type=float, help="lifetime in days (default: none)")
    revoke = commands.add_parser("revoke-tokens", help="revoke every token of a user")
    revoke.add_argument("--user", required=True)
    device = commands.add_parser("revoke-device", help="revoke one device id")
    device.add_argument("client_id", type=uuid.UUID)
    epoch = commands.add_parser("new-epoch", help="after restoring a backup: make clients resync")
    epoch.add_argument("--team", required=True)
    purge = commands.add_parser("purge-tombstones", help="delete old tombstones of a team")
    purge.add_argument("--team", required=True)
    purge.add_argument(
        "--up-to-seq",
        type=int,
        help="purge tombstones last changed at or below this sequence number (default: the "
        "lowest position the team's active devices have pulled to; revoked devices do not count)",
    )
    commands.add_parser("openapi", help="print the OpenAPI document as JSON")

    serve = commands.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--ssl-certfile")
    serve.add_argument(
        "--behind-tls-proxy",
        action="store_true",
        help="allow plain HTTP on a non-loopback address because a reverse proxy terminates TLS",
    )
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument(
        "--access-token-ttl",
        type=int,
        metavar="SECONDS",
        help="lifetime of the access tokens issued at POST /v1/auth/session "
        "(default: $CSM_SERVER_ACCESS_TOKEN_TTL, else 900)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        for name in CHATTY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    url = args.database_url or (sqlite_url(args.sqlite) if args.sqlite else None)
    url = url or os.environ.get("CSM_SERVER_DATABASE_URL")
    if not url:
        print("error: give --database-url, --sqlite or $CSM_SERVER_DATABASE_URL", file=sys.stderr)
        return 2
    os.environ["CSM_SERVER_DATABASE_URL"] = url

    from csm_server.admin import AdminError

    try:
        return _run(args, url)
    except AdminError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, url: str) -> int:
    from csm_server import admin

    if args.command == "serve":
        return _serve(args)
    if args.command == "openapi":
        from csm_server.app import create_app

        print(json.dumps(create_app().openapi(), indent=2))
        return 0

    engine = make_engine(url)
    if args.command == "init-db":
        admin.migrate(engine)
    elif args.command == "create-team":
        print(admin.create_team(engine, args.name))
    elif args.command == "create-user":
        print(admin.create_user(engine, args.team, args.email, args.name, args.role))
    elif args.command == "create-token":
        expires = timedelta(days=args.expires_days) if args.expires_days else None
        print(admin.create_token(engine, args.user, args.name, expires))
    elif args.command == "revoke-tokens":
        count = admin.revoke_tokens(engine, args.user)
        noun = "token" if count == 1 else "tokens"
        print(f"Revoked {count} {noun} of {args.user}.")
    elif args.command == "revoke-device":
        admin.revoke_device(engine, args.client_id)
    elif args.command == "new-epoch":
        print(admin.new_epoch(engine, args.team))
    elif args.command == "purge-tombstones":
        print(admin.purge_tombstones(engine, args.team, args.up_to_seq))
    engine.dispose()
    return 0


def _serve(args: argparse.Namespace) -> int:
    tls = bool(args.ssl_keyfile and args.ssl_certfile)
    if not tls and not args.behind_tls_proxy and not _is_loopback(args.host):
        print(
            f"error: plain HTTP is allowed only on loopback; {args.host} needs --ssl-keyfile "
            "and --ssl-certfile, or --behind-tls-proxy",
            file=sys.stderr,
        )
        return 2
    if args.access_token_ttl is not None:
        if args.access_token_ttl <= 0:
            print("error: --access-token-ttl must be a number of seconds above 0", file=sys.stderr)
            return 2
        os.environ["CSM_SERVER_ACCESS_TOKEN_TTL"] = str(args.access_token_ttl)
    import uvicorn

    log.info("Starting the sync server on %s:%d (TLS %s)", args.host, args.port, tls)
    signal.signal(signal.SIGTERM, _log_stop_and_exit)
    try:
        uvicorn.run(
            "csm_server.app:create_app",
            factory=True,
            host=args.host,
            port=args.port,
            ssl_keyfile=args.ssl_keyfile,
            ssl_certfile=args.ssl_certfile,
            workers=args.workers,
            log_level="warning",
        )
    except KeyboardInterrupt:
        log.info("Sync server stopped by SIGINT")
        return 130
    log.info("Sync server stopped")
    return 0


def _log_stop_and_exit(signum: int, _frame: object) -> None:
    """Log the stop line, then end the process by ``signum`` as the default handler would.

    After a graceful shutdown, uvicorn (0.55 checked) puts back the handlers
    it found and raises the signal again, so no code after ``uvicorn.run``
    runs on SIGTERM. This handler is the one it puts back.
    """
    log.info("Sync server stopped by %s", signal.Signals(signum).name)
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if __name__ == "__main__":
    sys.exit(main())
