"""Credentials: keyring round trip, session-only fallback, failures, thread safety."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import keyring
import pytest

from csm_desktop import secrets
from csm_desktop.logs import RedactingFormatter
from csm_desktop.secrets import (
    SERVICE_NAME,
    KeyringUnavailableError,
    delete_secret,
    get_secret,
    keyring_status,
    set_secret,
)
from tests.fixtures.memkeyring import LockedKeyring, MemoryKeyring, ReentrancyCheckingKeyring

TOKEN = "tok-4f9a1c2e-very-secret"


@pytest.fixture(autouse=True)
def clean_session_values():
    secrets.forget_session_values()
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)
    secrets.forget_session_values()


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def no_keyring():
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())


def test_round_trip_goes_to_keyring(memory_keyring):
    set_secret("sync_token", TOKEN)

    assert memory_keyring.store[(SERVICE_NAME, "sync_token")] == TOKEN
    assert get_secret("sync_token") == TOKEN
    assert keyring_status().available is True


def test_missing_credential_is_none(memory_keyring):
    assert get_secret("sync_token") is None


def test_no_backend_status_in_plain_words(no_keyring):
    status = keyring_status()

    assert status.available is False
    assert "no keyring service" in status.reason
    assert "until the app closes" in status.reason


def test_no_backend_keeps_value_for_session(no_keyring):
    set_secret("sync_token", TOKEN)
    assert get_secret("sync_token") == TOKEN

    secrets.forget_session_values()
    assert get_secret("sync_token") is None


def test_null_backend_counts_as_none():
    from keyring.backends.null import Keyring as NullKeyring

    keyring.set_keyring(NullKeyring())
    set_secret("sync_token", TOKEN)

    assert keyring_status().available is False
    assert get_secret("sync_token") == TOKEN


def test_plaintext_backend_is_not_used():
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    backend = PlaintextKeyring()
    keyring.set_keyring(backend)
    set_secret("sync_token", TOKEN)

    assert backend.store == {}
    assert "without encryption" in keyring_status().reason
    assert get_secret("sync_token") == TOKEN


def test_session_only_skips_keyring(memory_keyring):
    set_secret("sync_token", TOKEN, session_only=True)

    assert memory_keyring.store == {}
    assert get_secret("sync_token") == TOKEN


def test_locked_keyring_is_not_wrong_credential():
    keyring.set_keyring(LockedKeyring())

    with pytest.raises(KeyringUnavailableError) as raised:
        get_secret("sync_token")
    message = str(raised.value)
    assert "could not read" in message
    assert "not checked" in message
    assert "wrong" not in message.lower()
    assert "invalid" not in message.lower()


def test_locked_keyring_set_raises_unavailable():
    keyring.set_keyring(LockedKeyring())

    with pytest.raises(KeyringUnavailableError, match="could not save"):
        set_secret("sync_token", TOKEN)


def test_delete_removes_everywhere(memory_keyring):
    set_secret("sync_token", TOKEN)
    set_secret("api_key", "key-123456", session_only=True)

    delete_secret("sync_token")
    delete_secret("api_key")
    delete_secret("never_stored")

    assert memory_keyring.store == {}
    assert get_secret("sync_token") is None
    assert get_secret("api_key") is None


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name_rejected(memory_keyring, name):
    with pytest.raises(ValueError, match="name"):
        set_secret(name, TOKEN)


def test_empty_value_rejected(memory_keyring):
    with pytest.raises(ValueError, match="non-empty"):
        set_secret("sync_token", "")


def test_worker_threads_never_overlap():
    backend = ReentrancyCheckingKeyring()
    keyring.set_keyring(backend)
    errors: list[BaseException] = []

    def work(number: int) -> None:
        try:
            for round_number in range(20):
                set_secret(f"key{number}", f"value-{number}-{round_number}")
                assert get_secret(f"key{number}") == f"value-{number}-{round_number}"
        except BaseException as exc:  # collected so the main thread can fail the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert backend.overlaps == 0


def test_stored_value_never_logged(memory_keyring, caplog):
    set_secret("sync_token", TOKEN)
    logging.getLogger("csm_desktop.sync").error("push failed with token %s", TOKEN)

    formatter = RedactingFormatter("%(message)s")
    lines = [formatter.format(record) for record in caplog.records]
    assert lines
    assert all(TOKEN not in line for line in lines)


def test_no_plaintext_file_written(no_keyring, private_data_dir):
    set_secret("sync_token", TOKEN)
    assert get_secret("sync_token") == TOKEN

    written = [path for path in Path(private_data_dir).parent.rglob("*") if path.is_file()]
    for path in written:
        assert TOKEN.encode() not in path.read_bytes(), path
