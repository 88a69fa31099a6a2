"""The report document: cover and body page templates, running header and footer, contents.

Shared by the QBR and the portfolio report. Headings set in the ``heading``
style become contents entries and PDF outline bookmarks. The contents list
is drawn when the file is saved (``contents.ContentsList``), so one layout
pass is enough where ``multiBuild`` would take two.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)

from csm_desktop.progress import CancelToken
from csm_desktop.reports.contents import ContentsChanged, ContentsList, heading_entries
from csm_desktop.reports.markup import draw_string, fit_text
from csm_desktop.reports.pdf_writer import NumberedCanvas, PageNumberStyle
from csm_desktop.reports.styles import MUTED, RULE, ReportStyles

log = logging.getLogger(__name__)

MARGIN = 20 * mm
# Layout passes before giving up when the headings keep changing. One is
# usual, because the story's headings are known before layout.
MAX_LAYOUT_PASSES = 3
HEADER_GAP = 10 * mm
COVER_BAND = 18 * mm
LOGO_MAX_HEIGHT = 14 * mm
LOGO_MAX_WIDTH = 50 * mm


@dataclass(frozen=True)
class DocumentInfo:
    """Metadata and running texts of one report."""

    title: str
    author: str
    subject: str
    language: str
    header_left: str
    header_right: str
    footer_left: str
    logo_path: Path | None = None


class ReportDocTemplate(BaseDocTemplate):
    """A document with a "Cover" and a "Body" page template and a contents list.

    ``afterFlowable`` reports every paragraph in the heading style to
    ``contents`` and adds a bookmark, so readers can jump to sections.
    """

    contents: ContentsList | None = None

    def __init__(
        self,
        filename: str,
        *,
        styles: ReportStyles,
        info: DocumentInfo,
        pagesize: tuple[float, float],
        cancel: CancelToken | None,
    ) -> None:
        super().__init__(
            filename,
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_GAP,
            bottomMargin=MARGIN + HEADER_GAP,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator="CSM Desktop",
            lang=info.language,
            # Without this the canvas starts in Helvetica, which then shows up
            # as an unembedded font in the file even though no text uses it.
            initialFontName=styles.fonts.regular,
        )
        self._styles = styles
        self._info = info
        self._cancel = cancel
        self._heading_count = 0
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body", showBoundary=0
        )
        self.addPageTemplates(
            [
                PageTemplate("Cover", [frame], onPage=self._draw_cover_page),
                PageTemplate("Body", [frame], onPage=self._draw_running_page),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - reportlab's name
        if not isinstance(flowable, Paragraph) or flowable.style is not self._styles.heading:
            return
        text = flowable.getPlainText()
        self._heading_count += 1
        key = f"section-{self._heading_count}"
        # NumberedCanvas emits its pages only when it saves, and a bookmark
        # made now would point at the first page, so it is made at save.
        self.canv.draw_when_saved(functools.partial(_bookmark_section, key=key, title=text))
        if self.contents is not None:
            self.contents.addEntry(0, text, self.page, key)

    def beforeDocument(self) -> None:  # noqa: N802 - reportlab's name
        # Keys restart because a pass after ContentsChanged lays out the story again.
        self._heading_count = 0

    def _check_cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()

    def _draw_cover_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Draw the brand band across the cover's top edge and the logo below it."""
        self._check_cancel()
        width, height = document.pagesize
        canvas.saveState()
        canvas.setFillColor(self._styles.palette.primary)
        canvas.rect(0, height - COVER_BAND, width, COVER_BAND, stroke=0, fill=1)
        canvas.setFillColor(self._styles.palette.accent)
        canvas.rect(0, height - COVER_BAND - 1.5 * mm, width, 1.5 * mm, stroke=0, fill=1)
        if self._info.logo_path is not None:
            self._draw_logo(canvas, height - COVER_BAND - 6 * mm)
        canvas.restoreState()

    def _draw_logo(self, canvas: Canvas, top: float) -> None:
        from reportlab.lib.utils import ImageReader

        try:
            image = ImageReader(str(self._info.logo_path))
            image_width, image_height = image.getSize()
        except (OSError, ValueError) as exc:
            log.warning("Logo %s could not be read: %s", self._info.logo_path, exc)
            return
        scale = min(LOGO_MAX_WIDTH / image_width, LOGO_MAX_HEIGHT / image_height)
        draw_width, draw_height = image_width * scale, image_height * scale
        canvas.drawImage(image, MARGIN, top - draw_height, draw_width, draw_height, mask="auto")

    def _draw_running_page(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        """Draw the running header and footer; raising ``Cancelled`` here stops between pages."""
        self._check_cancel()
        width, height = document.pagesize
        fonts = self._styles.fonts
        header_y = height - MARGIN
        footer_y = MARGIN
        # Each side gets at most half the line, so a long account name cannot
        # run into the company name.
        half = (width - 2 * MARGIN) / 2 - 3 * mm

        canvas.saveState()
        canvas.setFillColor(MUTED)
        left = fit_text(self._info.header_left, fonts.bold, 8, half)
        draw_string(canvas, MARGIN, header_y, left, fonts.bold, 8)
        right = fit_text(self._info.header_right, fonts.regular, 8, half)
        draw_string(canvas, width - MARGIN, header_y, right, fonts.regular, 8, align_right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, header_y - 3 * mm, width - MARGIN, header_y - 3 * mm)
        canvas.line(MARGIN, footer_y + 4 * mm, width - MARGIN, footer_y + 4 * mm)
        footer = fit_text(self._info.footer_left, fonts.regular, 8, half)
        draw_string(canvas, MARGIN, footer_y, footer, fonts.regular, 8)
        canvas.restoreState()


def _bookmark_section(canvas: Canvas, *, key: str, title: str) -> None:
    """Make ``key`` point at the current page and list ``title`` in the PDF outline."""
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(title, key, level=0)


def contents_list(styles: ReportStyles) -> list[Flowable]:
    """Return the "Contents" title and the table of contents flowable."""
    toc = ContentsList()
    toc.levelStyles = [styles.toc_entry]
    toc.dotsMinLevel = 0
    # The contents list is a Table inside; without a font its cells set
    # Helvetica on the canvas, which then shows up as an unembedded font.
    toc.tableStyle = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    title = QCoreApplication.translate("QbrReport", "Contents")
    return [Paragraph(title, styles.subheading), toc]


def build_document(
    path: Path,
    story: Sequence[Flowable],
    *,
    styles: ReportStyles,
    info: DocumentInfo,
    paper: tuple[float, float],
    cancel: CancelToken | None,
) -> None:
    """Lay out ``story`` into ``path`` with page numbers on every page after the cover.

    The contents list, if ``story`` has one, is sized for the story's
    headings. Should layout report other headings, the story is laid out
    again with those (at most ``MAX_LAYOUT_PASSES`` times in all).
    """
    document = ReportDocTemplate(str(path), styles=styles, info=info, pagesize=paper, cancel=cancel)
    page_numbers = PageNumberStyle(
        font_name=styles.fonts.regular,
        font_size=8,
        colour=MUTED.rgb(),
        right_x=paper[0] - MARGIN,
        baseline_y=MARGIN,
    )
    canvasmaker = functools.partial(NumberedCanvas, page_numbers=page_numbers)
    document.contents = next((item for item in story if isinstance(item, ContentsList)), None)
    if document.contents is None:
        document.build(list(story), canvasmaker=canvasmaker)
        return

    expected = heading_entries(story, styles.heading)
    for _attempt in range(MAX_LAYOUT_PASSES):
        document.contents.expect(expected)
        try:
            document.build(list(story), canvasmaker=canvasmaker)
            return
        except ContentsChanged as changed:
            log.info(
                "Laying out %s again: %d headings expected, %d laid out",
                path,
                len(expected),
                len(changed.entries),
            )
            expected = changed.entries
    raise RuntimeError(f"The headings of {path} kept changing over {MAX_LAYOUT_PASSES} layouts.")
