"""Settings stored with the database, such as the date the data is viewed as of."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.setting_keys import (  # noqa: F401 (re-exported)
    REFERENCE_DATE_KEY,
    START_PAGE_KEY,
)
from csm_desktop.store.models import AppSetting


def get_setting(session: Session, key: str) -> str | None:
    """Return the stored value for ``key``, or None when it was never set."""
    return session.scalar(select(AppSetting.value).where(AppSetting.key == key))


def set_setting(session: Session, key: str, value: str | None) -> None:
    """Store ``value`` under ``key``; None removes the key."""
    row = session.get(AppSetting, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value


def reference_date(session: Session, today: date | None = None) -> date:
    """Return the date the portfolio is viewed as of.

    A historical data set (such as the demo, which ends in 2024) pins this to
    its last day so that renewals, staleness and trends read as they did
    then. Otherwise it is today.
    """
    stored = get_setting(session, REFERENCE_DATE_KEY)
    if stored:
        return date.fromisoformat(stored)
    return today or date.today()
