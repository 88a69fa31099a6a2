"""Chart figure builders and their conversion to reportlab flowables."""

from __future__ import annotations

import math
from datetime import date, timedelta

import matplotlib
import pytest
from matplotlib import _pylab_helpers
from matplotlib.colors import to_hex
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Image

from csm_desktop.health.bands import Bands
from csm_desktop.reports.charts import (
    BAR_COLOUR,
    BAR_MUTED_COLOUR,
    HealthPoint,
    figure_to_svg_drawing,
    health_timeline_figure,
    usage_figure,
)

START = date(2024, 10, 7)


def _points() -> list[HealthPoint]:
    scores = [30.0, 45.0, None, 72.0, 80.0]
    colours = ["red", "yellow", "insufficient", "green", "green"]
    return [
        HealthPoint(START + timedelta(days=7 * index), score, colour)
        for index, (score, colour) in enumerate(zip(scores, colours, strict=True))
    ]


def test_health_line_has_gap_for_missing_score() -> None:
    figure = health_timeline_figure(_points(), title="Health")
    axes = figure.axes[0]
    line = axes.get_lines()[0]

    scores = list(line.get_ydata())
    assert scores[:2] == [30.0, 45.0]
    assert math.isnan(scores[2])
    assert scores[3:] == [72.0, 80.0]
    assert axes.get_ylim() == (0.0, 100.0)
    assert axes.get_title(loc="left") == "Health"


def test_health_bands_follow_band_edges() -> None:
    bands = Bands(yellow_from=50.0, green_from=80.0)
    figure = health_timeline_figure(_points(), bands)
    spans = figure.axes[0].patches

    edges = sorted((patch.get_y(), patch.get_y() + patch.get_height()) for patch in spans)
    assert edges == [(0, 50), (50, 80), (80, 100)]


def test_health_quarter_marker() -> None:
    figure = health_timeline_figure(_points(), highlight_from=START)

    assert len(figure.axes[0].get_lines()) == 2


def test_health_empty_shows_message() -> None:
    figure = health_timeline_figure([], empty_message="No health data")
    texts = [text.get_text() for text in figure.axes[0].texts]

    assert texts == ["No health data"]


def test_usage_bars_and_muted_previous() -> None:
    series = [(START + timedelta(days=7 * index), float(index * 10)) for index in range(6)]
    figure = usage_figure(series, title="Usage", highlight_from=START + timedelta(days=21))
    bars = figure.axes[0].patches

    assert [bar.get_height() for bar in bars] == [0, 10, 20, 30, 40, 50]
    colours = [to_hex(bar.get_facecolor()) for bar in bars]
    assert colours == [BAR_MUTED_COLOUR] * 3 + [BAR_COLOUR] * 3


def test_usage_partial_week_is_narrow() -> None:
    series = [(date(2024, 9, 30), 5.0), (date(2024, 10, 1), 7.0), (date(2024, 10, 7), 9.0)]
    bars = usage_figure(series).axes[0].patches

    assert bars[0].get_width() == pytest.approx(0.75)
    assert bars[1].get_width() == pytest.approx(6 * 0.75)
    assert bars[2].get_width() == pytest.approx(7 * 0.75)


def test_usage_empty_shows_message() -> None:
    figure = usage_figure([], empty_message="No usage")

    assert [text.get_text() for text in figure.axes[0].texts] == ["No usage"]
    assert len(figure.axes[0].patches) == 0


def test_figures_not_registered_with_pyplot() -> None:
    before = _pylab_helpers.Gcf.get_num_fig_managers()
    for _ in range(3):
        health_timeline_figure(_points())
        usage_figure([(START, 1.0)])

    assert _pylab_helpers.Gcf.get_num_fig_managers() == before


def test_rcparams_unchanged() -> None:
    before = dict(matplotlib.rcParams)
    figure = health_timeline_figure(_points())
    figure_to_svg_drawing(figure, 400)

    assert dict(matplotlib.rcParams) == before


def test_svg_drawing_scaled_to_width() -> None:
    figure = health_timeline_figure(_points(), width_in=7.0, height_in=2.8)
    drawing = figure_to_svg_drawing(figure, 300, font_name="Times-Roman")

    assert isinstance(drawing, Drawing)
    assert drawing.width == pytest.approx(300)
    assert drawing.height == pytest.approx(120)
    assert drawing.initialFontName == "Times-Roman"
    assert figure.axes == []


def test_svg_drawing_keeps_figure_when_asked() -> None:
    figure = usage_figure([(START, 3.0)])
    figure_to_svg_drawing(figure, 300, clear=False)

    assert len(figure.axes) == 1


def test_png_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    import svglib.svglib

    monkeypatch.setattr(svglib.svglib, "svg2rlg", lambda _source: None)
    figure = usage_figure([(START, 3.0)], width_in=7.0, height_in=2.8)
    image = figure_to_svg_drawing(figure, 350)

    assert isinstance(image, Image)
    assert image.drawWidth == pytest.approx(350)
    assert image.drawHeight == pytest.approx(140)
    assert figure.axes == []
