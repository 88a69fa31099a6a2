"""Start-up checks with the user: a damaged file, a second instance, a synced folder.

``open_with_recovery`` opens the database and turns each ``DatabaseError``
into a message in plain words. For a damaged or foreign file (already moved
aside by ``open_database``) it offers the newest backup or an empty
portfolio, so the app never fails the same way twice in a row.
"""

from __future__ import annotations

import logging
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from csm_desktop import APP_NAME
from csm_desktop.store.backup import BackupError, BackupInfo, restore_backup
from csm_desktop.store.database import (
    DamagedDatabaseError,
    Database,
    DatabaseError,
    DatabaseInUseError,
    open_database,
)

if TYPE_CHECKING:
    from csm_desktop.store.cloud import CloudFolder
    from csm_desktop.store.integrity import IntegrityResult
    from csm_desktop.store.locking import InstanceLock
    from csm_desktop.ui.workers import Job

log = logging.getLogger(__name__)

# A restored backup that is itself damaged is moved aside too, so each try
# consumes one file; this bounds the loop all the same.
MAX_OPEN_ATTEMPTS = 3


class RecoveryChoice(Enum):
    """What the user chose after the database was moved aside."""

    RESTORE = "restore"
    START_EMPTY = "empty"
    QUIT = "quit"


class RecoveryDialog(QMessageBox):
    """Say what happened to the file and offer the newest backup."""

    def __init__(self, error: DamagedDatabaseError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(APP_NAME)
        self.setText(self.tr("Your portfolio file could not be opened."))
        self.setInformativeText(_explanation(error))
        self.setDetailedText(
            self.tr("Problem found: %1\nFile moved to: %2")
            .replace("%1", problem_text(error.result))
            .replace("%2", str(error.moved_to))
        )

        self.restore_button = None
        if error.backup is not None:
            self.restore_button = self.addButton(
                self.tr("Restore the backup of %1").replace("%1", _when(error.backup)),
                QMessageBox.ButtonRole.AcceptRole,
            )
        self.empty_button = self.addButton(
            self.tr("Start with an empty portfolio"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)

    def choice(self) -> RecoveryChoice:
        """Return the choice matching the button the user clicked."""
        clicked = self.clickedButton()
        if clicked is not None and clicked is self.restore_button:
            return RecoveryChoice.RESTORE
        if clicked is self.empty_button:
            return RecoveryChoice.START_EMPTY
        return RecoveryChoice.QUIT


def _explanation(error: DamagedDatabaseError) -> str:
    text = QCoreApplication.translate(
        "Startup",
        "The file is not a CSM Desktop database or is damaged, for example by a disk "
        "error or a sync service copying it mid-write. It was not opened. It was moved "
        "aside, unchanged, to %1, so you can send it to support.",
    ).replace("%1", error.moved_to.name)
    if error.backup is None:
        return (
            text
            + "\n\n"
            + QCoreApplication.translate(
                "Startup", "No backup was found. You can start with an empty portfolio."
            )
        )
    return (
        text
        + "\n\n"
        + QCoreApplication.translate(
            "Startup",
            "The newest backup is from %1. Restoring it brings back your data as it was then.",
        ).replace("%1", _when(error.backup))
    )


def _when(backup: BackupInfo) -> str:
    return backup.created.strftime("%Y-%m-%d %H:%M")


def ask_recovery(error: DamagedDatabaseError) -> RecoveryChoice:
    """Show ``RecoveryDialog`` modally and return the choice (tests replace this)."""
    dialog = RecoveryDialog(error)
    dialog.exec()
    return dialog.choice()


def show_error(title: str, text: str) -> None:
    """Show a modal error message (tests replace this)."""
    QMessageBox.critical(None, APP_NAME, f"{title}\n\n{text}")


def show_warning(text: str) -> None:
    """Show a modal warning (tests replace this)."""
    QMessageBox.warning(None, APP_NAME, text)


def open_with_recovery(db_path: Path, lock: InstanceLock | None = None) -> Database | None:
    """Open ``db_path`` for the app, talking the user through any problem; None means quit.

    ``lock`` is the instance lock when the caller took it already; a failed
    open releases it.
    """
    for _attempt in range(MAX_OPEN_ATTEMPTS):
        try:
            db = open_database(db_path, single_instance=True, lock=lock)
        except DamagedDatabaseError as exc:
            # The failed open released the lock; the next attempt takes its own.
            lock = None
            log.error("Database %s moved aside: %s", db_path, exc.problem)
            if not _recover(exc, db_path):
                return None
            continue
        except DatabaseInUseError as exc:
            log.warning("Database %s is already open in another instance", db_path)
            show_error(
                QCoreApplication.translate("Startup", "CSM Desktop is already open."),
                in_use_text(exc),
            )
            return None
        except DatabaseError as exc:
            log.error("Cannot open database %s: %s", db_path, exc)
            show_error(
                QCoreApplication.translate("Startup", "The database cannot be opened."), str(exc)
            )
            return None

        if db.storage_place is not None:
            show_warning(storage_warning_text(db.storage_place))
        return db
    show_error(
        QCoreApplication.translate("Startup", "The database cannot be opened."),
        QCoreApplication.translate(
            "Startup", "Every backup tried was damaged too. Contact support with the log file."
        ),
    )
    return None


def _recover(error: DamagedDatabaseError, db_path: Path) -> bool:
    """Act on the user's choice; return False when the app should quit."""
    choice = ask_recovery(error)
    log.info("Recovery choice for %s: %s", db_path, choice.value)
    if choice is RecoveryChoice.QUIT:
        return False
    if choice is RecoveryChoice.RESTORE and error.backup is not None:
        try:
            restore_backup(error.backup.path, db_path)
        except BackupError as exc:
            log.error("Restoring %s failed: %s", error.backup.path, exc)
            show_error(
                QCoreApplication.translate("Startup", "The backup cannot be restored."), str(exc)
            )
            return False
    return True


def start_background_checks(window: QObject, db: Database) -> Job:
    """Check the whole file and make today's backup off the UI thread once the window is up.

    Damage found there is shown at once, with what the next start will do.
    """
    from csm_desktop.services.backups import run_daily_backup
    from csm_desktop.ui.workers import JobRunner

    runner = JobRunner(window)
    job = runner.start("integrity check and daily backup", partial(run_daily_backup, db))
    job.failed.connect(_report_background_failure)
    return job


def _report_background_failure(error: object) -> None:
    from csm_desktop.services.backups import DamageFoundError

    if not isinstance(error, DamageFoundError):
        log.error("The daily backup failed: %s", error)
        return
    show_warning(
        QCoreApplication.translate(
            "Startup",
            "A check found damage in your portfolio file: %1. Quit and start CSM Desktop "
            "again: it will move the damaged file aside, unchanged, and offer your newest "
            "backup. No backup was made of the damaged file.",
        ).replace("%1", problem_text(error.result))
    )


def problem_text(result: IntegrityResult) -> str:
    """Word a failed integrity check in the UI language; SQLite's own text stays as it is."""
    if result.kind == "not_sqlite":
        return QCoreApplication.translate("Startup", "the file is not an SQLite database")
    if result.kind == "cannot_open":
        text = QCoreApplication.translate("Startup", "the file cannot be opened (%1)")
    elif result.kind == "damaged":
        text = QCoreApplication.translate("Startup", "the file is damaged (%1)")
    else:
        return result.problem
    return text.replace("%1", result.detail)


def in_use_text(error: DatabaseInUseError) -> str:
    """Return, in the UI language, which copy of the app has the file open and what to do."""
    if error.owner_pid is None:
        text = QCoreApplication.translate(
            "Startup", "CSM Desktop is already running with %1 open."
        ).replace("%1", error.file_name)
    else:
        text = (
            QCoreApplication.translate(
                "Startup", "CSM Desktop is already running with %1 open (process %2)."
            )
            .replace("%1", error.file_name)
            .replace("%2", str(error.owner_pid))
        )
    advice = QCoreApplication.translate(
        "Startup",
        "Switch to that window, or close it and start again. Two copies writing the same "
        "portfolio could overwrite each other's changes.",
    )
    return text + " " + advice


def storage_warning_text(place: CloudFolder) -> str:
    """Warn about a data folder in a sync service or on a network share, in the UI language."""
    if place.kind == "sync":
        return QCoreApplication.translate(
            "Startup",
            "Your data folder is inside %1. Sync services can copy the database while it is "
            "being written and damage it. Move the data folder out of it (set "
            "CSM_DESKTOP_DATA_DIR or use --db) and rely on the app's backups instead. Until "
            "then the app uses a slower, safer journal mode.",
        ).replace("%1", place.provider)
    return QCoreApplication.translate(
        "Startup",
        "Your data folder is on a network share (%1). SQLite cannot lock files reliably "
        "there, so two computers could damage the database. Move it to a local disk. Until "
        "then the app uses a slower, safer journal mode.",
    ).replace("%1", place.provider)
