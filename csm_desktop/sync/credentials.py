"""The personal access token for sync, kept only in the OS keyring through ``csm_desktop.secrets``.

The short-lived access tokens the server issues for it stay in the memory of
``Transport`` and never come here.
"""

from __future__ import annotations

from csm_desktop import secret_chunks, secrets


def _name(server_url: str) -> str:
    return f"sync-token {server_url.rstrip('/')}"


def check_token_size(server_url: str, token: str) -> None:
    """Raise ``SecretTooLargeError`` for a token the keyring wrapper would refuse."""
    secret_chunks.check_size(_name(server_url), token)


def load_token(server_url: str) -> str | None:
    return secrets.get_secret(_name(server_url))


def store_token(server_url: str, token: str, *, session_only: bool = False) -> None:
    secrets.set_secret(_name(server_url), token, session_only=session_only)


def forget_token(server_url: str) -> None:
    secrets.delete_secret(_name(server_url))
