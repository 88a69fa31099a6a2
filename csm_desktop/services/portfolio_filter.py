"""What the portfolio shows: a filter value and a fast row predicate built from it.

The filter is an immutable value so that saved views can store it and the
model can tell cheaply whether anything changed. ``build_predicate`` turns
it into one function over row numbers that checks only the active parts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from csm_desktop.services.portfolio_rows import PortfolioRow

# Stands for "no value" in a set filter, so "segment is blank" can be chosen.
BLANK = ""


class RenewalWindow(IntEnum):
    """Renewal filter. The value of a ``WITHIN_*`` member is its number of days."""

    ANY = -1
    OVERDUE = -2
    WITHIN_30 = 30
    WITHIN_60 = 60
    WITHIN_90 = 90
    WITHIN_180 = 180


_UNCHANGED: Any = object()


def _frozen(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


@dataclass(frozen=True, slots=True)
class PortfolioFilter:
    """The rows to show. A set left at None does not filter; an empty set shows nothing."""

    text: str = ""
    colours: frozenset[str] | None = None
    segments: frozenset[str] | None = None
    stages: frozenset[str] | None = None
    owners: frozenset[str] | None = None
    # A row passes when it carries any of these tags.
    tags: frozenset[str] | None = None
    renewal: RenewalWindow = RenewalWindow.ANY

    def replace(
        self,
        *,
        text: str = _UNCHANGED,
        colours: Iterable[str] | None = _UNCHANGED,
        segments: Iterable[str] | None = _UNCHANGED,
        stages: Iterable[str] | None = _UNCHANGED,
        owners: Iterable[str] | None = _UNCHANGED,
        tags: Iterable[str] | None = _UNCHANGED,
        renewal: RenewalWindow = _UNCHANGED,
    ) -> PortfolioFilter:
        """Return a copy with the given parts changed; text is trimmed and case-folded."""
        changes: dict[str, Any] = {}
        if text is not _UNCHANGED:
            changes["text"] = text.strip().casefold()
        for name, value in (
            ("colours", colours),
            ("segments", segments),
            ("stages", stages),
            ("owners", owners),
            ("tags", tags),
        ):
            if value is not _UNCHANGED:
                changes[name] = _frozen(value)
        if renewal is not _UNCHANGED:
            changes["renewal"] = RenewalWindow(renewal)
        return dataclasses.replace(self, **changes)

    def is_empty(self) -> bool:
        return self == PortfolioFilter()

    def to_json(self) -> dict[str, Any]:
        """Return the filter as JSON-ready data, sets as sorted lists."""
        data: dict[str, Any] = {"text": self.text, "renewal": self.renewal.name}
        for name in ("colours", "segments", "stages", "owners", "tags"):
            value = getattr(self, name)
            data[name] = None if value is None else sorted(value)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PortfolioFilter:
        """Read a filter stored by ``to_json``. Unknown or invalid parts are left unset."""
        result = cls().replace(text=str(data.get("text") or ""))
        renewal = RenewalWindow.__members__.get(str(data.get("renewal")), RenewalWindow.ANY)
        parts: dict[str, Any] = {"renewal": renewal}
        for name in ("colours", "segments", "stages", "owners", "tags"):
            value = data.get(name)
            if isinstance(value, list):
                parts[name] = [str(item) for item in value]
        return result.replace(**parts)


def in_renewal_window(days: int | None, window: RenewalWindow) -> bool:
    """Return whether a renewal ``days`` away falls in ``window``."""
    if window == RenewalWindow.ANY:
        return True
    if days is None:
        return False
    if window == RenewalWindow.OVERDUE:
        return days < 0
    return 0 <= days <= int(window)


def filter_order(
    order: list[int],
    active: PortfolioFilter,
    rows: Sequence[PortfolioRow],
    search_texts: Sequence[str],
) -> list[int]:
    """Return the row numbers of ``order`` that pass ``active``, in the same order.

    Each active part of the filter is one pass over the survivors of the
    previous pass, which is faster in Python than one combined test per row.
    ``search_texts[i]`` is row ``i``'s folded name, owner, industry, segment
    and tags, as ``portfolio_model.prepare_rows`` builds it.
    """
    shown = order
    for check in build_checks(active, rows, search_texts):
        shown = [i for i in shown if check(i)]
    return shown


def build_checks(
    active: PortfolioFilter, rows: Sequence[PortfolioRow], search_texts: Sequence[str]
) -> list[Callable[[int], bool]]:
    """Return one test of a row number per active part of ``active``, text first."""
    checks: list[Callable[[int], bool]] = []
    if active.text:
        needle = active.text
        checks.append(lambda i: needle in search_texts[i])
    if active.colours is not None:
        colours = active.colours
        checks.append(lambda i: rows[i].health_colour in colours)
    _add_set_check(checks, active.segments, lambda i: rows[i].segment)
    _add_set_check(checks, active.stages, lambda i: rows[i].lifecycle_stage)
    _add_set_check(checks, active.owners, lambda i: rows[i].owner)
    if active.tags is not None:
        selected_tags = active.tags
        checks.append(lambda i: _has_tag(rows[i].tags, selected_tags))
    if active.renewal != RenewalWindow.ANY:
        window = active.renewal
        checks.append(lambda i: in_renewal_window(rows[i].days_to_renewal, window))
    return checks


def _add_set_check(
    checks: list[Callable[[int], bool]],
    allowed: frozenset[str] | None,
    value_of: Callable[[int], str | None],
) -> None:
    if allowed is not None:
        checks.append(lambda i: (value_of(i) or BLANK) in allowed)


def _has_tag(tags: tuple[str, ...], selected: frozenset[str]) -> bool:
    if not tags:
        return BLANK in selected
    return not selected.isdisjoint(tags)
