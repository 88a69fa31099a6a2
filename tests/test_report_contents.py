"""The report contents list: one layout pass, page numbers, links and PDF outline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, PageBreak, Paragraph

from csm_desktop.reports import document
from csm_desktop.reports.document import DocumentInfo, build_document, contents_list
from csm_desktop.reports.fonts import register_fonts
from csm_desktop.reports.styles import build_styles

INFO = DocumentInfo(
    title="Contents test",
    author="",
    subject="",
    language="en-GB",
    header_left="Header",
    header_right="",
    footer_left="Footer",
)
LONG_TEXT = "A sentence that fills the line with words for the layout. " * 60


def _story(styles, *, nested: bool) -> list:
    """Return a cover, the contents and three sections of about a page each."""
    story = [
        Paragraph("Cover", styles.cover_title),
        PageBreak(),
        *contents_list(styles),
        PageBreak(),
    ]
    for number in range(1, 4):
        heading = Paragraph(f"Section {number}", styles.heading)
        body = Paragraph(LONG_TEXT, styles.body)
        if nested and number == 2:
            story.append(KeepTogether([heading, body]))
        else:
            story += [heading, body]
    return story


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, nested: bool) -> tuple[Path, int]:
    """Build the test story and return the PDF and the number of layout passes."""
    passes = []
    original_build = document.ReportDocTemplate.build

    def counting_build(self, *args, **kwargs):
        passes.append(1)
        return original_build(self, *args, **kwargs)

    monkeypatch.setattr(document.ReportDocTemplate, "build", counting_build)
    styles = build_styles(register_fonts())
    path = tmp_path / "contents.pdf"
    build_document(
        path, _story(styles, nested=nested), styles=styles, info=INFO, paper=A4, cancel=None
    )
    return path, len(passes)


def _section_pages(reader: PdfReader) -> dict[str, int]:
    """Return the first page (from 1) whose text contains each section title."""
    texts = [page.extract_text() for page in reader.pages]
    return {
        f"Section {number}": next(
            index + 1
            for index, text in enumerate(texts[2:], start=2)
            if f"Section {number}" in text
        )
        for number in range(1, 4)
    }


def test_contents_laid_out_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, passes = _build(tmp_path, monkeypatch, nested=False)

    assert passes == 1
    reader = PdfReader(path)
    contents = reader.pages[1].extract_text(extraction_mode="layout")
    listed = {
        title: int(page)
        for title, page in re.findall(r"(Section \d)[ .]+?(\d+)\s*$", contents, re.M)
    }
    assert listed == _section_pages(reader)


def test_contents_nested_heading_second_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A heading inside KeepTogether is not seen before layout, so the first
    # pass finds more headings than expected and the story is laid out again.
    path, passes = _build(tmp_path, monkeypatch, nested=True)

    assert passes == 2
    contents = PdfReader(path).pages[1].extract_text()
    for number in range(1, 4):
        assert f"Section {number}" in contents


def test_outline_and_links_point_to_sections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _passes = _build(tmp_path, monkeypatch, nested=False)
    reader = PdfReader(path)
    expected = _section_pages(reader)

    outline = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    assert outline == expected
    page_of = {page.indirect_reference.idnum: index + 1 for index, page in enumerate(reader.pages)}
    links = [annotation.get_object()["/Dest"][0].idnum for annotation in reader.pages[1]["/Annots"]]
    assert sorted({page_of[link] for link in links}) == sorted(set(expected.values()))
