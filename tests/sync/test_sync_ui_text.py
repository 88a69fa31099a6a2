"""Sync widgets as a new user sees them: the token label and pending-change rows that fit."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.sync import state
from csm_desktop.sync.capture import install_capture
from csm_desktop.ui.sync_pending import PendingChangesDialog
from csm_desktop.ui.sync_settings_page import SyncSettingsPage
from csm_desktop.ui.workers import JobRunner


def _token_label(page: SyncSettingsPage) -> str:
    form = page.findChild(QFormLayout)
    label = form.labelForField(page.token_edit)
    assert isinstance(label, QLabel)
    return label.text()


def test_token_label_names_personal_token(qtbot: QtBot, db: Database) -> None:
    runner = JobRunner()
    page = SyncSettingsPage(db, runner)
    qtbot.addWidget(page)

    assert _token_label(page) == "&Personal access token:"
    assert page.token_edit.accessibleName() == "Personal access token"
    assert "personal access token" in page.token_edit.placeholderText()
    runner.shutdown()


def test_pending_rows_fit_their_text(qtbot: QtBot, db: Database) -> None:
    install_capture()
    with db.engine.begin() as conn:
        state.set_value(conn, state.CLIENT_ID, state.new_client_id())
    with db.session() as session:
        session.add(Account(name="Northwind Traders International Holdings Group"))
    dialog = PendingChangesDialog(db)
    qtbot.addWidget(dialog)

    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    QApplication.processEvents()
    height_after_show = dialog.table.rowHeight(0)
    dialog.table.resizeRowsToContents()

    assert len(dialog.changes) == 1
    assert height_after_show == dialog.table.rowHeight(0)


def test_indicator_says_last_sync_failed() -> None:
    from csm_desktop.sync.service import SyncStatus
    from csm_desktop.ui.sync_status import indicator_text

    def status(last_error: str | None, pending: int = 2) -> SyncStatus:
        return SyncStatus("https://sync.example", "ann@t.io", pending, 0, 0, None, last_error)

    assert indicator_text(status(None), running=False, offline=False, signed_out=False) == (
        "Pending changes: 2"
    )
    assert (
        indicator_text(status("unknown_client"), running=False, offline=False, signed_out=False)
        == "Last sync failed"
    )
    assert indicator_text(status("token_revoked"), running=False, offline=False, signed_out=False)


def test_page_apply_error_in_plain_words() -> None:
    from csm_desktop.sync.apply import PageApplyError
    from csm_desktop.ui.sync_messages import describe_error

    text = describe_error(PageApplyError("account", "1234", "uq_x"), "https://sync.example")

    assert text.startswith("A change from the team server could not be stored here (account 1234")
    assert "Nothing was lost" in text
