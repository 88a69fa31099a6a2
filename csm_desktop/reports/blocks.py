"""Building blocks shared by report sections: headings, notes, tables, KPI tiles and narratives.

Every table built here repeats its header row on each page it continues
onto and wraps cell text in Paragraphs, so long names wrap instead of
overflowing the page.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from csm_desktop.formatting import format_number
from csm_desktop.reports.markup import inline, markup, narrative_blocks
from csm_desktop.reports.styles import (
    RULE,
    TABLE_HEADER,
    ReportStyles,
    grid_table_style,
    key_value_table_style,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SectionContext:
    """Styles, locale and usable text width shared by every section."""

    styles: ReportStyles
    locale: QLocale
    width: float


def heading(text: str, context: SectionContext) -> Paragraph:
    """Return a section heading; the document lists it in the contents and the outline."""
    return Paragraph(markup(text), context.styles.heading)


def subheading(text: str, context: SectionContext) -> Paragraph:
    return Paragraph(markup(text), context.styles.subheading)


def note(text: str, context: SectionContext) -> Paragraph:
    """Return a muted sentence, used where a section has no data."""
    return Paragraph(markup(text), context.styles.muted)


def body(text: str, context: SectionContext) -> Paragraph:
    return Paragraph(markup(text), context.styles.body)


def narrative(text: str, context: SectionContext) -> list[Flowable]:
    """Lay out narrative text: one paragraph per line, "- " lines as bullets."""
    styles = context.styles
    flowables: list[Flowable] = []
    for kind, text_markup in narrative_blocks(text):
        if kind == "bullet":
            flowables.append(Paragraph(text_markup, styles.bullet, bulletText="•"))
        else:
            flowables.append(Paragraph(text_markup, styles.body))
    return flowables


def cell_text(value: object, context: SectionContext) -> str:
    """Render a cell value: ints and floats for the locale, None as a dash."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        decimals = 0 if float(value).is_integer() else 1
        return format_number(value, context.locale, decimals)
    return str(value)


def key_values(rows: Sequence[tuple[str, object]], context: SectionContext) -> Table:
    """Lay out label and value pairs in two columns, values right-aligned."""
    styles = context.styles
    cells = [
        [
            Paragraph(markup(label), styles.cell),
            Paragraph(markup(cell_text(value, context)), styles.cell_right),
        ]
        for label, value in rows
    ]
    table = Table(cells, colWidths=[context.width * 0.6, context.width * 0.4], hAlign="LEFT")
    table.setStyle(key_value_table_style(styles.fonts, len(cells)))
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    shares: Sequence[float],
    context: SectionContext,
    *,
    right: Sequence[int] = (),
) -> Table:
    """Lay out a table with a tinted header row that repeats on every page.

    ``shares`` are the column widths as fractions of the text width;
    ``right`` lists the columns to align right (numbers).
    """
    styles = context.styles
    header_cells = [
        Paragraph(markup(text), styles.cell_header_right if index in right else styles.cell_header)
        for index, text in enumerate(header)
    ]
    body_rows = [
        [
            Paragraph(
                markup(cell_text(value, context)),
                styles.cell_right if index in right else styles.cell,
            )
            for index, value in enumerate(row)
        ]
        for row in rows
    ]
    widths = fit_widths(
        [context.width * share for share in shares], _needed_widths(header, rows, context)
    )
    table = Table([header_cells, *body_rows], colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_table_style(styles.fonts))
    return table


def _needed_widths(
    header: Sequence[str], rows: Sequence[Sequence[object]], context: SectionContext
) -> list[float]:
    """Return each column's widest unbreakable word, header and body cells alike."""
    styles = context.styles
    needed = []
    for index, text in enumerate(header):
        cells = (longest_word(cell_text(row[index], context), styles.cell) for row in rows)
        needed.append(max([longest_word(text, styles.cell_header), *cells]))
    return needed


# reportlab's default left and right cell padding, in points.
CELL_PADDING = 6
# Words up to this many characters get a column wide enough for one line when
# the other columns can give the room. Longer ones (URLs, pasted tokens) may
# break rather than squeeze the other columns.
MAX_UNBROKEN_CHARS = 24
# Whitespace reportlab breaks lines at: all of it except the no-break space.
_WORD_BREAKS = re.compile(r"[^\S\u00a0]+")


def longest_word(text: str, style: ParagraphStyle) -> float:
    """Return the width in points of the widest word of ``text`` that must not wrap.

    Words are split at whitespace other than the no-break space, as
    reportlab breaks lines, so a value joined by no-break spaces counts as one word.
    """
    words = [word for word in _WORD_BREAKS.split(text) if 0 < len(word) <= MAX_UNBROKEN_CHARS]
    return max((stringWidth(word, style.fontName, style.fontSize) for word in words), default=0)


def fit_header_words(
    widths: Sequence[float], header: Sequence[str], style: ParagraphStyle
) -> list[float]:
    """Widen columns whose header's longest word does not fit; see ``fit_widths``."""
    return fit_widths(widths, [longest_word(text, style) for text in header])


def fit_widths(widths: Sequence[float], needed: Sequence[float]) -> list[float]:
    """Widen each column to its ``needed`` text width plus padding, taking room from the others.

    Shares chosen for English titles broke longer translations mid-word
    ("Puntua-ción") and dates mid-value ("31/12/202" above "4"). The room
    comes from the columns with the most room to spare, usually the widest
    text column, and the total width stays the same. When the other columns
    cannot give enough room, the widths are returned unchanged.
    """
    minimum = [need + 2 * CELL_PADDING for need in needed]
    fitted = [max(width, need) for width, need in zip(widths, minimum, strict=True)]
    extra = sum(fitted) - sum(widths)
    if extra <= 0:
        return fitted

    spare = {index: fitted[index] - minimum[index] for index in range(len(fitted))}
    if sum(spare.values()) < extra:
        log.debug("Table columns cannot fit their longest words: %s", needed)
        return list(widths)
    for index in sorted(spare, key=lambda index: spare[index], reverse=True):
        narrowed = min(spare[index], extra)
        fitted[index] -= narrowed
        extra -= narrowed
        if extra <= 0:
            break
    return fitted


def kpi_tiles(tiles: Sequence[tuple[str, str]], context: SectionContext) -> Table:
    """Lay out up to four (value, label) tiles in one row, values large."""
    styles = context.styles
    values = [Paragraph(inline(value), styles.kpi_value) for value, _ in tiles]
    labels = [Paragraph(inline(label), styles.kpi_label) for _, label in tiles]
    width = context.width / max(len(tiles), 1)
    table = Table([values, labels], colWidths=[width] * len(tiles), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Without a font, reportlab sets Helvetica on the canvas for
                # each cell, which then shows up as an unembedded font.
                ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
                ("BACKGROUND", (0, 0), (-1, -1), TABLE_HEADER),
                ("LINEAFTER", (0, 0), (-2, -1), 2, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 2, styles.palette.accent),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
            ]
        )
    )
    return table
