"""Read-only lists of one account's notes, timeline, tickets and churn events.

These hold tens to hundreds of rows per account, so plain item widgets are
fast enough here. The big portfolio table has its own model.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from csm_desktop.formatting import format_date, format_number
from csm_desktop.services.accounts import ChurnRow, NoteRow, TicketRow, TimelineEntry
from csm_desktop.ui.note_editor import note_kind_label

# Excerpts in list rows stop after this many characters.
EXCERPT_CHARS = 160


def _excerpt(text: str | None) -> str:
    flat = " ".join((text or "").split())
    if len(flat) <= EXCERPT_CHARS:
        return flat
    return flat[: EXCERPT_CHARS - 1] + "…"


class NotesList(QListWidget):
    """The CSM's notes, newest first, with title, date, type and an excerpt."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSpacing(4)

    def show_notes(self, notes: Sequence[NoteRow]) -> None:
        self.clear()
        if not notes:
            placeholder = QListWidgetItem(
                self.tr("No notes yet. Write the first one on the right.")
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(placeholder)
            return
        for note in notes:
            heading = (
                f"{format_date(note.occurred_on)} · {note_kind_label(note.kind)} — {note.title}"
            )
            lines = [heading, _excerpt(note.body)]
            if note.next_steps:
                lines.append(self.tr("Next steps: %1").replace("%1", _excerpt(note.next_steps)))
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, note.note_id)
            item.setToolTip(note.body)
            self.addItem(item)

    def select_note(self, note_id: uuid.UUID) -> bool:
        """Select and scroll to ``note_id``; return False when the list does not show it."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == note_id:
                self.setCurrentItem(item)
                self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def titles(self) -> list[str]:
        """Return the note titles in display order, for tests and accessibility checks."""
        found = []
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) is not None:
                found.append(item.text().split("\n", 1)[0].split(" — ", 1)[-1])
        return found


def read_only_table(parent: QWidget, headers: Sequence[str]) -> QTableWidget:
    """Return a row-selecting table with ``headers`` whose last column stretches."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def stretched_table(parent: QWidget, headers: Sequence[str], name: str) -> QTableWidget:
    """Return a read-only, row-selecting table whose columns share the width equally.

    The sync dialogs use it: their cells hold values of any length, which
    wrap within equal columns rather than push the table wider.
    """
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setAccessibleName(name)
    return table


def fill_table(
    table: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[object] = ()
) -> None:
    """Replace the rows. ``keys[i]``, when given, is stored as row i's first-cell UserRole."""
    table.setRowCount(len(rows))
    for row_number, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row_number, column, QTableWidgetItem(text))
        if row_number < len(keys):
            table.item(row_number, 0).setData(Qt.ItemDataRole.UserRole, keys[row_number])
    table.resizeColumnsToContents()


def selected_key(table: QTableWidget) -> object | None:
    """Return the key stored on the current row, or None when no row is current."""
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def select_key(table: QTableWidget, key: object) -> bool:
    """Make the row whose stored key is ``key`` current; return False when no row has it."""
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            table.setCurrentCell(row, 0)
            table.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
            return True
    return False


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordViews", text)


def timeline_table(parent: QWidget) -> QTableWidget:
    return read_only_table(parent, [_tr("Date"), _tr("Type"), _tr("Title"), _tr("Detail")])


def show_timeline(table: QTableWidget, entries: Sequence[TimelineEntry]) -> None:
    sources = {"note": _tr("Note"), "ticket": _tr("Ticket"), "churn": _tr("Churn")}
    rows = []
    for entry in entries:
        kind = sources.get(entry.source, entry.source)
        if entry.source == "note":
            kind = note_kind_label(entry.kind)
        elif entry.source == "churn" and entry.kind == "reactivation":
            kind = _tr("Reactivation")
        rows.append([format_date(entry.day), kind, entry.title, _excerpt(entry.detail)])
    fill_table(table, rows)


def tickets_table(parent: QWidget) -> QTableWidget:
    headers = [
        _tr("Opened"),
        _tr("Closed"),
        _tr("Priority"),
        _tr("Status"),
        _tr("CSAT"),
        _tr("Escalated"),
        _tr("Subject"),
    ]
    return read_only_table(parent, headers)


def show_tickets(table: QTableWidget, tickets: Sequence[TicketRow]) -> None:
    rows = [
        [
            format_date(ticket.opened_on),
            format_date(ticket.closed_at.date()) if ticket.closed_at else "",
            ticket.priority or "",
            ticket.status,
            format_number(ticket.csat, decimals=1) if ticket.csat is not None else "",
            _tr("Yes") if ticket.escalated else "",
            ticket.subject or "",
        ]
        for ticket in tickets
    ]
    fill_table(table, rows)


def churn_table(parent: QWidget) -> QTableWidget:
    return read_only_table(parent, [_tr("Date"), _tr("Event"), _tr("Reason"), _tr("Feedback")])


def show_churn_events(table: QTableWidget, events: Sequence[ChurnRow]) -> None:
    rows = [
        [
            format_date(event.churn_date),
            _tr("Churn after reactivation") if event.is_reactivation else _tr("Churn"),
            event.reason_code or "",
            _excerpt(event.feedback_text),
        ]
        for event in events
    ]
    fill_table(table, rows)
