"""Logging set-up: a rotating file in the user's log folder plus stderr.

Messages never include note text or credentials; modules log ids and counts.
"""

from __future__ import annotations

import logging
import logging.handlers

from csm_desktop.paths import user_log_dir

LOG_FILE_NAME = "csm-desktop.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
NOISY_LOGGERS = ("sqlalchemy.engine", "matplotlib", "PIL", "alembic", "fontTools", "svglib")


def configure_logging(*, verbose: bool = False, to_file: bool = True) -> None:
    """Send warnings (or everything with ``verbose``) to stderr and info and up to the log file."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)

    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)

    if to_file:
        _add_file_handler(root)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def _add_file_handler(root: logging.Logger) -> None:
    log_dir = user_log_dir()
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        root.warning("Cannot write the log file in %s (%s); logging to stderr only", log_dir, exc)
        return
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root.addHandler(handler)
