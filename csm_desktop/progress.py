"""Progress reporting and cancellation for long domain operations.

Domain code stays Qt-free: it calls a plain ``progress(done, total, message)``
callable and checks a ``CancelToken``. The UI's background-work helper
adapts both to signals; the CLI prints or ignores them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled the operation; whatever it wrote was rolled back."""


class CancelToken:
    """A flag one thread sets and another polls between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise ``Cancelled`` once ``cancel`` has been called."""
        if self._event.is_set():
            raise Cancelled()


def no_progress(done: int, total: int, message: str) -> None:
    """Ignore progress; the default for callers that show none."""
