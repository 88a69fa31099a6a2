"""JobRunner: results, errors and cancellation come back on the UI thread."""

from __future__ import annotations

import threading
import weakref

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from csm_desktop.progress import Cancelled, CancelToken
from csm_desktop.ui.workers import JobRunner


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(5_000)


def test_worker_delivers_result_on_ui_thread(qtbot: QtBot, runner: JobRunner) -> None:
    work_threads: list[threading.Thread] = []
    delivered_on: list[QThread] = []

    def work(*, progress: object, cancel: CancelToken) -> int:
        work_threads.append(threading.current_thread())
        return 42

    job = runner.start("answer", work)
    job.succeeded.connect(lambda result: delivered_on.append(QThread.currentThread()))
    with qtbot.waitSignal(job.succeeded, timeout=5_000) as blocker:
        pass

    assert blocker.args == [42]
    assert work_threads[0] is not threading.main_thread()
    assert delivered_on == [QApplication.instance().thread()]


def test_worker_delivers_error(qtbot: QtBot, runner: JobRunner) -> None:
    def work(*, progress: object, cancel: CancelToken) -> None:
        raise ValueError("bad input 7")

    job = runner.start("failing", work)
    with qtbot.waitSignal(job.failed, timeout=5_000) as blocker:
        pass

    error = blocker.args[0]
    assert isinstance(error, ValueError)
    assert str(error) == "bad input 7"


def test_worker_forwards_progress(qtbot: QtBot, runner: JobRunner) -> None:
    def work(*, progress: object, cancel: CancelToken) -> str:
        progress(1, 2, "half")  # type: ignore[operator]
        return "done"

    job = runner.start("progress", work)
    with qtbot.waitSignal(job.progressed, timeout=5_000) as blocker:
        pass

    assert blocker.args == [1, 2, "half"]
    qtbot.waitUntil(lambda: job.done, timeout=5_000)


def test_worker_cancel_stops_work(qtbot: QtBot, runner: JobRunner) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(*, progress: object, cancel: CancelToken) -> None:
        started.set()
        for step in range(10_000):
            cancel.raise_if_cancelled()
            steps.append(step)
            threading.Event().wait(0.001)
        raise AssertionError("the work was never cancelled")

    job = runner.start("long", work)
    succeeded: list[object] = []
    job.succeeded.connect(succeeded.append)
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5_000):
        job.cancel()

    assert succeeded == []
    assert len(steps) < 10_000
    assert job.done


def test_shutdown_cancels_running_jobs(qtbot: QtBot) -> None:
    runner = JobRunner()
    started = threading.Event()
    seen_cancel: list[bool] = []

    def work(*, progress: object, cancel: CancelToken) -> None:
        started.set()
        while not cancel.cancelled:
            threading.Event().wait(0.005)
        seen_cancel.append(True)
        raise Cancelled()

    runner.start("until cancelled", work)
    assert started.wait(5)

    assert runner.shutdown(5_000)
    assert seen_cancel == [True]


def test_progress_dialog_cancel_button(qtbot: QtBot, runner: JobRunner) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()

    def work(*, progress: object, cancel: CancelToken) -> None:
        started.set()
        while not cancel.cancelled:
            threading.Event().wait(0.005)
        raise Cancelled()

    job = runner.start("with dialog", work, progress_parent=parent, progress_label="Working")
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    assert started.wait(5)

    with qtbot.waitSignal(job.cancelled, timeout=5_000):
        dialog.findChild(QPushButton).click()

    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is None, timeout=5_000)


class _OwnerDialog(QWidget):
    """A parentless widget that owns its runner, as the export dialog does."""

    def __init__(self) -> None:
        super().__init__()
        self.runner = JobRunner()
        self.label = QPushButton(self)

    def start(self) -> None:
        job = self.runner.start("count", lambda **_arguments: 3)
        # The lambda is the only reference to the widget once the caller drops it.
        job.succeeded.connect(lambda value: self.label.setText(str(value)))


def test_job_holding_last_reference_to_owner_is_freed(qtbot: QtBot) -> None:
    for _ in range(20):
        owner = _OwnerDialog()
        owner.start()
        alive = weakref.ref(owner)
        del owner

        # The job finishes, its connections are dropped and the owner goes with them.
        qtbot.waitUntil(lambda alive=alive: alive() is None, timeout=5_000)
        qtbot.wait(20)
