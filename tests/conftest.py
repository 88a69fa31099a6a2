"""Shared fixtures: offscreen Qt, a private data folder, and real SQLite files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Set before anything imports Qt or matplotlib.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("MPLCONFIGDIR", tempfile.mkdtemp(prefix="csm-mpl-"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import pytest

from csm_desktop.paths import demo_data_dir
from csm_desktop.store.database import Database, open_database

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder at a per-test temporary folder."""
    data_dir = tmp_path / "userdata"
    monkeypatch.setenv("CSM_DESKTOP_DATA_DIR", str(data_dir))
    return data_dir


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """An empty, migrated database in a real SQLite file."""
    database = open_database(tmp_path / "test.sqlite")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The RavenStack CSV files shipped with the package."""
    return demo_data_dir()
