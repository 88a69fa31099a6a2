"""Start-up recovery, the crash handler and dialog, and the backups settings page."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from csm_desktop import crash
from csm_desktop.logs import RedactingFormatter, register_secret
from csm_desktop.services import backups as startup_checks
from csm_desktop.store import backup as backups
from csm_desktop.store.database import DamagedDatabaseError, open_database
from csm_desktop.store.integrity import IntegrityResult, is_marked_damaged
from csm_desktop.store.models import Account
from csm_desktop.ui import startup, workers
from csm_desktop.ui.backup_page import BackupPage
from csm_desktop.ui.crash_dialog import CrashDialog, CrashReporter
from csm_desktop.ui.workers import JobRunner

SHOT_DIR = Path(os.environ.get("CSM_SCREENSHOT_DIR", "/tmp/csm-reliability-shots"))


def _shoot(widget, name: str) -> None:
    """Save an offscreen screenshot when CSM_SCREENSHOT_DIR is set (for people to look at)."""
    if "CSM_SCREENSHOT_DIR" not in os.environ:
        return
    SHOT_DIR.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOT_DIR / f"{name}.png"))


def _portfolio_with_backup(path: Path) -> backups.BackupInfo:
    db = open_database(path)
    with db.session() as session:
        session.add(Account(name="Acme Ibérica"))
    db.dispose()
    return backups.create_backup(path, "daily")


def test_recovery_restores_newest_backup(tmp_path, monkeypatch):
    path = tmp_path / "portfolio.sqlite"
    _portfolio_with_backup(path)
    path.write_bytes(b"this file was overwritten by accident")
    asked: list[DamagedDatabaseError] = []
    monkeypatch.setattr(
        startup, "ask_recovery", lambda error: asked.append(error) or startup.RecoveryChoice.RESTORE
    )

    db = startup.open_with_recovery(path)
    try:
        with db.session() as session:
            names = session.scalars(select(Account.name)).all()
    finally:
        db.dispose()

    assert names == ["Acme Ibérica"]
    assert len(asked) == 1
    assert asked[0].moved_to.read_bytes() == b"this file was overwritten by accident"


def test_recovery_quit_leaves_no_file(tmp_path, monkeypatch):
    path = tmp_path / "portfolio.sqlite"
    path.write_bytes(b"garbage")
    monkeypatch.setattr(startup, "ask_recovery", lambda error: startup.RecoveryChoice.QUIT)

    assert startup.open_with_recovery(path) is None
    assert not path.exists()


def test_second_instance_is_told(tmp_path, monkeypatch):
    path = tmp_path / "portfolio.sqlite"
    errors: list[str] = []
    monkeypatch.setattr(startup, "show_error", lambda title, text: errors.append(title + text))
    first = startup.open_with_recovery(path)
    try:
        assert startup.open_with_recovery(path) is None
    finally:
        first.dispose()
    assert "already open" in errors[0]


def test_synced_folder_warning_shown(tmp_path, monkeypatch):
    warnings: list[str] = []
    monkeypatch.setattr(startup, "show_warning", warnings.append)

    db = startup.open_with_recovery(tmp_path / "OneDrive" / "portfolio.sqlite")
    db.dispose()

    assert len(warnings) == 1
    assert "OneDrive" in warnings[0]


def test_recovery_dialog_buttons(qtbot, tmp_path):
    path = tmp_path / "portfolio.sqlite"
    backup = _portfolio_with_backup(path)
    path.write_bytes(b"garbage")
    with pytest.raises(DamagedDatabaseError) as raised:
        open_database(path)

    dialog = startup.RecoveryDialog(raised.value)
    qtbot.addWidget(dialog)
    dialog.show()
    _shoot(dialog, "startup-recovery")

    assert backup.created.strftime("%Y-%m-%d %H:%M") in dialog.restore_button.text()
    assert "moved aside" in dialog.informativeText()
    dialog.restore_button.click()
    assert dialog.choice() is startup.RecoveryChoice.RESTORE


def test_crash_dialog_copies_report(qtbot):
    report = "CSM Desktop crash report\nTraceback: ValueError: boom"
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    _shoot(dialog, "crash-dialog")

    dialog.copy_button.click()

    assert QGuiApplication.clipboard().text() == report


def test_thread_crash_logged_and_shown(qtbot, monkeypatch, caplog, private_data_dir):
    reporter = CrashReporter()
    monkeypatch.setattr(CrashDialog, "exec", lambda self: 0)
    register_secret("tok-crash-secret-123")
    crash.install_crash_handler(reporter.submit)
    try:

        def fail() -> None:
            raise RuntimeError("sync failed with token tok-crash-secret-123")

        worker = threading.Thread(target=fail, name="sync-worker")
        with qtbot.waitSignal(reporter.report_ready):
            worker.start()
            worker.join()
        qtbot.waitUntil(lambda: len(reporter.shown) == 1)
    finally:
        crash.uninstall_crash_handler()

    report = reporter.shown[0]
    assert "RuntimeError" in report
    assert "sync-worker" in report
    assert "tok-crash-secret-123" not in report
    records = [r for r in caplog.records if r.name == "csm_desktop.crash"]
    assert records
    logged = RedactingFormatter("%(message)s").format(records[0])
    assert "RuntimeError" in logged
    assert "tok-crash-secret-123" not in logged
    saved = list((private_data_dir / "logs").glob("crash-*.txt"))
    assert len(saved) == 1
    assert saved[0].stat().st_mode & 0o077 == 0


def test_main_thread_crash_reports_capped(monkeypatch):
    shown: list[str] = []
    crash.install_crash_handler(shown.append)
    try:
        for number in range(crash.MAX_REPORTS_SHOWN + 2):
            try:
                raise ValueError(f"paint failed {number}")
            except ValueError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        crash.uninstall_crash_handler()
    assert len(shown) == crash.MAX_REPORTS_SHOWN


def test_backup_page_make_restore_keep(qtbot, db, monkeypatch):
    with db.session() as session:
        session.add(Account(name="Before"))
    runner = JobRunner()
    page = BackupPage(db, runner)
    qtbot.addWidget(page)
    page.resize(560, 420)
    page.show()

    page.start_backup()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    _shoot(page, "backups-page")

    with db.session() as session:
        session.add(Account(name="After"))
    page.table.selectRow(0)
    monkeypatch.setattr(page, "confirm_restore", lambda chosen: True)
    with qtbot.waitSignal(page.restored):
        page.restore_button.click()

    with db.session() as session:
        assert session.scalars(select(Account.name)).all() == ["Before"]
    assert page.table.rowCount() == 2  # the backup and the before-restore copy

    page.keep_spin.setValue(1)
    page.save()
    assert page.table.rowCount() == 1
    runner.shutdown()


def test_log_file_redacts_and_is_private(private_data_dir):
    from csm_desktop.logs import configure_logging

    root = logging.getLogger()
    handlers = list(root.handlers)
    configure_logging(to_file=True)
    try:
        register_secret("sk-live-abcdef123456")
        logging.getLogger("csm_desktop.sync").error(
            "login failed: password=hunter2hunter Authorization: Bearer sk-live-abcdef123456"
        )
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                handler.close()
                root.removeHandler(handler)

    log_file = private_data_dir / "logs" / "csm-desktop.log"
    text = log_file.read_text()
    assert "login failed" in text
    assert "hunter2hunter" not in text
    assert "sk-live-abcdef123456" not in text
    assert log_file.stat().st_mode & 0o077 == 0


def test_background_check_warns_about_damage(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "portfolio.sqlite"
    _portfolio_with_backup(path)
    db = open_database(path)
    warnings: list[str] = []
    monkeypatch.setattr(startup, "show_warning", warnings.append)
    monkeypatch.setattr(
        startup_checks, "check_file", lambda _path: IntegrityResult(ok=False, problem="page 9 bad")
    )
    owner = QObject()

    try:
        job = startup.start_background_checks(owner, db)
        with qtbot.waitSignal(job.finished, timeout=10_000):
            pass
    finally:
        workers.shutdown_all()
        db.dispose()

    assert len(warnings) == 1
    assert "page 9 bad" in warnings[0]
    assert backups.list_backups(path)[0].kind == "daily"
    assert len(backups.list_backups(path)) == 1
    assert is_marked_damaged(path)
