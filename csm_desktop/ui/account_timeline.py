"""The Timeline tab: every note, ticket and churn event, filtered by type or searched.

Search runs the accent-folding full-text index over the account's notes.
One FTS5 query over one account's notes takes a few milliseconds, so it
runs on the UI thread, 250 ms after the last keystroke.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Sequence

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import format_date, format_number
from csm_desktop.services.accounts import TimelineEntry
from csm_desktop.services.notes import SearchHit, search_notes
from csm_desktop.store.database import Database
from csm_desktop.store.models import ActivityType
from csm_desktop.ui.note_editor import note_kind_label
from csm_desktop.ui.record_views import fill_table, show_timeline, timeline_table

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 250


class TimelineTab(QWidget):
    """Timeline table with a type filter and a search box."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._entries: list[TimelineEntry] = []

        self.filter_combo = QComboBox(self)
        self.filter_combo.setAccessibleName(self.tr("Show entries of type"))
        self.filter_combo.addItem(self.tr("All entries"), "all")
        self.filter_combo.addItem(self.tr("All notes"), "note")
        for kind in ActivityType:
            self.filter_combo.addItem("   " + note_kind_label(kind), f"note:{kind.value}")
        self.filter_combo.addItem(self.tr("Support tickets"), "ticket")
        self.filter_combo.addItem(self.tr("Churn events"), "churn")
        self.filter_combo.currentIndexChanged.connect(self._refresh)

        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search notes (accents optional)"))
        self.search_edit.setAccessibleName(self.tr("Search notes"))
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.count_label = QLabel(self)

        self.table = timeline_table(self)
        self.table.setAccessibleName(self.tr("Timeline"))

        bar = QHBoxLayout()
        bar.addWidget(self.filter_combo)
        bar.addWidget(self.search_edit, stretch=1)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, stretch=1)

    def set_account(self, account_id: uuid.UUID, entries: list[TimelineEntry]) -> None:
        """Show ``entries`` for the account; the filter and search text are kept."""
        self._account_id = account_id
        self._entries = entries
        self._refresh()

    def visible_titles(self) -> list[str]:
        """Return the Title column top to bottom."""
        return [self.table.item(row, 2).text() for row in range(self.table.rowCount())]

    @Slot()
    def search_now(self) -> None:
        """Run the pending search at once (Enter, tests)."""
        self._search_timer.stop()
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        query = self.search_edit.text().strip()
        if query and self._account_id is not None:
            self._show_hits(query)
            return
        chosen = self.filter_combo.currentData()
        entries = [entry for entry in self._entries if _matches(entry, chosen)]
        show_timeline(self.table, entries)
        self.count_label.setText(self.tr("%1 entries").replace("%1", format_number(len(entries))))

    def _show_hits(self, query: str) -> None:
        assert self._account_id is not None
        started = time.perf_counter()
        try:
            with self._db.session() as session:
                hits = search_notes(session, query, self._account_id)
        except SQLAlchemyError:
            log.exception("Searching notes of account %s failed", self._account_id)
            hits = []
        log.debug("Note search %r took %.1f ms", query, (time.perf_counter() - started) * 1000)
        self._fill_hits(hits)
        self.count_label.setText(self.tr("%1 notes match").replace("%1", format_number(len(hits))))

    def _fill_hits(self, hits: Sequence[SearchHit]) -> None:
        rows = [
            [format_date(hit.occurred_on), note_kind_label(hit.kind), hit.title, hit.excerpt]
            for hit in hits
        ]
        fill_table(self.table, rows, [hit.note_id for hit in hits])


def _matches(entry: TimelineEntry, chosen: str) -> bool:
    if chosen == "all":
        return True
    if chosen.startswith("note:"):
        return entry.source == "note" and entry.kind == chosen.removeprefix("note:")
    return entry.source == chosen
