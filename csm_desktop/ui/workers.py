"""Background work for every screen: run a callable off the UI thread.

The callable gets ``progress`` and ``cancel`` keyword arguments (see
``csm_desktop.progress``). Its result, error or cancellation comes back as
a signal of a ``Job`` that lives on the UI thread, so connected slots run on
the UI thread. A ``JobRunner`` owns its own thread pool and every running
job, so a closing window can cancel them all and wait for the threads.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import warnings
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from csm_desktop.progress import Cancelled, CancelToken

log = logging.getLogger(__name__)

WorkFunction = Callable[..., Any]

# A progress dialog appears only when a job runs longer than this, so quick
# jobs do not flash a window.
PROGRESS_DIALOG_DELAY_MS = 400
# How often the UI thread picks up the newest progress and the outcome of a
# running job; also the longest delay before a finished job reports.
PROGRESS_POLL_MS = 50


class _JobState:
    """Outcome and progress of one job, written by the worker and read by the UI thread.

    The worker touches only this plain object, so no Qt call runs on a pool
    thread; assigning one attribute is atomic under the GIL. The UI thread
    polls it, which also throttles progress updates to the poll rate.
    """

    __slots__ = ("name", "token", "latest_progress", "outcome")

    def __init__(self, name: str) -> None:
        self.name = name
        self.token = CancelToken()
        self.latest_progress: tuple[int, int, str] | None = None
        self.outcome: tuple[str, object] | None = None

    def report_progress(self, done: int, total: int, message: str) -> None:
        self.latest_progress = (done, total, message)


class Job(QObject):
    """One background call. Its signals are delivered on the UI thread.

    Exactly one of ``succeeded``, ``failed`` or ``cancelled`` is emitted,
    then ``finished``.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        # Set by ``JobRunner.start``: True for work that only reads.
        self.read_only = False
        self.state = _JobState(name)
        self.token = self.state.token
        self.done = False
        # Every signal is emitted here, on the UI thread, from what the
        # worker stored in ``state``.
        self._shown_progress: tuple[int, int, str] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(PROGRESS_POLL_MS)
        self._poll.timeout.connect(self.deliver)
        self._poll.start()

    def cancel(self) -> None:
        """Ask the work to stop. It stops at its next cancellation check."""
        self.token.cancel()

    @Slot()
    def deliver(self) -> None:
        """Emit new progress, and the outcome once the worker has stored it (UI thread only)."""
        latest = self.state.latest_progress
        if latest is not None and latest != self._shown_progress:
            self._shown_progress = latest
            self.progressed.emit(*latest)

        if self.state.outcome is None or self.done:
            return
        self._poll.stop()
        self.done = True
        kind, value = self.state.outcome
        if kind == "succeeded":
            self.succeeded.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.finished.emit()


class _WorkCall:
    """The callable a pool thread runs: calls the work function and stores its outcome.

    The pool thread touches only the job's plain ``_JobState``, never the
    ``Job`` QObject. It must also never drop the last reference to a widget
    that a bound-method work function keeps alive, because a QObject
    destroyed outside its own thread can crash the process; so the call
    clears its reference to the work function before setting ``exited``,
    and the runner keeps the function until ``exited`` is set.
    """

    def __init__(self, state: _JobState, work: WorkFunction) -> None:
        self._state = state
        self._work: WorkFunction | None = work
        self.exited = threading.Event()

    def __call__(self) -> None:
        try:
            self._run()
        finally:
            self._work = None
            self.exited.set()

    def _run(self) -> None:
        state = self._state
        work = self._work
        assert work is not None
        try:
            result = work(progress=state.report_progress, cancel=state.token)
        except Cancelled:
            log.info("Job %r cancelled", state.name)
            outcome: tuple[str, object] = ("cancelled", None)
        except Exception as exc:
            log.exception("Job %r failed", state.name)
            outcome = ("failed", exc)
        else:
            outcome = ("cancelled", None) if state.token.cancelled else ("succeeded", result)
        del work
        state.outcome = outcome


# Every live runner, so the database can wait for all worker threads before
# it closes its connections under them.
_RUNNERS: weakref.WeakSet[JobRunner] = weakref.WeakSet()


def shutdown_all(timeout_ms: int = 30_000) -> bool:
    """Cancel the jobs of every live runner and wait for their threads."""
    # A runner whose parent widget was destroyed has no pool left to wait for.
    live = [runner for runner in list(_RUNNERS) if shiboken6.isValid(runner)]
    return all([runner.shutdown(timeout_ms) for runner in live])


class JobRunner(QObject):
    """Starts jobs on a private thread pool and keeps them until they finish."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        _RUNNERS.add(self)
        self._pool = QThreadPool(self)
        self._running: dict[Job, _Launch] = {}
        # Finished jobs whose pool thread may still hold references to them.
        self._retired: list[_Launch] = []

    def start(
        self,
        name: str,
        work: WorkFunction,
        *,
        progress_parent: QWidget | None = None,
        progress_label: str = "",
        read_only: bool = False,
    ) -> Job:
        """Start ``work(progress=..., cancel=...)`` and return its job.

        Connect to the job's signals right after this returns: the earliest
        signal is queued to the UI thread, so it cannot fire before then.
        With ``progress_parent`` a progress dialog with Cancel appears for
        jobs that run longer than ``PROGRESS_DIALOG_DELAY_MS``. A
        ``read_only`` job only reads (a screen loading, a search), so quitting
        cancels it without asking; see ``writing_count``.
        """
        job = Job(name, self)
        job.read_only = read_only
        call = _WorkCall(job.state, work)
        self._running[job] = _Launch(job, work, call)
        job.finished.connect(self._on_job_finished)
        if progress_parent is not None:
            _attach_progress_dialog(job, progress_parent, progress_label)

        log.debug("Starting job %r", name)
        self._pool.start(call)
        return job

    @property
    def running_count(self) -> int:
        return len(self._running)

    @property
    def writing_count(self) -> int:
        """Return how many running jobs are not ``read_only``: cancelling those loses work."""
        return sum(1 for job in self._running if not job.read_only)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every job and wait for the pool threads. Return False on timeout."""
        for job in list(self._running):
            job.cancel()
        finished = self._pool.waitForDone(timeout_ms)
        if not finished:
            log.error("Background jobs still running after %d ms at shutdown", timeout_ms)
        # Deliver the outcomes now rather than at the next poll, so the jobs
        # leave ``running_count`` before the caller goes on.
        for job in list(self._running):
            job.deliver()
        self._release_retired()
        return finished

    @Slot()
    def _on_job_finished(self) -> None:
        job = self.sender()
        if not isinstance(job, Job):
            return
        launch = self._running.pop(job, None)
        if launch is not None:
            self._retired.append(launch)
        self._release_retired()

    def _release_retired(self) -> None:
        """Hand over for disposal the finished jobs whose pool thread has let go of them."""
        still_held: list[_Launch] = []
        for launch in self._retired:
            if launch.call.exited.is_set():
                _dispose_later(launch.job)
            else:
                still_held.append(launch)
        self._retired = still_held


# Finished jobs waiting for ``_dispose_pending``, which runs from its own timer.
_PENDING_DISPOSAL: list[Job] = []


def _dispose_later(job: Job) -> None:
    if not _PENDING_DISPOSAL:
        QTimer.singleShot(0, _dispose_pending)
    _PENDING_DISPOSAL.append(job)


def _dispose_pending() -> None:
    """Free finished jobs, each one outside its own signals and apart from its runner.

    A job's connections can hold the last reference to the widget that owns
    the runner (a lambda capturing a dialog, say). Released inside the job's
    destructor, that reference deleted the widget, the widget its runner and
    the runner its children, this half-destroyed job among them: the
    segmentation fault seen at the end of UI tests. So each job first leaves
    its runner, then drops its connections, and is deleted last, when its
    wrapper goes at the end of this function, on a timer no job or runner owns.
    """
    jobs = list(_PENDING_DISPOSAL)
    _PENDING_DISPOSAL.clear()
    for job in jobs:
        # A runner deleted in the meantime took its jobs with it.
        if not shiboken6.isValid(job):
            continue
        job.setParent(None)
        for signal in (job.progressed, job.succeeded, job.failed, job.cancelled, job.finished):
            # PySide warns and may raise when nothing was connected to the signal.
            with warnings.catch_warnings(), contextlib.suppress(RuntimeError, TypeError):
                warnings.simplefilter("ignore", RuntimeWarning)
                signal.disconnect()


@dataclass(frozen=True, slots=True)
class _Launch:
    """UI-thread references that keep a job's objects alive while its thread runs."""

    job: Job
    work: WorkFunction
    call: _WorkCall


def _attach_progress_dialog(job: Job, parent: QWidget, label: str) -> QProgressDialog:
    """Show a delayed progress dialog whose Cancel button cancels ``job``."""
    cancel_text = QCoreApplication.translate("JobRunner", "Cancel")
    dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(label or QCoreApplication.translate("JobRunner", "Working…"))
    dialog.setMinimumDuration(PROGRESS_DIALOG_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    feedback = _ProgressFeedback(job, dialog)
    dialog.canceled.connect(feedback.on_cancel_clicked)
    job.progressed.connect(feedback.on_progress)
    job.finished.connect(feedback.on_finished)
    return dialog


class _ProgressFeedback(QObject):
    """Keeps one progress dialog in step with one job."""

    def __init__(self, job: Job, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self._job = job
        self._dialog = dialog

    @Slot()
    def on_cancel_clicked(self) -> None:
        if not self._job.done:
            self._dialog.setLabelText(QCoreApplication.translate("JobRunner", "Cancelling…"))
            self._job.cancel()

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, message: str) -> None:
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total > 0 else 0)
        if message:
            self._dialog.setLabelText(message)

    @Slot()
    def on_finished(self) -> None:
        self._dialog.canceled.disconnect(self.on_cancel_clicked)
        self._dialog.close()
        self._dialog.deleteLater()
