"""The account workspace: header and tabs for overview, notes, timeline, contacts,
tasks, success plan, renewal and expansion, advocacy and support.

Everything one account shows is read in one background job
(``load_account_view``); after a write, only the tab that changed re-reads
its own few rows.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.health.overrides import OverrideInfo, override_in_effect
from csm_desktop.services.accounts import (
    AccountDetail,
    TimelineEntry,
    account_timeline,
    load_account,
    load_notes,
)
from csm_desktop.services.advocacy import AdvocacyRow, list_advocacy
from csm_desktop.services.contacts import ContactRow, list_contacts
from csm_desktop.services.goals import GoalRow, list_goals
from csm_desktop.services.health import effective_health
from csm_desktop.services.renewals import RenewalView, load_renewal
from csm_desktop.services.tasks import TaskRow, list_tasks
from csm_desktop.store.database import Database
from csm_desktop.ui.account_advocacy import AdvocacyTab
from csm_desktop.ui.account_contacts import ContactsTab
from csm_desktop.ui.account_goals import GoalsTab
from csm_desktop.ui.account_header import AccountHeader
from csm_desktop.ui.account_overview import KeyFigures, OverviewTab
from csm_desktop.ui.account_renewal import RenewalTab
from csm_desktop.ui.account_tasks import TasksTab
from csm_desktop.ui.account_timeline import TimelineTab
from csm_desktop.ui.note_editor import NoteEditor
from csm_desktop.ui.record_views import (
    NotesList,
    churn_table,
    show_churn_events,
    show_tickets,
    tickets_table,
)
from csm_desktop.ui.workers import JobRunner

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

HealthTimeline = list[tuple[date, float | None, str]]
TAB_KEY = "account_page/tab"
# A record to bring to the front when an account opens: ("note" or "contact", its id).
RecordFocus = tuple[str, uuid.UUID]
NOTES_SPLIT_KEY = "account_page/notes_split"


@dataclass(frozen=True, slots=True)
class AccountView:
    """Everything the workspace shows for one account, loaded in one go."""

    detail: AccountDetail
    timeline: list[TimelineEntry]
    health: HealthTimeline
    tasks: list[TaskRow]
    goals: list[GoalRow]
    renewal: RenewalView
    contacts: list[ContactRow]
    advocacy: list[AdvocacyRow]
    # The CSM's manual health override in effect on the reference date, if any.
    override: OverrideInfo | None


def load_account_view(db: Database, account_id: uuid.UUID) -> AccountView:
    """Load the account, its merged timeline, health history and every workspace list."""
    from csm_desktop.services.health import health_timeline

    with db.session() as session:
        detail = load_account(session, account_id)
        return AccountView(
            detail=detail,
            timeline=account_timeline(session, account_id),
            health=health_timeline(session, account_id),
            tasks=list_tasks(session, account_id),
            goals=list_goals(session, account_id),
            renewal=load_renewal(session, account_id),
            contacts=list_contacts(session, account_id),
            advocacy=list_advocacy(session, account_id),
            override=override_in_effect(session, account_id, detail.facts.as_of),
        )


def key_figures(view: AccountView) -> KeyFigures:
    """Summarise the loaded lists into the Overview's figures."""
    open_tasks = [task for task in view.tasks if task.status != "done" and not task.snoozed]
    notes = view.detail.notes
    touches = [note.occurred_on for note in notes if note.kind != "internal_note"]
    return KeyFigures(
        arr=view.detail.facts.arr,
        forecast_arr=view.renewal.forecast_arr,
        currency=view.detail.facts.currency,
        probability=view.renewal.probability,
        open_pipeline=view.renewal.open_pipeline,
        open_tasks=len(open_tasks),
        overdue_tasks=sum(1 for task in open_tasks if task.overdue),
        goals_on_track=sum(1 for goal in view.goals if goal.status in ("on_track", "achieved")),
        goals_total=len(view.goals),
        contacts=len(view.contacts),
        champions=sum(1 for row in view.contacts if "champion" in row.fields.roles),
        open_tickets=sum(1 for ticket in view.detail.tickets if ticket.closed_at is None),
        last_touch=max(touches, default=None),
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
        self._focus: RecordFocus | None = None

        self.header = AccountHeader(self)
        self.status_label = QLabel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._build_tabs()
        self._restore_state()

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
        self.overview = OverviewTab(self._db, self._runner, self)
        self.notes_list = NotesList(self)
        self.note_editor = NoteEditor(self._db, self)
        self.note_editor.note_saved.connect(self._on_note_saved)
        self.notes_split = QSplitter(self)
        self.notes_split.addWidget(self.notes_list)
        self.notes_split.addWidget(self.note_editor)
        self.notes_split.setStretchFactor(0, 2)
        self.notes_split.setStretchFactor(1, 3)
        self.timeline_tab = TimelineTab(self._db, self)
        self.timeline_view = self.timeline_tab.table
        self.contacts_tab = ContactsTab(self._db, self)
        self.tasks_tab = TasksTab(self._db, self)
        self.goals_tab = GoalsTab(self._db, self)
        self.renewal_tab = RenewalTab(self._db, self)
        self.advocacy_tab = AdvocacyTab(self._db, self)
        from csm_desktop.ui.health_panel import HealthPanel

        self.health_panel = HealthPanel(self._db, self._runner, self)
        self.tickets_view = tickets_table(self)
        self.churn_view = churn_table(self)
        support = QSplitter(self)
        support.setOrientation(Qt.Orientation.Vertical)
        support.addWidget(self.tickets_view)
        support.addWidget(self.churn_view)

        self.tabs.addTab(self.overview, self.tr("&Overview"))
        self.tabs.addTab(self.notes_split, self.tr("&Notes"))
        self.tabs.addTab(self.timeline_tab, self.tr("T&imeline"))
        self.tabs.addTab(self.contacts_tab, self.tr("&Contacts"))
        self.tabs.addTab(self.tasks_tab, self.tr("&Tasks"))
        self.tabs.addTab(self.goals_tab, self.tr("&Success plan"))
        self.tabs.addTab(self.renewal_tab, self.tr("&Renewal and expansion"))
        self.tabs.addTab(self.advocacy_tab, self.tr("&Advocacy"))
        self.tabs.addTab(support, self.tr("Su&pport and churn"))
        self.tabs.addTab(self.health_panel, self.tr("&Health"))
        self.tabs.currentChanged.connect(self._save_state)

    def _restore_state(self) -> None:
        settings = QSettings()
        index = settings.value(TAB_KEY, 0, int)
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
        split = settings.value(NOTES_SPLIT_KEY)
        if split is not None:
            self.notes_split.restoreState(split)
        self.notes_split.splitterMoved.connect(self._save_state)

    @Slot()
    def _save_state(self) -> None:
        settings = QSettings()
        settings.setValue(TAB_KEY, self.tabs.currentIndex())
        settings.setValue(NOTES_SPLIT_KEY, self.notes_split.saveState())

    # Loading

    def show_account(self, account_id: uuid.UUID, focus: RecordFocus | None = None) -> None:
        """Start loading ``account_id``. Widgets fill in when the data arrives.

        The note editor saves the previous account's draft first, so nothing
        typed is lost by switching. With ``focus``, the tab of that note or
        contact comes to the front with the record selected once it loads.
        """
        self.note_editor.flush_draft()
        self._account_id = account_id
        self._focus = focus
        self.status_label.setText(self.tr("Loading account…"))
        self.status_label.show()
        self.export_button.setEnabled(False)
        job = self._runner.start("load account", _AccountLoad(self._db, account_id), read_only=True)
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
        score, colour = effective_health(score, colour or "", view.override)
        self.header.show_facts(facts, score, colour or None, overridden=view.override is not None)
        self.status_label.hide()
        self.export_button.setEnabled(True)

        today = facts.as_of
        self.overview.show_account(
            facts.account_id, key_figures(view), self._health_figure, self._usage_figure
        )
        self.timeline_tab.set_account(facts.account_id, view.timeline)
        show_tickets(self.tickets_view, view.detail.tickets)
        show_churn_events(self.churn_view, view.detail.churn_events)
        self.notes_list.show_notes(view.detail.notes)
        self.note_editor.set_account(facts.account_id, today)
        self.contacts_tab.set_account(facts.account_id, view.contacts, today)
        self.tasks_tab.set_account(facts.account_id, view.tasks, today)
        self.goals_tab.set_account(facts.account_id, view.goals, today)
        self.renewal_tab.set_account(facts.account_id, view.renewal, today)
        self.advocacy_tab.set_account(facts.account_id, view.advocacy, view.contacts, today)
        self.health_panel.set_account(facts.account_id)
        self._apply_focus()
        self.loaded.emit(facts.name)

    def _apply_focus(self) -> None:
        """Bring the record asked for by ``show_account`` to the front, once."""
        focus, self._focus = self._focus, None
        if focus is None:
            return
        kind, record_id = focus
        if kind == "note":
            self.tabs.setCurrentWidget(self.notes_split)
            found = self.notes_list.select_note(record_id)
            # The keyboard goes on from the record the user asked for.
            self.notes_list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif kind == "contact":
            self.tabs.setCurrentWidget(self.contacts_tab)
            found = self.contacts_tab.select_contact(record_id)
            self.contacts_tab.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            found = False
        if not found:
            log.info("The %s %s is not in the account workspace any more", kind, record_id)

    @Slot(object)
    def _on_load_failed(self, error: object) -> None:
        self.status_label.setText(
            self.tr("The account could not be loaded: %1").replace("%1", str(error))
        )

    # Charts, built by LazyChart the first time their tab is shown

    def _health_figure(self) -> Figure:
        from csm_desktop.reports.charts import HealthPoint, health_timeline_figure
        from csm_desktop.reports.labels import chart_month_names

        assert self._view is not None
        points = [HealthPoint(day, score, colour) for day, score, colour in self._view.health]
        return health_timeline_figure(
            points,
            title=self.tr("Health score, weekly"),
            empty_message=self.tr("No health snapshots yet"),
            month_names=chart_month_names(QLocale()),
        )

    def _usage_figure(self) -> Figure:
        from csm_desktop.reports.charts import usage_figure
        from csm_desktop.reports.labels import chart_month_names

        assert self._view is not None
        return usage_figure(
            self._view.detail.usage_by_week,
            title=self.tr("Product usage per week"),
            ylabel=self.tr("Feature events"),
            empty_message=self.tr("No usage recorded"),
            month_names=chart_month_names(QLocale()),
        )

    # Notes and export

    @Slot(object)
    def _on_note_saved(self, _note_id: uuid.UUID) -> None:
        """Re-read notes, timeline and tasks so the new note and its tasks show at once."""
        if self._account_id is None:
            return
        with self._db.session() as session:
            notes = load_notes(session, self._account_id)
            timeline = account_timeline(session, self._account_id)
        self.notes_list.show_notes(notes)
        self.timeline_tab.set_account(self._account_id, timeline)
        self.tasks_tab.reload()

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
