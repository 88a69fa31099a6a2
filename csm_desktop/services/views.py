"""Saved portfolio views: a named filter, sort and column layout kept in the database.

The definition and the name rules are in ``view_definition``.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.view_definition import (  # noqa: F401 (re-exported)
    MAX_VIEW_NAME_LENGTH,
    ViewDefinition,
    ViewNameError,
    clean_view_name,
)
from csm_desktop.store.today_views_models import SavedView

log = logging.getLogger(__name__)


def list_views(session: Session) -> list[tuple[str, ViewDefinition]]:
    """Return every saved view as (name, definition), sorted by name ignoring case."""
    views = [
        (row.name, ViewDefinition.from_json(row.definition or {}))
        for row in session.scalars(select(SavedView))
    ]
    views.sort(key=lambda item: item[0].casefold())
    return views


def save_view(session: Session, name: str, definition: ViewDefinition) -> str:
    """Store ``definition`` under ``name``, replacing a view of that name. Return the name used."""
    cleaned = clean_view_name(name)
    row = session.scalar(select(SavedView).where(SavedView.name == cleaned))
    if row is None:
        session.add(SavedView(name=cleaned, definition=definition.to_json()))
        log.info("Saved new portfolio view %r", cleaned)
    else:
        row.definition = definition.to_json()
        log.info("Replaced portfolio view %r", cleaned)
    return cleaned


def delete_view(session: Session, name: str) -> bool:
    """Delete the view called ``name``. Return False when there is none."""
    row = session.scalar(select(SavedView).where(SavedView.name == name))
    if row is None:
        return False
    session.delete(row)
    log.info("Deleted portfolio view %r", name)
    return True
