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
