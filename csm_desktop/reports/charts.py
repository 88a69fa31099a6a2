"""Chart figures shared by the QBR PDF and the app's chart widgets.

Builders return a ``matplotlib.figure.Figure`` made without pyplot, so no
figure stays registered in a global manager and memory stays flat over a
batch of reports. Each figure gets its style through explicit arguments
rather than global rcParams, so one report cannot change the next.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from csm_desktop.health.bands import DEFAULT_BANDS, Bands

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from reportlab.platypus import Flowable

log = logging.getLogger(__name__)

FONT_FAMILY = "DejaVu Sans"
TEXT_COLOUR = "#33363b"
GRID_COLOUR = "#d5d8dc"
LINE_COLOUR = "#1f3a5f"
BAR_COLOUR = "#2e6da4"
BAR_MUTED_COLOUR = "#a9c1d9"
MARKER_COLOUR = "#6b7178"
BAND_COLOURS = {"red": "#f4cccc", "yellow": "#fcefc4", "green": "#d5ecd4"}
BAND_BAR_COLOURS = {"red": "#d9534f", "yellow": "#e0b040", "green": "#4f9a55"}
TITLE_SIZE = 10
LABEL_SIZE = 8
PNG_FALLBACK_DPI = 300
# Share of a week a weekly bar covers, leaving a gap between bars.
BAR_FILL = 0.75


class HealthPoint(NamedTuple):
    """One health snapshot: its date, its score (None when data was insufficient) and colour."""

    as_of: date
    score: float | None
    colour: str


def _new_figure(width_in: float, height_in: float) -> tuple[Figure, Axes]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_in, height_in), dpi=100, layout="constrained")
    figure.patch.set_facecolor("white")
    axes = figure.add_subplot()
    _style_axes(axes)
    return figure, axes


def _style_axes(axes: Axes) -> None:
    axes.set_facecolor("white")
    axes.grid(True, axis="y", color=GRID_COLOUR, linewidth=0.6)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(GRID_COLOUR)
    axes.tick_params(
        labelsize=LABEL_SIZE,
        labelcolor=TEXT_COLOUR,
        labelfontfamily=FONT_FAMILY,
        color=GRID_COLOUR,
    )


def _set_title(axes: Axes, title: str) -> None:
    if title:
        axes.set_title(
            title, loc="left", fontsize=TITLE_SIZE, color=TEXT_COLOUR, fontfamily=FONT_FAMILY
        )


def _format_date_axis(axes: Axes, month_names: Sequence[str] | None) -> None:
    """Put concise date labels on the x axis, months from ``month_names`` or in English."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    from csm_desktop.reports.chart_dates import MonthNameDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=8)
    axes.xaxis.set_major_locator(locator)
    if month_names is None:
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    else:
        axes.xaxis.set_major_formatter(MonthNameDateFormatter(locator, month_names))


def _show_empty(axes: Axes, message: str) -> None:
    axes.text(
        0.5,
        0.5,
        message,
        transform=axes.transAxes,
        ha="center",
        va="center",
        fontsize=LABEL_SIZE,
        color=TEXT_COLOUR,
        fontfamily=FONT_FAMILY,
    )
    axes.set_xticks([])


def health_timeline_figure(
    points: Sequence[HealthPoint],
    bands: Bands = DEFAULT_BANDS,
    *,
    title: str = "",
    width_in: float = 7.0,
    height_in: float = 2.8,
    empty_message: str = "",
    highlight_from: date | None = None,
    month_names: Sequence[str] | None = None,
) -> Figure:
    """Build the health score line over the red, yellow and green bands.

    The y axis runs from 0 to 100. A point whose score is None breaks the
    line, so a gap shows where the score was not computed. With no points
    the figure shows the bands and ``empty_message``. ``highlight_from``
    draws a dashed vertical line where the reported period starts.
    ``month_names`` (12 short names, January first) label the date axis in
    the report's language; None keeps matplotlib's English names.
    """
    figure, axes = _new_figure(width_in, height_in)
    _set_title(axes, title)

    axes.axhspan(0, bands.yellow_from, color=BAND_COLOURS["red"], linewidth=0)
    axes.axhspan(bands.yellow_from, bands.green_from, color=BAND_COLOURS["yellow"], linewidth=0)
    axes.axhspan(bands.green_from, 100, color=BAND_COLOURS["green"], linewidth=0)
    axes.set_ylim(0, 100)
    axes.set_yticks([0, bands.yellow_from, bands.green_from, 100])
    axes.grid(False)

    ordered = sorted(points, key=lambda point: point.as_of)
    if not ordered:
        _show_empty(axes, empty_message)
        return figure

    dates = [point.as_of for point in ordered]
    scores = [math.nan if point.score is None else point.score for point in ordered]
    axes.plot(dates, scores, color=LINE_COLOUR, linewidth=1.6, marker="o", markersize=2.5)
    if highlight_from is not None:
        axes.axvline(highlight_from, color=MARKER_COLOUR, linewidth=1, linestyle="--")
    _format_date_axis(axes, month_names)
    if len(ordered) == 1:
        # A single date would give a zero-width axis; show the week around it.
        only = ordered[0].as_of
        axes.set_xlim(only - timedelta(days=7), only + timedelta(days=7))
    return figure


def usage_figure(
    series: Sequence[tuple[date, float]],
    *,
    title: str = "",
    ylabel: str = "",
    width_in: float = 7.0,
    height_in: float = 2.8,
    highlight_from: date | None = None,
    empty_message: str = "",
    month_names: Sequence[str] | None = None,
) -> Figure:
    """Build weekly usage bars, one bar per (week start, total) pair.

    With ``highlight_from`` set, bars dated before it are drawn muted, which
    lets a chart show the previous quarter for comparison. ``empty_message``
    is printed in the plot area when ``series`` is empty. ``month_names``
    works as in ``health_timeline_figure``.
    """
    figure, axes = _new_figure(width_in, height_in)
    _set_title(axes, title)
    if ylabel:
        axes.set_ylabel(ylabel, fontsize=LABEL_SIZE, color=TEXT_COLOUR, fontfamily=FONT_FAMILY)

    if not series:
        _show_empty(axes, empty_message)
        return figure

    ordered = sorted(series)
    dates = [day for day, _ in ordered]
    values = [value for _, value in ordered]
    colours = [
        BAR_MUTED_COLOUR if highlight_from is not None and day < highlight_from else BAR_COLOUR
        for day in dates
    ]
    axes.bar(dates, values, width=_bar_widths(dates), color=colours, align="edge", linewidth=0)
    axes.set_ylim(bottom=0)
    _format_date_axis(axes, month_names)
    return figure


def _bar_widths(dates: Sequence[date]) -> list[float]:
    """Return bar widths in days: three quarters of the gap to the next date, at most a week's.

    A partial first week (a quarter starting mid-week) gets a narrower bar
    instead of overlapping the next one.
    """
    full_week = 7 * BAR_FILL
    widths = [
        min(full_week, (following - current).days * BAR_FILL)
        for current, following in zip(dates, dates[1:], strict=False)
    ]
    return [*widths, full_week]


def measure_breakdown_figure(
    measures: Sequence[tuple[str, float | None]],
    bands: Bands = DEFAULT_BANDS,
    *,
    title: str = "",
    width_in: float = 7.0,
    height_in: float = 2.4,
    not_applicable: str = "n/a",
) -> Figure:
    """Build horizontal bars of each measure's score (0 to 100), coloured by band.

    A measure whose score is None gets no bar and the ``not_applicable`` label.
    """
    figure, axes = _new_figure(width_in, height_in)
    _set_title(axes, title)
    axes.grid(True, axis="x", color=GRID_COLOUR, linewidth=0.6)
    axes.grid(False, axis="y")
    labels = [label for label, _ in measures]
    positions = list(range(len(measures)))
    for position, (_label, score) in zip(positions, measures, strict=True):
        if score is None:
            axes.text(
                2,
                position,
                not_applicable,
                va="center",
                fontsize=LABEL_SIZE,
                color=MARKER_COLOUR,
                fontfamily=FONT_FAMILY,
            )
            continue
        fill = BAND_BAR_COLOURS.get(str(bands.colour_for(score)), BAR_COLOUR)
        axes.barh(position, score, color=fill, height=0.6, linewidth=0)
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    return figure


def category_bars_figure(
    categories: Sequence[str],
    values: Sequence[float],
    colours: Sequence[str],
    *,
    title: str = "",
    width_in: float = 3.4,
    height_in: float = 2.4,
    value_labels: Sequence[str] | None = None,
) -> Figure:
    """Build one vertical bar per category, each in its own colour, labelled with its value."""
    figure, axes = _new_figure(width_in, height_in)
    _set_title(axes, title)
    positions = list(range(len(categories)))
    bars = axes.bar(positions, values, color=list(colours), width=0.6, linewidth=0)
    axes.set_xticks(positions, list(categories))
    if value_labels is not None:
        axes.bar_label(
            bars,
            labels=list(value_labels),
            fontsize=LABEL_SIZE - 1,
            color=TEXT_COLOUR,
            fontfamily=FONT_FAMILY,
            padding=2,
        )
        # The bars carry their values, so the y axis would only repeat them
        # (and matplotlib would print large ones with a "1e6" offset).
        axes.set_yticks([])
        axes.spines["left"].set_visible(False)
    axes.set_ylim(bottom=0, top=max([*values, 1]) * 1.18)
    return figure


def figure_to_flowable(figure: Figure, width_pt: float, *, clear: bool = True) -> Flowable:
    """Convert ``figure`` into a reportlab flowable ``width_pt`` points wide.

    The result is vector: the figure's paths and glyph outlines recorded as
    PDF operators (``chart_backend``), so the PDF needs no font for the
    chart's text. A figure with an image, a hatch or Gouraud shading is
    embedded as a 300 dpi PNG instead, so the export still succeeds. The
    figure is cleared afterwards unless ``clear`` is False, which frees its
    artists at once in a long batch.
    """
    from csm_desktop.reports.chart_backend import (
        ChartFlowable,
        UnsupportedChartFeature,
        record_figure,
    )

    try:
        return ChartFlowable(record_figure(figure), width_pt)
    except UnsupportedChartFeature as exc:
        log.warning("A chart contains %s; embedding it as a PNG instead", exc)
        return _png_image(figure, width_pt)
    finally:
        if clear:
            figure.clear()


def _png_image(figure: Figure, width_pt: float) -> Flowable:
    from reportlab.platypus import Image

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PNG_FALLBACK_DPI)
    buffer.seek(0)
    width_in, height_in = figure.get_size_inches()
    return Image(buffer, width=width_pt, height=width_pt * height_in / width_in)
