"""The contents list of a report, laid out in one pass and drawn once page numbers are known.

reportlab's ``TableOfContents`` learns its entries while the document is
laid out, so ``multiBuild`` lays the whole story out twice. The headings'
texts are in the story before layout, though, and only their page numbers
come from it. ``ContentsList`` is sized from the expected headings, and
``NumberedCanvas``, which keeps every page until the document ends, draws
it with the final page numbers when the file is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

# (level, text, page number, bookmark key), as TableOfContents stores entries.
Entry = tuple[int, str, int, str | None]


class ContentsChanged(Exception):
    """The headings laid out differ from those the contents list was sized for."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        super().__init__(f"The document has {len(entries)} headings other than expected.")
        self.entries = [(level, text, 0, key) for level, text, _page, key in entries]


class ContentsList(TableOfContents):
    """A table of contents sized from ``expect``'s entries and drawn by the canvas at save time.

    The document reports each heading it lays out through ``addEntry``. The
    list cannot split, which is no limit for the dozen entries of a report
    on a page of its own.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._expected: list[Entry] = []
        self._laid_out: list[Entry] = []
        self._available = (0.0, 0.0)

    def expect(self, entries: Sequence[Entry]) -> None:
        """Size the list for ``entries``, whose page numbers are not known yet."""
        self.clearEntries()
        self.addEntries(entries)
        # beforeBuild makes these the entries that wrap lays out.
        self.beforeBuild()
        self._expected = list(entries)
        self._laid_out = []

    def addEntry(self, level: int, text: str, pageNum: int, key: str | None = None) -> None:  # noqa: N802, N803
        super().addEntry(level, text, pageNum, key)
        self._laid_out.append((level, text, pageNum, key))

    def isIndexing(self) -> int:  # noqa: N802 - reportlab's name
        # Not a multiBuild listener: the final entries arrive in one pass.
        return 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._available = (availWidth, availHeight)
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        from csm_desktop.reports.pdf_writer import NumberedCanvas

        if not isinstance(canvas, NumberedCanvas):
            raise TypeError("ContentsList needs a NumberedCanvas, which draws it at save time.")
        canvas.draw_when_saved(lambda final: self._draw_final(final, x, y, _sW))

    def _draw_final(self, canvas: Canvas, x: float, y: float, shift: float) -> None:
        """Draw the list with the laid-out page numbers.

        Raises ContentsChanged when layout found other headings than expected.
        """
        laid_out = [(level, text, key) for level, text, _page, key in self._laid_out]
        expected = [(level, text, key) for level, text, _page, key in self._expected]
        if laid_out != expected:
            raise ContentsChanged(self._laid_out)
        self.beforeBuild()
        self.wrapOn(canvas, *self._available)
        super().drawOn(canvas, x, y, shift)


def heading_entries(story: Sequence[Flowable], heading_style: object) -> list[Entry]:
    """Return a contents entry for each paragraph of ``story`` set in ``heading_style``.

    Keys are "section-1", "section-2", … in story order, as the document
    template numbers its bookmarks. Headings nested in other flowables are
    not found, so layout then raises ContentsChanged with the real ones.
    """
    headings = [
        flowable
        for flowable in story
        if isinstance(flowable, Paragraph) and flowable.style is heading_style
    ]
    return [
        (0, heading.getPlainText(), 0, f"section-{number}")
        for number, heading in enumerate(headings, start=1)
    ]
