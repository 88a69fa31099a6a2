"""The sync token, kept only in the OS keyring through ``csm_desktop.secrets``."""

from __future__ import annotations

from csm_desktop import secrets


def _name(server_url: str) -> str:
    return f"sync-token {server_url.rstrip('/')}"


def load_token(server_url: str) -> str | None:
    return secrets.get_secret(_name(server_url))


def store_token(server_url: str, token: str, *, session_only: bool = False) -> None:
    secrets.set_secret(_name(server_url), token, session_only=session_only)


def forget_token(server_url: str) -> None:
    secrets.delete_secret(_name(server_url))
