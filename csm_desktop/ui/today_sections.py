"""Fill the Today screen's lists: one function per section, each rebuilding its tree.

Rows that belong to an account carry its id in ``ACCOUNT_ROLE``; alert rows
also carry the alert key in ``ALERT_KEY_ROLE``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from csm_desktop.formatting import format_date, format_money, format_number
from csm_desktop.services.today import AlertRow, RenewalRow, TaskRow, UntouchedRow
from csm_desktop.ui.health_style import swatch_colour, swatch_icon

ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1
ALERT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# Severity of an alert to the health colour of its marker.
_SEVERITY_COLOURS = {"critical": "red", "high": "red", "warning": "yellow", "medium": "yellow"}


def _finish(tree: QTreeWidget) -> None:
    tree.expandAll()
    for column in range(tree.columnCount()):
        tree.resizeColumnToContents(column)


def fill_alerts(tree: QTreeWidget, alerts: Sequence[AlertRow]) -> None:
    """List health alerts, most severe and newest first, one row each."""
    tree.clear()
    for alert in alerts:
        item = QTreeWidgetItem([alert.account_name, alert.message, format_date(alert.occurred_on)])
        item.setIcon(0, swatch_icon(_SEVERITY_COLOURS.get(alert.severity.casefold(), "stale")))
        item.setToolTip(1, alert.message)
        item.setData(0, ACCOUNT_ROLE, alert.account_id)
        item.setData(0, ALERT_KEY_ROLE, alert.key)
        tree.addTopLevelItem(item)
    tree.setRootIsDecorated(False)
    _finish(tree)
    if tree.topLevelItemCount():
        tree.setCurrentItem(tree.topLevelItem(0))


def _group(tree: QTreeWidget, title: str, count: int) -> QTreeWidgetItem:
    group = QTreeWidgetItem([title.replace("%1", format_number(count))])
    font = group.font(0)
    font.setBold(True)
    group.setFont(0, font)
    group.setFirstColumnSpanned(True)
    tree.addTopLevelItem(group)
    group.setFirstColumnSpanned(True)
    return group


def fill_renewals(tree: QTreeWidget, renewals: Sequence[RenewalRow]) -> None:
    """Group renewals into overdue, 30, 60 and 90 days."""
    tree.clear()
    titles = {
        0: QCoreApplication.translate("Today", "Overdue (%1)"),
        30: QCoreApplication.translate("Today", "Within 30 days (%1)"),
        60: QCoreApplication.translate("Today", "In 31 to 60 days (%1)"),
        90: QCoreApplication.translate("Today", "In 61 to 90 days (%1)"),
    }
    for bucket, title in titles.items():
        rows = [row for row in renewals if row.bucket == bucket]
        if not rows:
            continue
        group = _group(tree, title, len(rows))
        for row in rows:
            item = QTreeWidgetItem(
                [
                    row.account_name,
                    format_date(row.renewal_date),
                    format_number(row.days_to_renewal),
                    format_money(row.arr, row.currency),
                ]
            )
            item.setIcon(0, swatch_icon(row.health_colour))
            item.setTextAlignment(2, _RIGHT)
            item.setTextAlignment(3, _RIGHT)
            if row.days_to_renewal < 0:
                item.setForeground(2, swatch_colour("red"))
            item.setData(0, ACCOUNT_ROLE, row.account_id)
            group.addChild(item)
    _finish(tree)


def fill_tasks(tree: QTreeWidget, tasks: Sequence[TaskRow]) -> None:
    """Group tasks into overdue and due today."""
    tree.clear()
    overdue = [task for task in tasks if task.days_overdue > 0]
    today = [task for task in tasks if task.days_overdue == 0]
    for title, rows in (
        (QCoreApplication.translate("Today", "Overdue (%1)"), overdue),
        (QCoreApplication.translate("Today", "Due today (%1)"), today),
    ):
        if not rows:
            continue
        group = _group(tree, title, len(rows))
        for task in rows:
            item = QTreeWidgetItem(
                [task.title, task.account_name, format_date(task.due_on), task.priority]
            )
            if task.days_overdue > 0:
                item.setToolTip(
                    2,
                    QCoreApplication.translate("Today", "%1 days overdue").replace(
                        "%1", format_number(task.days_overdue)
                    ),
                )
                item.setForeground(2, swatch_colour("red"))
            if task.account_id is not None:
                item.setData(0, ACCOUNT_ROLE, task.account_id)
            group.addChild(item)
    _finish(tree)


def fill_untouched(tree: QTreeWidget, rows: Sequence[UntouchedRow]) -> None:
    """List untouched accounts, never touched first, then the longest untouched."""
    tree.clear()
    for row in rows:
        last = (
            format_date(row.last_touch)
            if row.last_touch
            else QCoreApplication.translate("Today", "Never")
        )
        days = format_number(row.days_since_touch) if row.days_since_touch is not None else ""
        item = QTreeWidgetItem([row.account_name, last, days, format_money(row.arr, row.currency)])
        item.setTextAlignment(2, _RIGHT)
        item.setTextAlignment(3, _RIGHT)
        item.setData(0, ACCOUNT_ROLE, row.account_id)
        tree.addTopLevelItem(item)
    tree.setRootIsDecorated(False)
    _finish(tree)
