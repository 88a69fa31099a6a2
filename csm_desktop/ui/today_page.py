"""The Today screen: what changed since the last start, renewals, due tasks, untouched accounts.

Every row that belongs to an account opens it with Enter or a double
click. Health alerts can be dismissed (Delete) or snoozed (Ctrl+Shift+S);
both are stored by the alert's key so they stay hidden on the next start.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.formatting import format_date, format_number
from csm_desktop.services.settings import reference_date
from csm_desktop.services.today import (
    DEFAULT_SNOOZE_DAYS,
    SNOOZE_DAYS_KEY,
    AlertSource,
    TodayData,
    changes_since,
    dismiss_alert,
    get_int_setting,
    load_today,
    restore_alert,
    snooze_alert,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.today_sections import (
    ACCOUNT_ROLE,
    ALERT_KEY_ROLE,
    fill_alerts,
    fill_renewals,
    fill_tasks,
    fill_untouched,
)
from csm_desktop.ui.window_state import restore_splitter, save_splitter
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)

SPLITTER_KEY = "today/splitter"
SIDE_SPLITTER_KEY = "today/side_splitter"
# Choices of the "Changes since" box: None stands for the previous start.
SINCE_CHOICES: tuple[int | None, ...] = (None, 7, 30)


class TodayPage(QWidget):
    """The start screen. ``reload`` computes it in the background."""

    account_requested = Signal(object)
    # Emitted after each load with the number of rows listed.
    loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(self, db: Database, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._previous_start: datetime | None = None
        self.data: TodayData | None = None
        # Replaces ``compute_alerts`` when set (tests pass a stand-in).
        self.alert_source: AlertSource | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top_bar())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self._build_alerts_box())
        self.side_splitter = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.renewals = self._add_tree_box(
            self.side_splitter,
            self.tr("Renewals in the next 90 days"),
            [self.tr("Account"), self.tr("Renewal"), self.tr("Days"), self.tr("ARR")],
        )
        self.tasks = self._add_tree_box(
            self.side_splitter,
            self.tr("Overdue and due today"),
            [self.tr("Task"), self.tr("Account"), self.tr("Due"), self.tr("Priority")],
        )
        self.untouched = self._add_tree_box(
            self.side_splitter,
            self.tr("Accounts not touched recently"),
            [self.tr("Account"), self.tr("Last touch"), self.tr("Days"), self.tr("ARR")],
        )
        self.splitter.addWidget(self.side_splitter)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # Start at 3:2 of the width. A split by size hints gives the list of
        # changes most of it in longer languages, which cuts off the side lists'
        # ARR column. Sizes saved by ``restore_state`` replace this split.
        self.splitter.setSizes([600, 400])
        layout.addWidget(self.splitter, stretch=1)

    def _build_top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        bar.addWidget(self.title_label)
        bar.addStretch(1)
        since_label = QLabel(self.tr("&Changes since:"), self)
        self.since_combo = QComboBox(self)
        self.since_combo.setAccessibleName(self.tr("Changes since"))
        since_label.setBuddy(self.since_combo)
        self.since_combo.currentIndexChanged.connect(self.reload)
        self._fill_since_combo()
        bar.addWidget(since_label)
        bar.addWidget(self.since_combo)
        return bar

    def _fill_since_combo(self) -> None:
        self.since_combo.blockSignals(True)
        current = self.since_combo.currentIndex()
        self.since_combo.clear()
        self.since_combo.addItem(self.tr("Last start"), None)
        self.since_combo.addItem(self.tr("Last 7 days"), 7)
        self.since_combo.addItem(self.tr("Last 30 days"), 30)
        self.since_combo.setCurrentIndex(max(current, 0))
        self.since_combo.blockSignals(False)

    def _build_alerts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What changed"), self)
        layout = QVBoxLayout(box)
        self.alerts = self._make_tree(
            [self.tr("Account"), self.tr("Change"), self.tr("Date")], self.tr("What changed")
        )
        layout.addWidget(self.alerts, stretch=1)
        self.alerts_note = QLabel(box)
        self.alerts_note.setWordWrap(True)
        layout.addWidget(self.alerts_note)

        buttons = QHBoxLayout()
        self.open_action = self._tree_action(self.tr("&Open account"), "Return", self._open_current)
        self.dismiss_action = self._tree_action(self.tr("&Dismiss"), "Delete", self.dismiss_current)
        self.snooze_action = self._tree_action(
            self.tr("&Snooze"), "Ctrl+Shift+S", self.snooze_current
        )
        for action in (self.open_action, self.dismiss_action, self.snooze_action):
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button = QPushButton(f"{action.text().replace('&', '')} ({shortcut})", box)
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            if action is self.snooze_action:
                self.snooze_button = button
        buttons.addStretch(1)
        # Alerts hidden this session, newest last, with the button text that undoes each.
        self._hidden: list[tuple[str, str]] = []
        self.undo_action = self._tree_action(self.tr("&Undo"), "Ctrl+Z", self.undo_hide)
        # Ctrl+Z works from any list of the page, not only from the changes list.
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.undo_action.setEnabled(False)
        self.undo_button = QPushButton(box)
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.undo_button.hide()
        buttons.addWidget(self.undo_button)
        layout.addLayout(buttons)
        self.alerts.addActions([self.dismiss_action, self.snooze_action, self.undo_action])
        self.alerts.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.alerts.currentItemChanged.connect(self._update_alert_actions)
        self._update_alert_actions()
        return box

    def _tree_action(self, text: str, shortcut: str, slot: Any) -> QAction:
        action = QAction(text, self.alerts)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    def _add_tree_box(self, splitter: QSplitter, title: str, headers: list[str]) -> QTreeWidget:
        box = QGroupBox(title, splitter)
        layout = QVBoxLayout(box)
        tree = self._make_tree(headers, title)
        layout.addWidget(tree)
        splitter.addWidget(box)
        return tree

    def _make_tree(self, headers: list[str], name: str) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName(name)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(True)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.itemActivated.connect(self._on_item_activated)
        return tree

    # Loading

    def set_previous_start(self, instant: datetime | None) -> None:
        """Set when the app was opened before this start; changes since then are listed."""
        self._previous_start = instant

    def reload(self) -> None:
        """Compute the screen on a worker thread and show it when it arrives."""
        since_days = self.since_combo.currentData()
        previous = self._previous_start
        source = self.alert_source

        def work(*, progress: Any, cancel: Any) -> TodayData:
            with self._db.session() as session:
                as_of = reference_date(session)
                if since_days is None:
                    since = changes_since(previous, as_of)
                else:
                    since = as_of - timedelta(days=int(since_days))
                return load_today(session, since=since, alert_source=source)

        job = self._runner.start("load today", work, read_only=True)
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(self._on_failed)

    @Slot(object)
    def _on_loaded(self, data: TodayData) -> None:
        self.data = data
        self._describe_snooze()
        self.title_label.setText(
            self.tr("Today, %1").replace("%1", format_date(data.as_of, long=True))
        )
        fill_alerts(self.alerts, data.alerts)
        fill_renewals(self.renewals, data.renewals)
        fill_tasks(self.tasks, data.tasks)
        fill_untouched(self.untouched, data.untouched)
        self._set_box_titles(data)
        self._update_alert_actions()
        total = len(data.alerts) + len(data.renewals) + len(data.tasks) + len(data.untouched)
        self.loaded.emit(total)

    def _set_box_titles(self, data: TodayData) -> None:
        self._box_of(self.alerts).setTitle(
            self.tr("What changed since %1 (%2)")
            .replace("%1", format_date(data.since))
            .replace("%2", format_number(len(data.alerts)))
        )
        self._box_of(self.renewals).setTitle(
            self.tr("Renewals in the next 90 days (%1)").replace(
                "%1", format_number(len(data.renewals))
            )
        )
        self._box_of(self.tasks).setTitle(
            self.tr("Overdue and due today (%1)").replace("%1", format_number(len(data.tasks)))
        )
        self._box_of(self.untouched).setTitle(
            self.tr("Not touched in %1 days (%2)")
            .replace("%1", format_number(data.untouched_days))
            .replace("%2", format_number(len(data.untouched)))
        )
        if not data.alerts_available:
            note = self.tr("Health alerts are not available in this version.")
        elif not data.alerts:
            note = self.tr("No new changes. Dismissed and snoozed changes are hidden.")
        else:
            note = ""
        self.alerts_note.setText(note)
        self.alerts_note.setVisible(bool(note))

    @staticmethod
    def _box_of(tree: QTreeWidget) -> QGroupBox:
        box = tree.parentWidget()
        assert isinstance(box, QGroupBox)
        return box

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        from csm_desktop.logs import log_file_path
        from csm_desktop.store.integrity import is_damage_error, mark_damaged

        log.error("Today could not be loaded: %s", error)
        if isinstance(error, BaseException) and is_damage_error(error):
            # The next start then checks the file fully and offers a backup.
            if self._db.path is not None:
                mark_damaged(self._db.path, str(error))
            message = self.tr(
                "Today could not be read because your portfolio file is damaged. Quit and "
                "start CSM Desktop again: it will move the damaged file aside, unchanged, "
                "and offer your newest backup."
            )
        else:
            message = self.tr("Today could not be loaded. The log has the details: %1").replace(
                "%1", str(log_file_path())
            )
        # The title bar has room for a few words only; the note under it wraps.
        self.title_label.setText(self.tr("Today could not be loaded"))
        self.alerts_note.setText(message)
        self.alerts_note.setVisible(True)
        self.load_failed.emit(message)

    # Opening, dismissing and snoozing

    @Slot(QTreeWidgetItem, int)
    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        account_id = item.data(0, ACCOUNT_ROLE)
        if isinstance(account_id, uuid.UUID):
            self.account_requested.emit(account_id)
        elif item.childCount():
            item.setExpanded(not item.isExpanded())

    @Slot()
    def _open_current(self) -> None:
        item = self.alerts.currentItem()
        if item is not None:
            self._on_item_activated(item, 0)

    def _current_alert(self) -> tuple[QTreeWidgetItem, str, uuid.UUID | None] | None:
        item = self.alerts.currentItem()
        if item is None or not item.data(0, ALERT_KEY_ROLE):
            return None
        return item, str(item.data(0, ALERT_KEY_ROLE)), item.data(0, ACCOUNT_ROLE)

    @Slot()
    def _update_alert_actions(self, *_args: Any) -> None:
        has_alert = self._current_alert() is not None
        for action in (self.open_action, self.dismiss_action, self.snooze_action):
            action.setEnabled(has_alert)

    @Slot()
    def dismiss_current(self) -> None:
        """Hide the selected alert for good (Undo brings it back)."""
        # TODO: a "show hidden" list, to restore an alert after the Undo is gone.
        current = self._current_alert()
        if current is None:
            return
        item, key, account_id = current
        with self._db.session() as session:
            dismiss_alert(session, key, account_id)
        log.info("Dismissed alert %s", key)
        self._remove_alert_item(item)
        self._offer_undo(key, self.tr("Undo dismiss (%1)"))

    @Slot()
    def snooze_current(self) -> None:
        """Hide the selected alert for the snooze period set in Settings (7 days by default)."""
        current = self._current_alert()
        if current is None:
            return
        item, key, account_id = current
        with self._db.session() as session:
            days = get_int_setting(session, SNOOZE_DAYS_KEY, DEFAULT_SNOOZE_DAYS)
            as_of = self.data.as_of if self.data is not None else reference_date(session)
            until: date = as_of + timedelta(days=max(days, 1))
            snooze_alert(session, key, account_id, until)
        log.info("Snoozed alert %s until %s", key, until)
        self._remove_alert_item(item)
        self._offer_undo(key, self.tr("Undo snooze (%1)"))

    def _describe_snooze(self) -> None:
        """Say on the Snooze button how long it hides an alert (a setting, 7 days by default)."""
        with self._db.session() as session:
            days = max(get_int_setting(session, SNOOZE_DAYS_KEY, DEFAULT_SNOOZE_DAYS), 1)
        text = self.tr("Hide the selected change for %1 days; set the period in Settings.")
        text = text.replace("%1", format_number(days))
        self.snooze_button.setToolTip(text)
        self.snooze_action.setToolTip(text)

    def _offer_undo(self, key: str, template: str) -> None:
        shortcut = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self._hidden.append((key, template.replace("%1", shortcut)))
        self._show_undo()

    def _show_undo(self) -> None:
        """Offer to undo the newest hide, or hide the button when nothing is left to undo."""
        if self._hidden:
            self.undo_button.setText(self._hidden[-1][1])
        self.undo_button.setVisible(bool(self._hidden))
        self.undo_action.setEnabled(bool(self._hidden))

    @Slot()
    def undo_hide(self) -> None:
        """Show the alert dismissed or snoozed last again, and reload the screen.

        Each press undoes one more, newest first, back to the first hide of
        this session.
        """
        if not self._hidden:
            return
        key, _text = self._hidden.pop()
        self._show_undo()
        with self._db.session() as session:
            restore_alert(session, key)
        log.info("Restored alert %s", key)
        self.reload()

    def _remove_alert_item(self, item: QTreeWidgetItem) -> None:
        index = self.alerts.indexOfTopLevelItem(item)
        self.alerts.takeTopLevelItem(index)
        if self.data is not None:
            key = item.data(0, ALERT_KEY_ROLE)
            remaining = [alert for alert in self.data.alerts if alert.key != key]
            self.data = _replace_alerts(self.data, remaining)
            self._set_box_titles(self.data)
        self._update_alert_actions()

    # Remembered state

    def save_state(self, settings: QSettings) -> None:
        save_splitter(self.splitter, settings, SPLITTER_KEY)
        save_splitter(self.side_splitter, settings, SIDE_SPLITTER_KEY)

    def restore_state(self, settings: QSettings) -> None:
        restore_splitter(self.splitter, settings, SPLITTER_KEY)
        restore_splitter(self.side_splitter, settings, SIDE_SPLITTER_KEY)

    def focus_first_list(self) -> None:
        self.alerts.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _replace_alerts(data: TodayData, alerts: list[Any]) -> TodayData:
    from dataclasses import replace

    return replace(data, alerts=alerts)
