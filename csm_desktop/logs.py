"""Logging set-up: a rotating file in the user's log folder plus stderr, both redacted.

Modules log ids and counts, never note text or credentials. As a second
line of defence every handler formats through ``RedactingFormatter``, which
removes credentials registered with ``register_secret``, values that follow
words such as ``token=`` or ``Authorization: Bearer``, and the bound
parameters SQLAlchemy appends to its error messages (they carry note text).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

from csm_desktop.paths import user_log_dir

LOG_FILE_NAME = "csm-desktop.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
NOISY_LOGGERS = ("sqlalchemy.engine", "matplotlib", "PIL", "alembic", "fontTools")
REDACTED = "[redacted]"
# Shorter registered values would redact ordinary words.
MIN_SECRET_LENGTH = 4

_CREDENTIAL_PATTERN = re.compile(
    r"(?P<key>(?:\b(?:authorization|token|access_token|refresh_token|api[_-]?key|password|passwd|"
    r"secret)\b['\"]?\s*[:=]\s*(?:bearer\s+)?|\bbearer\s+))"
    r"(?P<value>['\"]?[^\s'\",;&]{4,}['\"]?)",
    re.IGNORECASE,
)
# SQLAlchemy adds "[parameters: (...)]" (and "[SQL: ...]") to StatementError messages.
_PARAMETERS_PATTERN = re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.DOTALL)

_secrets_lock = threading.Lock()
_registered_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Remember a credential so that no log line or crash report ever shows it."""
    if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
        return
    with _secrets_lock:
        _registered_secrets.add(value)


def redact(text: str) -> str:
    """Return ``text`` without registered credentials, credential-like values and SQL parameters."""
    with _secrets_lock:
        secrets = sorted(_registered_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _PARAMETERS_PATTERN.sub(f"[parameters: {REDACTED}]", text)
    return _CREDENTIAL_PATTERN.sub(lambda match: match.group("key") + REDACTED, text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose whole output, traceback included, passes through ``redact``."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class OwnerOnlyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file created readable by its owner only, also after each rotation."""

    def _open(self):
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def configure_logging(*, verbose: bool = False, to_file: bool = True) -> None:
    """Send warnings (or everything with ``verbose``) to stderr and info and up to the log file."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)

    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)

    if to_file:
        _add_file_handler(root)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def log_file_path() -> Path:
    """Return the path of the current log file (it may not exist yet)."""
    return user_log_dir() / LOG_FILE_NAME


def _add_file_handler(root: logging.Logger) -> None:
    log_dir = user_log_dir()
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = OwnerOnlyRotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        root.warning("Cannot write the log file in %s (%s); logging to stderr only", log_dir, exc)
        return
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    root.addHandler(handler)
