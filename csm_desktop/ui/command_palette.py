"""Ctrl+K: a quick switcher over commands, accounts, contacts and notes.

Commands are the main window's menu actions, matched in memory on every
keystroke. Accounts, contacts and notes are searched in the database on a
worker thread after a short typing pause; an answer to an older query is
dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.formatting import format_date
from csm_desktop.services.search import SearchHit, search_everything
from csm_desktop.store.database import Database
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 120
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def command_matches(text: str, words: Sequence[str]) -> bool:
    """Return whether every word occurs in ``text``, ignoring case and the ``&`` mnemonic."""
    folded = text.replace("&", "").casefold()
    return all(word in folded for word in words)


class CommandPalette(QDialog):
    """The quick switcher. Emits ``hit_chosen`` for an account, contact or note."""

    # The chosen ``SearchHit``: an account, or a contact or note to show in its account.
    hit_chosen = Signal(object)
    # Emitted after each database search has been shown, with the number of hits.
    results_shown = Signal(int)

    def __init__(
        self,
        db: Database,
        runner: JobRunner,
        actions: Sequence[QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._actions = [action for action in actions if action.text()]
        self._query_number = 0
        self._hits: list[SearchHit] = []
        self.setWindowTitle(self.tr("Go to"))
        self.setModal(True)
        self.resize(640, 420)

        layout = QVBoxLayout(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Type an account, contact, note or command"))
        self.search_edit.setAccessibleName(self.tr("Search everywhere"))
        self.search_edit.textChanged.connect(self._on_text_changed)
        self.search_edit.installEventFilter(self)
        layout.addWidget(self.search_edit)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Results"))
        self.results.itemActivated.connect(self._activate)
        layout.addWidget(self.results, stretch=1)
        self.hint = QLabel(self.tr("↑ ↓ to choose, Enter to open, Esc to close"), self)
        layout.addWidget(self.hint)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_search)
        self._show_results()

    # Typing and searching

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._query_number += 1
        self._hits = []
        self._show_results()
        self._debounce.start()

    @Slot()
    def _start_search(self) -> None:
        text = self.search_edit.text().strip()
        number = self._query_number
        if not text:
            return

        def work(*, progress: Any, cancel: Any) -> list[SearchHit]:
            with self._db.session() as session:
                return search_everything(session, text)

        job = self._runner.start("search everywhere", work, read_only=True)
        job.succeeded.connect(lambda hits, number=number: self._on_hits(number, hits))
        job.failed.connect(self._on_failed)

    def _on_hits(self, number: int, hits: list[SearchHit]) -> None:
        if number != self._query_number:
            return
        self._hits = hits
        self._show_results()
        self.results_shown.emit(len(hits))

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        log.warning("Search failed: %s", error)
        self.hint.setText(self.tr("The search failed: %1").replace("%1", str(error)))

    def _show_results(self) -> None:
        words = self.search_edit.text().casefold().split()
        self.results.clear()
        commands = 0
        for action in self._actions:
            if action.isEnabled() and command_matches(action.text(), words):
                self._add_command(action)
                commands += 1
        kinds = {
            "account": self.tr("Account"),
            "contact": self.tr("Contact"),
            "note": self.tr("Note"),
        }
        for hit in self._hits:
            label = kinds.get(hit.kind, hit.kind)
            date_text = f" · {format_date(hit.day)}" if hit.day else ""
            item = QListWidgetItem(f"{label}: {hit.title}\n    {hit.detail}{date_text}")
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        # With a query, the first database hit is the likely target; commands come first otherwise.
        first = commands if words and self._hits else 0
        if self.results.count():
            self.results.setCurrentRow(min(first, self.results.count() - 1))

    def _add_command(self, action: QAction) -> None:
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = self.tr("Command: %1").replace("%1", action.text().replace("&", ""))
        if shortcut:
            text += f"    {shortcut}"
        item = QListWidgetItem(text)
        item.setData(HIT_ROLE, action)
        self.results.addItem(item)

    # Choosing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let the arrow keys and Enter in the search box act on the result list."""
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _NAVIGATION_KEYS:
                self.results.keyPressEvent(event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._activate(item)
                return True
        return super().eventFilter(watched, event)

    @Slot(QListWidgetItem)
    def _activate(self, item: QListWidgetItem) -> None:
        target = item.data(HIT_ROLE)
        self.accept()
        if isinstance(target, QAction):
            target.trigger()
        elif isinstance(target, SearchHit):
            self.hit_chosen.emit(target)
