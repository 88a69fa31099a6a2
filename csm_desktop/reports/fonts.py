"""DejaVu Sans for PDFs, registered with reportlab from matplotlib's own copy.

The base-14 PDF fonts cover only WinAnsi, so names such as "Łódź" or
"Ωμέγα" would print as black boxes. DejaVu Sans ships inside matplotlib's
data folder, which makes it available on every install without a system
font package, and reportlab embeds it as a subset.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

log = logging.getLogger(__name__)

FAMILY = "DejaVuSans"

_FILES = {
    "regular": ("DejaVuSans", "DejaVuSans.ttf"),
    "bold": ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
    "italic": ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"),
    "bold_italic": ("DejaVuSans-BoldOblique", "DejaVuSans-BoldOblique.ttf"),
}

_lock = threading.Lock()
_registered: FontNames | None = None


class FontNames(NamedTuple):
    """reportlab font names to put in ``fontName`` of styles and table commands."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def font_dir() -> Path:
    """Return matplotlib's folder of bundled TrueType fonts."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def register_fonts() -> FontNames:
    """Register the four DejaVu Sans faces and the family mapping, once per process.

    Safe to call from several threads. Raises ``FileNotFoundError`` when
    matplotlib's copy of a face is missing.
    """
    global _registered

    with _lock:
        if _registered is not None:
            return _registered

        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = font_dir()
        for name, filename in _FILES.values():
            path = folder / filename
            if not path.is_file():
                raise FileNotFoundError(
                    f"Font file {path} is missing; reinstall matplotlib to restore it."
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))

        names = FontNames(*(name for name, _ in _FILES.values()))
        pdfmetrics.registerFontFamily(
            FAMILY,
            normal=names.regular,
            bold=names.bold,
            italic=names.italic,
            boldItalic=names.bold_italic,
        )
        _registered = names
        log.debug("Registered %s fonts from %s", FAMILY, folder)
        return names


@cache
def _regular_code_points() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("DejaVuSans-cmap", str(font_dir() / _FILES["regular"][1])).face
    return frozenset(face.charToGlyph)


def missing_glyphs(text: str) -> set[str]:
    """Return the characters of ``text`` that DejaVu Sans has no glyph for.

    Control characters (line breaks, tabs) are left out because the PDF
    layout handles them and never draws them.
    """
    covered = _regular_code_points()
    return {
        char
        for char in set(text)
        if ord(char) not in covered and unicodedata.category(char) != "Cc"
    }
