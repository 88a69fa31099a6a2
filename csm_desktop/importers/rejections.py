"""Every row an import rejected, written to a CSV file as the import runs.

The report keeps the first ``MAX_ISSUES`` rejections in memory for the
screen. A file of millions of rows can reject more than that, so each
rejection also goes to a CSV file beside the user's data, which the user can
save elsewhere, fix and import again. Only the newest ``KEEP_FILES`` files
are kept.
"""

from __future__ import annotations

import csv
import logging
import re
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from csm_desktop.paths import user_data_dir

log = logging.getLogger(__name__)

FOLDER_NAME = "import-rejections"
KEEP_FILES = 20
HEADER = ("file", "line", "column", "value", "reason")


def rejections_folder() -> Path:
    """Return the folder that contains the rejection files."""
    return user_data_dir() / FOLDER_NAME


class RejectionLog:
    """A CSV file of rejections, created on the first one."""

    def __init__(self, source_name: str, folder: Path | None = None) -> None:
        self._source_name = source_name
        self._folder = folder or rejections_folder()
        self._handle: TextIO | None = None
        self._writer: Any = None
        self.path: Path | None = None
        self.count = 0

    def add(self, line: int, column: str, value: str, reason: str) -> None:
        """Write one rejected value; the file is opened on the first call."""
        if self._writer is None:
            self._open()
        assert self._writer is not None
        self._writer.writerow((self._source_name, line, column, value, reason))
        self.count += 1

    def close(self) -> Path | None:
        """Close the file and prune old ones; return its path, or None when nothing was rejected."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._writer = None
            _prune(self._folder)
            log.info("Wrote %d rejected values to %s", self.count, self.path)
        return self.path

    def _open(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stem = re.sub(r"[^\w.-]+", "_", Path(self._source_name).stem)[:60] or "import"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        self.path = self._folder / f"{stem}-rejected-{stamp}.csv"
        # utf-8-sig so that Excel reads accents in the values correctly.
        self._handle = self.path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._handle)
        self._writer.writerow(HEADER)


def _prune(folder: Path) -> None:
    """Delete all but the newest ``KEEP_FILES`` rejection files."""
    files = sorted(
        folder.glob("*-rejected-*.csv"), key=lambda path: path.name.rsplit("-rejected-")[-1]
    )
    for old in files[:-KEEP_FILES]:
        try:
            old.unlink()
        except OSError as exc:
            log.warning("Could not delete the old rejection file %s: %s", old, exc)
