"""Fonts for PDFs: DejaVu Sans from matplotlib's own copy, and IPAexGothic for Japanese.

The base-14 PDF fonts cover only WinAnsi, so names such as "Łódź" or
"Ωμέγα" would print as black boxes. DejaVu Sans ships inside matplotlib's
data folder, which makes it available on every install without a system
font package, and reportlab embeds it as a subset. DejaVu has no CJK
ideographs or kana, so the app ships IPAexGothic (resources/fonts) and
text runs that only it covers are set in it.
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
CJK_FONT = "IPAexGothic"
CJK_FILE = "ipaexg.ttf"

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
    # Fallback face for characters DejaVu Sans lacks (one weight only).
    cjk: str = CJK_FONT


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

        cjk_path = cjk_font_path()
        if not cjk_path.is_file():
            raise FileNotFoundError(f"Font file {cjk_path} is missing; reinstall CSM Desktop.")
        pdfmetrics.registerFont(TTFont(CJK_FONT, str(cjk_path)))

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


def cjk_font_path() -> Path:
    """Return the shipped IPAexGothic file."""
    from csm_desktop.paths import resource_path

    return resource_path("fonts", CJK_FILE)


@cache
def _regular_code_points() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("DejaVuSans-cmap", str(font_dir() / _FILES["regular"][1])).face
    return frozenset(face.charToGlyph)


@cache
def _cjk_code_points() -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFont

    return frozenset(TTFont("IPAexGothic-cmap", str(cjk_font_path())).face.charToGlyph)


def needs_cjk_font(char: str) -> bool:
    """Return True when DejaVu Sans lacks ``char`` and IPAexGothic has it."""
    code = ord(char)
    return code not in _regular_code_points() and code in _cjk_code_points()


def regular_font_covers(text: str) -> bool:
    """Return True when DejaVu Sans has a glyph for every character of ``text``."""
    regular = _regular_code_points()
    return all(ord(char) in regular for char in text)


def missing_glyphs(text: str) -> set[str]:
    """Return the characters of ``text`` that neither DejaVu Sans nor IPAexGothic covers.

    Control characters (line breaks, tabs) are left out because the PDF
    layout handles them and never draws them.
    """
    regular, cjk = _regular_code_points(), _cjk_code_points()
    return {
        char
        for char in set(text)
        if ord(char) not in regular and ord(char) not in cjk and unicodedata.category(char) != "Cc"
    }
