"""The account health timeline with markers: overrides, profile changes, activities, renewals.

Builds a Qt-free matplotlib ``Figure`` in the style of
``csm_desktop.reports.charts``. The computed score is always drawn. An
override is drawn on top as a strip of its colour, plus a dashed line at
its score when it set one, so both stay visible.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from csm_desktop.health.bands import DEFAULT_BANDS, Bands
from csm_desktop.reports.charts import (
    BAND_COLOURS,
    FONT_FAMILY,
    LABEL_SIZE,
    LINE_COLOUR,
    MARKER_COLOUR,
    TEXT_COLOUR,
    HealthPoint,
    _format_date_axis,
    _new_figure,
    _set_title,
    _show_empty,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

STALE_COLOUR = "#7b8fa8"
OVERRIDE_COLOURS = {"red": "#d64545", "yellow": "#e3b224", "green": "#2f9e5a"}
RENEWAL_COLOUR = "#8e44ad"
ACTIVITY_COLOUR = "#2e6da4"


def health_markers_figure(
    points: Sequence[HealthPoint],
    markers: Sequence[Any],
    overrides: Sequence[Any],
    bands: Bands = DEFAULT_BANDS,
    *,
    title: str = "",
    legend: dict[str, str] | None = None,
    empty_message: str = "",
    width_in: float = 7.5,
    height_in: float = 3.0,
    month_names: Sequence[str] | None = None,
) -> Figure:
    """Build the timeline: score line, stale points in grey, overrides and event markers.

    ``month_names`` are the 12 short names for the date axis (English without them).

    ``markers`` have ``day``, ``kind`` and ``label`` (see
    ``services.health.TimelineMarker``); ``overrides`` have ``starts_on``,
    ``expires_on``, ``cleared_on``, ``score`` and ``colour``. ``legend``
    maps "computed", "override", "activity", "renewal", "profile" and
    "stale" to translated legend labels.
    """
    legend = legend or {}
    figure, axes = _new_figure(width_in, height_in)
    _set_title(axes, title)
    axes.axhspan(0, bands.yellow_from, color=BAND_COLOURS["red"], linewidth=0)
    axes.axhspan(bands.yellow_from, bands.green_from, color=BAND_COLOURS["yellow"], linewidth=0)
    axes.axhspan(bands.green_from, 100, color=BAND_COLOURS["green"], linewidth=0)
    axes.set_ylim(-8, 108)
    axes.set_yticks([0, bands.yellow_from, bands.green_from, 100])
    axes.grid(False)

    ordered = sorted(points, key=lambda point: point.as_of)
    if not ordered:
        _show_empty(axes, empty_message)
        return figure

    dates = [p.as_of for p in ordered]
    scores = [math.nan if p.score is None else p.score for p in ordered]
    axes.plot(dates, scores, color=LINE_COLOUR, linewidth=1.5, label=legend.get("computed"))
    stale = [(p.as_of, p.score) for p in ordered if p.colour == "stale" and p.score is not None]
    if stale:
        axes.scatter(
            [d for d, _ in stale], [s for _, s in stale], s=10, color=STALE_COLOUR,
            zorder=3, label=legend.get("stale"),
        )  # fmt: skip

    last = max(dates[-1], max((m.day for m in markers), default=dates[-1]))
    _draw_overrides(axes, overrides, last, legend.get("override"))
    _draw_markers(axes, markers, legend)

    _format_date_axis(axes, month_names)
    if len(ordered) == 1:
        axes.set_xlim(dates[0] - timedelta(days=7), dates[0] + timedelta(days=7))
    handles, labels = axes.get_legend_handles_labels()
    if handles:
        axes.legend(
            handles, labels, loc="upper left", fontsize=LABEL_SIZE - 1, frameon=False,
            ncol=min(len(handles), 6), prop={"family": FONT_FAMILY, "size": LABEL_SIZE - 1},
            bbox_to_anchor=(0, -0.12),
        )  # fmt: skip
    return figure


def _draw_overrides(axes: Any, overrides: Sequence[Any], last: date, label: str | None) -> None:
    """Draw each override as a strip at the top in its colour, plus its score when set."""
    for index, override in enumerate(overrides):
        end = override.cleared_on or (
            override.expires_on + timedelta(days=1) if override.expires_on else None
        )
        end = end or last + timedelta(days=7)
        colour = OVERRIDE_COLOURS.get(override.colour, MARKER_COLOUR)
        axes.fill_between(
            [override.starts_on, end], 101, 107, color=colour, alpha=0.85, linewidth=0,
            label=label if index == 0 else None,
        )  # fmt: skip
        if override.score is not None:
            axes.plot(
                [override.starts_on, end], [override.score] * 2, color=colour,
                linestyle="--", linewidth=1.4,
            )  # fmt: skip


def _draw_markers(axes: Any, markers: Sequence[Any], legend: dict[str, str]) -> None:
    """Draw activities as ticks at the bottom, renewals and profile changes as vertical lines."""
    activities = [m.day for m in markers if m.kind == "activity"]
    if activities:
        axes.scatter(
            activities, [-4] * len(activities), marker="|", s=60, color=ACTIVITY_COLOUR,
            label=legend.get("activity"),
        )  # fmt: skip
    drawn: set[str] = set()
    for marker in markers:
        if marker.kind == "renewal":
            style = {"color": RENEWAL_COLOUR, "linestyle": ":", "linewidth": 1.2}
        elif marker.kind == "profile":
            style = {"color": TEXT_COLOUR, "linestyle": "-.", "linewidth": 1.0}
        else:
            continue
        label = legend.get(marker.kind) if marker.kind not in drawn else None
        drawn.add(marker.kind)
        axes.axvline(marker.day, label=label, **style)
