"""Shared fixtures: offscreen Qt, a private data folder, and real SQLite files."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path

# Set before anything imports Qt or matplotlib.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("MPLCONFIGDIR", tempfile.mkdtemp(prefix="csm-mpl-"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import uuid
from datetime import date
from decimal import Decimal

import pytest

from csm_desktop.paths import demo_data_dir
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.database import Database, open_database
from csm_desktop.store.models import Account, Activity, ChurnEvent, SupportTicket, UsageMetric
from csm_desktop.ui.gc_guard import collect_due_generations

REPO_ROOT = Path(__file__).resolve().parent.parent
ACCOUNT_NAMES = ["Acme Robotics", "Blue Harbor", "Acme Foods", "Zenith Labs"]


@pytest.fixture(autouse=True, scope="session")
def garbage_collection_on_main_thread() -> None:
    """Collect cycles only on the test thread, as the app does (see ``ui/gc_guard.py``).

    An automatic collection that starts on a background job's thread can
    destroy a widget left in a cycle by an earlier test while Qt delivers
    events to it, which crashes the process.
    """
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_garbage_after_test() -> None:
    """Free the reference cycles a test left behind, on the test thread, when they are due."""
    yield
    collect_due_generations()


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
    _wait_for_workers()
    database.dispose()


def _wait_for_workers() -> None:
    """Let background jobs finish before the database closes connections under them."""
    workers = sys.modules.get("csm_desktop.ui.workers")
    if workers is not None:
        workers.shutdown_all()


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The RavenStack CSV files shipped with the package."""
    return demo_data_dir()


@pytest.fixture
def seeded_db(db: Database) -> dict[str, uuid.UUID]:
    """Four accounts; Acme Robotics has usage, a ticket, a churn event and a note."""
    ids: dict[str, uuid.UUID] = {}
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, "2024-12-31")
        for number, name in enumerate(ACCOUNT_NAMES):
            account = Account(
                name=name,
                industry="Manufacturing",
                country="DE",
                plan_tier="Pro",
                seats=10 * (number + 1),
                arr=Decimal(1000 * (number + 1)),
                contract_start=date(2024, 2, 1),
                term_months=12,
            )
            session.add(account)
            session.flush()
            ids[name] = account.id

        robotics = ids["Acme Robotics"]
        session.add(UsageMetric(account_id=robotics, usage_date=date(2024, 12, 2), value=5.0))
        session.add(UsageMetric(account_id=robotics, usage_date=date(2024, 12, 4), value=7.0))
        session.add(
            SupportTicket(account_id=robotics, opened_on=date(2024, 11, 5), priority="high")
        )
        session.add(
            ChurnEvent(account_id=robotics, churn_date=date(2023, 6, 1), reason_code="budget")
        )
        session.add(
            Activity(
                account_id=robotics,
                kind="call",
                occurred_on=date(2024, 10, 1),
                title="Kick-off call",
                body="Agreed on rollout plan.",
            )
        )
    return ids


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch):
    """Replace ``QMessageBox.question`` with queued replies (``tests.editing.FakeQuestions``)."""
    from PySide6.QtWidgets import QMessageBox

    from csm_desktop.ui import record_editing
    from tests.editing import FakeQuestions

    fake = FakeQuestions()
    monkeypatch.setattr(QMessageBox, "question", fake)
    monkeypatch.setattr(record_editing, "ask_delete", fake)
    return fake


@pytest.fixture
def account(seeded_db: dict[str, uuid.UUID]) -> uuid.UUID:
    """The seeded account that the record-editing tests work on."""
    return seeded_db["Zenith Labs"]
