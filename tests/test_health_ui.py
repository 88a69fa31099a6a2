"""Tests of the health panel, the override dialog, the scorecard editor and the backtest view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from csm_desktop.health.backfill import recompute_all
from csm_desktop.health.backtest import OVERALL, BacktestReport, MeasureFigures
from csm_desktop.health.config import load_config
from csm_desktop.services.health import latest_health
from csm_desktop.ui.backtest_view import BacktestView
from csm_desktop.ui.health_override_dialog import OverrideDialog, OverrideRequest
from csm_desktop.ui.health_panel import HealthPanel
from csm_desktop.ui.scorecard_editor import RULE, WEIGHT, ScorecardEditor
from csm_desktop.ui.workers import JobRunner


@pytest.fixture
def runner(qtbot):
    jobs = JobRunner()
    yield jobs
    jobs.shutdown()


@pytest.fixture
def panel(qtbot, db, seeded_db, runner):
    recompute_all(db)
    widget = HealthPanel(db, runner)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10_000):
        widget.set_account(seeded_db["Acme Robotics"])
    return widget


def test_panel_shows_score_and_why(panel):
    assert panel.data is not None
    assert panel.score_label.text() not in ("", "–")
    assert "coverage" in panel.facts_label.text()
    rows = panel.breakdown_table.rowCount()
    assert rows == len(panel.data.breakdown.measures)
    whys = [panel.breakdown_table.item(r, 3).text() for r in range(rows)]
    assert any(text.startswith("Not applicable") for text in whys)
    assert panel.clear_override_button.isEnabled() is False


def test_panel_sets_and_clears_override(panel, qtbot, db, seeded_db, monkeypatch):
    request = OverrideRequest(None, "green", "Renewal signed", "Ana", date(2025, 3, 31))
    monkeypatch.setattr(panel, "ask_override", lambda: request)

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.set_override_button.click()
    assert "Renewal signed" in panel.override_label.text()
    assert panel.clear_override_button.isEnabled()
    with db.session() as session:
        assert latest_health(session)[seeded_db["Acme Robotics"]].colour == "green"

    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.clear_override_button.click()
    assert "No override" in panel.override_label.text()


def test_panel_timeline_chart_builds(panel, qtbot):
    panel.chart.show()
    qtbot.waitUntil(lambda: panel.chart.has_canvas, timeout=10_000)


def test_override_dialog_requires_reason(qtbot):
    dialog = OverrideDialog(date(2024, 12, 31))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.author_edit.setText("Ana")
    assert not ok.isEnabled()
    assert "reason" in dialog.problem_label.text()

    dialog.reason_edit.setPlainText("Customer confirmed expansion")
    dialog.score_choice.setChecked(True)
    dialog.score_box.setValue(82)
    assert ok.isEnabled()
    request = dialog.request()
    assert request.score == 82
    assert request.colour is None
    assert request.expires_on is None


def test_editor_rejects_invalid_rule(qtbot, db, runner):
    editor = ScorecardEditor(db, runner)
    qtbot.addWidget(editor)
    editor.table.cellWidget(0, RULE).setText("1:0, 0:100")
    editor.save_button.click()
    assert "strictly increase" in editor.message_label.text()
    with db.session() as session:
        assert load_config(session).revision == 1


def test_editor_preview_and_save(qtbot, db, seeded_db, runner):
    recompute_all(db)
    editor = ScorecardEditor(db, runner)
    qtbot.addWidget(editor)
    editor.table.cellWidget(0, WEIGHT).setValue(80)
    editor.preview()
    qtbot.waitUntil(lambda: "colour" in editor.message_label.text(), timeout=10_000)

    editor.apply()
    qtbot.waitUntil(lambda: "recomputed" in editor.message_label.text(), timeout=20_000)
    with db.session() as session:
        config = load_config(session)
    assert config.revision == 2
    assert config.profile("default").measures["usage_trend_30"].weight == 80


def test_editor_accepts_suggested_weights(qtbot, db, runner):
    editor = ScorecardEditor(db, runner)
    qtbot.addWidget(editor)
    editor.set_weights({"usage_trend": 60.0, "csat": 40.0})
    weights = [editor.table.cellWidget(r, WEIGHT).value() for r in range(editor.table.rowCount())]
    assert sorted(w for w in weights if w > 0) == [40.0, 60.0]


def test_backtest_view_shows_report(qtbot, db, runner):
    view = BacktestView(db, runner)
    qtbot.addWidget(view)
    report = BacktestReport(
        horizon_days=90,
        samples=100,
        positives=10,
        figures=(
            MeasureFigures(OVERALL, 100, 10, 0.52, 1.1),
            MeasureFigures("usage_trend", 100, 10, 0.6, 1.8),
        ),
        suggested_weights={"usage_trend": 100.0},
    )
    view.show_report(report)
    assert view.table.rowCount() == 2
    assert view.table.item(1, 3).text() == "0.600"
    assert "barely separates" in view.summary_label.text()
    with qtbot.waitSignal(view.weights_accepted) as blocker:
        view.accept_button.click()
    assert blocker.args == [{"usage_trend": 100.0}]
