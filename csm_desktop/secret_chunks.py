"""Split long credentials into keyring entries small enough for Windows Credential Manager.

Windows rejects a credential blob over 2,560 bytes (1,280 UTF-16 characters)
with the error "The stub received bad data". ``csm_desktop.secrets`` therefore
stores a longer value as parts ``name#0``, ``name#1``, … plus a header entry
under ``name`` that gives the part count and the sha256 of the whole value.
The checksum makes a partial or mixed set of parts read as missing instead of
as a wrong credential. This module only encodes and decodes; it does no I/O.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

HEADER_PREFIX = "csm-chunked-secret:v1:"
# Max UTF-16 bytes per keyring entry: Windows allows 2,560, and the rest is spare.
MAX_ENTRY_UTF16_BYTES = 2000
# Largest credential stored at all, in UTF-8 bytes.
MAX_SECRET_BYTES = 64 * 1024
# Upper bound on a header's part count. A value of MAX_SECRET_BYTES needs at most 66 parts.
MAX_PARTS = 100

_HEADER_PATTERN = re.compile(r"parts=(?P<parts>[0-9]{1,3});sha256=(?P<sha256>[0-9a-f]{64})")


class SecretTooLargeError(ValueError):
    """A credential larger than ``MAX_SECRET_BYTES``, rejected before anything was stored."""


@dataclass(frozen=True)
class ChunkHeader:
    """Contents of the header entry of a chunked credential."""

    parts: int
    sha256: str


def check_size(name: str, value: str) -> None:
    """Raise ``SecretTooLargeError`` when ``value`` is over ``MAX_SECRET_BYTES`` in UTF-8."""
    size = len(value.encode("utf-8"))
    if size > MAX_SECRET_BYTES:
        raise SecretTooLargeError(
            f"Token too large: the credential {name!r} is {size:,} bytes and the keyring "
            f"limit of this app is {MAX_SECRET_BYTES:,} bytes (64 KiB). Nothing was stored; "
            "use a shorter token."
        )


def needs_chunks(value: str) -> bool:
    """Return True when ``value`` cannot be stored as one entry.

    A short value that starts like a header is chunked too, so that reading it
    back never mistakes it for a header.
    """
    return _utf16_size(value) > MAX_ENTRY_UTF16_BYTES or value.startswith(HEADER_PREFIX)


def split(value: str) -> list[str]:
    """Cut ``value`` into parts of at most ``MAX_ENTRY_UTF16_BYTES``, never inside a character."""
    parts: list[str] = []
    current: list[str] = []
    current_size = 0
    for character in value:
        size = _utf16_size(character)
        if current and current_size + size > MAX_ENTRY_UTF16_BYTES:
            parts.append("".join(current))
            current, current_size = [], 0
        current.append(character)
        current_size += size
    if current:
        parts.append("".join(current))
    return parts


def make_header(value: str, parts: int) -> str:
    return f"{HEADER_PREFIX}parts={parts};sha256={_sha256(value)}"


def is_header(text: str) -> bool:
    return text.startswith(HEADER_PREFIX)


def parse_header(text: str) -> ChunkHeader:
    """Parse a header entry, or raise ``ValueError`` when it is malformed."""
    match = _HEADER_PATTERN.fullmatch(text.removeprefix(HEADER_PREFIX))
    if match is None or not 1 <= int(match["parts"]) <= MAX_PARTS:
        raise ValueError("malformed header of a chunked credential")
    return ChunkHeader(parts=int(match["parts"]), sha256=match["sha256"])


def join(header: ChunkHeader, parts: list[str]) -> str:
    """Return the whole value, or raise ``ValueError`` when it does not match the header."""
    value = "".join(parts)
    if _sha256(value) != header.sha256:
        raise ValueError("the parts of a chunked credential do not match its header")
    return value


def part_name(name: str, index: int) -> str:
    return f"{name}#{index}"


def _utf16_size(text: str) -> int:
    return len(text.encode("utf-16-le"))


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()
