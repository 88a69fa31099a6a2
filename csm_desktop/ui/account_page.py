"""The account workspace: header, charts, tickets, churn events, timeline and notes."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.services.accounts import (
    AccountDetail,
    TimelineEntry,
    account_timeline,
    load_account,
    load_notes,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.account_header import AccountHeader
from csm_desktop.ui.lazy_chart import LazyChart
from csm_desktop.ui.note_editor import NoteEditor
from csm_desktop.ui.record_views import (
    NotesList,
    churn_table,
    show_churn_events,
    show_tickets,
    show_timeline,
    tickets_table,
    timeline_table,
)
from csm_desktop.ui.workers import JobRunner

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

HealthTimeline = list[tuple[date, float | None, str]]


@dataclass(frozen=True, slots=True)
class AccountView:
    """Everything the workspace shows for one account, loaded in one go."""

    detail: AccountDetail
    timeline: list[TimelineEntry]
    health: HealthTimeline


def load_account_view(db: Database, account_id: uuid.UUID) -> AccountView:
    """Load the account, its merged timeline and every weekly health snapshot."""
    from csm_desktop.services.health import health_timeline

    with db.session() as session:
        return AccountView(
            detail=load_account(session, account_id),
            timeline=account_timeline(session, account_id),
            health=health_timeline(session, account_id),
        )


class AccountPage(QWidget):
    """Workspace of one account. ``show_account`` loads it in the background."""

    back_requested = Signal()
    export_requested = Signal(object)
    # Emitted with the account name once the account is on screen.
    loaded = Signal(str)

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._account_id: uuid.UUID | None = None
        self._view: AccountView | None = None

        self.header = AccountHeader(self)
        self.status_label = QLabel(self)
        self.tabs = QTabWidget(self)
        self._build_tabs()

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.header)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, stretch=1)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to portfolio"), self)
        self.back_button.clicked.connect(self.back_requested)
        self.export_button = QPushButton(self.tr("Export QBR…"), self)
        self.export_button.clicked.connect(self._request_export)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        return bar

    def _build_tabs(self) -> None:
        self.health_chart = LazyChart(self)
        self.usage_chart = LazyChart(self)
        self.timeline_view = timeline_table(self)
        self.tickets_view = tickets_table(self)
        self.churn_view = churn_table(self)

        self.notes_list = NotesList(self)
        self.note_editor = NoteEditor(self._db, self)
        self.note_editor.note_saved.connect(self._on_note_saved)
        notes_split = QSplitter(self)
        notes_split.addWidget(self.notes_list)
        notes_split.addWidget(self.note_editor)
        notes_split.setStretchFactor(0, 3)
        notes_split.setStretchFactor(1, 2)

        self.tabs.addTab(self.health_chart, self.tr("Health"))
        self.tabs.addTab(self.usage_chart, self.tr("Usage"))
        self.tabs.addTab(notes_split, self.tr("Notes"))
        self.tabs.addTab(self.timeline_view, self.tr("Timeline"))
        self.tabs.addTab(self.tickets_view, self.tr("Support tickets"))
        self.tabs.addTab(self.churn_view, self.tr("Churn events"))

    # Loading

    def show_account(self, account_id: uuid.UUID) -> None:
        """Start loading ``account_id``. Widgets fill in when the data arrives."""
        self._account_id = account_id
        self.status_label.setText(self.tr("Loading account…"))
        self.status_label.show()
        self.export_button.setEnabled(False)
        job = self._runner.start("load account", _AccountLoad(self._db, account_id))
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(self._on_load_failed)

    @Slot(object)
    def _on_loaded(self, view: AccountView) -> None:
        if view.detail.facts.account_id != self._account_id:
            # The user opened another account while this one was loading.
            return
        self._view = view
        facts = view.detail.facts
        score, colour = _latest_health(view.health)
        self.header.show_facts(facts, score, colour)
        self.status_label.hide()
        self.export_button.setEnabled(True)

        self.health_chart.set_builder(self._health_figure)
        self.usage_chart.set_builder(self._usage_figure)
        show_timeline(self.timeline_view, view.timeline)
        show_tickets(self.tickets_view, view.detail.tickets)
        show_churn_events(self.churn_view, view.detail.churn_events)
        self.notes_list.show_notes(view.detail.notes)
        self.note_editor.set_account(facts.account_id, facts.as_of)
        self.loaded.emit(facts.name)

    @Slot(object)
    def _on_load_failed(self, error: object) -> None:
        self.status_label.setText(
            self.tr("The account could not be loaded: %1").replace("%1", str(error))
        )

    # Charts, built by LazyChart the first time their tab is shown

    def _health_figure(self) -> Figure:
        from csm_desktop.reports.charts import HealthPoint, health_timeline_figure

        assert self._view is not None
        points = [HealthPoint(day, score, colour) for day, score, colour in self._view.health]
        return health_timeline_figure(
            points,
            title=self.tr("Health score, weekly"),
            empty_message=self.tr("No health snapshots yet"),
        )

    def _usage_figure(self) -> Figure:
        from csm_desktop.reports.charts import usage_figure

        assert self._view is not None
        return usage_figure(
            self._view.detail.usage_by_week,
            title=self.tr("Product usage per week"),
            ylabel=self.tr("Feature events"),
            empty_message=self.tr("No usage recorded"),
        )

    # Notes and export

    @Slot(object)
    def _on_note_saved(self, _note_id: uuid.UUID) -> None:
        """Re-read notes and timeline so the new note shows at once (a few small queries)."""
        if self._account_id is None:
            return
        with self._db.session() as session:
            notes = load_notes(session, self._account_id)
            timeline = account_timeline(session, self._account_id)
        self.notes_list.show_notes(notes)
        show_timeline(self.timeline_view, timeline)

    @Slot()
    def _request_export(self) -> None:
        if self._account_id is not None:
            self.export_requested.emit(self._account_id)


class _AccountLoad:
    """Work function for the runner: loads one account view."""

    def __init__(self, db: Database, account_id: uuid.UUID) -> None:
        self._db = db
        self._account_id = account_id

    def __call__(self, *, progress: Any, cancel: Any) -> AccountView:
        return load_account_view(self._db, self._account_id)


def _latest_health(points: HealthTimeline) -> tuple[float | None, str | None]:
    if not points:
        return None, None
    _day, score, colour = max(points, key=lambda point: point[0])
    return score, colour
