"""A saved portfolio view's definition and name rules, free of SQLAlchemy.

Columns are stored by their stable keys (``portfolio_model.COLUMN_KEYS``),
so a view saved before a column was added or renamed still loads. Keys this
version does not know are dropped when the view is applied. The portfolio
screen builds these before SQLAlchemy is imported; ``views`` stores them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from csm_desktop.services.portfolio_filter import PortfolioFilter

MAX_VIEW_NAME_LENGTH = 120
# Bumped when the stored JSON layout changes incompatibly.
DEFINITION_VERSION = 1


class ViewNameError(ValueError):
    """A view name is blank or too long. The message names the problem."""


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
