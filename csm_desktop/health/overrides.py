"""Manual health overrides: set, clear, and find the one in effect on a date.

An override is stored apart from the computed snapshots, so recomputing
never replaces it and the timeline can show both. At most one override per
account is in effect: setting a new one clears the previous one.
"""

from __future__ import annotations

import logging
import math
import uuid
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from csm_desktop.health.bands import HealthColour
from csm_desktop.health.config import load_config
from csm_desktop.health.summary_rules import OverrideInfo, newest_in_effect
from csm_desktop.services.settings import reference_date
from csm_desktop.store.health_models import HealthOverride
from csm_desktop.store.models import Account
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)

OVERRIDE_COLOURS = (HealthColour.RED, HealthColour.YELLOW, HealthColour.GREEN)
MAX_REASON_CHARS = 2000


def set_override(
    session: Session,
    account_id: uuid.UUID,
    *,
    reason: str,
    author: str,
    score: float | None = None,
    colour: str | None = None,
    expires_on: date | None = None,
) -> OverrideInfo:
    """Store an override starting on the reference date and clear the previous one.

    Give exactly one of ``score`` (0-100) and ``colour`` (red, yellow or
    green). Raises ValueError with a message for the user when the reason
    or author is empty, the score or colour is invalid, or the expiry date
    is before the start.
    """
    starts_on = reference_date(session)
    colour = _check(session, account_id, reason, author, score, colour, expires_on, starts_on)
    clear_override(session, account_id, author=author)
    row = HealthOverride(
        account_id=account_id,
        score=score,
        colour=colour,
        reason=reason.strip(),
        author=author.strip(),
        set_at=utc_now(),
        starts_on=starts_on,
        expires_on=expires_on,
    )
    session.add(row)
    session.flush()
    log.info("Health override set for account %s by %s: %s", account_id, author, colour)
    return _info(row)


def _check(
    session: Session,
    account_id: uuid.UUID,
    reason: str,
    author: str,
    score: float | None,
    colour: str | None,
    expires_on: date | None,
    starts_on: date,
) -> str:
    """Validate an override request and return the colour it sets."""
    if not reason or not reason.strip():
        raise ValueError("An override needs a reason: write why the score is wrong.")
    if len(reason) > MAX_REASON_CHARS:
        raise ValueError(f"The reason is too long: keep it under {MAX_REASON_CHARS} characters.")
    if not author or not author.strip():
        raise ValueError("An override needs the name of the person setting it.")
    if (score is None) == (colour is None):
        raise ValueError("Give either a score or a colour for the override, not both.")
    if expires_on is not None and expires_on < starts_on:
        raise ValueError(
            f"The expiry date {expires_on.isoformat()} is before the override starts "
            f"({starts_on.isoformat()})."
        )
    account = session.get(Account, account_id)
    if account is None or account.deleted_at is not None:
        raise LookupError(f"Account {account_id} not found.")
    if score is not None:
        if not math.isfinite(score) or not 0.0 <= score <= 100.0:
            raise ValueError(f"The override score must be between 0 and 100, got {score}.")
        config = load_config(session)
        profile = config.profile_for(account.segment, account.plan_tier)
        return profile.bands.colour_for(score).value
    if colour not in {c.value for c in OVERRIDE_COLOURS}:
        raise ValueError(f"The override colour must be red, yellow or green, got {colour!r}.")
    return str(colour)


def clear_override(session: Session, account_id: uuid.UUID, *, author: str) -> bool:
    """Clear the override in effect on the reference date; return False when there was none."""
    today = reference_date(session)
    cleared = False
    for row in session.scalars(_open_rows(account_id)):
        if _info(row).in_effect_on(today) or row.starts_on > today:
            row.cleared_on = today
            row.cleared_at = utc_now()
            row.cleared_by = author.strip() or None
            cleared = True
    if cleared:
        log.info("Health override cleared for account %s by %s", account_id, author)
    return cleared


def _open_rows(account_id: uuid.UUID):
    return select(HealthOverride).where(
        HealthOverride.account_id == account_id,
        HealthOverride.deleted_at.is_(None),
        HealthOverride.cleared_on.is_(None),
    )


def overrides_for(session: Session, account_id: uuid.UUID) -> list[OverrideInfo]:
    """Return every override of an account, current and past, oldest first."""
    rows = session.scalars(
        select(HealthOverride)
        .where(HealthOverride.account_id == account_id, HealthOverride.deleted_at.is_(None))
        .order_by(HealthOverride.set_at)
    )
    return [_info(row) for row in rows]


def overrides_in_effect(session: Session, on: date) -> dict[uuid.UUID, OverrideInfo]:
    """Return the override in effect on ``on`` for each account that has one."""
    rows = session.scalars(
        select(HealthOverride).where(
            HealthOverride.deleted_at.is_(None),
            HealthOverride.starts_on <= on,
            or_(HealthOverride.expires_on.is_(None), HealthOverride.expires_on >= on),
            or_(HealthOverride.cleared_on.is_(None), HealthOverride.cleared_on > on),
        )
    )
    return newest_in_effect([_info(row) for row in rows], on)


def override_in_effect(session: Session, account_id: uuid.UUID, on: date) -> OverrideInfo | None:
    """Return the override of one account in effect on ``on``, or None."""
    found = [o for o in overrides_for(session, account_id) if o.in_effect_on(on)]
    return found[-1] if found else None


def _info(row: HealthOverride) -> OverrideInfo:
    return OverrideInfo(
        id=row.id,
        account_id=row.account_id,
        score=row.score,
        colour=row.colour,
        reason=row.reason,
        author=row.author,
        set_at=row.set_at,
        starts_on=row.starts_on,
        expires_on=row.expires_on,
        cleared_on=row.cleared_on,
        cleared_by=row.cleared_by,
    )


__all__ = [
    "OverrideInfo",
    "clear_override",
    "override_in_effect",
    "overrides_for",
    "overrides_in_effect",
    "set_override",
]
