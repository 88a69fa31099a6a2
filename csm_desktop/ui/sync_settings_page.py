"""Settings page for team sync: server URL, personal access token, test connection, connect.

Both buttons call the server off the UI thread through ``JobRunner``. The
token goes only to ``sync.service.connect``, which keeps it in the OS
keyring, or in memory until the app closes when there is no keyring. This
page stores it nowhere else.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.secrets import keyring_status
from csm_desktop.store.database import Database
from csm_desktop.sync import service
from csm_desktop.sync.transport import check_server_url
from csm_desktop.ui.sync_messages import describe_error
from csm_desktop.ui.workers import Job, JobRunner

log = logging.getLogger(__name__)


class ConnectionEvents(QObject):
    """App-wide signal that the sync connection changed, so the status bar can follow."""

    changed = Signal()


_events: ConnectionEvents | None = None


def connection_events() -> ConnectionEvents:
    """Return the single ``ConnectionEvents`` object, created on first use.

    It is a child of the application object, so Qt deletes it with the
    application instead of Python at interpreter exit.
    """
    global _events
    if _events is None:
        _events = ConnectionEvents(QCoreApplication.instance())
    return _events


class SyncSettingsPage(QWidget):
    """Connect this database to a team server; emits ``check_finished(message)`` after a check."""

    check_finished = Signal(str)

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._job: Job | None = None

        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://sync.example.com")
        self.url_edit.setAccessibleName(self.tr("Server URL"))
        self.token_edit = QLineEdit(self)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(
            self.tr("Paste the personal access token from your team admin")
        )
        self.token_edit.setAccessibleName(self.tr("Personal access token"))
        self.remember_check = QCheckBox(self.tr("Remember the token in the system keyring"), self)
        self.remember_check.setChecked(True)

        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.connect_button = QPushButton(self.tr("&Connect"), self)
        self.cancel_button = QPushButton(self.tr("Cancel check"), self)
        self.cancel_button.setEnabled(False)
        self.test_button.clicked.connect(self.test_connection)
        self.connect_button.clicked.connect(self.connect_server)
        self.cancel_button.clicked.connect(self.cancel_check)

        self.connection_label = QLabel(self)
        self.connection_label.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.keyring_label = QLabel(self)
        self.keyring_label.setWordWrap(True)
        self._build_layout()
        self.reset()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Server &URL:"), self.url_edit)
        # Alt+T belongs to Test connection, so this label takes Alt+P.
        form.addRow(self.tr("&Personal access token:"), self.token_edit)
        form.addRow(self.remember_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.connection_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)
        layout.addWidget(self.keyring_label)
        layout.addStretch(1)

    # Settings-page contract

    def reset(self) -> None:
        """Show the stored connection; the token field always starts empty."""
        status = service.read_status(self._db)
        self.url_edit.setText(status.server_url or "")
        self.token_edit.clear()
        if status.server_url:
            self.connection_label.setText(
                self.tr("Connected to %1 as %2.")
                .replace("%1", status.server_url)
                .replace("%2", status.user_email or "?")
            )
        else:
            self.connection_label.setText(
                self.tr("Not connected. Sync is optional; the app works fully offline.")
            )
        self._show_keyring_status()

    def apply(self) -> None:
        """Refuse to close with a typed token that was never checked, so it is not lost silently."""
        # Imported here because settings_dialog imports this module to register the page.
        from csm_desktop.ui.settings_dialog import SettingsError

        if self.token_edit.text().strip():
            raise SettingsError(
                self.tr(
                    "The personal access token was not saved. Press Connect on the Team sync "
                    "page to check and save it, or clear the token field."
                )
            )

    def _show_keyring_status(self) -> None:
        keyring = keyring_status()
        self.remember_check.setEnabled(keyring.available)
        if keyring.available:
            self.keyring_label.clear()
            return
        self.remember_check.setChecked(False)
        self.keyring_label.setText(
            self.tr("No keyring available: %1").replace("%1", keyring.reason)
        )

    # Checks

    @Slot()
    def test_connection(self) -> None:
        """Check the URL and token on the server without storing anything."""
        inputs = self._inputs()
        if inputs is None:
            return
        url, token = inputs
        job = self._start(
            "sync test connection", lambda **_: service.test_connection(url, token), url
        )
        job.succeeded.connect(self._on_checked)

    @Slot()
    def connect_server(self) -> None:
        """Check the URL and token, then store the URL here and the token in the keyring."""
        inputs = self._inputs()
        if inputs is None:
            return
        url, token = inputs
        session_only = not self.remember_check.isChecked()

        def work(**_: Any) -> dict:
            return service.connect(self._db, url, token, session_only=session_only)

        job = self._start("sync connect", work, url)
        job.succeeded.connect(self._on_connected)

    @Slot()
    def cancel_check(self) -> None:
        # NOTE: a request already sent runs to its timeout (15 s); only its result is dropped.
        if self._job is not None:
            self._job.cancel()

    def _inputs(self) -> tuple[str, str] | None:
        url = self.url_edit.text().strip()
        token = self.token_edit.text().strip()
        if not url or not token:
            self._finish(self.tr("Enter the server URL and the personal access token first."))
            return None
        try:
            return check_server_url(url), token
        except Exception as error:  # InsecureServerError; the message explains both cases
            self._finish(describe_error(error, url))
            return None

    def _start(self, name: str, work, url: str) -> Job:
        self._set_busy(True)
        self.result_label.setText(self.tr("Contacting %1…").replace("%1", url))
        job = self._runner.start(name, work)
        self._job = job
        job.failed.connect(lambda error: self._finish(describe_error(error, url)))
        job.cancelled.connect(lambda: self._finish(self.tr("Check cancelled.")))
        return job

    @Slot(object)
    def _on_checked(self, meta: object) -> None:
        self._finish(self._accepted_message(meta))

    @Slot(object)
    def _on_connected(self, meta: object) -> None:
        log.info("Sync settings: connected to %s", self.url_edit.text())
        self.reset()
        self._finish(self._accepted_message(meta) + " " + self.tr("Sync is on."))
        connection_events().changed.emit()

    def _accepted_message(self, meta: object) -> str:
        user = meta.get("user", {}) if isinstance(meta, dict) else {}
        return (
            self.tr("The server accepted the token of %1 (%2).")
            .replace("%1", str(user.get("email", "?")))
            .replace("%2", str(user.get("role", "?")))
        )

    def _finish(self, message: str) -> None:
        self._set_busy(False)
        self._job = None
        self.result_label.setText(message)
        self.check_finished.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)


def sync_settings_page(db: Database, runner: JobRunner) -> QWidget:
    return SyncSettingsPage(db, runner)
