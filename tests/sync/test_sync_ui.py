"""Team sync in the app: settings page, status indicator, conflicts inbox, pending changes.

Every test talks to a real ``csm-server`` process on 127.0.0.1. The test
keyring is the null backend, so tokens live in this process's memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from csm_desktop import secrets
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.store.sync_models import SyncConflict
from csm_desktop.sync import credentials, service
from csm_desktop.sync.resolve import ACCEPT, MINE, THEIRS
from csm_desktop.ui.sync_conflicts import ConflictsDialog
from csm_desktop.ui.sync_pending import PendingChangesDialog
from csm_desktop.ui.sync_settings_page import SyncSettingsPage
from csm_desktop.ui.sync_status import SyncController, SyncIndicator, install_sync
from csm_desktop.ui.workers import JobRunner
from tests.sync.harness import ServerProcess, free_port
from tests.sync.restore import restore_server_backup

JOB_TIMEOUT_MS = 60_000


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    jobs = JobRunner()
    yield jobs
    jobs.shutdown(10_000)
    secrets.forget_session_values()


@pytest.fixture
def controller(db: Database, runner: JobRunner) -> Iterator[SyncController]:
    sync = SyncController(db, runner)
    # One attempt per call, so a stopped server fails the run at once.
    sync.max_attempts = 1
    yield sync
    sync.timer.stop()
    sync.deleteLater()


def run_check(qtbot: QtBot, page: SyncSettingsPage, button) -> str:
    with qtbot.waitSignal(page.check_finished, timeout=JOB_TIMEOUT_MS) as blocker:
        button.click()
    return blocker.args[0]


def sync_once(qtbot: QtBot, controller: SyncController) -> None:
    job = controller.sync_now()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=JOB_TIMEOUT_MS):
        pass


def edit_account(db: Database, account_id, **values) -> None:
    with db.session() as session:
        row = session.get(Account, account_id)
        for key, value in values.items():
            setattr(row, key, value)


def local_account(db: Database, account_id) -> Account:
    with db.session() as session:
        return session.get(Account, account_id)


def local_account_by_name(db: Database, name: str):
    with db.session() as session:
        return session.scalars(select(Account.id).where(Account.name == name)).one()


def test_settings_page_test_and_connect(
    qtbot: QtBot, db: Database, runner: JobRunner, sqlite_only_server: ServerProcess
) -> None:
    page = SyncSettingsPage(db, runner)
    qtbot.addWidget(page)
    assert "Not connected" in page.connection_label.text()
    # The test keyring is the null backend, so the page must show that the token is not kept.
    assert "No keyring available" in page.keyring_label.text()
    assert not page.remember_check.isChecked()

    page.url_edit.setText(sqlite_only_server.url)
    page.token_edit.setText(sqlite_only_server.tokens["ann"])
    message = run_check(qtbot, page, page.test_button)
    assert "ann@t.io" in message
    assert service.read_status(db).server_url is None

    message = run_check(qtbot, page, page.connect_button)
    assert "ann@t.io" in message
    status = service.read_status(db)
    assert status.server_url == sqlite_only_server.url
    assert status.user_email == "ann@t.io"
    with db.engine.connect() as conn:
        database_id = credentials.read_database_id(conn)
    token = credentials.load_token(sqlite_only_server.url, database_id)
    assert token == sqlite_only_server.tokens["ann"]
    assert page.token_edit.text() == ""
    assert "Connected to" in page.connection_label.text()
    page.apply()


def test_settings_page_error_messages(
    qtbot: QtBot, db: Database, runner: JobRunner, sqlite_only_server: ServerProcess
) -> None:
    page = SyncSettingsPage(db, runner)
    qtbot.addWidget(page)

    page.url_edit.setText(sqlite_only_server.url)
    page.token_edit.setText("csm_wrong_token")
    message = run_check(qtbot, page, page.test_button)
    assert "did not accept the personal access token" in message

    page.url_edit.setText(f"http://127.0.0.1:{free_port()}")
    message = run_check(qtbot, page, page.test_button)
    assert message.startswith("Cannot reach the sync server")
    assert "Traceback" not in message

    page.url_edit.setText("http://sync.example.com")
    message = run_check(qtbot, page, page.connect_button)
    assert "must start with https://" in message
    assert service.read_status(db).server_url is None

    page.token_edit.clear()
    message = run_check(qtbot, page, page.test_button)
    assert "Enter the server URL and the personal access token" in message


def test_settings_apply_rejects_unsaved_token(
    qtbot: QtBot, db: Database, runner: JobRunner
) -> None:
    from csm_desktop.ui.settings_dialog import SettingsError

    page = SyncSettingsPage(db, runner)
    qtbot.addWidget(page)
    page.token_edit.setText("typed but never checked")
    with pytest.raises(SettingsError):
        page.apply()


def test_indicator_after_sync(
    qtbot: QtBot,
    db: Database,
    runner: JobRunner,
    controller: SyncController,
    sqlite_only_server: ServerProcess,
) -> None:
    indicator = SyncIndicator(controller)
    qtbot.addWidget(indicator)
    assert indicator.text() == "Sync: not connected"

    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["ann"])
    with db.session() as session:
        session.add(Account(name="Acme"))
    from csm_desktop.ui.sync_settings_page import connection_events

    # Connecting through the settings page emits this; the controller then syncs at once.
    connection_events().changed.emit()
    assert controller.running
    assert indicator.text() == "Syncing…"
    with qtbot.waitSignal(controller.job.finished, timeout=JOB_TIMEOUT_MS):
        pass

    assert indicator.text() == "Synced"
    assert "1 sent" in indicator.toolTip()
    assert controller.timer.isActive()

    with db.session() as session:
        session.add(Account(name="Blue Harbor"))
    indicator.refresh()
    assert indicator.text() == "Pending changes: 1"
    pending = PendingChangesDialog(db)
    qtbot.addWidget(pending)
    assert [change.record for change in pending.changes] == ["Blue Harbor"]
    assert pending.table.item(0, 4).text() == "Waiting"


def test_conflict_inbox_choose_theirs(
    qtbot: QtBot,
    db: Database,
    controller: SyncController,
    make_sqlite_client,
    sqlite_only_server: ServerProcess,
) -> None:
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme")
    ann.sync()
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["bob"])
    sync_once(qtbot, controller)

    ann.edit(Account, account, industry="Retail")
    ann.sync()
    # Bob edits later without having pulled, so his value wins and Ann's is the conflict.
    edit_account(db, account, industry="Banking")
    sync_once(qtbot, controller)
    assert local_account(db, account).industry == "Banking"
    indicator = SyncIndicator(controller)
    qtbot.addWidget(indicator)
    assert indicator.text() == "Conflicts: 1"

    inbox = ConflictsDialog(db)
    qtbot.addWidget(inbox)
    assert len(inbox.items) == 1
    item = inbox.items[0]
    assert item.field == "industry"
    assert item.base is None
    assert (item.mine, item.mine_actor) == ("Banking", "bob@t.io")
    assert (item.theirs, item.theirs_actor) == ("Retail", "ann@t.io")
    assert inbox.table.item(0, 4).text() == "Banking (bob@t.io)"
    assert inbox.table.item(0, 5).text() == "Retail (ann@t.io)"

    inbox.set_choice(0, THEIRS)
    with qtbot.waitSignal(inbox.choices_applied):
        assert inbox.apply_choices() == 1
    assert local_account(db, account).industry == "Retail"
    assert inbox.items == []

    sync_once(qtbot, controller)
    assert service.read_status(db).open_conflicts == 0
    assert service.read_status(db).pending == 0
    ann.sync()
    assert ann.get(Account, account).industry == "Retail"
    with ann.db.session() as session:
        conflict = session.scalars(select(SyncConflict)).one()
        assert conflict.status == "resolved"
        assert conflict.data["resolution"] == "kept_theirs"
        assert conflict.data["resolved_by"] == "bob@t.io"


def test_proposal_accepted_from_inbox(
    qtbot: QtBot,
    db: Database,
    controller: SyncController,
    make_sqlite_client,
    sqlite_only_server: ServerProcess,
) -> None:
    ann = make_sqlite_client("ann")
    account = ann.add_account("Acme", renewal_date=date(2027, 1, 31))
    ann.sync()
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["cora"])
    sync_once(qtbot, controller)

    edit_account(db, account, renewal_date=date(2027, 2, 28))
    ann.edit(Account, account, renewal_date=date(2027, 3, 31))
    sync_once(qtbot, controller)
    ann.sync()
    sync_once(qtbot, controller)

    inbox = ConflictsDialog(db)
    qtbot.addWidget(inbox)
    assert len(inbox.items) == 1
    item = inbox.items[0]
    assert item.kind == "proposal"
    assert item.choices == (ACCEPT, "dismiss")
    assert (item.mine, item.theirs) == ("2027-02-28", "2027-03-31")
    with pytest.raises(Exception, match="not a valid choice"):
        from csm_desktop.sync.resolve import choose

        choose(db, item, MINE)

    inbox.set_choice(0, ACCEPT)
    inbox.apply_choices()
    assert local_account(db, account).renewal_date == date(2027, 3, 31)
    sync_once(qtbot, controller)
    ann.sync()
    assert ann.get(Account, account).renewal_date == date(2027, 3, 31)
    assert service.read_status(db).open_conflicts == 0


def test_server_down_shows_offline(
    qtbot: QtBot,
    db: Database,
    controller: SyncController,
    sqlite_only_server: ServerProcess,
) -> None:
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["ann"])
    with db.session() as session:
        session.add(Account(name="Acme"))
    sqlite_only_server.stop()
    indicator = SyncIndicator(controller)
    qtbot.addWidget(indicator)

    sync_once(qtbot, controller)

    assert controller.offline
    assert indicator.text() == "Offline · Pending changes: 1"
    assert indicator.toolTip().startswith("Cannot reach the sync server at http://127.0.0.1:")
    assert "Traceback" not in indicator.toolTip()


def test_signed_out_after_token_revoked(
    qtbot: QtBot,
    db: Database,
    controller: SyncController,
    sqlite_only_server: ServerProcess,
) -> None:
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["ann"])
    with db.engine.connect() as conn:
        credentials.forget_token(sqlite_only_server.url, credentials.read_database_id(conn))
    indicator = SyncIndicator(controller)
    qtbot.addWidget(indicator)

    sync_once(qtbot, controller)

    assert indicator.text() == "Signed out — sign in again"
    assert "sign in again" in indicator.toolTip()


class SyncWindow(QMainWindow):
    """The parts of ``MainWindow`` that ``install_sync`` uses: its menus and Settings."""

    def __init__(self) -> None:
        super().__init__()
        self.menus: dict = {}

    def show_settings(self) -> None:
        pass


def lose_after_backup(qtbot: QtBot, db: Database, controller, server, kept_id) -> dict:
    """Restore the server to before Bob created an account and then edited ``kept_id``.

    The two syncs give the lost edit a seq above the restored server's, even
    after one more change there, which is how the client tells it was lost.
    """
    created = {}

    def lose() -> None:
        with db.session() as session:
            account = Account(name="Lost account")
            session.add(account)
            session.flush()
            created["lost"] = account.id
        sync_once(qtbot, controller)
        edit_account(db, kept_id, industry="Banking")
        sync_once(qtbot, controller)

    restore_server_backup(server, lose)
    return created


def installed_sync(qtbot: QtBot, db: Database, runner: JobRunner) -> SyncController:
    window = SyncWindow()
    qtbot.addWidget(window)
    sync = install_sync(window, db, runner)
    sync.timer.stop()
    return sync


def test_lost_changes_reuploaded_after_restore(
    qtbot: QtBot,
    db: Database,
    runner: JobRunner,
    make_sqlite_client,
    sqlite_only_server: ServerProcess,
) -> None:
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["bob"])
    sync = installed_sync(qtbot, db, runner)
    with db.session() as session:
        session.add(Account(name="Kept", industry="Retail"))
    sync_once(qtbot, sync)
    kept_id = local_account_by_name(db, "Kept")
    created = lose_after_backup(qtbot, db, sync, sqlite_only_server, kept_id)
    cora = make_sqlite_client("cora")
    cora.sync()
    cora.edit(Account, kept_id, industry="Cora's pick")
    cora.sync()

    with qtbot.waitSignal(sync.lost_changes_found, timeout=JOB_TIMEOUT_MS):
        sync_once(qtbot, sync)

    dialog = sync.actions.lost_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Re-upload changes the server lost?"
    assert "no longer has 2 changes" in dialog.summary.text()
    assert [dialog.table.item(0, column).text() for column in range(4)] == [
        "Account",
        "Lost account",
        "",
        "Whole record (missing on the server)",
    ]
    assert [dialog.table.item(1, column).text() for column in range(4)] == [
        "Account",
        "Kept",
        "",
        "industry: Banking",
    ]
    assert local_account(db, created["lost"]).deleted_at is not None
    assert local_account(db, kept_id).industry == "Cora's pick"

    qtbot.mouseClick(dialog.reupload_button, Qt.MouseButton.LeftButton)
    assert sync.job is not None
    with qtbot.waitSignal(sync.job.finished, timeout=JOB_TIMEOUT_MS):
        pass
    cora.sync()

    assert not dialog.isVisible()
    assert service.read_status(db).lost_changes == 0
    assert cora.get(Account, created["lost"]).name == "Lost account"
    with cora.db.session() as session:
        conflicts = session.scalars(select(SyncConflict)).all()
    assert [(c.entity, c.entity_id, c.field) for c in conflicts] == [
        ("account", kept_id, "industry")
    ]
    data = conflicts[0].data
    assert {data["kept_value"], data["other_value"]} == {"Banking", "Cora's pick"}
    assert cora.get(Account, kept_id).industry == data["kept_value"]
    assert conflicts[0].status == "open"


def test_lost_changes_discarded_after_restore(
    qtbot: QtBot,
    db: Database,
    runner: JobRunner,
    make_sqlite_client,
    sqlite_only_server: ServerProcess,
) -> None:
    service.connect(db, sqlite_only_server.url, sqlite_only_server.tokens["bob"])
    sync = installed_sync(qtbot, db, runner)
    with db.session() as session:
        session.add(Account(name="Kept", industry="Retail"))
    sync_once(qtbot, sync)
    kept_id = local_account_by_name(db, "Kept")
    created = lose_after_backup(qtbot, db, sync, sqlite_only_server, kept_id)

    with qtbot.waitSignal(sync.lost_changes_found, timeout=JOB_TIMEOUT_MS):
        sync_once(qtbot, sync)
    dialog = sync.actions.lost_dialog
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    sync_once(qtbot, sync)
    cora = make_sqlite_client("cora")
    cora.sync()

    assert not dialog.isVisible()
    assert service.read_status(db).lost_changes == 0
    assert service.read_status(db).pending == 0
    assert local_account(db, created["lost"]).deleted_at is not None
    assert local_account(db, kept_id).industry == "Retail"
    assert [a.name for a in cora.rows(Account)] == ["Kept"]
    assert cora.get(Account, kept_id).industry == "Retail"
    assert not sync.actions.lost_action.isEnabled()


def test_no_replace_choice_anywhere(
    qtbot: QtBot, db: Database, runner: JobRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First sync merges by id; no control offers to replace the server's or the local data."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton

    from csm_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(MainWindow, "confirm_cancel_jobs", lambda self, count: True)
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = SyncSettingsPage(db, runner)
    qtbot.addWidget(page)
    try:
        texts = [action.text() for action in window.findChildren(QAction)]
        texts += [button.text() for button in window.findChildren(QAbstractButton)]
        texts += [button.text() for button in page.findChildren(QAbstractButton)]
        assert any("Sync" in text for text in texts)
        offending = [
            text
            for text in texts
            if any(word in text.casefold() for word in ("replace", "overwrite", "full sync"))
        ]
        assert offending == []
    finally:
        window.runner.shutdown(5_000)
