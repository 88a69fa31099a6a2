"""Page setup, "Page N of M" numbering and atomic writing for report PDFs.

Only the export path imports this module, because it imports reportlab.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger(__name__)

# Page streams are Flate-compressed without the ASCII85 step on top. Every
# PDF reader takes binary streams, files get smaller, and reportlab 5.1
# encodes ASCII85 in pure Python, which took 0.19 s of a QBR's 0.25 s save
# in a pyinstrument profile. The setting is process-wide and read when a
# page is created, so it is set once here, before any report is built.
rl_config.useA85 = 0

PAGE_SIZES = {"a4": A4, "letter": LETTER}
# Territories whose offices print on US Letter rather than ISO A4.
LETTER_TERRITORIES = frozenset({QLocale.Country.UnitedStates, QLocale.Country.Canada})


def page_size_for(locale: QLocale, override: str | None = None) -> tuple[float, float]:
    """Return the paper size in points: ``override`` ("A4" or "Letter") or the locale's paper.

    Raises ``ValueError`` for any other override.
    """
    if override is not None:
        size = PAGE_SIZES.get(override.strip().lower())
        if size is None:
            raise ValueError(f"Invalid page size {override!r}: use A4 or Letter.")
        return size
    return LETTER if locale.territory() in LETTER_TERRITORIES else A4


@dataclass(frozen=True)
class PageNumberStyle:
    """Position, font and colour of the "Page N of M" label at the foot of each page."""

    font_name: str
    font_size: float
    colour: tuple[float, float, float]
    right_x: float
    baseline_y: float
    # Pages counted from 1 that get no label, such as the cover.
    skip_pages: frozenset[int] = frozenset({1})


class NumberedCanvas(Canvas):
    """A canvas that delays emitting each page until the total page count is known.

    ``showPage`` stores the page's drawing state instead of emitting it, and
    ``save`` replays every page with its "Page N of M" label and what
    ``draw_when_saved`` added to it. Pages are small (text and vector
    paths), so keeping them in memory is cheap.
    """

    def __init__(self, *args: Any, page_numbers: PageNumberStyle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._page_numbers = page_numbers
        self._held_pages: list[dict[str, Any]] = []
        self._drawings_at_save: list[Callable[[Canvas], None]] = []

    def draw_when_saved(self, draw: Callable[[Canvas], None]) -> None:
        """Call ``draw`` with this canvas on the current page at save, when every page is laid out.

        An exception from ``draw`` stops ``save`` before anything is written.
        """
        self._drawings_at_save.append(draw)

    def showPage(self) -> None:  # noqa: N802 - reportlab's method name
        self._held_pages.append(dict(self.__dict__))
        # A new list, because the held state keeps the finished page's one.
        self._drawings_at_save = []
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            for draw in self._drawings_at_save:
                draw(self)
            if number not in self._page_numbers.skip_pages:
                self._draw_page_number(number, total)
            super().showPage()
        super().save()

    def _draw_page_number(self, number: int, total: int) -> None:
        style = self._page_numbers
        label = QCoreApplication.translate("QbrReport", "Page {page} of {total}").format(
            page=number, total=total
        )
        self.saveState()
        self.setFont(style.font_name, style.font_size)
        self.setFillColorRGB(*style.colour)
        self.drawRightString(style.right_x, style.baseline_y, label)
        self.restoreState()


def write_atomically(out_path: Path, build: Callable[[Path], None]) -> Path:
    """Run ``build`` on a temporary file beside ``out_path``, then move it into place.

    ``os.replace`` makes the move atomic on one file system, so readers see
    either the old file or the whole new one. If ``build`` raises (including
    ``Cancelled``), the temporary file is removed and the error propagates,
    leaving any earlier file at ``out_path`` untouched.
    """
    target = Path(out_path).expanduser().resolve()
    if not target.parent.is_dir():
        raise FileNotFoundError(
            f"Folder {target.parent} does not exist; choose an existing folder for the PDF."
        )

    temp_path = _create_temp_file(target)
    try:
        build(temp_path)
        with temp_path.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temp_path, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()
        raise
    log.info("Wrote %s", target)
    return target


def _create_temp_file(target: Path) -> Path:
    """Create an empty, uniquely named hidden file beside ``target``.

    Unlike ``tempfile.mkstemp`` (mode 0600), mode 0666 filtered by the umask
    gives the report the permissions of any new document the user saves.
    """
    for _attempt in range(100):
        candidate = target.with_name(f".{target.stem}-{secrets.token_hex(4)}.tmp")
        try:
            handle = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return candidate
    raise FileExistsError(f"Could not create a temporary file beside {target}.")
