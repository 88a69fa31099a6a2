"""One app instance per database file, enforced with an OS lock on ``NAME.lock``.

The lock is an advisory ``flock`` (``msvcrt.locking`` on Windows) on a small
file beside the database. The operating system releases it when the process
ends for any reason, SIGKILL and power loss included, so a stale lock file
never blocks the next start. The file holds the owner's process id only so
that the message can name it.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)


class InstanceLockedError(Exception):
    """Another running process holds the lock on this database."""

    def __init__(self, path: Path, owner_pid: str) -> None:
        super().__init__(f"{path} is locked by process {owner_pid or 'unknown'}")
        self.path = path
        self.owner_pid = owner_pid


class InstanceLock:
    """An exclusive lock on ``DATABASE.lock``; ``release`` or process exit frees it."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock without waiting; raise ``InstanceLockedError`` when it is held."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock_fd(fd)
        except OSError:
            owner = _read_owner(fd)
            os.close(fd)
            raise InstanceLockedError(self.path, owner) from None

        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd = fd
        log.info("Took the instance lock %s", self.path)

    def release(self) -> None:
        """Free the lock; calling it twice is harmless."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock_fd(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        """Whether this object currently holds the lock."""
        return self._fd is not None


def _read_owner(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 32).decode("ascii", errors="replace").strip()
    except OSError:
        return ""


if sys.platform == "win32":
    import msvcrt

    def _lock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock_fd(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_fd(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
