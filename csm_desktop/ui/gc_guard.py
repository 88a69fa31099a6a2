"""Run Python's cyclic garbage collector on the UI thread only.

The collector normally runs in whichever thread happens to allocate past
its threshold. Background jobs allocate a lot (SQLAlchemy rows, report
flowables), so a collection often starts on a pool thread. When that
collection frees a reference cycle holding a Qt object, the object's C++
destructor runs on the pool thread while the UI thread may be delivering
events to it, and the process dies of a segmentation fault. Turning the
automatic collector off and collecting from a timer on the UI thread keeps
every cyclic destruction of Qt objects on the thread that owns them.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer, Slot

log = logging.getLogger(__name__)

# How often the UI thread checks whether a collection is due. Short enough
# that memory from dropped cycles comes back quickly, long enough to cost
# nothing measurable between checks.
CHECK_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Replaces automatic garbage collection with collections from a UI-thread timer.

    Each check does what the automatic collector would have done by then:
    it collects the oldest generation whose allocation count has passed its
    threshold. ``stop()`` turns automatic collection back on if it was on.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        gc.disable()
        self._timer.start()
        log.debug("Garbage collection moved to the UI thread")

    @Slot()
    def check(self) -> None:
        """Collect the generations that are due (UI thread only)."""
        collect_due_generations()

    def stop(self) -> None:
        """Stop the timer and give collection back to the interpreter if it had it."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def collect_due_generations() -> int:
    """Collect the oldest generation past its threshold, as the automatic collector would.

    Return the number of unreachable objects found (0 when nothing was due).
    """
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    due = [gen for gen in range(len(thresholds)) if counts[gen] > thresholds[gen] > 0]
    if not due:
        return 0
    return gc.collect(max(due))
