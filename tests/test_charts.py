"""Chart figure builders and their conversion to reportlab flowables."""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date, timedelta

import matplotlib
import pytest
from matplotlib import _pylab_helpers
from matplotlib.colors import to_hex, to_rgb
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image

from csm_desktop.health.bands import Bands
from csm_desktop.reports.chart_backend import ChartFlowable, record_figure
from csm_desktop.reports.charts import (
    BAR_COLOUR,
    BAR_MUTED_COLOUR,
    HealthPoint,
    figure_to_flowable,
    health_timeline_figure,
    usage_figure,
)
from csm_desktop.reports.labels import chart_month_names

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
    figure_to_flowable(figure, 400)

    assert dict(matplotlib.rcParams) == before


def test_flowable_scaled_to_width() -> None:
    figure = health_timeline_figure(_points(), width_in=7.0, height_in=2.8)
    flowable = figure_to_flowable(figure, 300)

    assert isinstance(flowable, ChartFlowable)
    assert flowable.wrap(500, 500) == (pytest.approx(300), pytest.approx(120))
    assert figure.axes == []


def test_flowable_keeps_figure_when_asked() -> None:
    figure = usage_figure([(START, 3.0)])
    figure_to_flowable(figure, 300, clear=False)

    assert len(figure.axes) == 1


def _draw_to_pdf(flowable: Flowable, path) -> PdfReader:
    canvas = Canvas(str(path))
    flowable.drawOn(canvas, 20, 200)
    canvas.save()
    return PdfReader(path)


def _fill_colours(content: bytes) -> set[tuple[float, ...]]:
    """Return every "r g b rg" fill colour set in a content stream, rounded to 3 places."""
    triples = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", content)
    return {tuple(round(float(value), 3) for value in triple) for triple in triples}


def test_flowable_draws_vector_paths(tmp_path) -> None:
    figure = usage_figure([(START, 3.0), (START + timedelta(days=7), 5.0)], title="Usage")
    page = _draw_to_pdf(figure_to_flowable(figure, 400), tmp_path / "chart.pdf").pages[0]
    content = page.get_contents().get_data()

    assert tuple(round(value, 3) for value in to_rgb(BAR_COLOUR)) in _fill_colours(content)
    # The title and tick labels are glyph outlines, so no text is shown.
    assert b"Tj" not in content
    assert b"TJ" not in content
    assert "/XObject" not in page["/Resources"]


def test_flowable_keeps_transparency(tmp_path) -> None:
    figure = usage_figure([(START, 3.0)])
    figure.axes[0].axvspan(START, START + timedelta(days=3), color="#ff0000", alpha=0.5)
    page = _draw_to_pdf(figure_to_flowable(figure, 400), tmp_path / "chart.pdf").pages[0]

    states = [state.get_object() for state in page["/Resources"]["/ExtGState"].values()]
    fill_opacities = {state["/ca"] for state in states if "/ca" in state}
    assert 0.5 in fill_opacities


def test_png_fallback() -> None:
    figure = usage_figure([(START, 3.0)], width_in=7.0, height_in=2.8)
    # An image has no vector recording, so the chart becomes a bitmap.
    figure.axes[0].imshow([[0.0, 1.0], [1.0, 0.0]])
    image = figure_to_flowable(figure, 350)

    assert isinstance(image, Image)
    assert image.drawWidth == pytest.approx(350)
    assert image.drawHeight == pytest.approx(140)
    assert figure.axes == []


SPANISH_MONTHS = [
    "ene",
    "feb",
    "mar",
    "abr",
    "may",
    "jun",
    "jul",
    "ago",
    "sept",
    "oct",
    "nov",
    "dic",
]


def _tick_labels(figure) -> list[str]:
    """Return the x tick labels, which matplotlib formats when the figure is drawn."""
    figure_to_flowable(figure, 400, clear=False)
    return [label.get_text() for label in figure.axes[0].get_xticklabels()]


def test_month_names_from_report_language() -> None:
    series = [(date(2024, 9, 2) + timedelta(days=7 * index), 1.0) for index in range(20)]
    labels = _tick_labels(usage_figure(series, month_names=SPANISH_MONTHS))

    assert {"oct", "nov", "dic"} <= set(labels)
    assert "2025" in labels
    assert not {"Oct", "Nov", "Dec"} & set(labels)


def test_month_names_default_english() -> None:
    series = [(date(2024, 9, 2) + timedelta(days=7 * index), 1.0) for index in range(20)]
    labels = _tick_labels(usage_figure(series))

    assert {"Oct", "Nov", "Dec", "2025"} <= set(labels)


def test_month_names_in_day_labels() -> None:
    # Within one month the ticks are days and the month moves to the offset.
    points = [
        HealthPoint(date(2024, 10, 1) + timedelta(days=day), 60.0, "yellow") for day in range(20)
    ]
    figure = health_timeline_figure(points, month_names=SPANISH_MONTHS)
    _tick_labels(figure)

    assert figure.axes[0].xaxis.get_major_formatter().get_offset() == "2024-oct"


def test_month_names_need_twelve() -> None:
    from matplotlib.dates import AutoDateLocator

    from csm_desktop.reports.chart_dates import MonthNameDateFormatter

    with pytest.raises(ValueError, match="12 month names"):
        MonthNameDateFormatter(AutoDateLocator(), SPANISH_MONTHS[:11])


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (QLocale(QLocale.Language.Spanish, QLocale.Country.Spain), SPANISH_MONTHS),
        (QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom), None),
        # DejaVu Sans has no "月", so Japanese charts keep English months.
        (QLocale(QLocale.Language.Japanese, QLocale.Country.Japan), None),
    ],
)
def test_chart_month_names(locale: QLocale, expected: list[str] | None) -> None:
    assert chart_month_names(locale) == expected


def test_repeated_glyphs_share_operators() -> None:
    # Each glyph is drawn from one outline moved into place, so repeats are
    # byte-identical and the page stream compresses them.
    chart = record_figure(usage_figure([], title="WWWWWWWWWW"))
    operators = "\n".join(segment.operators for segment in chart.segments)
    glyphs = re.findall(r"q [-\d. ]+ cm ([-\d. mlch\n]+) f Q", operators)

    assert Counter(glyphs).most_common(1)[0][1] >= 10
