"""The Contacts tab: people at the account, their roles and when they were last contacted."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import format_date, short_date_pattern
from csm_desktop.services.contacts import ContactFields, ContactRow, list_contacts, save_contact
from csm_desktop.store.database import Database
from csm_desktop.ui.account_labels import contact_role_labels
from csm_desktop.ui.record_views import fill_table, read_only_table, select_key, selected_key

log = logging.getLogger(__name__)


class ContactsTab(QWidget):
    """Contact list; selecting a row loads it into the form for editing."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._rows: list[ContactRow] = []
        self._editing: uuid.UUID | None = None
        self._today = date.today()

        self.table = read_only_table(
            self,
            [
                self.tr("Name"),
                self.tr("Title"),
                self.tr("Roles"),
                self.tr("Last contacted"),
                self.tr("Email"),
                self.tr("Phone"),
            ],
        )
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.itemSelectionChanged.connect(self._load_selected)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #b3261e;")

        layout = QHBoxLayout(self)
        layout.addWidget(self.table, stretch=3)
        layout.addWidget(self._build_form(), stretch=2)

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contact"), self)
        self.name_edit = QLineEdit(box)
        self.title_edit = QLineEdit(box)
        self.email_edit = QLineEdit(box)
        self.phone_edit = QLineEdit(box)
        self.last_contacted_edit = QDateEdit(box)
        self.last_contacted_edit.setCalendarPopup(True)
        self.last_contacted_edit.setDisplayFormat(short_date_pattern())
        self.last_contacted_edit.setSpecialValueText(self.tr("Never"))
        self.last_contacted_edit.setMinimumDate(QDate(2000, 1, 1))
        self.contacted_today_button = QPushButton(self.tr("Contacted &today"), box)
        self.contacted_today_button.clicked.connect(
            lambda: self.last_contacted_edit.setDate(QDate(self._today))
        )
        self.role_boxes: dict[str, QCheckBox] = {}
        roles = QVBoxLayout()
        for code, label in contact_role_labels().items():
            check = QCheckBox(label, box)
            self.role_boxes[code] = check
            roles.addWidget(check)
        self.new_button = QPushButton(self.tr("&New contact"), box)
        self.new_button.clicked.connect(self._new)
        self.save_button = QPushButton(self.tr("&Save contact"), box)
        self.save_button.clicked.connect(self._save)

        contacted = QHBoxLayout()
        contacted.addWidget(self.last_contacted_edit, stretch=1)
        contacted.addWidget(self.contacted_today_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        form = QFormLayout(box)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("T&itle"), self.title_edit)
        form.addRow(self.tr("&Email"), self.email_edit)
        form.addRow(self.tr("&Phone"), self.phone_edit)
        form.addRow(self.tr("Last contacted"), contacted)
        form.addRow(self.tr("Roles"), roles)
        form.addRow(self.message_label)
        form.addRow(buttons)
        return box

    def set_account(self, account_id: uuid.UUID, rows: list[ContactRow], today: date) -> None:
        self._account_id = account_id
        self._today = today
        self._show(rows)
        self._new()

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._db.session() as session:
            rows = list_contacts(session, self._account_id)
        self._show(rows)

    def _show(self, rows: list[ContactRow]) -> None:
        self._rows = rows
        labels = contact_role_labels()
        fill_table(
            self.table,
            [
                [
                    row.fields.name,
                    row.fields.title,
                    ", ".join(labels.get(role, role) for role in row.fields.roles),
                    format_date(row.fields.last_contacted),
                    row.fields.email,
                    row.fields.phone,
                ]
                for row in rows
            ],
            [row.contact_id for row in rows],
        )

    def select_contact(self, contact_id: uuid.UUID) -> bool:
        """Select ``contact_id`` and load it into the form; False when it is not listed."""
        return select_key(self.table, contact_id)

    @Slot()
    def _load_selected(self) -> None:
        key = selected_key(self.table)
        row = next((row for row in self._rows if row.contact_id == key), None)
        if row is None:
            return
        self._editing = row.contact_id
        self.name_edit.setText(row.fields.name)
        self.title_edit.setText(row.fields.title)
        self.email_edit.setText(row.fields.email)
        self.phone_edit.setText(row.fields.phone)
        self._set_last_contacted(row.fields.last_contacted)
        for code, check in self.role_boxes.items():
            check.setChecked(code in row.fields.roles)
        self.message_label.clear()

    @Slot()
    def _new(self) -> None:
        self._editing = None
        self.table.clearSelection()
        for edit in (self.name_edit, self.title_edit, self.email_edit, self.phone_edit):
            edit.clear()
        self._set_last_contacted(None)
        for check in self.role_boxes.values():
            check.setChecked(False)
        self.message_label.clear()

    def _set_last_contacted(self, day: date | None) -> None:
        # The minimum date shows as "Never".
        minimum = self.last_contacted_edit.minimumDate()
        self.last_contacted_edit.setDate(QDate(day) if day else minimum)

    def _last_contacted(self) -> date | None:
        value = self.last_contacted_edit.date()
        return None if value == self.last_contacted_edit.minimumDate() else value.toPython()

    @Slot()
    def _save(self) -> None:
        if self._account_id is None:
            return
        fields = ContactFields(
            name=self.name_edit.text(),
            title=self.title_edit.text(),
            email=self.email_edit.text(),
            phone=self.phone_edit.text(),
            roles=tuple(code for code, check in self.role_boxes.items() if check.isChecked()),
            last_contacted=self._last_contacted(),
        )
        try:
            self._editing = save_contact(self._db, self._account_id, fields, self._editing)
        except (ValueError, LookupError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self.message_label.clear()
        self.reload()
