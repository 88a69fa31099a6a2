"""Screen that shows how well the health score predicted churn, overall and per measure.

Runs ``backtest_portfolio`` in the background with progress and Cancel,
shows ROC AUC and lift per measure, explains in plain words what the
figures mean, and offers the suggested weights, which the user may accept or ignore.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.formatting import format_number
from csm_desktop.health.backtest import OVERALL, BacktestReport
from csm_desktop.health.catalogue import measure_label
from csm_desktop.store.database import Database
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

# AUC below this is read as "no useful signal" in the summary.
WEAK_AUC = 0.55


class BacktestView(QWidget):
    """Runs the backtest on request; emits ``weights_accepted`` with the suggested weights."""

    weights_accepted = Signal(dict)
    finished = Signal()

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._report: BacktestReport | None = None

        self.horizon_spin = QSpinBox(self)
        self.horizon_spin.setRange(7, 365)
        self.horizon_spin.setValue(90)
        self.step_spin = QSpinBox(self)
        self.step_spin.setRange(7, 180)
        self.step_spin.setValue(28)
        self.run_button = QPushButton(self.tr("Run backtest"), self)
        self.run_button.clicked.connect(self.run)
        self.accept_button = QPushButton(self.tr("Use suggested weights"), self)
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(self._on_accept)
        self.summary_label = QLabel(
            self.tr("Scores each account every few weeks and checks whether low scores came "
                    "before churn."), self)  # fmt: skip
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Measure"),
                self.tr("Scores"),
                self.tr("Followed by churn"),
                self.tr("ROC AUC"),
                self.tr("Lift, lowest 10%"),
                self.tr("Suggested weight"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        form = QFormLayout()
        form.addRow(self.tr("Churn within (days)"), self.horizon_spin)
        form.addRow(self.tr("Score every (days)"), self.step_spin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, stretch=1)

    @property
    def report(self) -> BacktestReport | None:
        return self._report

    @Slot()
    def run(self) -> None:
        """Start the backtest in the background with a progress dialog and Cancel."""
        self.run_button.setEnabled(False)
        self.summary_label.setText(self.tr("Backtesting…"))
        work = _BacktestWork(self._db, self.horizon_spin.value(), self.step_spin.value())
        job = self._runner.start(
            "health backtest", work, progress_parent=self, progress_label=self.tr("Backtesting")
        )
        job.succeeded.connect(self.show_report)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)

    @Slot(object)
    def show_report(self, report: BacktestReport) -> None:
        """Fill the table and the summary from ``report``."""
        self._report = report
        self.run_button.setEnabled(True)
        self.table.setRowCount(len(report.figures))
        for row, figure in enumerate(report.figures):
            name = self.tr("Overall score") if figure.key == OVERALL else measure_label(figure.key)
            weight = report.suggested_weights.get(figure.key)
            cells = [
                name,
                format_number(figure.samples),
                format_number(figure.positives),
                "–" if figure.auc is None else format_number(figure.auc, decimals=3),
                "–" if figure.lift is None else format_number(figure.lift, decimals=2),
                "" if weight is None else format_number(weight, decimals=1),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.summary_label.setText(self._summary(report))
        self.accept_button.setEnabled(bool(report.suggested_weights))
        self.finished.emit()

    def _summary(self, report: BacktestReport) -> str:
        overall = report.figure(OVERALL)
        if overall is None or overall.auc is None:
            return self.tr("Not enough churn history to measure the score.")
        text = self.tr(
            "%1 scores, %2 followed by churn within %3 days. ROC AUC %4: the chance that an "
            "account which churned had the lower score (0.5 is a coin toss, 1 is perfect). "
            "The lowest-scored 10% churned %5 times as often as average."
        )
        text = (
            text.replace("%1", format_number(report.samples))
            .replace("%2", format_number(report.positives))
            .replace("%3", str(report.horizon_days))
            .replace("%4", format_number(overall.auc, decimals=2))
            .replace("%5", format_number(overall.lift or 0.0, decimals=1))
        )
        if overall.auc < WEAK_AUC:
            text += " " + self.tr(
                "On this data the score barely separates churned from retained accounts; "
                "treat its colours as a prompt to look, not a forecast."
            )
        return text

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.run_button.setEnabled(True)
        self.summary_label.setText(self.tr("The backtest failed: %1").replace("%1", str(error)))

    @Slot()
    def _on_cancelled(self) -> None:
        self.run_button.setEnabled(True)
        self.summary_label.setText(self.tr("Backtest cancelled."))

    @Slot()
    def _on_accept(self) -> None:
        if self._report is not None and self._report.suggested_weights:
            self.weights_accepted.emit(dict(self._report.suggested_weights))


class _BacktestWork:
    def __init__(self, db: Database, horizon_days: int, step_days: int) -> None:
        self._db = db
        self._horizon_days = horizon_days
        self._step_days = step_days

    def __call__(self, *, progress: Any, cancel: Any) -> BacktestReport:
        from csm_desktop.health.backtest_runs import backtest_portfolio

        return backtest_portfolio(
            self._db,
            horizon_days=self._horizon_days,
            step_days=self._step_days,
            progress=progress,
            cancel=cancel,
        )
