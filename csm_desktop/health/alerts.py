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
USAGE_DROP_RATIO = 0.6
# Days with usage needed in the 30 days before the window for a fall to
# count. On sparse usage (the demo logs about one row per account per
# fortnight) a fall measured on two rows is noise, not news for Today.
USAGE_DROP_MIN_DAYS = 4
# Snapshots stored before the day count was kept give only the earlier
# window's event count; those need this many events instead.
USAGE_DROP_MIN_EVENTS = 10
# Reason codes of ``read_usage_ratio``. A fall ("u5") carries the earlier
# window's events and days with usage as arguments 4 and 5. A dormant account
# ("u1") stopped more than 30 days ago, so its zero ratio is not news.
_FALL_CODE = "u5"
_DORMANT_CODE = "u1"
DETRACTOR_UP_TO = 6
DEFAULT_RENEWAL_DAYS = 90
_SEVERITY = {"red": "high", "stale": "medium", "insufficient": "low", "yellow": "medium"}


@dataclass(frozen=True)
class HealthAlert:
    """One alert: ``severity`` is "high", "medium" or "low"; ``message`` is translated text.

    ``message`` does not name the account, because every screen lists the
    alert next to ``account_name``.
    """

    account_id: uuid.UUID
    account_name: str
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
            *_stored_usage_baseline(),
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
    for account_id, day, colour, ratio, *baseline in rows:
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
        dropped = _is_drop(ratio, tuple(baseline))
        if dropped and (old_ratio is None or old_ratio > USAGE_DROP_RATIO):
            alerts.append(_usage_alert(account_id, name, day, ratio, baseline[1]))
    return alerts


def _is_drop(ratio: float | None, baseline: tuple[Any, Any, Any]) -> bool:
    """Return whether a stored usage reading is a fall worth an alert.

    ``baseline`` is the reason code, the earlier window's event count and its
    days with usage, as read by ``_stored_usage_baseline``. Format-1 detail
    and unknown codes carry none of them, so the ratio alone decides.
    """
    if ratio is None or ratio > USAGE_DROP_RATIO:
        return False
    code, events, active_days = baseline
    if code == _DORMANT_CODE:
        return False
    if code != _FALL_CODE:
        return True
    if active_days is not None:
        return active_days >= USAGE_DROP_MIN_DAYS
    return events is not None and events >= USAGE_DROP_MIN_EVENTS


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


def _stored_usage_baseline() -> tuple[Any, Any, Any]:
    """Select the reason code and baseline of the stored usage reading, inside SQLite.

    Format-2 detail keeps the reason code at index 3 and its arguments at
    index 4 (see ``_FALL_CODE``). Format 1 has neither, so all three are NULL.
    """
    entry = f"$.{USAGE_MEASURE}"
    is_list = func.json_type(HealthSnapshot.details, entry) == "array"

    def listed(path: str) -> Any:
        return case((is_list, func.json_extract(HealthSnapshot.details, f"{entry}{path}")))

    return listed("[3]"), listed("[4][3]"), listed("[4][4]")


def _status_alert(account_id, name: str, day: date, old: str, new: str) -> HealthAlert:
    if new == HealthColour.STALE:
        message = QCoreApplication.translate(
            "HealthAlert", "The health score went stale (no recent data)."
        )
        kind, severity = "stale", "medium"
    else:
        message = QCoreApplication.translate("HealthAlert", "Health changed from {0} to {1}.")
        message = message.format(colour_name(old), colour_name(new))
        kind, severity = "status_change", _SEVERITY.get(new, "low")
    key = f"{kind}:{account_id}:{day.isoformat()}:{old}>{new}"
    return HealthAlert(account_id, name, kind, severity, day, message, key)


def _usage_alert(
    account_id, name: str, day: date, ratio: float, earlier_events: float | None
) -> HealthAlert:
    """Build a usage-drop alert. ``earlier_events`` is the earlier window's stored count, or None.

    A fall to no usage at all reads "no product usage" rather than "fell 100%".
    """
    from csm_desktop.formatting import format_number

    if ratio <= 0 and earlier_events is not None:
        message = QCoreApplication.translate(
            "HealthAlert", "No product usage in the last 30 days ({0} events the 30 days before)."
        ).format(format_number(earlier_events))
    elif ratio <= 0:
        message = QCoreApplication.translate("HealthAlert", "No product usage in the last 30 days.")
    else:
        drop = format_number(round((1.0 - ratio) * 100))
        message = QCoreApplication.translate(
            "HealthAlert", "Product usage fell {0}% in the last 30 days."
        ).format(drop)
    key = f"usage_drop:{account_id}:{day.isoformat()}"
    return HealthAlert(account_id, name, "usage_drop", "high", day, message, key)


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
            "HealthAlert", "A detractor NPS answer ({0} of 10)."
        ).format(f"{score:g}")
        key = f"detractor:{response_id}"
        name = names[account_id]
        alerts.append(HealthAlert(account_id, name, "detractor", "high", day, message, key))
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
            "HealthAlert", "Red health with a renewal on {0}."
        ).format(format_date(renewal))
        key = f"red_renewal:{account_id}:{renewal.isoformat()}"
        name = names[account_id]
        alerts.append(HealthAlert(account_id, name, "red_renewal", "high", day, message, key))
    return alerts
