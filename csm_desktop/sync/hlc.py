"""Hybrid logical clock stamps: ``physical_ms.counter.client_id``, sortable as text.

The physical part follows the wall clock but never goes backwards, and it
moves forward to the server's time when the server is ahead, so a device
whose clock is slow still stamps its next edit later than anything it has
seen. The server uses the stamps only to pick a winner between concurrent
edits of one field, never for ordering pulls.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

# The counter has four digits in the text form. A fifth digit would sort "10000" before
# "9999", so the clock carries into the physical part instead of passing this value.
MAX_COUNTER = 9999


def format_hlc(physical_ms: int, counter: int, client_id: str) -> str:
    return f"{physical_ms:016d}.{counter:04d}.{client_id}"


def parse_hlc(stamp: str) -> tuple[int, int, str]:
    """Return ``(physical_ms, counter, client_id)``; raise ValueError for a malformed stamp."""
    physical, counter, client_id = stamp.split(".", 2)
    return int(physical), int(counter), client_id


@dataclass
class WallClock:
    """The system clock in milliseconds, shifted by ``offset_ms`` (tests skew it)."""

    offset_ms: int = 0
    source: Callable[[], float] = time.time

    def now_ms(self) -> int:
        return int(self.source() * 1000) + self.offset_ms


class HybridClock:
    """Issue strictly increasing stamps for one device."""

    def __init__(self, client_id: str, wall: WallClock | None = None, last: str | None = None):
        self.client_id = client_id
        self.wall = wall or WallClock()
        self._lock = threading.Lock()
        self._physical, self._counter = 0, 0
        if last:
            self._physical, self._counter, _ = parse_hlc(last)

    def tick(self) -> str:
        """Return a stamp later than every stamp issued or observed before."""
        with self._lock:
            now = self.wall.now_ms()
            if now > self._physical:
                self._physical, self._counter = now, 0
            elif self._counter >= MAX_COUNTER:
                self._physical, self._counter = self._physical + 1, 0
            else:
                self._counter += 1
            return format_hlc(self._physical, self._counter, self.client_id)

    def observe(self, remote_ms: int) -> None:
        """Move forward to a time seen from the server, so later stamps come after it."""
        with self._lock:
            if remote_ms > self._physical:
                self._physical, self._counter = remote_ms, 0

    def rewind(self, physical_ms: int) -> None:
        """Move the clock back to ``physical_ms``, after a wrong wall clock was corrected.

        The caller guarantees that the server accepted no stamp above
        ``physical_ms`` from this device, so later stamps still sort after
        every accepted one.
        """
        with self._lock:
            if physical_ms < self._physical:
                self._physical, self._counter = physical_ms, 0

    @property
    def physical_ms(self) -> int:
        return self._physical

    @property
    def last(self) -> str:
        return format_hlc(self._physical, self._counter, self.client_id)
