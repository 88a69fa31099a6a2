"""Health sub-commands: recompute, explain, override, alerts and backtest.

``csm-desktop health recompute`` rebuilds every snapshot, and ``health why``
prints one account's breakdown. ``health override set|clear|list`` manages
manual overrides and ``health alerts`` lists the Today-view alerts.
``health backtest`` prints the AUC and lift of the score against churn.
"""

from __future__ import annotations

import argparse
import getpass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from csm_desktop.cli.common import EXIT_OK, cell, print_progress


def _tr(text: str) -> str:
    return QCoreApplication.translate("Cli", text)


def register(commands: argparse._SubParsersAction) -> None:
    """Add the ``health`` command and its actions to ``commands``."""
    health = commands.add_parser(
        "health", help=_tr("recompute, explain, override and backtest the health score")
    )
    actions = health.add_subparsers(dest="health_action", metavar="ACTION", required=True)

    recompute = actions.add_parser("recompute", help=_tr("recompute every health snapshot"))
    recompute.set_defaults(handler=_recompute)

    why = actions.add_parser("why", help=_tr("print an account's score, measures and change"))
    why.add_argument(
        "--account", required=True, metavar="NAME_OR_ID", help=_tr("account name, CRM id or UUID")
    )
    why.set_defaults(handler=_why)

    _register_override(actions)

    alerts = actions.add_parser("alerts", help=_tr("list health alerts for the Today view"))
    alerts.add_argument(
        "--days",
        type=int,
        default=7,
        metavar="N",
        help=_tr("alerts of the last N days (default 7)"),
    )
    alerts.set_defaults(handler=_alerts)

    backtest = actions.add_parser(
        "backtest", help=_tr("measure how well the score predicted churn (ROC AUC and lift)")
    )
    backtest.add_argument(
        "--horizon",
        type=int,
        default=90,
        metavar="DAYS",
        help=_tr("churn within DAYS after the score counts (default 90)"),
    )
    backtest.add_argument(
        "--step",
        type=int,
        default=28,
        metavar="DAYS",
        help=_tr("days between scoring dates (default 28)"),
    )
    backtest.add_argument(
        "--telco",
        type=Path,
        metavar="CSV",
        help=_tr("backtest IBM's Telco Customer Churn CSV instead of the portfolio"),
    )
    backtest.set_defaults(handler=_backtest)


def _register_override(actions: argparse._SubParsersAction) -> None:
    override = actions.add_parser("override", help=_tr("set, clear or list manual overrides"))
    steps = override.add_subparsers(dest="override_action", metavar="STEP", required=True)

    set_parser = steps.add_parser("set", help=_tr("override an account's score or colour"))
    set_parser.add_argument(
        "--account", required=True, metavar="NAME_OR_ID", help=_tr("account name, CRM id or UUID")
    )
    value = set_parser.add_mutually_exclusive_group(required=True)
    value.add_argument("--score", type=float, metavar="0-100", help=_tr("score to show instead"))
    value.add_argument(
        "--colour", choices=["red", "yellow", "green"], help=_tr("colour to show instead")
    )
    set_parser.add_argument(
        "--reason", required=True, help=_tr("why the computed score is wrong (required)")
    )
    set_parser.add_argument(
        "--expires",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help=_tr("last day the override applies (default: no expiry)"),
    )
    set_parser.add_argument(
        "--author",
        default=None,
        help=_tr("name recorded with the override (default: the login name)"),
    )
    set_parser.set_defaults(handler=_override_set)

    clear = steps.add_parser("clear", help=_tr("clear an account's override"))
    clear.add_argument(
        "--account", required=True, metavar="NAME_OR_ID", help=_tr("account name, CRM id or UUID")
    )
    clear.add_argument("--author", default=None, help=_tr("name recorded as clearing it"))
    clear.set_defaults(handler=_override_clear)

    listing = steps.add_parser("list", help=_tr("list an account's overrides, current and past"))
    listing.add_argument(
        "--account", required=True, metavar="NAME_OR_ID", help=_tr("account name, CRM id or UUID")
    )
    listing.set_defaults(handler=_override_list)


def _account(session, name_or_id: str):
    from csm_desktop.services.account_lookup import find_account

    return find_account(session, name_or_id)


def _recompute(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.demo import recompute_health

    stored = recompute_health(db, progress=print_progress)
    print(_tr("Stored {count} health snapshots.").format(count=stored))
    return EXIT_OK


def _why(db, args: argparse.Namespace) -> int:
    from csm_desktop.services.health import latest_breakdown

    with db.session() as session:
        breakdown = latest_breakdown(session, _account(session, args.account))
    if breakdown is None:
        print(_tr("No health snapshots yet; run 'health recompute'."))
        return EXIT_OK
    score = "" if breakdown.score is None else f"{breakdown.score:.0f}"
    print(f"{breakdown.as_of.isoformat()}\t{score}\t{breakdown.colour}\t{breakdown.profile}")
    if breakdown.override is not None:
        o = breakdown.override
        print(
            _tr("Override: {colour} by {author}: {reason}").format(
                colour=o.colour, author=o.author, reason=o.reason
            )
        )
    print("measure\tscore\tshare\twhy")
    for m in breakdown.measures:
        shown = "" if m.score is None else f"{m.score:.0f}"
        print(f"{m.key}\t{shown}\t{m.weight:.0%}\t{m.explanation}")
    if breakdown.change is not None:
        print(breakdown.change.text())
    return EXIT_OK


def _override_set(db, args: argparse.Namespace) -> int:
    from csm_desktop.health.backfill import update_account
    from csm_desktop.health.overrides import set_override

    author = args.author or getpass.getuser()
    with db.session() as session:
        account_id = _account(session, args.account)
        info = set_override(
            session,
            account_id,
            reason=args.reason,
            author=author,
            score=args.score,
            colour=args.colour,
            expires_on=args.expires,
        )
    update_account(db, account_id, since=info.starts_on)
    print(
        _tr("Override set: {colour} from {start}.").format(
            colour=info.colour, start=info.starts_on.isoformat()
        )
    )
    return EXIT_OK


def _override_clear(db, args: argparse.Namespace) -> int:
    from csm_desktop.health.overrides import clear_override

    with db.session() as session:
        cleared = clear_override(
            session, _account(session, args.account), author=args.author or getpass.getuser()
        )
    print(_tr("Override cleared.") if cleared else _tr("The account has no override in effect."))
    return EXIT_OK


def _override_list(db, args: argparse.Namespace) -> int:
    from csm_desktop.health.overrides import overrides_for

    with db.session() as session:
        rows = overrides_for(session, _account(session, args.account))
    print("starts\texpires\tcleared\tscore\tcolour\tauthor\treason")
    for o in rows:
        fields = [o.starts_on, o.expires_on, o.cleared_on, o.score, o.colour, o.author, o.reason]
        print("\t".join(cell(value) for value in fields))
    return EXIT_OK


def _alerts(db, args: argparse.Namespace) -> int:
    from csm_desktop.health.alerts import compute_alerts
    from csm_desktop.services.settings import reference_date

    with db.session() as session:
        as_of = reference_date(session)
        alerts = compute_alerts(session, since=as_of - timedelta(days=args.days), as_of=as_of)
    print("date\taccount\tkind\tseverity\tmessage")
    for alert in alerts:
        fields = [alert.occurred_on.isoformat(), alert.account_name, alert.kind, alert.severity]
        print("\t".join([*fields, alert.message]))
    return EXIT_OK


def _backtest(db, args: argparse.Namespace) -> int:
    if args.telco is not None:
        from csm_desktop.health.telco import backtest_telco

        result = backtest_telco(args.telco)
        print(
            _tr("Telco sample: {samples} customers, {churned} churned.").format(
                samples=result.samples, churned=result.positives
            )
        )
    else:
        from csm_desktop.health.backtest_runs import backtest_portfolio

        result = backtest_portfolio(
            db, horizon_days=args.horizon, step_days=args.step, progress=print_progress
        )
        print(
            _tr("{samples} scores, {churned} followed by churn within {days} days.").format(
                samples=result.samples, churned=result.positives, days=args.horizon
            )
        )
    print("measure\tsamples\tchurned\tauc\tlift_at_10pct\tsuggested_weight")
    for f in result.figures:
        auc = "" if f.auc is None else f"{f.auc:.3f}"
        lift = "" if f.lift is None else f"{f.lift:.2f}"
        weight = cell(result.suggested_weights.get(f.key))
        print(f"{f.key}\t{f.samples}\t{f.positives}\t{auc}\t{lift}\t{weight}")
    return EXIT_OK
