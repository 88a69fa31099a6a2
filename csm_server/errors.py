"""Whole-request errors, sent as ``application/problem+json`` with a stable ``code``."""

from __future__ import annotations

from typing import Any


class ProblemError(Exception):
    """A request that fails as a whole; ``extra`` adds fields to the problem document."""

    def __init__(self, status: int, code: str, detail: str, **extra: Any) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.extra = extra
        self.headers: dict[str, str] = {}
