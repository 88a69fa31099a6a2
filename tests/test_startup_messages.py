"""Start-up messages are worded in the UI's language from the store's structured fields."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from csm_desktop.store.cloud import detect_cloud_folder
from csm_desktop.store.database import DatabaseInUseError, open_database, take_instance_lock
from csm_desktop.store.integrity import check_file
from csm_desktop.ui.i18n import install_translators
from csm_desktop.ui.startup import in_use_text, problem_text, storage_warning_text

MOUNTS = "//fileserver/team /mnt/team cifs rw 0 0\n"


@pytest.fixture
def spanish(qapp: QApplication):
    """Install the Spanish translations, and English again afterwards."""
    install_translators(qapp, "es")
    yield qapp
    install_translators(qapp, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def in_use(tmp_path: Path) -> DatabaseInUseError:
    path = tmp_path / "portfolio.sqlite"
    lock = take_instance_lock(path)
    try:
        with pytest.raises(DatabaseInUseError) as raised:
            open_database(path, single_instance=True)
    finally:
        lock.release()
    return raised.value


def _damaged_file(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,) for _ in range(200)])
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xa5" * (4096 * 3)
    path.write_bytes(bytes(data))
    return path


def test_in_use_names_file_and_process(in_use: DatabaseInUseError) -> None:
    text = in_use_text(in_use)

    assert in_use.file_name == "portfolio.sqlite"
    assert "portfolio.sqlite" in text
    assert in_use.owner_pid is not None
    assert f"(process {in_use.owner_pid})" in text
    assert "overwrite each other's changes" in text


def test_storage_warnings_name_the_place() -> None:
    synced = detect_cloud_folder(Path("/home/ana/Dropbox/csm/p.sqlite"), mounts_text="")
    network = detect_cloud_folder(Path("/mnt/team/csm/p.sqlite"), mounts_text=MOUNTS)
    assert synced is not None
    assert network is not None

    assert storage_warning_text(synced).startswith("Your data folder is inside Dropbox.")
    assert "network share (cifs, /mnt/team)" in storage_warning_text(network)


def test_damage_problem_keeps_sqlite_detail(tmp_path: Path) -> None:
    result = check_file(_damaged_file(tmp_path))
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello", encoding="utf-8")

    assert result.kind == "damaged"
    assert problem_text(result) == f"the file is damaged ({result.detail})"
    assert problem_text(check_file(not_sqlite)) == "the file is not an SQLite database"


def test_messages_in_spanish(
    spanish: QApplication, in_use: DatabaseInUseError, tmp_path: Path
) -> None:
    synced = detect_cloud_folder(Path("/home/ana/Dropbox/csm/p.sqlite"), mounts_text="")
    network = detect_cloud_folder(Path("/mnt/team/csm/p.sqlite"), mounts_text=MOUNTS)
    assert synced is not None
    assert network is not None
    damaged = check_file(_damaged_file(tmp_path))

    assert in_use_text(in_use).startswith("CSM Desktop ya está abierto con portfolio.sqlite")
    assert "Dropbox" in storage_warning_text(synced)
    assert storage_warning_text(synced).startswith("Tu carpeta de datos")
    assert "(cifs, /mnt/team)" in storage_warning_text(network)
    assert problem_text(damaged).startswith("el archivo está dañado (")
