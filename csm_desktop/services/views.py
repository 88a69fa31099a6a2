"""Saved portfolio views: a named filter, sort and column layout kept in the database.

Columns are stored by their stable keys (``portfolio_model.COLUMN_KEYS``),
so a view saved before a column was added or renamed still loads; keys this
version does not know are dropped when the view is applied.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.portfolio_filter import PortfolioFilter
from csm_desktop.store.today_views_models import SavedView

log = logging.getLogger(__name__)

MAX_VIEW_NAME_LENGTH = 120
# Bumped when the stored JSON layout changes incompatibly.
DEFINITION_VERSION = 1


class ViewNameError(ValueError):
    """A view name is blank or too long; the message says which."""


@dataclass(frozen=True, slots=True)
class ViewDefinition:
    """Everything a saved view restores."""

    filter: PortfolioFilter = field(default_factory=PortfolioFilter)
    sort_column: str = "name"
    sort_descending: bool = False
    # Visible column keys in display order; empty means the default layout.
    columns: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "version": DEFINITION_VERSION,
            "filter": self.filter.to_json(),
            "sort": {"column": self.sort_column, "descending": self.sort_descending},
            "columns": list(self.columns),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ViewDefinition:
        """Read a stored definition, falling back to defaults for missing or invalid parts."""
        sort = data.get("sort") if isinstance(data.get("sort"), dict) else {}
        columns = data.get("columns") if isinstance(data.get("columns"), list) else []
        stored_filter = data.get("filter") if isinstance(data.get("filter"), dict) else {}
        return cls(
            filter=PortfolioFilter.from_json(stored_filter),
            sort_column=str(sort.get("column") or "name"),
            sort_descending=bool(sort.get("descending")),
            columns=tuple(str(key) for key in columns),
        )


def clean_view_name(name: str) -> str:
    """Return ``name`` trimmed, or raise ``ViewNameError`` when it is blank or too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ViewNameError("The view name is empty. Type a name for the view.")
    if len(cleaned) > MAX_VIEW_NAME_LENGTH:
        raise ViewNameError(
            f"The view name has {len(cleaned)} characters; the maximum is {MAX_VIEW_NAME_LENGTH}."
        )
    return cleaned


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
