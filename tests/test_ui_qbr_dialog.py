"""QBR dialog, batch export dialog and report settings page, driven with qtbot."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from csm_desktop.quarters import Quarter
from csm_desktop.services.qbr_drafts import load_choice, load_saved_drafts
from csm_desktop.services.report_settings import ReportSettings, load_report_settings
from csm_desktop.store.database import Database
from csm_desktop.ui import qbr_dialog
from csm_desktop.ui.batch_export_dialog import BatchExportDialog
from csm_desktop.ui.qbr_dialog import QbrDialog, default_pdf_path
from csm_desktop.ui.report_settings import ReportSettingsPage
from csm_desktop.ui.settings_dialog import SettingsError
from csm_desktop.ui.workers import JobRunner

Q4 = Quarter(2024, 4)


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(30_000)


def test_default_pdf_path_replaces_unsafe_chars(tmp_path: Path) -> None:
    path = default_pdf_path("A/B: Co", Q4, tmp_path)

    assert path == tmp_path / "A_B_ Co - 2024Q4 QBR.pdf"


def _open_dialog(qtbot: QtBot, db: Database, runner: JobRunner, account_id) -> QbrDialog:
    dialog = QbrDialog(db, runner, account_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "2024Q4" in dialog.path_edit.text(), timeout=10_000)
    summary = dialog.preview.editors["summary"]
    qtbot.waitUntil(lambda: summary.toPlainText() != "", timeout=30_000)
    return dialog


def test_dialog_drafts_edit_and_export(
    qtbot: QtBot,
    db: Database,
    seeded_db: dict,
    runner: JobRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(qbr_dialog.QDesktopServices, "openUrl", opened.append)
    account_id = seeded_db["Acme Robotics"]
    dialog = _open_dialog(qtbot, db, runner, account_id)

    assert dialog.selected_quarter() == Q4
    assert dialog.path_edit.text().endswith("Acme Robotics - 2024Q4 QBR.pdf")
    assert not dialog.preview.section_boxes["internal"].isEnabled()

    dialog.preview.editors["summary"].setPlainText("A quarter of steady adoption.")
    dialog.preview.section_boxes["appendix"].setChecked(False)
    target = tmp_path / "out.pdf"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.start_export()

    assert blocker.args == [target]
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "A quarter of steady adoption." in text
    assert "Appendix" not in text
    assert len(opened) == 1
    with db.session() as session:
        assert load_saved_drafts(session, account_id, Q4)["summary"] == (
            "A quarter of steady adoption."
        )
        assert "appendix" not in load_choice(session, account_id).sections


def test_dialog_internal_version_and_reset(
    qtbot: QtBot, db: Database, seeded_db: dict, runner: JobRunner
) -> None:
    dialog = _open_dialog(qtbot, db, runner, seeded_db["Acme Robotics"])
    summary = dialog.preview.editors["summary"]
    drafted = summary.toPlainText()

    dialog.preview.internal_radio.setChecked(True)
    assert dialog.preview.section_boxes["internal"].isEnabled()
    assert "internal" in dialog.preview.sections()

    summary.setPlainText("scratch")
    dialog.preview.reset_requested.emit("summary")
    qtbot.waitUntil(lambda: summary.toPlainText() == drafted, timeout=30_000)


def test_dialog_requires_a_section(
    qtbot: QtBot,
    db: Database,
    seeded_db: dict,
    runner: JobRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = _open_dialog(qtbot, db, runner, seeded_db["Acme Robotics"])
    for box in dialog.preview.section_boxes.values():
        box.setChecked(False)
    dialog.start_export()

    assert warnings == ["Choose at least one section."]
    assert dialog.export_button.isEnabled()


def test_batch_dialog_exports_folder(
    qtbot: QtBot,
    db: Database,
    seeded_db: dict,
    runner: JobRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: messages.append(args[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: messages.append(args[2]))
    ids = [seeded_db["Acme Robotics"], seeded_db["Blue Harbor"]]
    dialog = BatchExportDialog(db, runner, ids)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path))
    assert dialog.selected_quarter() == Q4

    with qtbot.waitSignal(dialog.finished_batch, timeout=120_000):
        dialog.start_export()

    assert sorted(path.name for path in tmp_path.glob("*.pdf")) == [
        "Acme Robotics - 2024Q4 QBR.pdf",
        "Blue Harbor - 2024Q4 QBR.pdf",
    ]
    assert messages == ["2 QBR(s) written."]


def test_report_settings_page_round_trip(
    qtbot: QtBot, db: Database, runner: JobRunner, tmp_path: Path
) -> None:
    page = ReportSettingsPage(db, runner)
    qtbot.addWidget(page)

    assert page.settings() == ReportSettings()
    page.company_edit.setText("Nordlicht Software GmbH")
    page.pattern_edit.setText("{quarter} {account}")
    assert page.example_label.text() == "Example: 2024Q4 Acme Robotics.pdf"
    page.page_combo.setCurrentIndex(page.page_combo.findData("A4"))
    page.apply()

    with db.session() as session:
        stored = load_report_settings(session)
    assert stored.company_name == "Nordlicht Software GmbH"
    assert stored.file_name_pattern == "{quarter} {account}"
    assert stored.page_size == "A4"

    page.primary_edit.setText("navy")
    with pytest.raises(SettingsError, match="#RRGGBB"):
        page.apply()
