"""Paragraph and table styles of the QBR PDF, all set in embedded DejaVu Sans.

Every style names its font explicitly: a style that fell back to reportlab's
default Helvetica would print characters outside WinAnsi as black boxes.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from csm_desktop.reports.fonts import FontNames

ACCENT = colors.HexColor("#1f3a5f")
TEXT = colors.HexColor("#24272b")
MUTED = colors.HexColor("#6b7178")
RULE = colors.HexColor("#d5d8dc")
TABLE_HEADER = colors.HexColor("#eef1f5")
HEALTH_FILLS = {
    "red": colors.HexColor("#f4cccc"),
    "yellow": colors.HexColor("#fcefc4"),
    "green": colors.HexColor("#d5ecd4"),
}


@dataclass(frozen=True)
class Palette:
    """Brand colours: ``primary`` for headings, bands and rules, ``accent`` for highlights."""

    primary: colors.Color = ACCENT
    accent: colors.Color = colors.HexColor("#2e6da4")

    @classmethod
    def from_hex(cls, primary: str, accent: str) -> Palette:
        """Build from "#RRGGBB" strings, keeping the default for an invalid one."""
        return cls(primary=_colour(primary, ACCENT), accent=_colour(accent, cls.accent))


def _colour(text: str, fallback: colors.Color) -> colors.Color:
    try:
        return colors.HexColor(text)
    except (ValueError, TypeError):
        return fallback


@dataclass(frozen=True)
class ReportStyles:
    fonts: FontNames
    palette: Palette
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    muted: ParagraphStyle
    note_heading: ParagraphStyle
    note_meta: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_header: ParagraphStyle
    cell_header_right: ParagraphStyle
    bullet: ParagraphStyle
    quote: ParagraphStyle
    kpi_value: ParagraphStyle
    kpi_label: ParagraphStyle
    toc_entry: ParagraphStyle


def build_styles(fonts: FontNames, palette: Palette | None = None) -> ReportStyles:
    """Build the report's styles on the registered DejaVu font names and brand colours.

    Headings keep with the next flowable, so none is left alone at the foot
    of a page.
    """

    def style(name: str, size: float, *, bold: bool = False, **extra: object) -> ParagraphStyle:
        options: dict[str, object] = {
            "fontName": fonts.bold if bold else fonts.regular,
            "fontSize": size,
            "leading": size * 1.35,
            "textColor": TEXT,
            "alignment": TA_LEFT,
        }
        options.update(extra)
        return ParagraphStyle(name, **options)

    palette = palette or Palette()
    primary = palette.primary
    return ReportStyles(
        fonts=fonts,
        palette=palette,
        cover_kicker=style("CoverKicker", 12, bold=True, textColor=primary, spaceAfter=6),
        cover_title=style("CoverTitle", 28, bold=True, leading=34, spaceAfter=10),
        cover_subtitle=style("CoverSubtitle", 15, textColor=primary, spaceAfter=28),
        cover_meta=style("CoverMeta", 10, textColor=MUTED, spaceAfter=3),
        heading=style(
            "Heading", 15, bold=True, keepWithNext=1, textColor=primary, spaceBefore=6, spaceAfter=8
        ),
        subheading=style("Subheading", 11, bold=True, keepWithNext=1, spaceBefore=8, spaceAfter=4),
        body=style("Body", 9.5, spaceAfter=6),
        muted=style("Muted", 9.5, textColor=MUTED, fontName=fonts.italic, spaceAfter=6),
        note_heading=style(
            "NoteHeading", 10.5, bold=True, keepWithNext=1, spaceBefore=10, spaceAfter=2
        ),
        note_meta=style("NoteMeta", 8.5, keepWithNext=1, textColor=MUTED, spaceAfter=4),
        cell=style("Cell", 9),
        cell_right=style("CellRight", 9, alignment=TA_RIGHT),
        cell_header=style("CellHeader", 9, bold=True),
        cell_header_right=style("CellHeaderRight", 9, bold=True, alignment=TA_RIGHT),
        bullet=style(
            "Bullet", 9.5, leftIndent=12, bulletIndent=2, spaceAfter=3, bulletFontName=fonts.regular
        ),
        quote=style(
            "Quote",
            9.5,
            fontName=fonts.italic,
            leftIndent=10,
            borderPadding=(2, 0, 2, 6),
            borderColor=palette.accent,
            borderWidth=0,
            spaceAfter=2,
        ),
        kpi_value=style("KpiValue", 16, bold=True, textColor=primary, alignment=TA_CENTER),
        kpi_label=style("KpiLabel", 8, textColor=MUTED, alignment=TA_CENTER),
        toc_entry=style("TocEntry", 10.5, leftIndent=0, spaceBefore=3),
    )


def key_value_table_style(fonts: FontNames, rows: int) -> TableStyle:
    """Style a two-column label and value table with light rules between rows."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, rows - 1), 0.5, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]
    )


def grid_table_style(fonts: FontNames) -> TableStyle:
    """Style a table whose first row is a header row on a tinted background."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
            ("FONTNAME", (0, 0), (-1, 0), fonts.bold),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("TEXTCOLOR", (0, 0), (-1, -1), TEXT),
            ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEADER),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
