"""Health alerts for the Today view: what changed between two dates that a CSM must act on.

Kinds: "status_change" (the colour changed between two snapshots),
"stale" (the score went stale), "usage_drop" (the 30-day usage trend fell
to ``USAGE_DROP_RATIO`` or below), "detractor" (an NPS answer of 6 or
less) and "red_renewal" (red on ``as_of`` with a renewal within
``renewal_days``). Every alert has a ``key`` that stays the same each time
the same event is reported, so the Today view can dismiss or snooze it.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from csm_desktop.health.bands import HealthColour, colour_name
from csm_desktop.health.overrides import overrides_in_effect
from csm_desktop.store.models import Account, HealthSnapshot, SurveyResponse

log = logging.getLogger(__name__)

WEEKLY = "weekly"
# The measure whose stored value is the 30-day usage ratio.
USAGE_MEASURE = "usage_trend_30"
# The 30-day usage trend ratio at or below which usage counts as a sharp drop.
# TODO: require a minimum event count before the drop; on sparse usage (the
# demo logs about one row per account per fortnight) this alert fires often.
USAGE_DROP_RATIO = 0.6
DETRACTOR_UP_TO = 6
DEFAULT_RENEWAL_DAYS = 90
_SEVERITY = {"red": "high", "stale": "medium", "insufficient": "low", "yellow": "medium"}


@dataclass(frozen=True)
class HealthAlert:
    """One alert: ``severity`` is "high", "medium" or "low"; ``message`` is translated text."""

    account_id: uuid.UUID
    kind: str
    severity: str
    occurred_on: date
    message: str
    key: str


def compute_alerts(
    session: Session,
    *,
    since: date,
    as_of: date,
    renewal_days: int = DEFAULT_RENEWAL_DAYS,
) -> list[HealthAlert]:
    """Return the alerts for events dated after ``since`` up to and including ``as_of``.

    Snapshot-based alerts compare each snapshot dated in that span with the
    one before it. An account whose override is in effect on ``as_of`` gets
    no status-change, stale or usage alerts, because the CSM has already
    judged it; its detractor and renewal alerts still come.
    """
    names = {
        account_id: name
        for account_id, name in session.execute(
            select(Account.id, Account.name).where(Account.deleted_at.is_(None))
        )
    }
    overridden = overrides_in_effect(session, as_of)
    alerts: list[HealthAlert] = []
    alerts += _snapshot_alerts(session, names, overridden, since, as_of)
    alerts += _detractor_alerts(session, names, since, as_of)
    alerts += _renewal_alerts(session, names, overridden, as_of, renewal_days)
    alerts.sort(key=lambda alert: (alert.occurred_on, alert.kind, alert.key), reverse=True)
    return alerts


def _snapshot_alerts(session, names, overridden, since: date, as_of: date) -> list[HealthAlert]:
    """Compare consecutive snapshots; the one before ``since`` is read as the baseline."""
    rows = session.execute(
        select(
            HealthSnapshot.account_id,
            HealthSnapshot.as_of,
            HealthSnapshot.colour,
            _stored_usage_ratio(),
        )
        .where(
            HealthSnapshot.kind == WEEKLY,
            HealthSnapshot.deleted_at.is_(None),
            HealthSnapshot.as_of <= as_of,
            HealthSnapshot.as_of >= since - timedelta(days=92),
        )
        .order_by(HealthSnapshot.account_id, HealthSnapshot.as_of)
    )
    alerts: list[HealthAlert] = []
    previous: dict[uuid.UUID, tuple[str, float | None]] = {}
    for account_id, day, colour, ratio in rows:
        if account_id not in names:
            continue
        before = previous.get(account_id)
        previous[account_id] = (colour, ratio)
        if before is None or day <= since or account_id in overridden:
            continue
        name = names[account_id]
        old_colour, old_ratio = before
        if colour != old_colour:
            alerts.append(_status_alert(account_id, name, day, old_colour, colour))
        dropped = ratio is not None and ratio <= USAGE_DROP_RATIO
        if dropped and (old_ratio is None or old_ratio > USAGE_DROP_RATIO):
            alerts.append(_usage_alert(account_id, name, day, ratio))
    return alerts


def _stored_usage_ratio() -> Any:
    """Select the 30-day usage ratio from a snapshot's stored detail, inside SQLite.

    Decoding every snapshot's whole detail in Python took most of the Today
    screen's load time. The two stored formats (see ``snapshot_details``)
    keep the value at index 2 of a list, or under "value" in the older
    dictionary. A list of one or two items is a measure left out, so it has
    no value.
    """
    entry = f"$.{USAGE_MEASURE}"
    return case(
        (
            func.json_type(HealthSnapshot.details, entry) == "array",
            func.json_extract(HealthSnapshot.details, f"{entry}[2]"),
        ),
        (
            func.json_type(HealthSnapshot.details, entry) == "object",
            func.json_extract(HealthSnapshot.details, f"{entry}.value"),
        ),
        else_=None,
    )


def _status_alert(account_id, name: str, day: date, old: str, new: str) -> HealthAlert:
    if new == HealthColour.STALE:
        message = QCoreApplication.translate(
            "HealthAlert", "{0}: the health score went stale (no recent data)."
        ).format(name)
        kind, severity = "stale", "medium"
    else:
        message = QCoreApplication.translate("HealthAlert", "{0}: health changed from {1} to {2}.")
        message = message.format(name, colour_name(old), colour_name(new))
        kind, severity = "status_change", _SEVERITY.get(new, "low")
    key = f"{kind}:{account_id}:{day.isoformat()}:{old}>{new}"
    return HealthAlert(account_id, kind, severity, day, message, key)


def _usage_alert(account_id, name: str, day: date, ratio: float) -> HealthAlert:
    from csm_desktop.formatting import format_number

    drop = format_number(round((1.0 - ratio) * 100))
    message = QCoreApplication.translate(
        "HealthAlert", "{0}: product usage fell {1}% in the last 30 days."
    ).format(name, drop)
    key = f"usage_drop:{account_id}:{day.isoformat()}"
    return HealthAlert(account_id, "usage_drop", "high", day, message, key)


def _detractor_alerts(session, names, since: date, as_of: date) -> list[HealthAlert]:
    rows = session.execute(
        select(
            SurveyResponse.id,
            SurveyResponse.account_id,
            SurveyResponse.responded_on,
            SurveyResponse.score,
        ).where(
            SurveyResponse.deleted_at.is_(None),
            SurveyResponse.kind == "nps",
            SurveyResponse.score <= DETRACTOR_UP_TO,
            SurveyResponse.responded_on > since,
            SurveyResponse.responded_on <= as_of,
        )
    )
    alerts = []
    for response_id, account_id, day, score in rows:
        if account_id not in names:
            continue
        message = QCoreApplication.translate(
            "HealthAlert", "{0}: a detractor NPS answer ({1} of 10)."
        ).format(names[account_id], f"{score:g}")
        key = f"detractor:{response_id}"
        alerts.append(HealthAlert(account_id, "detractor", "high", day, message, key))
    return alerts


def _renewal_alerts(session, names, overridden, as_of: date, days: int) -> list[HealthAlert]:
    """Alert for accounts red on ``as_of`` (after overrides) that renew within ``days``."""
    from csm_desktop.formatting import format_date

    newest = {}
    for account_id, day, colour in session.execute(
        select(HealthSnapshot.account_id, HealthSnapshot.as_of, HealthSnapshot.colour)
        .where(
            HealthSnapshot.kind == WEEKLY,
            HealthSnapshot.deleted_at.is_(None),
            HealthSnapshot.as_of <= as_of,
            HealthSnapshot.as_of >= as_of - timedelta(days=92),
        )
        .order_by(HealthSnapshot.as_of)
    ):
        newest[account_id] = (day, colour)

    alerts = []
    renewals = session.execute(
        select(Account.id, Account.renewal_date).where(
            Account.deleted_at.is_(None),
            Account.renewal_date >= as_of,
            Account.renewal_date <= as_of + timedelta(days=days),
        )
    )
    for account_id, renewal in renewals:
        if account_id not in newest:
            continue
        day, colour = newest[account_id]
        if account_id in overridden:
            colour = overridden[account_id].colour
        if colour != HealthColour.RED:
            continue
        message = QCoreApplication.translate(
            "HealthAlert", "{0}: red health with a renewal on {1}."
        ).format(names[account_id], format_date(renewal))
        key = f"red_renewal:{account_id}:{renewal.isoformat()}"
        alerts.append(HealthAlert(account_id, "red_renewal", "high", day, message, key))
    return alerts
