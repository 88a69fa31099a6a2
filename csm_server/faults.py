"""Named fault points for failure tests; inert unless the server runs in test mode.

Tests set them through ``POST /_test/faults`` (a route that exists only with
``CSM_SERVER_TEST_MODE=1``). Each fault fires a given number of times.
"""

from __future__ import annotations

import logging
import os
import threading
import time

log = logging.getLogger(__name__)

_lock = threading.Lock()
# name -> [value, remaining count]
_active: dict[str, list] = {}


def configure(settings: dict[str, dict]) -> None:
    """Replace the active faults with ``{name: {"value": v, "times": n}}``."""
    with _lock:
        _active.clear()
        for name, spec in settings.items():
            _active[name] = [spec.get("value"), int(spec.get("times", 1))]
    log.warning("Test fault points set: %s", sorted(settings))


def _take(name: str):
    with _lock:
        entry = _active.get(name)
        if entry is None or entry[1] <= 0:
            return None
        entry[1] -= 1
        return entry[0] if entry[0] is not None else True


def sleep(name: str) -> None:
    """Sleep for the fault's value in seconds, when it is active."""
    value = _take(name)
    if value:
        log.warning("Fault %s: sleeping %s s", name, value)
        time.sleep(float(value))


def exit_if(name: str) -> None:
    """End the process at once, as a crash would, when the fault is active."""
    if _take(name):
        log.warning("Fault %s: exiting the process", name)
        os._exit(137)


def raise_if(name: str, error: Exception) -> None:
    """Raise ``error`` when the fault is active."""
    if _take(name):
        log.warning("Fault %s: raising %s", name, error)
        raise error
