"""A matplotlib renderer that records a figure as PDF drawing operators for reportlab.

``record_figure`` draws a figure once through ``RendererPdfOperators``,
which turns every path and marker into PDF content-stream operators in
points, origin at the bottom left. Text becomes glyph outlines, as in the
SVG backend with ``svg.fonttype`` "path", so the PDF needs no font for it.
Each glyph's outline is written once per chart and moved into place with
``cm``. ``ChartFlowable`` appends the recorded operators to the page with
``Canvas.addLiteral``, so each layout pass of a report costs a string copy
per chart rather than a walk over thousands of shapes.

Images, hatches and Gouraud shading raise ``UnsupportedChartFeature``, so
that the caller can fall back to a bitmap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib import _path
from matplotlib.backend_bases import FigureCanvasBase, GraphicsContextBase, RendererBase
from matplotlib.backends.backend_pdf import pdfRepr
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import Affine2D, IdentityTransform, Transform
from reportlab.platypus import Flowable

# Vector output is laid out in points, as in matplotlib's PDF and SVG backends.
POINTS_PER_INCH = 72
_CAP_STYLES = {"butt": 0, "round": 1, "projecting": 2}
_JOIN_STYLES = {"miter": 0, "round": 1, "bevel": 2}
# Decimals of path coordinates. They are points or font units at 100 pt,
# so 0.01 (3.5 µm on paper) is finer than any printer.
COORDINATE_DECIMALS = 2
# PDF operators for MOVETO, LINETO, CURVE3, CURVE4 and CLOSEPOLY, written
# after their coordinates. CURVE3 has none, so quadratic curves are
# converted to cubic ones.
_PATH_CODES = [b"m", b"l", b"", b"c", b"h"]


class UnsupportedChartFeature(ValueError):
    """The figure uses a feature the recorder cannot draw as PDF operators."""


@dataclass(frozen=True)
class ChartSegment:
    """PDF operators drawn with one fill and stroke opacity (1.0 is opaque)."""

    operators: str
    fill_alpha: float
    stroke_alpha: float


@dataclass(frozen=True)
class RecordedChart:
    """A figure's drawing: its size in points and its operators, in drawing order."""

    width: float
    height: float
    segments: tuple[ChartSegment, ...]


class RendererPdfOperators(RendererBase):
    """Collect PDF operators for every path matplotlib draws, text included as outlines."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self._segments: list[ChartSegment] = []
        self._pending: list[bytes] = []
        self._alphas = (1.0, 1.0)
        # Operators of each glyph outline drawn so far, by matplotlib's glyph name.
        self._glyph_operators: dict[str, bytes] = {}

    def recorded(self) -> RecordedChart:
        """Return everything drawn so far."""
        self._close_segment()
        return RecordedChart(self.width, self.height, tuple(self._segments))

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def get_text_width_height_descent(
        self, s: str, prop: Any, ismath: bool | str
    ) -> tuple[float, float, float]:
        # The unhinted outline metrics that the SVG and PDF backends use, so a
        # chart lays out as it did through SVG.
        return self._text2path.get_text_width_height_descent(s, prop, ismath)

    def draw_path(
        self,
        gc: GraphicsContextBase,
        path: Path,
        transform: Transform,
        rgbFace: Sequence[float] | None = None,  # noqa: N803 - matplotlib's name
    ) -> None:
        if gc.get_hatch() is not None:
            raise UnsupportedChartFeature("hatched patches")
        fill = rgbFace is not None and (len(rgbFace) <= 3 or rgbFace[3] != 0.0)
        stroke_rgb = gc.get_rgb()
        stroke = gc.get_linewidth() > 0 and gc.get_alpha() > 0 and stroke_rgb[3] != 0.0
        if not fill and not stroke:
            return

        fill_alpha, stroke_alpha = _effective_alphas(gc, rgbFace)
        # An opacity the path does not paint with is left as it is, so
        # unstroked shapes do not start a new segment.
        self._use_alphas(
            (fill_alpha if fill else self._alphas[0], stroke_alpha if stroke else self._alphas[1])
        )
        operators = [b"q", *_clip_operators(gc)]
        if fill:
            operators.append(_colour(rgbFace, b"rg"))
        if stroke:
            operators += _stroke_operators(gc, stroke_rgb)
        # As matplotlib's PDF backend does: only unfilled paths are clipped
        # to the canvas and simplified.
        clip = None if fill else (0.0, 0.0, self.width, self.height)
        operators.append(_path_operators(path, transform, clip, gc.get_sketch_params()))
        if fill and stroke:
            operators.append(b"B Q")
        elif fill:
            operators.append(b"f Q")
        else:
            operators.append(b"S Q")
        self._pending.append(b" ".join(operators))

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: Any,
        angle: float,
        ismath: bool | str = False,
        mtext: Any = None,
    ) -> None:
        """Draw ``s`` as glyph outlines, each glyph's path written once and moved with ``cm``.

        A glyph's operators are then the same wherever it occurs, so the
        page stream compresses as well as the SVG backend's reused glyphs.
        Math text goes through the base class as one path.
        """
        if ismath:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        rgb = gc.get_rgb()
        fill_alpha = gc.get_alpha() if gc.get_forced_alpha() else rgb[3]
        if fill_alpha == 0:
            return

        text2path = self._text2path
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        # TextToPath._get_font is private; matplotlib's SVG backend calls it
        # the same way to lay out glyphs for text drawn as outlines.
        glyphs, outlines, _rects = text2path.get_glyphs_with_font(
            text2path._get_font(prop), s, features=features, language=language
        )
        placement = (
            Affine2D()
            .scale(prop.get_size_in_points() / text2path.FONT_SCALE)
            .rotate_deg(angle)
            .translate(x, y)
        )
        self._use_alphas((fill_alpha, self._alphas[1]))
        operators = [b"q", *_clip_operators(gc), _colour(rgb, b"rg"), _matrix(placement)]
        for name, x_offset, y_offset, scale in glyphs:
            if name not in self._glyph_operators:
                verts, codes = outlines[name]
                self._glyph_operators[name] = _path_operators(
                    Path(verts, codes), IdentityTransform(), None, None
                )
            glyph = Affine2D().scale(scale).translate(x_offset, y_offset)
            operators += [b"q", _matrix(glyph), self._glyph_operators[name], b"f Q"]
        operators.append(b"Q")
        self._pending.append(b" ".join(operators))

    def draw_image(self, gc: GraphicsContextBase, x: float, y: float, im: Any, *args: Any) -> None:
        raise UnsupportedChartFeature("images")

    def draw_gouraud_triangles(self, gc: GraphicsContextBase, *args: Any) -> None:
        raise UnsupportedChartFeature("Gouraud shading")

    def _use_alphas(self, alphas: tuple[float, float]) -> None:
        if alphas != self._alphas:
            self._close_segment()
            self._alphas = alphas

    def _close_segment(self) -> None:
        if self._pending:
            operators = b"\n".join(self._pending).decode("ascii")
            self._segments.append(ChartSegment(operators, *self._alphas))
            self._pending = []


def _effective_alphas(
    gc: GraphicsContextBase, rgb_face: Sequence[float] | None
) -> tuple[float, float]:
    """Return (fill, stroke) opacity the way matplotlib's PDF backend works them out."""
    if gc.get_forced_alpha():
        return gc.get_alpha(), gc.get_alpha()
    stroke_alpha = gc.get_rgb()[3]
    if rgb_face is None or len(rgb_face) < 4:
        return 1.0, stroke_alpha
    return rgb_face[3], stroke_alpha


def _clip_operators(gc: GraphicsContextBase) -> list[bytes]:
    operators = []
    rectangle = gc.get_clip_rectangle()
    if rectangle is not None:
        operators += [pdfRepr(rectangle), b"re W n"]
    clip_path, affine = gc.get_clip_path()
    if clip_path is not None:
        operators += [_path_operators(clip_path, affine, None, None), b"W n"]
    return operators


def _stroke_operators(gc: GraphicsContextBase, rgb: Sequence[float]) -> list[bytes]:
    offset, dashes = gc.get_dashes()
    dash_array = pdfRepr(list(dashes)) if dashes is not None else b"[]"
    return [
        _colour(rgb, b"RG"),
        pdfRepr(gc.get_linewidth()) + b" w",
        b"%d J" % _CAP_STYLES[gc.get_capstyle()],
        b"%d j" % _JOIN_STYLES[gc.get_joinstyle()],
        dash_array + b" " + pdfRepr(offset if dashes is not None else 0) + b" d",
    ]


def _matrix(transform: Affine2D) -> bytes:
    """Return the ``cm`` operator that applies the affine ``transform``."""
    (a, c, e), (b, d, f), _row = transform.get_matrix()
    return b"%.6g %.6g %.6g %.6g %.2f %.2f cm" % (a, b, c, d, e, f)


def _colour(rgb: Sequence[float], operator: bytes) -> bytes:
    # Four significant digits tell apart all 256 levels of an 8-bit channel.
    return b"%.4g %.4g %.4g %s" % (*rgb[:3], operator)


def _path_operators(
    path: Path,
    transform: Transform,
    clip: tuple[float, float, float, float] | None,
    sketch: tuple[float, float, float] | None,
) -> bytes:
    simplify = path.should_simplify if clip is not None else False
    # NOTE: convert_to_string is private matplotlib API (3.11), which its PDF
    # backend calls through PdfFile.pathOperations with 6 decimals. Fewer
    # decimals keep the files as small as the SVG route's were.
    return _path.convert_to_string(
        path, transform, clip, simplify, sketch, COORDINATE_DECIMALS, _PATH_CODES, True
    )


class FigureCanvasPdfOperators(FigureCanvasBase):
    """A canvas that hands the recording renderer to the layout engine."""

    fixed_dpi = POINTS_PER_INCH

    def __init__(self, figure: Figure, renderer: RendererPdfOperators) -> None:
        super().__init__(figure)
        self._renderer = renderer

    def get_renderer(self) -> RendererPdfOperators:
        return self._renderer


def record_figure(figure: Figure) -> RecordedChart:
    """Draw ``figure`` once, layout engine included, and return its PDF operators.

    ``savefig`` would draw a figure with a layout engine twice (once with
    drawing disabled to run the layout), so this draws it the way an
    interactive canvas does: ``Figure.draw`` runs the layout engine and then
    draws. The figure is drawn at 72 dpi, so display units are points as in
    matplotlib's vector backends; its dpi and canvas are restored afterwards.

    Raises ``UnsupportedChartFeature`` when the figure contains an image, a
    hatch or Gouraud shading.
    """
    width, height = figure.get_size_inches()
    renderer = RendererPdfOperators(width * POINTS_PER_INCH, height * POINTS_PER_INCH)
    previous_canvas, previous_dpi = figure.canvas, figure.dpi
    # Creating the canvas attaches it to the figure, which is how the layout
    # engine finds the renderer to measure text with.
    FigureCanvasPdfOperators(figure, renderer)
    figure.dpi = POINTS_PER_INCH
    try:
        figure.draw(renderer)
    finally:
        figure.dpi = previous_dpi
        figure.set_canvas(previous_canvas)
    return renderer.recorded()


class ChartFlowable(Flowable):
    """A recorded chart scaled to ``width`` points, drawn by appending its operators."""

    def __init__(self, chart: RecordedChart, width: float) -> None:
        super().__init__()
        self.chart = chart
        self.scale = width / chart.width
        self.width = width
        self.height = chart.height * self.scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        alphas = (1.0, 1.0)
        for segment in self.chart.segments:
            if (segment.fill_alpha, segment.stroke_alpha) != alphas:
                canvas.setFillAlpha(segment.fill_alpha)
                canvas.setStrokeAlpha(segment.stroke_alpha)
                alphas = (segment.fill_alpha, segment.stroke_alpha)
            canvas.addLiteral(segment.operators)
        canvas.restoreState()
