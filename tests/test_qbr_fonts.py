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


def test_header_words_fit_their_columns() -> None:
    from reportlab.lib.styles import ParagraphStyle

    from csm_desktop.reports.blocks import CELL_PADDING, fit_header_words

    fonts = register_fonts()
    style = ParagraphStyle("header", fontName=fonts.bold, fontSize=9)
    header = ["Medida", "Puntuación", "Peso", "Explicación"]
    widths = [120.0, 48.0, 48.0, 264.0]

    fitted = fit_header_words(widths, header, style)

    word = pdfmetrics.stringWidth("Puntuación", fonts.bold, 9) + 2 * CELL_PADDING
    assert word > 48.0
    assert fitted[1] >= word
    assert fitted[0] == 120.0
    assert fitted[3] < 264.0
    assert sum(fitted) == sum(widths)


def test_header_fit_keeps_widths_without_room() -> None:
    from reportlab.lib.styles import ParagraphStyle

    from csm_desktop.reports.blocks import fit_header_words

    fonts = register_fonts()
    style = ParagraphStyle("header", fontName=fonts.bold, fontSize=9)

    assert fit_header_words([40.0, 40.0], ["Puntuación", "Explicación"], style) == [40.0, 40.0]
