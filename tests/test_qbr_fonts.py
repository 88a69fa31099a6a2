"""DejaVu font registration and the glyph coverage check."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from csm_desktop.reports.fonts import FontNames, missing_glyphs, register_fonts


def test_register_fonts_names() -> None:
    names = register_fonts()

    assert names == FontNames(
        "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"
    )
    for name in names:
        assert pdfmetrics.getFont(name).fontName == name


def test_register_fonts_is_idempotent() -> None:
    assert register_fonts() is register_fonts()


def test_missing_glyphs_covered_text() -> None:
    assert missing_glyphs("Łódź Ωμέγα Ñandú € ¿Qué? 1.234,56 – “ok”\n\t") == set()


def test_missing_glyphs_japanese_covered() -> None:
    assert missing_glyphs("Tokyo 東京 office 株式会社 ｶﾀｶﾅ") == set()


def test_missing_glyphs_reports_uncovered() -> None:
    # Hangul is in neither DejaVu Sans nor IPAexGothic.
    assert missing_glyphs("Seoul 서울 東京") == {"서", "울"}
