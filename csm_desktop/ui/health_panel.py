"""An account's health: score, colour, trend, coverage, staleness, override, "why" and timeline.

``HealthPanel(db, runner)`` loads everything for one account in the
background after ``set_account``. The override buttons open
``OverrideDialog``; saving the override also refreshes that account's
snapshots, and the panel reloads.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.formatting import format_date, format_number, format_percent
from csm_desktop.store.database import Database
from csm_desktop.ui.health_override_dialog import OverrideDialog, OverrideRequest
from csm_desktop.ui.health_style import TREND_ARROWS, colour_label, swatch_colour, trend_label
from csm_desktop.ui.lazy_chart import LazyChart
from csm_desktop.ui.workers import JobRunner

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from csm_desktop.health.overrides import OverrideInfo
    from csm_desktop.services.health import HealthBreakdown, HealthSummary, TimelineMarker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HealthPanelData:
    """Everything the panel shows for one account."""

    account_id: uuid.UUID
    reference: date
    breakdown: HealthBreakdown | None
    summary: HealthSummary | None
    timeline: list[tuple[date, float | None, str]]
    markers: list[TimelineMarker]
    overrides: list[OverrideInfo]


def load_panel_data(db: Database, account_id: uuid.UUID) -> HealthPanelData:
    """Read the breakdown, the newest summary, the timeline, its markers and the overrides."""
    from csm_desktop.health.overrides import overrides_for
    from csm_desktop.services.health import (
        health_timeline,
        latest_breakdown,
        latest_health,
        timeline_markers,
    )
    from csm_desktop.services.settings import reference_date

    with db.session() as session:
        return HealthPanelData(
            account_id=account_id,
            reference=reference_date(session),
            breakdown=latest_breakdown(session, account_id),
            summary=latest_health(session).get(account_id),
            timeline=health_timeline(session, account_id),
            markers=timeline_markers(session, account_id),
            overrides=overrides_for(session, account_id),
        )


class HealthPanel(QWidget):
    """The health of one account, with the override controls and the timeline."""

    # Emitted after an override was set or cleared, with the account id.
    override_changed = Signal(object)
    loaded = Signal()

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._account_id: uuid.UUID | None = None
        self._data: HealthPanelData | None = None

        self.score_label = QLabel(self)
        font = self.score_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.score_label.setFont(font)
        self.colour_label = QLabel(self)
        self.facts_label = QLabel(self)
        self.stale_label = QLabel(self)
        self.stale_label.setWordWrap(True)
        self.override_label = QLabel(self)
        self.override_label.setWordWrap(True)
        self.change_label = QLabel(self)
        self.change_label.setWordWrap(True)
        self.change_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_override_button = QPushButton(self.tr("Set override…"), self)
        self.clear_override_button = QPushButton(self.tr("Clear override"), self)
        self.set_override_button.clicked.connect(self._on_set_override)
        self.clear_override_button.clicked.connect(self._on_clear_override)
        self.breakdown_table = self._build_table()
        self.chart = LazyChart(self)
        self._build_layout()
        self._show_nothing()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels(
            [self.tr("Measure"), self.tr("Score"), self.tr("Share"), self.tr("Why")]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        header = table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.score_label)
        facts = QVBoxLayout()
        facts.addWidget(self.colour_label)
        facts.addWidget(self.facts_label)
        top.addLayout(facts, stretch=1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.set_override_button)
        buttons.addWidget(self.clear_override_button)
        top.addLayout(buttons)

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.stale_label)
        upper_layout.addWidget(self.override_label)
        upper_layout.addWidget(self.change_label)
        upper_layout.addWidget(self.breakdown_table, stretch=1)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # Loading

    @property
    def data(self) -> HealthPanelData | None:
        return self._data

    def set_account(self, account_id: uuid.UUID) -> None:
        """Load ``account_id`` in the background; the widgets fill in when it arrives."""
        self._account_id = account_id
        self.facts_label.setText(self.tr("Loading health…"))
        job = self._runner.start("load health", _PanelLoad(self._db, account_id), read_only=True)
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(self._on_failed)

    @Slot(object)
    def _on_loaded(self, data: HealthPanelData) -> None:
        if data.account_id != self._account_id:
            return
        self._data = data
        self._show_score(data)
        self._show_override(data)
        self._show_breakdown(data)
        self.chart.set_builder(self._figure)
        self.loaded.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.facts_label.setText(
            self.tr("Health could not be loaded: %1").replace("%1", str(error))
        )

    def _show_nothing(self) -> None:
        self.score_label.setText("–")
        self.set_override_button.setEnabled(False)
        self.clear_override_button.setEnabled(False)

    def _show_score(self, data: HealthPanelData) -> None:
        summary, breakdown = data.summary, data.breakdown
        if summary is None or breakdown is None:
            self._show_nothing()
            self.colour_label.setText(colour_label(None))
            self.facts_label.setText(self.tr("No health snapshots yet."))
            self.stale_label.setText("")
            self.change_label.setText("")
            return
        score = "–" if summary.score is None else format_number(round(summary.score))
        self.score_label.setText(score)
        swatch = swatch_colour(summary.colour).name()
        self.colour_label.setText(
            f"<span style='color:{swatch}; font-size:16pt'>●</span> {colour_label(summary.colour)}"
        )
        arrow = TREND_ARROWS.get(summary.trend, "")
        coverage = self.tr("%1 of %2 measures").replace("%1", str(breakdown.measures_used))
        coverage = coverage.replace("%2", str(breakdown.measures_total))
        self.facts_label.setText(
            self.tr("%1 %2 · coverage %3 · as of %4 · profile %5")
            .replace("%1", arrow)
            .replace("%2", trend_label(summary.trend))
            .replace("%3", coverage)
            .replace("%4", format_date(breakdown.as_of))
            .replace("%5", breakdown.profile)
        )
        self.stale_label.setText(self._stale_text(breakdown))
        self.change_label.setText(breakdown.change.text() if breakdown.change else "")

    def _stale_text(self, breakdown: HealthBreakdown) -> str:
        if breakdown.colour != "stale":
            return ""
        since = format_date(breakdown.stale_since) if breakdown.stale_since else ""
        return self.tr(
            "Stale: the newest data for this score is from %1, older than its validity period. "
            "The score is shown grey, never green, until fresh data arrives."
        ).replace("%1", since)

    def _show_override(self, data: HealthPanelData) -> None:
        override = data.summary.override if data.summary else None
        self.set_override_button.setEnabled(data.summary is not None)
        self.clear_override_button.setEnabled(override is not None)
        if override is None:
            self.override_label.setText(self.tr("No override: the computed score is shown."))
            return
        computed = data.summary.computed_score if data.summary else None
        text = self.tr("Overridden to %1 by %2 on %3: “%4”. Computed score underneath: %5 (%6).")
        value = colour_label(override.colour)
        if override.score is not None:
            value = f"{format_number(round(override.score))} ({value})"
        text = (
            text.replace("%1", value)
            .replace("%2", override.author)
            .replace("%3", format_date(override.set_at.date()))
            .replace("%4", override.reason)
            .replace("%5", "–" if computed is None else format_number(round(computed)))
            .replace("%6", colour_label(data.summary.computed_colour if data.summary else None))
        )
        if override.expires_on is not None:
            text += " " + self.tr("Expires after %1.").replace(
                "%1", format_date(override.expires_on)
            )
        self.override_label.setText(text)

    def _show_breakdown(self, data: HealthPanelData) -> None:
        measures = data.breakdown.measures if data.breakdown else ()
        self.breakdown_table.setRowCount(len(measures))
        for row, measure in enumerate(measures):
            score = "" if measure.score is None else format_number(round(measure.score))
            share = format_percent(measure.weight) if measure.score is not None else ""
            why = measure.explanation
            if measure.score is None:
                why = self.tr("Not applicable: %1").replace("%1", why)
            elif measure.stale:
                why = self.tr("Stale: %1").replace("%1", why)
            cells = [measure.label, score, share, why]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if measure.score is None:
                    item.setForeground(Qt.GlobalColor.gray)
                self.breakdown_table.setItem(row, column, item)
        self.breakdown_table.resizeRowsToContents()

    def _figure(self) -> Figure:
        from csm_desktop.health.charts import health_markers_figure
        from csm_desktop.reports.charts import HealthPoint
        from csm_desktop.reports.labels import chart_month_names

        assert self._data is not None
        points = [HealthPoint(day, score, colour) for day, score, colour in self._data.timeline]
        legend = {
            "computed": self.tr("Computed score"),
            "override": self.tr("Override"),
            "activity": self.tr("Activity"),
            "renewal": self.tr("Renewal"),
            "profile": self.tr("Profile change"),
            "stale": self.tr("Stale"),
        }
        return health_markers_figure(
            points,
            self._data.markers,
            self._data.overrides,
            title=self.tr("Health score over time"),
            legend=legend,
            empty_message=self.tr("No health snapshots yet"),
            month_names=chart_month_names(QLocale()),
        )

    # Overrides

    def ask_override(self) -> OverrideRequest | None:
        """Show the override dialog; return the request, or None when cancelled."""
        assert self._data is not None
        dialog = OverrideDialog(self._data.reference, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.request()

    @Slot()
    def _on_set_override(self) -> None:
        if self._account_id is None or self._data is None:
            return
        request = self.ask_override()
        if request is None:
            return
        work = _OverrideWork(self._db, self._account_id, request)
        job = self._runner.start("set health override", work)
        job.succeeded.connect(self._on_override_saved)
        job.failed.connect(self._on_override_failed)

    @Slot()
    def _on_clear_override(self) -> None:
        if self._account_id is None:
            return
        job = self._runner.start(
            "clear health override", _OverrideWork(self._db, self._account_id, None)
        )
        job.succeeded.connect(self._on_override_saved)
        job.failed.connect(self._on_override_failed)

    @Slot(object)
    def _on_override_saved(self, account_id: object) -> None:
        self.override_changed.emit(account_id)
        if account_id == self._account_id:
            self.set_account(account_id)

    @Slot(object)
    def _on_override_failed(self, error: object) -> None:
        QMessageBox.warning(self, self.tr("Override not saved"), str(error))


class _PanelLoad:
    def __init__(self, db: Database, account_id: uuid.UUID) -> None:
        self._db = db
        self._account_id = account_id

    def __call__(self, *, progress: Any, cancel: Any) -> HealthPanelData:
        return load_panel_data(self._db, self._account_id)


class _OverrideWork:
    """Sets (``request``) or clears (None) an override, then refreshes the account's snapshots."""

    def __init__(self, db: Database, account_id: uuid.UUID, request: OverrideRequest | None):
        self._db = db
        self._account_id = account_id
        self._request = request

    def __call__(self, *, progress: Any, cancel: Any) -> uuid.UUID:
        import getpass

        from csm_desktop.health.backfill import update_account
        from csm_desktop.health.overrides import clear_override, set_override
        from csm_desktop.services.settings import reference_date

        with self._db.session() as session:
            today = reference_date(session)
            if self._request is None:
                clear_override(session, self._account_id, author=getpass.getuser())
            else:
                r = self._request
                set_override(
                    session, self._account_id, reason=r.reason, author=r.author,
                    score=r.score, colour=r.colour, expires_on=r.expires_on,
                )  # fmt: skip
        update_account(self._db, self._account_id, since=today)
        return self._account_id
