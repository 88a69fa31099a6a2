"""What the app shows about a sync: rejected changes, pending snapshots, rows during a sync.

Every test syncs with a real ``csm-server`` process on 127.0.0.1 and reads
the real widgets: the pending changes dialog, the status bar indicator and
the main window's portfolio model.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from csm_desktop import secrets
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account, HealthSnapshot, Task
from csm_desktop.sync import service, state
from csm_desktop.ui.main_window import MainWindow
from csm_desktop.ui.sync_messages import describe_rejection
from csm_desktop.ui.sync_pending import PendingChangesDialog
from csm_desktop.ui.sync_status import SyncController, SyncIndicator
from csm_desktop.ui.workers import JobRunner
from tests.sync.harness import ServerProcess

TWO_HOURS_MS = 2 * 60 * 60 * 1000
LOAD_TIMEOUT_MS = 30_000
TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "csm_desktop_es.ts"
CLOCK_MESSAGE = (
    "This computer's clock is ahead of the team server's clock, so the server rejected "
    "the change. Set the correct date, time and time zone in the system settings, then "
    "sync again."
)


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.shutdown(10_000)
    secrets.forget_session_values()


def spanish_translation(context: str, source: str) -> str | None:
    """Return the finished Spanish translation of ``source`` in the catalogue, or None."""
    for element in ET.parse(TS_FILE).getroot().iter("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            translation = message.find("translation")
            if message.findtext("source") == source and translation.get("type") is None:
                return translation.text
    return None


def indicator_for(qtbot: QtBot, db: Database, runner: JobRunner, url: str) -> SyncIndicator:
    """Return a status bar indicator for a harness client's database, marked as connected."""
    with db.engine.begin() as conn:
        state.set_value(conn, state.SERVER_URL, url)
    controller = SyncController(db, runner)
    controller.timer.stop()
    indicator = SyncIndicator(controller)
    qtbot.addWidget(indicator)
    return indicator


def test_clock_ahead_rejection_names_clock(
    qtbot: QtBot, runner: JobRunner, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    ann = make_sqlite_client("ann", offset_ms=TWO_HOURS_MS)
    ann.add_account("Future")

    report = ann.sync()
    pending = PendingChangesDialog(ann.db)
    qtbot.addWidget(pending)
    indicator = indicator_for(qtbot, ann.db, runner, sqlite_only_server.url)

    assert report.rejected[0]["code"] == "clock_ahead"
    assert [change.record for change in pending.changes] == ["Future"]
    assert pending.table.item(0, 4).text() == "Rejected: " + CLOCK_MESSAGE
    assert indicator.text() == "Rejected changes: 1"
    assert CLOCK_MESSAGE in indicator.toolTip().split("\n")


def test_clock_message_translated_to_spanish() -> None:
    spanish = spanish_translation("SyncMessages", CLOCK_MESSAGE)

    assert describe_rejection("clock_ahead", "ignored detail") == CLOCK_MESSAGE
    assert spanish is not None
    assert "reloj" in spanish


def test_rejected_task_listed_with_reason(
    qtbot: QtBot, runner: JobRunner, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme")
    ann.sync()
    for title, due in (("First", None), ("Too old", date(1850, 1, 1)), ("Third", None)):
        with ann.db.session() as session:
            session.add(Task(account_id=account, title=title, due_on=due))

    report = ann.sync()
    pending = PendingChangesDialog(ann.db)
    qtbot.addWidget(pending)
    indicator = indicator_for(qtbot, ann.db, runner, sqlite_only_server.url)
    cells = [pending.table.item(0, column).text() for column in range(1, 5)]

    assert report.pushed == {"applied": 2, "rejected": 1}
    assert pending.table.rowCount() == 1
    assert cells == [
        "task · Acme",
        "New",
        "all fields",
        "Rejected: The server rejected an invalid value: "
        "task.due_on is 1850-01-01; dates before 1900 are not accepted",
    ]
    assert pending.summary.text() == "0 changes wait to be sent; 1 were rejected by the server."
    assert indicator.text() == "Rejected changes: 1"


def test_pending_count_includes_unqueued_snapshots(
    qtbot: QtBot, runner: JobRunner, make_sqlite_client, sqlite_only_server: ServerProcess
) -> None:
    ann, cora = make_sqlite_client("ann"), make_sqlite_client("cora")
    account = ann.add_account("Acme")
    ann.sync()
    rows = [
        {
            "id": uuid.uuid4(),
            "account_id": account,
            "as_of": date(2026, 1, 5) + timedelta(weeks=week),
            "kind": "weekly",
            "score": 80.0,
            "colour": "green",
            "details": {},
        }
        for week in range(3)
    ]
    with ann.db.session() as session:
        session.execute(insert(HealthSnapshot), rows)
    ann.add_account("Not yet synced")
    indicator = indicator_for(qtbot, ann.db, runner, sqlite_only_server.url)
    pending = PendingChangesDialog(ann.db)
    qtbot.addWidget(pending)
    status = service.read_status(ann.db)

    assert (status.pending, status.unqueued_snapshots) == (4, 3)
    assert indicator.text() == "Pending changes: 4"
    assert pending.summary.text() == (
        "4 changes wait to be sent; 0 were rejected by the server. "
        "The waiting changes include 3 health snapshots, sent after their accounts."
    )

    report = ann.sync()
    cora.sync()
    indicator.refresh()

    assert report.pushed == {"applied": 4}
    assert service.read_status(ann.db).pending == 0
    assert indicator.text() == "Synced"
    assert len(cora.rows(HealthSnapshot)) == 3


def test_snapshots_of_others_accounts_not_pending(make_sqlite_client) -> None:
    ann = make_sqlite_client("ann")
    ann.sync()
    theirs = ann.add_account("Bob's", owner="bob@t.io")
    mine = ann.add_account("Ann's", owner="ann@t.io")
    with ann.db.session() as session:
        for account in (theirs, mine):
            session.add(HealthSnapshot(account_id=account, as_of=date(2026, 1, 5), colour="green"))

    status = service.read_status(ann.db)

    assert status.unqueued_snapshots == 1
    assert status.pending == 3


@pytest.fixture
def ini_settings(tmp_path: Path) -> Iterator[Path]:
    """Send QSettings to a temporary INI file for the test."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def test_offline_account_stays_visible_during_sync(
    qtbot: QtBot,
    db: Database,
    ini_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_sqlite_client,
    sqlite_only_server: ServerProcess,
) -> None:
    bob = make_sqlite_client("bob")
    bob.add_account("From Bob")
    bob.sync()
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["ann"])
    with db.session() as session:
        offline = Account(name="Created offline")
        session.add(offline)
        session.flush()
        offline_id = offline.id
    monkeypatch.setattr(MainWindow, "confirm_cancel_jobs", lambda self, count: True)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.show_portfolio()
    page = window.portfolio_page
    model = page.model
    seen: list[tuple[str, int, set]] = []

    def record(moment: str) -> None:
        ids = {model.row_at(row).account_id for row in range(model.rowCount())}
        seen.append((moment, model.rowCount(), ids))

    def reload_and_record(moment: str) -> None:
        with qtbot.waitSignal(page.loaded, timeout=LOAD_TIMEOUT_MS):
            page.reload()
        record(moment)

    model.modelReset.connect(lambda: record("model reset"))
    reload_and_record("before sync")
    engine = service.build_engine(db)
    try:
        engine.after_page = lambda number: reload_and_record(f"after pull page {number}")
        engine.run(progress=lambda done, total, step: reload_and_record(f"step {step}"))
    finally:
        engine.transport.close()
    window.runner.shutdown(10_000)

    moments = [moment for moment, _count, _ids in seen]
    assert "step pull" in moments
    assert "after pull page 1" in moments
    assert moments[-1] == "step done"
    assert [count for _moment, count, _ids in seen if count < 1] == []
    counts = [count for _moment, count, _ids in seen]
    assert counts == sorted(counts)
    assert counts[-1] == 2
    assert [moment for moment, _count, ids in seen if offline_id not in ids] == []
    with db.session() as session:
        names = {account.name: account.id for account in session.query(Account)}
    assert names["Created offline"] == offline_id
