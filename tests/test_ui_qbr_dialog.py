"""QBR dialog: default quarter and file name, export through the worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from csm_desktop.quarters import Quarter
from csm_desktop.store.database import Database
from csm_desktop.ui import qbr_dialog
from csm_desktop.ui.qbr_dialog import QbrDialog, default_pdf_path
from csm_desktop.ui.workers import JobRunner


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(30_000)


def test_default_pdf_path_replaces_unsafe_chars(tmp_path: Path) -> None:
    path = default_pdf_path("A/B: Co", Quarter(2024, 4), tmp_path)

    assert path == tmp_path / "A_B_ Co - 2024Q4 QBR.pdf"


def test_qbr_dialog_exports_pdf(
    qtbot: QtBot,
    db: Database,
    seeded_db: dict,
    runner: JobRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    monkeypatch.setattr(qbr_dialog.QDesktopServices, "openUrl", opened.append)
    dialog = QbrDialog(db, runner, seeded_db["Acme Robotics"])
    qtbot.addWidget(dialog)

    assert dialog.selected_quarter() == Quarter(2024, 4)
    assert dialog.path_edit.text().endswith("Acme Robotics - 2024Q4 QBR.pdf")

    target = tmp_path / "out.pdf"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.start_export()

    assert blocker.args == [target]
    assert target.read_bytes().startswith(b"%PDF")
    assert len(opened) == 1
