"""Credentials (sync token, API keys) in the operating system's keyring, and nowhere else.

Every credential the app stores goes through this module, so three rules
hold in one place:

* A value is written only to a real keyring backend (Secret Service,
  macOS Keychain, Windows Credential Locker). The ``keyrings.alt`` backends
  are treated as no keyring, because they store base64 plain text or prompt
  for a password on a terminal the user cannot see.
* Where no backend exists, ``set_secret`` keeps the value in this process's
  memory until the app closes, and ``keyring_status`` returns the reason in
  plain words so the UI can tell the user.
* A backend that exists but fails (a locked keychain, a D-Bus error) raises
  ``KeyringUnavailableError``. Callers must show it as a keyring problem and
  never as a wrong credential.

A value too long for one Windows Credential Manager entry is split across
several entries by ``csm_desktop.secret_chunks``, and a value over 64 KiB
raises ``SecretTooLargeError`` before anything is stored.

``keyring`` is imported on first use because importing it costs about
170 ms. Calls are serialised with a lock because the Secret Service and
Keychain clients are not documented as thread-safe and sync runs in a
worker thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from csm_desktop import APP_ID, secret_chunks
from csm_desktop.logs import register_secret
from csm_desktop.secret_chunks import SecretTooLargeError

__all__ = [
    "KeyringStatus",
    "KeyringUnavailableError",
    "SecretTooLargeError",
    "delete_secret",
    "forget_session_values",
    "get_secret",
    "keyring_status",
    "set_secret",
]

log = logging.getLogger(__name__)

SERVICE_NAME = APP_ID

# Backends that exist only to say "there is no keyring".
_NO_BACKEND_CLASSES = {
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
}
# keyrings.alt stores passwords as base64 text or prompts for a master
# password on stdin, so it never counts as a keyring.
_UNSAFE_BACKEND_PREFIX = "keyrings.alt."

_lock = threading.RLock()
_session_values: dict[str, str] = {}


class KeyringUnavailableError(Exception):
    """The keyring exists but failed; the credential itself may well be correct."""


@dataclass(frozen=True)
class KeyringStatus:
    """Whether credentials can be stored across sessions, and why not in plain words."""

    available: bool
    backend: str
    reason: str


def keyring_status() -> KeyringStatus:
    """Describe the keyring backend that ``set_secret`` would use."""
    with _lock:
        backend, problem = _backend()
    if problem is not None:
        return KeyringStatus(available=False, backend=_backend_name(backend), reason=problem)
    return KeyringStatus(available=True, backend=_backend_name(backend), reason="")


def get_secret(name: str) -> str | None:
    """Return the credential stored under ``name``, or None when there is none.

    A value set for this session wins over the keyring. Raises
    ``KeyringUnavailableError`` when a keyring exists but cannot be read.
    """
    _check_name(name)
    with _lock:
        if name in _session_values:
            return _session_values[name]
        backend, problem = _backend()
        if problem is not None:
            return None
        value = _call(backend, "get_password", name)
        if value is not None and secret_chunks.is_header(value):
            value = _read_parts(backend, name, value)
    if value is not None:
        register_secret(value)
    return value


def set_secret(name: str, value: str, *, session_only: bool = False) -> None:
    """Store ``value`` under ``name`` in the keyring, or in memory for this session.

    With ``session_only`` (the user chose "don't remember"), or when no
    keyring backend exists, the value lives in this process only and is
    lost when the app closes. Raises ``KeyringUnavailableError`` when a
    keyring exists but refuses the value, ``SecretTooLargeError`` (a
    ``ValueError``) for a value over 64 KiB, and ``ValueError`` for an empty
    name or value.
    """
    _check_name(name)
    if not isinstance(value, str) or not value:
        raise ValueError(
            "A credential must be a non-empty string; use delete_secret to remove one."
        )
    secret_chunks.check_size(name, value)
    register_secret(value)

    with _lock:
        if session_only:
            _session_values[name] = value
            log.info("Credential %r kept for this session only, as requested", name)
            return

        backend, problem = _backend()
        if problem is not None:
            _session_values[name] = value
            log.warning("Credential %r kept for this session only: %s", name, problem)
            return
        _write(backend, name, value)
        _session_values.pop(name, None)
    log.info("Credential %r stored in the keyring (%s)", name, _backend_name(backend))


def delete_secret(name: str) -> None:
    """Remove ``name`` from this session and from the keyring; a missing entry is not an error."""
    _check_name(name)
    with _lock:
        _session_values.pop(name, None)
        backend, problem = _backend()
        if problem is not None:
            return
        _delete_parts(backend, name, start=0, known=_stored_part_count(backend, name))
        _call(backend, "delete_password", name)
    log.info("Credential %r deleted from the keyring", name)


def forget_session_values() -> None:
    """Drop every credential kept in memory (used when the app closes and by tests)."""
    with _lock:
        _session_values.clear()


def _write(backend: Any, name: str, value: str) -> None:
    """Store ``value`` as one entry, or as parts written before their header.

    Writing the header last means a failure part-way leaves either the old
    header, whose checksum the new parts do not match, or no header: both
    read as missing. Parts left over from a longer old value are deleted.
    """
    if not secret_chunks.needs_chunks(value):
        _call(backend, "set_password", name, value)
        _delete_parts(backend, name, start=0, known=0)
        return

    parts = secret_chunks.split(value)
    for index, part in enumerate(parts):
        _call(backend, "set_password", secret_chunks.part_name(name, index), part)
    _call(backend, "set_password", name, secret_chunks.make_header(value, len(parts)))
    _delete_parts(backend, name, start=len(parts), known=0)
    log.info("Credential %r stored in %d keyring entries", name, len(parts))


def _read_parts(backend: Any, name: str, header_text: str) -> str | None:
    """Join the parts of a chunked credential, or return None for a malformed or incomplete set."""
    try:
        header = secret_chunks.parse_header(header_text)
    except ValueError:
        log.warning("Credential %r has a malformed header in the keyring; treated as missing", name)
        return None

    parts: list[str] = []
    for index in range(header.parts):
        part = _call(backend, "get_password", secret_chunks.part_name(name, index))
        if part is None:
            log.warning(
                "Credential %r is incomplete in the keyring (part %d of %d missing); "
                "treated as missing",
                name,
                index + 1,
                header.parts,
            )
            return None
        parts.append(part)
    try:
        return secret_chunks.join(header, parts)
    except ValueError:
        log.warning(
            "Credential %r in the keyring does not match its checksum; treated as missing", name
        )
        return None


def _stored_part_count(backend: Any, name: str) -> int:
    """Return the part count in the header stored under ``name``, or 0 without a valid one."""
    stored = _call(backend, "get_password", name)
    if stored is None or not secret_chunks.is_header(stored):
        return 0
    try:
        return secret_chunks.parse_header(stored).parts
    except ValueError:
        return 0


def _delete_parts(backend: Any, name: str, *, start: int, known: int) -> None:
    """Delete parts ``name#start`` onwards: the first ``known`` ones, then any that exist.

    The probe past ``known`` also removes parts whose header was never
    written or is malformed.
    """
    for index in range(start, secret_chunks.MAX_PARTS):
        part = secret_chunks.part_name(name, index)
        if index >= known and _call(backend, "get_password", part) is None:
            return
        _call(backend, "delete_password", part)


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name.strip():
        raise ValueError("A credential name must be a non-empty string.")


def _backend() -> tuple[Any, str | None]:
    """Return the keyring backend and, when it cannot keep credentials, the reason why."""
    try:
        import keyring
        from keyring.errors import KeyringError

        backend = keyring.get_keyring()
    except (ImportError, ValueError, KeyringError) as exc:
        # PYTHON_KEYRING_BACKEND naming a missing class raises ImportError or ValueError.
        log.warning("No keyring backend could be loaded: %s", exc)
        return None, (
            "The keyring could not be loaded (PYTHON_KEYRING_BACKEND names a backend that "
            "does not exist). Credentials are kept until the app closes."
        )

    name = _backend_name(backend)
    if _is_no_backend(backend):
        return backend, (
            "This computer has no keyring service (such as GNOME Keyring or KWallet) for "
            "saving passwords. Credentials are kept until the app closes and must be "
            "entered again next time."
        )
    if name.startswith(_UNSAFE_BACKEND_PREFIX):
        return backend, (
            f"The only keyring found ({name}) stores passwords without encryption or asks "
            "for a password on a terminal, so it is not used. Credentials are kept until "
            "the app closes."
        )
    return backend, None


def _is_no_backend(backend: Any) -> bool:
    """Return True for the fail and null backends, also when wrapped in a chainer."""
    if _backend_name(backend) in _NO_BACKEND_CLASSES:
        return True
    children = getattr(backend, "backends", None)
    if isinstance(children, list):
        return all(_is_no_backend(child) for child in children)
    return False


def _backend_name(backend: Any) -> str:
    if backend is None:
        return "none"
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _call(backend: Any, method: str, name: str, *values: str) -> Any:
    """Call a backend method, turning every keyring failure into ``KeyringUnavailableError``."""
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        return getattr(backend, method)(SERVICE_NAME, name, *values)
    except KeyringError as exc:
        if method == "delete_password" and isinstance(exc, PasswordDeleteError):
            return None
        log.warning("Keyring %s failed for %r: %s", method, name, type(exc).__name__)
        raise KeyringUnavailableError(
            f"The keyring ({_backend_name(backend)}) could not {_VERBS[method]} the credential "
            f"{name!r}: {exc or type(exc).__name__}. Unlock the keyring and try again; the "
            "credential itself was not checked."
        ) from exc
    except (OSError, RuntimeError) as exc:
        # D-Bus and Keychain clients raise these outside keyring's own hierarchy.
        log.warning("Keyring %s failed for %r: %s", method, name, type(exc).__name__)
        raise KeyringUnavailableError(
            f"The keyring ({_backend_name(backend)}) could not {_VERBS[method]} the credential "
            f"{name!r}: {exc}. The credential itself was not checked."
        ) from exc


_VERBS = {"get_password": "read", "set_password": "save", "delete_password": "delete"}
