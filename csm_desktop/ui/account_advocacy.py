"""The Advocacy tab: references, case studies, reviews, referrals and events."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import format_date, short_date_pattern
from csm_desktop.services.advocacy import AdvocacyRow, add_advocacy, list_advocacy
from csm_desktop.services.contacts import ContactRow
from csm_desktop.store.database import Database
from csm_desktop.ui.account_labels import (
    advocacy_kind_labels,
    advocacy_status_labels,
    fill_combo,
)
from csm_desktop.ui.record_views import fill_table, read_only_table

log = logging.getLogger(__name__)


class AdvocacyTab(QWidget):
    """Advocacy records of one account and a one-line form to add one."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None

        self.table = read_only_table(
            self,
            [
                self.tr("Date"),
                self.tr("Type"),
                self.tr("Status"),
                self.tr("Contact"),
                self.tr("Notes"),
            ],
        )
        self.table.setAccessibleName(self.tr("Advocacy"))
        self.kind_combo = QComboBox(self)
        fill_combo(self.kind_combo, advocacy_kind_labels())
        self.kind_combo.setAccessibleName(self.tr("Advocacy type"))
        self.status_combo = QComboBox(self)
        fill_combo(self.status_combo, advocacy_status_labels())
        self.status_combo.setAccessibleName(self.tr("Advocacy status"))
        self.contact_combo = QComboBox(self)
        self.contact_combo.setAccessibleName(self.tr("Contact"))
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(short_date_pattern())
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.notes_edit = QLineEdit(self)
        self.notes_edit.setPlaceholderText(self.tr("Notes, e.g. where the review was posted"))
        self.notes_edit.setAccessibleName(self.tr("Advocacy notes"))
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(self._add)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #b3261e;")

        entry = QHBoxLayout()
        for widget in (self.kind_combo, self.status_combo, self.contact_combo, self.date_edit):
            entry.addWidget(widget)
        entry.addWidget(self.notes_edit, stretch=1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(entry)
        layout.addWidget(self.message_label)

    def set_account(
        self,
        account_id: uuid.UUID,
        rows: list[AdvocacyRow],
        contacts: list[ContactRow],
        today: date,
    ) -> None:
        self._account_id = account_id
        self.date_edit.setDate(QDate(today))
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("No contact"), None)
        for contact in contacts:
            self.contact_combo.addItem(contact.fields.name, contact.contact_id)
        self.message_label.clear()
        self._show(rows)

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._db.session() as session:
            rows = list_advocacy(session, self._account_id)
        self._show(rows)

    def _show(self, rows: list[AdvocacyRow]) -> None:
        kinds, statuses = advocacy_kind_labels(), advocacy_status_labels()
        fill_table(
            self.table,
            [
                [
                    format_date(row.occurred_on),
                    kinds.get(row.kind, row.kind),
                    statuses.get(row.status, row.status),
                    row.contact_name or "",
                    row.notes or "",
                ]
                for row in rows
            ],
            [row.record_id for row in rows],
        )

    @Slot()
    def _add(self) -> None:
        if self._account_id is None:
            return
        try:
            add_advocacy(
                self._db,
                self._account_id,
                self.kind_combo.currentData(),
                status=self.status_combo.currentData(),
                occurred_on=self.date_edit.date().toPython(),
                contact_id=self.contact_combo.currentData(),
                notes=self.notes_edit.text(),
            )
        except (ValueError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self.notes_edit.clear()
        self.message_label.clear()
        self.reload()
