"""The Settings dialog: a list of pages on the left, the chosen page on the right.

Other parts of the app add pages by appending ``(title, factory)`` to
``SETTINGS_PAGES``, where ``factory(db, runner)`` returns a QWidget. The
title is shown through ``QCoreApplication.translate("Settings", title)``,
so write it literally where it is appended. A page may define:

- ``apply() -> None``: store its values; called on OK and Apply. It may
  raise ``SettingsError`` with a message for the user, which keeps the
  dialog open on that page.
- ``reset() -> None``: put its stored values back into the controls.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from csm_desktop import APP_NAME
from csm_desktop.services.settings import START_PAGE_KEY, get_setting, set_setting
from csm_desktop.services.today import (
    DEFAULT_SNOOZE_DAYS,
    DEFAULT_UNTOUCHED_DAYS,
    SNOOZE_DAYS_KEY,
    UNTOUCHED_DAYS_KEY,
    get_int_setting,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.backup_page import backup_page
from csm_desktop.ui.language_page import language_page
from csm_desktop.ui.report_settings import report_settings_page
from csm_desktop.ui.sync_settings_page import sync_settings_page
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

PageFactory = Callable[[Database, JobRunner], QWidget]

START_PAGES = ("today", "portfolio", "last")


class SettingsError(Exception):
    """A settings page cannot store its values; the message is shown to the user."""


class GeneralSettingsPage(QWidget):
    """Start screen, the "not touched in N days" limit and the alert snooze period."""

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        form = QFormLayout(self)
        self.start_combo = QComboBox(self)
        self.start_combo.addItem(self.tr("Today"), "today")
        self.start_combo.addItem(self.tr("Portfolio"), "portfolio")
        self.start_combo.addItem(self.tr("The screen open at the last exit"), "last")
        self.start_combo.setAccessibleName(self.tr("Start screen"))
        form.addRow(self.tr("&Start screen:"), self.start_combo)

        self.untouched_spin = QSpinBox(self)
        self.untouched_spin.setRange(1, 365)
        self.untouched_spin.setSuffix(self.tr(" days"))
        self.untouched_spin.setAccessibleName(self.tr("Untouched after days"))
        form.addRow(self.tr("List accounts &not touched in:"), self.untouched_spin)

        self.snooze_spin = QSpinBox(self)
        self.snooze_spin.setRange(1, 90)
        self.snooze_spin.setSuffix(self.tr(" days"))
        self.snooze_spin.setAccessibleName(self.tr("Snooze alerts for days"))
        form.addRow(self.tr("S&nooze alerts for:"), self.snooze_spin)
        note = QLabel(self.tr("Internal notes do not count as touching an account."), self)
        note.setWordWrap(True)
        form.addRow(note)
        self.reset()

    def reset(self) -> None:
        with self._db.session() as session:
            start = get_setting(session, START_PAGE_KEY) or "today"
            untouched = get_int_setting(session, UNTOUCHED_DAYS_KEY, DEFAULT_UNTOUCHED_DAYS)
            snooze = get_int_setting(session, SNOOZE_DAYS_KEY, DEFAULT_SNOOZE_DAYS)
        self.start_combo.setCurrentIndex(max(self.start_combo.findData(start), 0))
        self.untouched_spin.setValue(untouched)
        self.snooze_spin.setValue(snooze)

    def apply(self) -> None:
        with self._db.session() as session:
            set_setting(session, START_PAGE_KEY, str(self.start_combo.currentData()))
            set_setting(session, UNTOUCHED_DAYS_KEY, str(self.untouched_spin.value()))
            set_setting(session, SNOOZE_DAYS_KEY, str(self.snooze_spin.value()))
        log.info("Stored general settings")


def _general_page(db: Database, runner: JobRunner) -> QWidget:
    return GeneralSettingsPage(db, runner)


# Titles are translated in the "Settings" context when shown.
def _scorecard_page(db: Database, runner: JobRunner) -> QWidget:
    from csm_desktop.ui.scorecard_editor import ScorecardEditor

    return ScorecardEditor(db, runner)


SETTINGS_PAGES: list[tuple[str, PageFactory]] = [
    (QCoreApplication.translate("Settings", "General"), _general_page),
    (QCoreApplication.translate("Settings", "Health scorecard"), _scorecard_page),
    (QCoreApplication.translate("Settings", "Reports"), report_settings_page),
    (QCoreApplication.translate("Settings", "Language"), language_page),
    (QCoreApplication.translate("Settings", "Backups"), backup_page),
    (QCoreApplication.translate("Settings", "Team sync"), sync_settings_page),
]


class SettingsDialog(QDialog):
    """Shows every page of ``SETTINGS_PAGES``. Emits ``applied`` after values were stored."""

    applied = Signal()

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(760, 480)
        self.page_list = QListWidget(self)
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        self.page_list.setMaximumWidth(200)
        self.stack = QStackedWidget(self)
        self.pages: list[QWidget] = []
        for title, factory in SETTINGS_PAGES:
            self._add_page(title, factory, db, runner)
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.stack, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, stretch=1)
        layout.addWidget(buttons)

    def _add_page(self, title: str, factory: PageFactory, db: Database, runner: JobRunner) -> None:
        shown_title = QCoreApplication.translate("Settings", title)
        try:
            page = factory(db, runner)
        except Exception:
            # A broken page must not take the whole dialog down with it.
            log.exception("The settings page %r could not be created", title)
            page = QLabel(self.tr("This page could not be opened; the log has the details."))
        self.page_list.addItem(shown_title)
        self.stack.addWidget(page)
        self.pages.append(page)

    @Slot()
    def apply(self) -> bool:
        """Store every page's values. Return False, and show the page, when one fails."""
        for index, page in enumerate(self.pages):
            apply = getattr(page, "apply", None)
            if not callable(apply):
                continue
            try:
                apply()
            except SettingsError as exc:
                self.page_list.setCurrentRow(index)
                QMessageBox.warning(self, APP_NAME, str(exc))
                return False
        self.applied.emit()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()
