"""Export a Quarterly Business Review PDF for one account and one quarter.

Import this module only on the export path: it imports matplotlib and
reportlab, which the app's start-up must not pay for.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer

from csm_desktop.health.bands import DEFAULT_BANDS, Bands
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.quarters import Quarter
from csm_desktop.reports import labels
from csm_desktop.reports.charts import (
    HealthPoint,
    figure_to_svg_drawing,
    health_timeline_figure,
    usage_figure,
)
from csm_desktop.reports.fonts import missing_glyphs, register_fonts
from csm_desktop.reports.pdf_writer import (
    NumberedCanvas,
    PageNumberStyle,
    page_size_for,
    write_atomically,
)
from csm_desktop.reports.qbr_sections import (
    SectionContext,
    cover_section,
    health_section,
    notes_section,
    support_section,
    usage_section,
)
from csm_desktop.reports.styles import ACCENT, MUTED, RULE, ReportStyles, build_styles
from csm_desktop.services.qbr_data import QbrData, gather_qbr_data
from csm_desktop.store.database import Database

log = logging.getLogger(__name__)

MARGIN = 20 * mm
HEADER_GAP = 10 * mm
# Chart height as a share of the text width; at 0.32 both charts and the usage
# totals fit on one A4 page after the cover.
CHART_HEIGHT_RATIO = 0.32
STEPS = 5


@dataclass(frozen=True)
class _PageDecor:
    """Text of the running header and footer, and the cancel check run on each page."""

    styles: ReportStyles
    header_left: str
    header_right: str
    footer_left: str
    cancel: CancelToken | None


def export_qbr(
    db: Database,
    account_id: uuid.UUID,
    quarter: Quarter,
    out_path: Path | str,
    *,
    locale: QLocale | None = None,
    csm_name: str | None = None,
    company_name: str | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    page_size: str | None = None,
    prepared_on: date | None = None,
    bands: Bands = DEFAULT_BANDS,
    include_internal_notes: bool = False,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write the QBR PDF for ``account_id`` and ``quarter`` to ``out_path`` and return its path.

    The paper is US Letter for US and Canadian locales and A4 otherwise,
    unless ``page_size`` ("A4" or "Letter") overrides it. ``csm_name``
    defaults to the account's owner. The file is written atomically, so
    an error or ``Cancelled`` leaves no partial or temporary file behind.
    ``warn`` receives messages about content the PDF cannot show exactly,
    such as characters the embedded font lacks; by default they are logged.

    Raises ``AccountNotFoundError``, ``Cancelled``, ``ValueError`` for an
    invalid ``page_size`` and ``OSError`` when the file cannot be written.
    """
    loc = locale if locale is not None else QLocale()
    paper = page_size_for(loc, page_size)
    warn = warn or log.warning

    progress(0, STEPS, QCoreApplication.translate("QbrReport", "Reading account data"))
    _check(cancel)
    with db.session() as session:
        data = gather_qbr_data(
            session, account_id, quarter, include_internal_notes=include_internal_notes
        )
    csm = csm_name if csm_name is not None else data.account.owner
    _warn_missing_glyphs(data, warn)

    styles = build_styles(register_fonts())
    width = paper[0] - 2 * MARGIN
    context = SectionContext(styles=styles, locale=loc, width=width)

    progress(1, STEPS, QCoreApplication.translate("QbrReport", "Drawing the health chart"))
    _check(cancel)
    health_chart = _health_chart(data, bands, width, styles.fonts.regular)

    progress(2, STEPS, QCoreApplication.translate("QbrReport", "Drawing the usage chart"))
    _check(cancel)
    usage_chart = _usage_chart(data, width, styles.fonts.regular)

    progress(3, STEPS, QCoreApplication.translate("QbrReport", "Laying out the PDF"))
    _check(cancel)
    cover = cover_section(
        data,
        context,
        csm_name=csm,
        company_name=company_name,
        prepared_on=prepared_on or date.today(),
    )
    story: list[Flowable] = [
        *cover,
        PageBreak(),
        *health_section(data, context, health_chart),
        Spacer(1, 6 * mm),
        *usage_section(data, context, usage_chart),
        Spacer(1, 6 * mm),
        *support_section(data, context),
        Spacer(1, 6 * mm),
        *notes_section(data, context),
    ]
    decor = _PageDecor(
        styles=styles,
        header_left=f"{data.account.name} · {labels.short_quarter_label(quarter)}",
        header_right=company_name or "",
        footer_left=QCoreApplication.translate("QbrReport", "Quarterly Business Review"),
        cancel=cancel,
    )

    def build(temp_path: Path) -> None:
        _build_document(temp_path, story, data, decor, paper=paper, csm_name=csm, locale=loc)

    path = write_atomically(Path(out_path), build)
    progress(STEPS, STEPS, QCoreApplication.translate("QbrReport", "Report saved"))
    return path


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


def _warn_missing_glyphs(data: QbrData, warn: Callable[[str], None]) -> None:
    texts = [data.account.name]
    for note in data.notes:
        texts += [note.title, note.attendees or "", note.summary or "", note.body]
        texts += [note.decisions or "", note.next_steps or ""]
    missing = missing_glyphs("".join(texts))
    if missing:
        characters = " ".join(sorted(missing))
        warn(
            QCoreApplication.translate(
                "QbrReport",
                "The PDF font has no glyph for these characters, so they will not print: {chars}",
            ).format(chars=characters)
        )


def _health_chart(data: QbrData, bands: Bands, width: float, font_name: str) -> Flowable:
    points = [HealthPoint(s.as_of, s.score, s.colour) for s in data.health.timeline]
    figure = health_timeline_figure(
        points,
        bands,
        title=QCoreApplication.translate(
            "QbrReport", "Health score over time (dashed line: start of the quarter)"
        ),
        width_in=width / 72,
        height_in=width / 72 * CHART_HEIGHT_RATIO,
        highlight_from=data.quarter.start,
    )
    return figure_to_svg_drawing(figure, width, font_name=font_name)


def _usage_chart(data: QbrData, width: float, font_name: str) -> Flowable:
    usage = data.usage
    title = QCoreApplication.translate(
        "QbrReport", "Feature events per week: {previous} (light) and {current}"
    ).format(
        previous=labels.short_quarter_label(data.quarter.previous()),
        current=labels.short_quarter_label(data.quarter),
    )
    figure = usage_figure(
        [*usage.previous_weekly, *usage.weekly],
        title=title,
        width_in=width / 72,
        height_in=width / 72 * CHART_HEIGHT_RATIO,
        highlight_from=data.quarter.start,
    )
    return figure_to_svg_drawing(figure, width, font_name=font_name)


def _build_document(
    temp_path: Path,
    story: list[Flowable],
    data: QbrData,
    decor: _PageDecor,
    *,
    paper: tuple[float, float],
    csm_name: str | None,
    locale: QLocale,
) -> None:
    quarter_text = labels.short_quarter_label(data.quarter)
    document = SimpleDocTemplate(
        str(temp_path),
        pagesize=paper,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_GAP,
        bottomMargin=MARGIN + HEADER_GAP,
        title=QCoreApplication.translate(
            "QbrReport", "Quarterly Business Review: {name}, {quarter}"
        ).format(name=data.account.name, quarter=quarter_text),
        author=csm_name or "",
        subject=QCoreApplication.translate(
            "QbrReport", "Health, usage, support and notes of {name} for {quarter}"
        ).format(name=data.account.name, quarter=quarter_text),
        creator="CSM Desktop",
        lang=locale.bcp47Name(),
        # Without this the canvas starts in Helvetica, which then shows up
        # as an unembedded font in the file even though no text uses it.
        initialFontName=decor.styles.fonts.regular,
    )
    page_numbers = PageNumberStyle(
        font_name=decor.styles.fonts.regular,
        font_size=8,
        colour=MUTED.rgb(),
        right_x=paper[0] - MARGIN,
        baseline_y=MARGIN,
    )
    document.build(
        story,
        onFirstPage=functools.partial(_draw_cover_page, decor=decor),
        onLaterPages=functools.partial(_draw_running_page, decor=decor),
        canvasmaker=functools.partial(NumberedCanvas, page_numbers=page_numbers),
    )


def fit_text(text: str, font_name: str, font_size: float, max_width: float) -> str:
    """Shorten ``text`` with a trailing ellipsis until it fits ``max_width`` points."""
    if stringWidth(text, font_name, font_size) <= max_width:
        return text
    while text and stringWidth(text + "…", font_name, font_size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_cover_page(canvas: Canvas, document: SimpleDocTemplate, *, decor: _PageDecor) -> None:
    """Draw the accent band across the cover's top edge."""
    _check(decor.cancel)
    width, height = document.pagesize
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.rect(0, height - 18 * mm, width, 18 * mm, stroke=0, fill=1)
    canvas.restoreState()


def _draw_running_page(canvas: Canvas, document: SimpleDocTemplate, *, decor: _PageDecor) -> None:
    """Draw the running header and footer of every page after the cover.

    Raising ``Cancelled`` here stops the build between pages.
    """
    _check(decor.cancel)
    width, height = document.pagesize
    fonts = decor.styles.fonts
    header_y = height - MARGIN
    footer_y = MARGIN

    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.bold, 8)
    # Each side gets at most half the line, so a long account name cannot
    # run into the company name.
    half = (width - 2 * MARGIN) / 2 - 3 * mm
    canvas.drawString(MARGIN, header_y, fit_text(decor.header_left, fonts.bold, 8, half))
    canvas.setFont(fonts.regular, 8)
    canvas.drawRightString(
        width - MARGIN, header_y, fit_text(decor.header_right, fonts.regular, 8, half)
    )
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, header_y - 3 * mm, width - MARGIN, header_y - 3 * mm)
    canvas.line(MARGIN, footer_y + 4 * mm, width - MARGIN, footer_y + 4 * mm)
    canvas.drawString(MARGIN, footer_y, decor.footer_left)
    canvas.restoreState()
