"""Server settings, read once from the environment (the CLI sets them from its options)."""

from __future__ import annotations

import os
from dataclasses import dataclass

ROLES = ("csm", "coordinator", "admin")


@dataclass(frozen=True)
class Settings:
    """Limits and switches of one server process."""

    database_url: str
    # Named fault points (``faults.py``) and the /_test routes exist only then.
    test_mode: bool = False
    max_batch: int = 500
    max_body_bytes: int = 1024 * 1024
    default_page: int = 500
    max_page: int = 2000
    # Mutations whose HLC is further ahead of the server clock are rejected.
    max_clock_ahead_ms: int = 5 * 60 * 1000
    # Requests per minute per token; 0 turns the limiter off.
    rate_limit_per_minute: int = 600
    min_app_version: str = "0.1.0"
    # Lifetime of the access tokens that POST /v1/auth/session issues, in seconds.
    access_token_ttl_s: int = 15 * 60

    @classmethod
    def from_env(cls) -> Settings:
        """Build settings from ``CSM_SERVER_*`` variables."""
        url = os.environ.get("CSM_SERVER_DATABASE_URL")
        if not url:
            raise RuntimeError(
                "CSM_SERVER_DATABASE_URL is not set; pass --database-url or --sqlite to csm-server."
            )
        return cls(
            database_url=url,
            test_mode=os.environ.get("CSM_SERVER_TEST_MODE") == "1",
            max_batch=int(os.environ.get("CSM_SERVER_MAX_BATCH", "500")),
            rate_limit_per_minute=int(os.environ.get("CSM_SERVER_RATE_LIMIT", "600")),
            access_token_ttl_s=_positive_int("CSM_SERVER_ACCESS_TOKEN_TTL", 15 * 60),
        )


def _positive_int(variable: str, default: int) -> int:
    """Read a whole number above zero from ``variable``, or raise with the value and the fix."""
    text = os.environ.get(variable)
    if text is None:
        return default
    if not text.strip().isdigit() or int(text) <= 0:
        raise RuntimeError(
            f"{variable}={text!r} is invalid; set it to a whole number of seconds above 0."
        )
    return int(text)
