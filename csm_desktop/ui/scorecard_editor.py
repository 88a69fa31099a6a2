"""Settings page for the health scorecard: profiles, weights, rules, validity, bands, cadence.

Edits stay in a working copy until ``apply``. Before anything is stored,
"Preview" counts how many accounts would change colour on the reference
date with the edited configuration. Invalid input is rejected with a
message naming the field.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.health.bands import Bands
from csm_desktop.health.catalogue import CATALOGUE, group_label, measure_label
from csm_desktop.health.config import (
    MAX_CADENCE_DAYS,
    MeasureSetting,
    Profile,
    ScorecardConfig,
    rule_from_text,
    rule_to_text,
    validate,
)
from csm_desktop.health.engine import CoverageFloor
from csm_desktop.store.database import Database
from csm_desktop.ui.health_style import colour_label
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

WEIGHT, RULE, VALIDITY = 2, 3, 4


class ScorecardEditor(QWidget):
    """Edits the scorecard configuration; ``apply`` stores it and recomputes the snapshots."""

    saved = Signal()

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._config: ScorecardConfig | None = None
        self._profile_index = 0

        self.profile_combo = QComboBox(self)
        self.profile_combo.currentIndexChanged.connect(self._on_profile_changed)
        self.name_edit = QLineEdit(self)
        self.applies_edit = QLineEdit(self)
        self.applies_edit.setPlaceholderText(self.tr("segments or plan tiers, comma-separated"))
        self.table = self._build_table()
        self.yellow_spin = self._number(0, 100, 1)
        self.green_spin = self._number(0, 100, 1)
        self.min_measures_spin = QSpinBox(self)
        self.min_measures_spin.setRange(1, len(CATALOGUE))
        self.min_share_spin = self._number(0, 1, 2)
        self.stale_share_spin = self._number(0.01, 1, 2)
        self.cadence_spin = QSpinBox(self)
        self.cadence_spin.setRange(1, MAX_CADENCE_DAYS)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Preview changes"), self)
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(self.tr("Save and recompute"), self)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.backtest_button = QPushButton(self.tr("Backtest…"), self)
        self.backtest_button.clicked.connect(self._open_backtest)
        self._build_layout()
        self.reset()

    def _number(self, low: float, high: float, decimals: int) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(low, high)
        box.setDecimals(decimals)
        box.setSingleStep(1 if decimals == 0 or high > 1 else 0.05)
        return box

    def _build_table(self) -> QTableWidget:
        headers = [
            self.tr("Measure"),
            self.tr("Group"),
            self.tr("Weight"),
            self.tr("Scoring rule"),
            self.tr("Valid for (days, 0 = always)"),
        ]
        table = QTableWidget(len(CATALOGUE), len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(RULE, QHeaderView.ResizeMode.Stretch)
        for row, spec in enumerate(CATALOGUE):
            table.setItem(row, 0, QTableWidgetItem(measure_label(spec.key)))
            table.setItem(row, 1, QTableWidgetItem(group_label(spec.group)))
            weight = QDoubleSpinBox(table)
            weight.setRange(0, 1000)
            weight.setDecimals(1)
            table.setCellWidget(row, WEIGHT, weight)
            table.setCellWidget(row, RULE, QLineEdit(table))
            validity = QSpinBox(table)
            validity.setRange(0, 3650)
            table.setCellWidget(row, VALIDITY, validity)
        for column in (0, 1, WEIGHT, VALIDITY):
            table.resizeColumnToContents(column)
        return table

    def _build_layout(self) -> None:
        head = QFormLayout()
        head.addRow(self.tr("Profile"), self.profile_combo)
        head.addRow(self.tr("Name"), self.name_edit)
        head.addRow(self.tr("Applies to"), self.applies_edit)
        rules = QFormLayout()
        rules.addRow(self.tr("Yellow from score"), self.yellow_spin)
        rules.addRow(self.tr("Green from score"), self.green_spin)
        rules.addRow(self.tr("Minimum measures with data"), self.min_measures_spin)
        rules.addRow(self.tr("Minimum share of weight with data"), self.min_share_spin)
        rules.addRow(self.tr("Stale when stale measures carry"), self.stale_share_spin)
        rules.addRow(self.tr("Snapshot every (days, all profiles)"), self.cadence_spin)
        help_label = QLabel(
            self.tr(
                "Rules: value:score pairs (0:0, 0.5:40, 1:75) are linear in between; "
                "score | edge | score (100 | 1 | 50) are bands, and a value equal to an edge "
                "takes the score after it. A score equal to a colour boundary takes the "
                "better colour."
            ),
            self,
        )
        help_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backtest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(help_label)
        layout.addLayout(rules)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

    # Loading and showing

    def reset(self) -> None:
        """Load the stored configuration into the controls."""
        from csm_desktop.health.config import load_config

        with self._db.session() as session:
            self._config = load_config(session)
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in self._config.profiles:
            self.profile_combo.addItem(profile.name, profile.key)
        self.profile_combo.blockSignals(False)
        self._profile_index = 0
        self.profile_combo.setCurrentIndex(0)
        self.cadence_spin.setValue(self._config.cadence_days)
        self._show_profile(self._config.profiles[0])
        self.message_label.setText("")

    def _show_profile(self, profile: Profile) -> None:
        self.name_edit.setText(profile.name)
        self.applies_edit.setText(", ".join(profile.applies_to))
        for row, spec in enumerate(CATALOGUE):
            setting = profile.measures[spec.key]
            self.table.cellWidget(row, WEIGHT).setValue(setting.weight)
            self.table.cellWidget(row, RULE).setText(rule_to_text(setting.rule))
            self.table.cellWidget(row, VALIDITY).setValue(setting.validity_days or 0)
        self.yellow_spin.setValue(profile.bands.yellow_from)
        self.green_spin.setValue(profile.bands.green_from)
        self.min_measures_spin.setValue(profile.floor.min_measures)
        self.min_share_spin.setValue(profile.floor.min_weight_share)
        self.stale_share_spin.setValue(profile.stale_share)

    @Slot(int)
    def _on_profile_changed(self, index: int) -> None:
        """Keep the edits of the profile being left, then show the chosen one."""
        if self._config is None or index < 0:
            return
        try:
            self._store_form()
        except ValueError as exc:
            self._show_problem(str(exc))
        self._profile_index = index
        self._show_profile(self._config.profiles[index])

    # Reading the form

    def _store_form(self) -> None:
        """Write the controls into the working copy; raise ValueError on invalid input."""
        assert self._config is not None
        profiles = list(self._config.profiles)
        profiles[self._profile_index] = self._read_profile(profiles[self._profile_index])
        self._config = replace(
            self._config, profiles=tuple(profiles), cadence_days=self.cadence_spin.value()
        )

    def _read_profile(self, current: Profile) -> Profile:
        measures: dict[str, MeasureSetting] = {}
        for row, spec in enumerate(CATALOGUE):
            text = self.table.cellWidget(row, RULE).text()
            try:
                rule = rule_from_text(text)
            except ValueError as exc:
                raise ValueError(
                    self.tr("%1: %2").replace("%1", measure_label(spec.key)).replace("%2", str(exc))
                ) from exc
            validity = self.table.cellWidget(row, VALIDITY).value() or None
            weight = self.table.cellWidget(row, WEIGHT).value()
            measures[spec.key] = MeasureSetting(weight, rule, validity)
        if self.yellow_spin.value() > self.green_spin.value():
            raise ValueError(self.tr("Yellow must start at or below the green boundary."))
        name = self.name_edit.text().strip()
        if not name:
            raise ValueError(self.tr("The profile needs a name."))
        applies = tuple(v.strip() for v in self.applies_edit.text().split(",") if v.strip())
        return replace(
            current,
            name=name,
            applies_to=applies,
            measures=measures,
            bands=Bands(self.yellow_spin.value(), self.green_spin.value()),
            floor=CoverageFloor(self.min_measures_spin.value(), self.min_share_spin.value()),
            stale_share=self.stale_share_spin.value(),
        )

    def edited_config(self) -> ScorecardConfig:
        """Return the edited configuration; raise ValueError listing what is invalid."""
        self._store_form()
        assert self._config is not None
        problems = validate(self._config)
        if problems:
            raise ValueError(" ".join(problems))
        return self._config

    def _show_problem(self, text: str) -> None:
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.setText(text)

    def _show_info(self, text: str) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(text)

    def set_weights(self, weights: dict[str, float]) -> None:
        """Put suggested weights into the shown profile (stored only on save)."""
        for row, spec in enumerate(CATALOGUE):
            if spec.key in weights:
                self.table.cellWidget(row, WEIGHT).setValue(weights[spec.key])
            else:
                self.table.cellWidget(row, WEIGHT).setValue(0.0)
        self._show_info(self.tr("Suggested weights filled in; preview, then save to keep them."))

    # Preview and save

    @Slot()
    def preview(self) -> None:
        """Count the accounts whose colour would change, in the background."""
        try:
            config = self.edited_config()
        except ValueError as exc:
            self._show_problem(str(exc))
            return
        self._show_info(self.tr("Computing the preview…"))
        job = self._runner.start("preview scorecard", _Preview(self._db, config), read_only=True)
        job.succeeded.connect(self._on_preview)
        job.failed.connect(self._on_job_failed)

    @Slot(object)
    def _on_preview(self, changes: Counter) -> None:
        total = sum(changes.values())
        if total == 0:
            self._show_info(self.tr("No account would change colour."))
            return
        parts = [
            f"{colour_label(old)} → {colour_label(new)}: {count}"
            for (old, new), count in changes.most_common()
        ]
        self._show_info(
            self.tr("%1 accounts would change colour. %2")
            .replace("%1", str(total))
            .replace("%2", "; ".join(parts))
        )

    def apply(self) -> None:
        """Store the edited configuration and recompute every snapshot in the background.

        Raises ``SettingsError`` with a message when the input is invalid,
        which keeps the settings dialog open on this page.
        """
        from csm_desktop.ui.settings_dialog import SettingsError

        try:
            self._save()
        except ValueError as exc:
            self._show_problem(str(exc))
            raise SettingsError(str(exc)) from exc

    def _save(self) -> None:
        """Validate, store and start the recompute; raise ValueError on invalid input."""
        from csm_desktop.health.config import save_config

        config = self.edited_config()
        with self._db.session() as session:
            self._config = save_config(session, config)
        self._show_info(self.tr("Saved. Recomputing health…"))
        job = self._runner.start(
            "recompute health", _Recompute(self._db), progress_parent=self,
            progress_label=self.tr("Recomputing health"),
        )  # fmt: skip
        job.succeeded.connect(self._on_recomputed)
        job.failed.connect(self._on_job_failed)
        self.saved.emit()

    @Slot(object)
    def _on_recomputed(self, _rows: object) -> None:
        self._show_info(self.tr("Saved and recomputed."))

    @Slot(object)
    def _on_job_failed(self, error: object) -> None:
        self._show_problem(str(error))

    @Slot()
    def _on_save_clicked(self) -> None:
        try:
            self._save()
        except ValueError as exc:
            self._show_problem(str(exc))

    @Slot()
    def _open_backtest(self) -> None:
        from csm_desktop.ui.backtest_view import BacktestView

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Backtest"))
        view = BacktestView(self._db, self._runner, dialog)
        view.weights_accepted.connect(self.set_weights)
        view.weights_accepted.connect(dialog.accept)
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(760, 560)
        dialog.open()


class _Preview:
    """Scores every account on the reference date with ``config``; counts colour changes."""

    def __init__(self, db: Database, config: ScorecardConfig) -> None:
        self._db = db
        self._config = config

    def __call__(self, *, progress: Any, cancel: Any) -> Counter:
        from csm_desktop.health.config import build_scorecard
        from csm_desktop.health.inputs import load_account_facts, load_histories
        from csm_desktop.services.health import latest_health
        from csm_desktop.services.settings import reference_date

        with self._db.session() as session:
            day = reference_date(session)
            histories = load_histories(session)
            facts = load_account_facts(session)
            current = latest_health(session)
        changes: Counter = Counter()
        built = {p.key: build_scorecard(self._config, p) for p in self._config.profiles}
        for done, history in enumerate(histories.values(), start=1):
            cancel.raise_if_cancelled()
            fact = facts[history.account_id]
            profile = self._config.profile_for(fact.segment, fact.plan_tier)
            new = built[profile.key].evaluate(history, day).colour.value
            summary = current.get(history.account_id)
            old = summary.computed_colour if summary else None
            if old is not None and old != new:
                changes[(old, new)] += 1
            progress(done, len(histories), "")
        return changes


class _Recompute:
    def __init__(self, db: Database) -> None:
        self._db = db

    def __call__(self, *, progress: Any, cancel: Any) -> int:
        from csm_desktop.health.backfill import recompute_all

        return recompute_all(self._db, progress=progress, cancel=cancel)
