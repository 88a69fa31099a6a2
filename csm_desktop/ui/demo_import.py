"""Start the bundled demo import on the job runner, with a progress dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from csm_desktop.store.database import Database
from csm_desktop.ui.workers import Job, JobRunner


class _DemoImport:
    """Work function: imports the demo and computes health (several seconds)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def __call__(self, *, progress: Any, cancel: Any) -> Any:
        from csm_desktop.services.demo import load_demo

        return load_demo(self._db, progress=progress, cancel=cancel)


def start_demo_import(db: Database, runner: JobRunner, parent: QWidget) -> Job:
    """Start the import and return its job. Cancel stops it at its next cancellation check."""
    label = QCoreApplication.translate("DemoImport", "Importing the demo portfolio…")
    return runner.start(
        "import demo", _DemoImport(db), progress_parent=parent, progress_label=label
    )
