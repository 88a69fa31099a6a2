"""The Overview tab: key figures of the account, its health and its usage.

When ``csm_desktop.ui.health_panel.HealthPanel`` exists it shows the score,
its explanation, any override and the timeline. Until then the weekly
health chart stands in for it.
"""

from __future__ import annotations

import importlib.util
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from csm_desktop.formatting import format_date, format_money, format_number, format_percent
from csm_desktop.store.database import Database
from csm_desktop.ui.lazy_chart import LazyChart
from csm_desktop.ui.workers import JobRunner

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """Counts and amounts the Overview shows, computed when the account loads."""

    arr: Decimal | None
    forecast_arr: Decimal | None
    currency: str
    probability: float | None
    open_pipeline: Decimal
    open_tasks: int
    overdue_tasks: int
    goals_on_track: int
    goals_total: int
    contacts: int
    champions: int
    open_tickets: int
    last_touch: date | None


class OverviewTab(QWidget):
    """Key figures on top; health (panel or chart) and usage chart below."""

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, QLabel] = {}
        figures = QGroupBox(self.tr("Key figures"), self)
        grid = QGridLayout(figures)
        for index, (key, title) in enumerate(self._titles()):
            caption = QLabel(title, figures)
            caption.setStyleSheet("color: #5f6368;")
            value = QLabel(figures)
            value.setStyleSheet("font-size: 14pt; font-weight: bold;")
            value.setAccessibleName(title)
            grid.addWidget(caption, (index // 5) * 2, index % 5)
            grid.addWidget(value, (index // 5) * 2 + 1, index % 5)
            self._values[key] = value

        self.health_panel = _make_health_panel(db, runner, self)
        self.health_chart = LazyChart(self) if self.health_panel is None else None
        self.usage_chart = LazyChart(self)
        charts = QHBoxLayout()
        charts.addWidget(self.health_panel or self.health_chart, stretch=1)
        charts.addWidget(self.usage_chart, stretch=1)

        layout = QVBoxLayout(self)
        layout.addWidget(figures)
        layout.addLayout(charts, stretch=1)

    def _titles(self) -> list[tuple[str, str]]:
        return [
            ("arr", self.tr("ARR")),
            ("forecast", self.tr("Forecast ARR")),
            ("probability", self.tr("Renewal probability")),
            ("pipeline", self.tr("Open expansion")),
            ("last_touch", self.tr("Last touch")),
            ("tasks", self.tr("Open tasks")),
            ("overdue", self.tr("Overdue tasks")),
            ("goals", self.tr("Goals on track")),
            ("contacts", self.tr("Contacts (champions)")),
            ("tickets", self.tr("Open tickets")),
        ]

    def figure_text(self, key: str) -> str:
        return self._values[key].text()

    def show_account(
        self,
        account_id: uuid.UUID,
        figures: KeyFigures,
        health_builder: Callable[[], Figure],
        usage_builder: Callable[[], Figure],
    ) -> None:
        """Fill the figures and hand the chart builders to the lazy charts."""
        values = self._values
        values["arr"].setText(format_money(figures.arr, figures.currency) or "—")
        values["forecast"].setText(format_money(figures.forecast_arr, figures.currency) or "—")
        values["probability"].setText(format_percent(figures.probability) or "—")
        values["pipeline"].setText(format_money(figures.open_pipeline, figures.currency))
        values["last_touch"].setText(format_date(figures.last_touch) or self.tr("Never"))
        values["tasks"].setText(format_number(figures.open_tasks))
        values["overdue"].setText(format_number(figures.overdue_tasks))
        values["overdue"].setStyleSheet(
            "font-size: 14pt; font-weight: bold;"
            + (" color: #b3261e;" if figures.overdue_tasks else "")
        )
        values["goals"].setText(
            self.tr("%1 of %2")
            .replace("%1", format_number(figures.goals_on_track))
            .replace("%2", format_number(figures.goals_total))
        )
        values["contacts"].setText(
            f"{format_number(figures.contacts)} ({format_number(figures.champions)})"
        )
        values["tickets"].setText(format_number(figures.open_tickets))

        if self.health_panel is not None:
            self.health_panel.set_account(account_id)
        elif self.health_chart is not None:
            self.health_chart.set_builder(health_builder)
        self.usage_chart.set_builder(usage_builder)


def _make_health_panel(db: Database, runner: JobRunner, parent: QWidget) -> QWidget | None:
    """Build the health panel when its module is installed, else return None."""
    if importlib.util.find_spec("csm_desktop.ui.health_panel") is None:
        return None
    from csm_desktop.ui.health_panel import HealthPanel

    panel = HealthPanel(db, runner, parent=None)
    panel.setParent(parent)
    return panel
