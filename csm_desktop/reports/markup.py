"""Text for reportlab: escaping, line breaks, bullets and the CJK font fallback.

reportlab has no per-glyph font fallback, so every run of characters that
only IPAexGothic covers is wrapped in a ``<font>`` tag here (paragraphs)
or drawn in that font (``draw_string`` for headers and footers).
"""

from __future__ import annotations

import itertools
import logging
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from csm_desktop.reports.fonts import CJK_FONT, needs_cjk_font

log = logging.getLogger(__name__)


def font_runs(text: str) -> list[tuple[bool, str]]:
    """Split ``text`` into (is_cjk, run) pairs of consecutive characters."""
    return [(is_cjk, "".join(chars)) for is_cjk, chars in itertools.groupby(text, needs_cjk_font)]


def inline(text: str | None) -> str:
    """Escape one line of ``text`` for a Paragraph and tag its CJK runs with the fallback font."""
    if not text:
        return ""
    parts = []
    for is_cjk, run in font_runs(text):
        escaped = escape(run)
        parts.append(f'<font name="{CJK_FONT}">{escaped}</font>' if is_cjk else escaped)
    return "".join(parts)


def markup(text: str | None) -> str:
    """Escape ``text`` for a reportlab Paragraph, keeping its line breaks."""
    if not text:
        return ""
    lines = text.strip().replace("\r\n", "\n").split("\n")
    return "<br/>".join(inline(line) for line in lines)


def narrative_blocks(text: str) -> list[tuple[str, str]]:
    """Split narrative text into ("bullet" or "paragraph", markup) blocks, one per line.

    Lines starting with "- ", "* " or "• " are bullets; blank lines are dropped.
    """
    blocks = []
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[:2] in ("- ", "* ", "• "):
            blocks.append(("bullet", inline(stripped[2:].strip())))
        else:
            blocks.append(("paragraph", inline(stripped)))
    return blocks


def text_width(text: str, font_name: str, font_size: float) -> float:
    """Measure ``text`` in points, each run in the font that will draw it."""
    return sum(
        stringWidth(run, CJK_FONT if is_cjk else font_name, font_size)
        for is_cjk, run in font_runs(text)
    )


def fit_text(text: str, font_name: str, font_size: float, max_width: float) -> str:
    """Shorten ``text`` with a trailing ellipsis until it fits ``max_width`` points."""
    if text_width(text, font_name, font_size) <= max_width:
        return text
    while text and text_width(text + "…", font_name, font_size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def draw_string(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    font_name: str,
    font_size: float,
    *,
    align_right: bool = False,
) -> None:
    """Draw one line at (x, y), switching to the CJK font for the runs that need it."""
    if align_right:
        x -= text_width(text, font_name, font_size)
    for is_cjk, run in font_runs(text):
        font = CJK_FONT if is_cjk else font_name
        canvas.setFont(font, font_size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, font, font_size)
