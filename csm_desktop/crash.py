"""Crash handler: log every uncaught exception and hand a copyable report to the UI.

``install_crash_handler`` replaces ``sys.excepthook`` and
``threading.excepthook``. Each uncaught exception is logged with its
traceback (through the redacting log formatter), written to a
``crash-STAMP.txt`` file beside the log, and passed as report text to the
``show`` callback, which the UI turns into a dialog. The report is redacted
like the log, so it can be pasted into a bug report as it is.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from csm_desktop import APP_NAME, __version__
from csm_desktop.logs import redact
from csm_desktop.paths import user_log_dir

log = logging.getLogger(__name__)

# Reports shown per run; a paint handler that fails on every frame must not
# open a dialog per frame. Later crashes are still logged and saved.
MAX_REPORTS_SHOWN = 3

_state_lock = threading.Lock()
_reports_shown = 0
_show: Callable[[str], None] | None = None


def format_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    thread_name: str | None = None,
) -> str:
    """Return the redacted crash report: versions, platform, thread and traceback."""
    lines = [
        f"{APP_NAME} {__version__} crash report",
        f"Time: {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Thread: {thread_name or threading.current_thread().name}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return redact("\n".join(lines))


def install_crash_handler(show: Callable[[str], None] | None = None) -> None:
    """Route uncaught exceptions of every thread to the log, a report file and ``show``."""
    global _show, _reports_shown
    with _state_lock:
        _show = show
        _reports_shown = 0
    sys.excepthook = _handle_main_exception
    threading.excepthook = _handle_thread_exception


def uninstall_crash_handler() -> None:
    """Restore Python's default hooks (for tests and a clean shutdown)."""
    global _show
    with _state_lock:
        _show = None
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__


def _handle_main_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    handle_exception(exc_type, exc, tb, None)


def _handle_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    name = args.thread.name if args.thread is not None else None
    handle_exception(args.exc_type, args.exc_value, args.exc_traceback, name)


def handle_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    thread_name: str | None,
) -> str:
    """Log, save and show one uncaught exception; return the report text."""
    global _reports_shown
    log.critical(
        "Uncaught exception in thread %s", thread_name or "main", exc_info=(exc_type, exc, tb)
    )
    report = format_report(exc_type, exc, tb, thread_name)
    saved = _save_report(report)
    if saved is not None:
        report += f"\n\nThis report was also saved to {saved}"

    with _state_lock:
        show = _show
        allowed = _reports_shown < MAX_REPORTS_SHOWN
        if show is not None and allowed:
            _reports_shown += 1
    if show is not None and allowed:
        try:
            show(report)
        except Exception:  # the dialog itself failing must not start a loop of reports
            log.exception("Could not show the crash report")
    return report


def _save_report(report: str) -> Path | None:
    folder = user_log_dir()
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")
    except OSError as exc:
        log.warning("Could not save the crash report in %s: %s", folder, exc)
        return None
    return path
