"""Concise date tick labels with month names in the report's language.

matplotlib's ``ConciseDateFormatter`` writes months with strftime's "%b",
which gives English names in the C locale whatever the report's language.
Only the chart builders import this module, because it imports matplotlib.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from matplotlib.dates import ConciseDateFormatter, DateLocator

# strftime copies characters that are not directives, so the month number
# between these marks survives formatting and is then swapped for its name.
_MARK = "\x1f"
_MARKED_MONTH = re.compile(f"{_MARK}(\\d\\d){_MARK}")


class MonthNameDateFormatter(ConciseDateFormatter):
    """A ``ConciseDateFormatter`` that takes month names from ``month_names`` (January first)."""

    def __init__(self, locator: DateLocator, month_names: Sequence[str]) -> None:
        if len(month_names) != 12:
            raise ValueError(f"Expected 12 month names, got {len(month_names)}: {month_names!r}")
        super().__init__(locator)
        marked = f"{_MARK}%m{_MARK}"
        self.formats = [pattern.replace("%b", marked) for pattern in self.formats]
        self.zero_formats = [pattern.replace("%b", marked) for pattern in self.zero_formats]
        self.offset_formats = [pattern.replace("%b", marked) for pattern in self.offset_formats]
        self._month_names = list(month_names)

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        return [self._name_months(label) for label in super().format_ticks(values)]

    def get_offset(self) -> str:
        return self._name_months(super().get_offset())

    def _name_months(self, text: str) -> str:
        return _MARKED_MONTH.sub(lambda match: self._month_names[int(match.group(1)) - 1], text)
