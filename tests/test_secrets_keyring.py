"""Credentials: keyring round trip, session-only fallback, failures, thread safety."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import keyring
import pytest

from csm_desktop import secret_chunks, secrets
from csm_desktop.logs import RedactingFormatter
from csm_desktop.secrets import (
    SERVICE_NAME,
    KeyringUnavailableError,
    SecretTooLargeError,
    delete_secret,
    get_secret,
    keyring_status,
    set_secret,
)
from tests.fixtures.memkeyring import LockedKeyring, MemoryKeyring, ReentrancyCheckingKeyring
from tests.fixtures.wincred_keyring import MAX_BLOB_BYTES, WindowsLimitKeyring

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


# --- values too long for one Windows Credential Manager entry ------------------------------

LONG_TOKEN = "".join(chr(ord("a") + n % 26) for n in range(3000))


@pytest.fixture
def windows_keyring() -> WindowsLimitKeyring:
    backend = WindowsLimitKeyring()
    keyring.set_keyring(backend)
    return backend


def test_windows_fake_rejects_long_value(windows_keyring):
    with pytest.raises(OSError, match="stub received bad data"):
        windows_keyring.set_password(SERVICE_NAME, "sync_token", LONG_TOKEN)


def test_long_token_round_trips_in_chunks(windows_keyring):
    set_secret("sync_token", LONG_TOKEN)

    stored = {key: value for (service, key), value in windows_keyring.store.items()}
    assert windows_keyring.rejected == []
    assert stored["sync_token"].startswith(secret_chunks.HEADER_PREFIX)
    assert sorted(stored) == ["sync_token", "sync_token#0", "sync_token#1", "sync_token#2"]
    assert all(len(value.encode("utf-16-le")) <= MAX_BLOB_BYTES for value in stored.values())
    assert get_secret("sync_token") == LONG_TOKEN


def test_chunks_never_split_a_character(windows_keyring):
    value = "\U0001f511" * 700 + "é" * 10

    set_secret("api_key", value)

    assert windows_keyring.rejected == []
    assert get_secret("api_key") == value


def test_chunked_delete_removes_every_part(windows_keyring):
    set_secret("sync_token", LONG_TOKEN)
    set_secret("other", "kept-value")

    delete_secret("sync_token")

    assert windows_keyring.store == {(SERVICE_NAME, "other"): "kept-value"}
    assert get_secret("sync_token") is None


def test_delete_removes_parts_without_header(windows_keyring):
    windows_keyring.store[(SERVICE_NAME, "sync_token#0")] = "left over"
    windows_keyring.store[(SERVICE_NAME, "sync_token#1")] = "by a crash"

    delete_secret("sync_token")

    assert windows_keyring.store == {}


def test_short_value_replaces_chunked_one(windows_keyring):
    set_secret("sync_token", LONG_TOKEN)
    set_secret("sync_token", TOKEN)

    assert windows_keyring.store == {(SERVICE_NAME, "sync_token"): TOKEN}
    assert get_secret("sync_token") == TOKEN


def test_fewer_chunks_drop_old_parts(windows_keyring):
    set_secret("sync_token", LONG_TOKEN)
    set_secret("sync_token", LONG_TOKEN[:1500])

    names = sorted(key for (_service, key) in windows_keyring.store)
    assert names == ["sync_token", "sync_token#0", "sync_token#1"]
    assert get_secret("sync_token") == LONG_TOKEN[:1500]


def test_header_like_short_value_round_trips(windows_keyring):
    value = secret_chunks.HEADER_PREFIX + "parts=1;sha256=" + "0" * 64

    set_secret("api_key", value)

    assert get_secret("api_key") == value


def test_missing_part_reads_as_missing(windows_keyring, caplog):
    set_secret("sync_token", LONG_TOKEN)
    del windows_keyring.store[(SERVICE_NAME, "sync_token#1")]

    with caplog.at_level(logging.WARNING, logger="csm_desktop.secrets"):
        value = get_secret("sync_token")

    assert value is None
    assert "part 2 of 3 missing" in caplog.text
    assert "'sync_token'" in caplog.text


def test_altered_part_reads_as_missing(windows_keyring, caplog):
    set_secret("sync_token", LONG_TOKEN)
    windows_keyring.store[(SERVICE_NAME, "sync_token#2")] = "x" * 100

    with caplog.at_level(logging.WARNING, logger="csm_desktop.secrets"):
        value = get_secret("sync_token")

    assert value is None
    assert "does not match its checksum" in caplog.text


@pytest.mark.parametrize("header_tail", ["parts=abc", "parts=0;sha256=" + "0" * 64, ""])
def test_malformed_header_reads_as_missing(windows_keyring, caplog, header_tail):
    windows_keyring.store[(SERVICE_NAME, "sync_token")] = secret_chunks.HEADER_PREFIX + header_tail

    with caplog.at_level(logging.WARNING, logger="csm_desktop.secrets"):
        value = get_secret("sync_token")

    assert value is None
    assert "malformed header" in caplog.text


@pytest.mark.parametrize("session_only", [False, True])
def test_too_large_names_size_and_limit(windows_keyring, session_only):
    with pytest.raises(SecretTooLargeError) as raised:
        set_secret("sync_token", "t" * 70_000, session_only=session_only)

    message = str(raised.value)
    assert "Token too large" in message
    assert "70,000 bytes" in message
    assert "65,536 bytes" in message
    assert windows_keyring.store == {}
    assert get_secret("sync_token") is None


def test_largest_value_round_trips(windows_keyring):
    value = "v" * secret_chunks.MAX_SECRET_BYTES

    set_secret("sync_token", value)

    assert get_secret("sync_token") == value
    assert len(windows_keyring.store) <= secret_chunks.MAX_PARTS + 1
