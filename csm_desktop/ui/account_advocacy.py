"""The Advocacy tab: references, case studies, reviews, referrals and events."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import format_date
from csm_desktop.services.advocacy import (
    AdvocacyNotFoundError,
    AdvocacyRow,
    add_advocacy,
    delete_advocacy,
    list_advocacy,
    update_advocacy,
)
from csm_desktop.services.contacts import ContactRow
from csm_desktop.store.database import Database
from csm_desktop.ui.account_labels import (
    advocacy_kind_labels,
    advocacy_status_labels,
    fill_combo,
)
from csm_desktop.ui.record_editing import DeleteKeyFilter, OptionalDateEdit, confirm_delete
from csm_desktop.ui.record_views import fill_table, read_only_table, select_key, selected_key

log = logging.getLogger(__name__)


class AdvocacyTab(QWidget):
    """Advocacy records of one account and a form to add one or edit the selected one.

    Selecting a record loads it into the form. "New" clears the form, so the
    next save adds a record.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._rows: list[AdvocacyRow] = []
        # The record loaded in the form, or None while the form adds a new one.
        self._editing: uuid.UUID | None = None
        self._today = date.today()

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
        self.table.itemSelectionChanged.connect(self._on_record_selected)
        DeleteKeyFilter(self.table, self._delete)
        self.kind_combo = QComboBox(self)
        fill_combo(self.kind_combo, advocacy_kind_labels())
        self.kind_combo.setAccessibleName(self.tr("Advocacy type"))
        self.status_combo = QComboBox(self)
        fill_combo(self.status_combo, advocacy_status_labels())
        self.status_combo.setAccessibleName(self.tr("Advocacy status"))
        self.contact_combo = QComboBox(self)
        self.contact_combo.setAccessibleName(self.tr("Contact"))
        self.date_edit = OptionalDateEdit(self.tr("No date"), self)
        self.date_edit.setAccessibleName(self.tr("Date"))
        self.notes_edit = QLineEdit(self)
        self.notes_edit.setPlaceholderText(self.tr("Notes, e.g. where the review was posted"))
        self.notes_edit.setAccessibleName(self.tr("Advocacy notes"))
        # Adds a record, or saves the changes to the one loaded in the form.
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self._save)
        self.new_button = QPushButton(self.tr("Ne&w"), self)
        self.new_button.clicked.connect(self._new)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.delete_button.clicked.connect(self._delete)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #b3261e;")

        entry = QHBoxLayout()
        for widget in (self.kind_combo, self.status_combo, self.contact_combo, self.date_edit):
            entry.addWidget(widget)
        entry.addWidget(self.notes_edit, stretch=1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, stretch=1)
        layout.addLayout(entry)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)

    def set_account(
        self,
        account_id: uuid.UUID,
        rows: list[AdvocacyRow],
        contacts: list[ContactRow],
        today: date,
    ) -> None:
        self._account_id = account_id
        self._today = today
        self._editing = None
        self.contact_combo.clear()
        self.contact_combo.addItem(self.tr("No contact"), None)
        for contact in contacts:
            self.contact_combo.addItem(contact.fields.name, contact.contact_id)
        self._show(rows)

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._db.session() as session:
            rows = list_advocacy(session, self._account_id)
        self._show(rows)

    def _show(self, rows: list[AdvocacyRow]) -> None:
        """Fill the list, then reload the edited record into the form, or clear the form."""
        self._rows = rows
        kinds, statuses = advocacy_kind_labels(), advocacy_status_labels()
        with QSignalBlocker(self.table):
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
            edited = self._editing is not None and select_key(self.table, self._editing)
            if not edited:
                self.table.clearSelection()
                self.table.setCurrentCell(-1, -1)
        current = self._current() if edited else None
        if current is not None:
            self._load(current)
        else:
            self._new()

    def select_record(self, record_id: uuid.UUID) -> bool:
        """Select ``record_id`` and load it into the form. Return False when it is not listed."""
        return select_key(self.table, record_id)

    def _current(self) -> AdvocacyRow | None:
        key = selected_key(self.table)
        return next((row for row in self._rows if row.record_id == key), None)

    @Slot()
    def _on_record_selected(self) -> None:
        row = self._current()
        if row is not None:
            self.message_label.clear()
            self._load(row)

    def _load(self, row: AdvocacyRow) -> None:
        self._editing = row.record_id
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(row.kind))
        self.status_combo.setCurrentIndex(self.status_combo.findData(row.status))
        self.contact_combo.setCurrentIndex(self._contact_index(row))
        self.date_edit.set_optional_date(row.occurred_on)
        self.notes_edit.setText(row.notes or "")
        self._show_form_mode()

    def _contact_index(self, row: AdvocacyRow) -> int:
        """Return the contact's index in the combo, adding it when the combo lacks it.

        The combo lists the contacts as they were when the account opened, so a
        record may name a contact added since. Saving must keep that contact.
        """
        index = self.contact_combo.findData(row.contact_id)
        if index >= 0:
            return index
        self.contact_combo.addItem(row.contact_name or str(row.contact_id), row.contact_id)
        return self.contact_combo.count() - 1

    @Slot()
    def _new(self) -> None:
        self._editing = None
        with QSignalBlocker(self.table):
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self.kind_combo.setCurrentIndex(0)
        self.status_combo.setCurrentIndex(0)
        self.contact_combo.setCurrentIndex(0)
        self.date_edit.setDate(QDate(self._today))
        self.notes_edit.clear()
        self.message_label.clear()
        self._show_form_mode()

    def _show_form_mode(self) -> None:
        editing = self._editing is not None
        self.add_button.setText(self.tr("Sa&ve changes") if editing else self.tr("&Add"))
        self.delete_button.setEnabled(editing)

    @Slot()
    def _save(self) -> None:
        """Add a record from the form, or save the changes to the one loaded in it."""
        if self._account_id is None:
            return
        kind = self.kind_combo.currentData()
        status = self.status_combo.currentData()
        occurred_on = self.date_edit.optional_date()
        contact_id = self.contact_combo.currentData()
        notes = self.notes_edit.text()
        try:
            created = self._editing is None
            if created:
                add_advocacy(
                    self._db,
                    self._account_id,
                    kind,
                    status=status,
                    occurred_on=occurred_on,
                    contact_id=contact_id,
                    notes=notes,
                )
            else:
                update_advocacy(
                    self._db,
                    self._editing,
                    kind,
                    status=status,
                    occurred_on=occurred_on,
                    contact_id=contact_id,
                    notes=notes,
                )
        except SQLAlchemyError as exc:
            log.exception(
                "Saving advocacy record %s of account %s failed", self._editing, self._account_id
            )
            self.message_label.setText(str(exc))
            return
        except (ValueError, AdvocacyNotFoundError) as exc:
            self.message_label.setText(str(exc))
            return
        self.message_label.clear()
        self.reload()
        if created:
            # Ready for the next one: a second click must not overwrite this record.
            self._new()

    @Slot()
    def _delete(self) -> None:
        """Ask, then delete the record loaded in the form."""
        row = self._current()
        if row is None:
            self.message_label.setText(self.tr("Select an advocacy record to delete first."))
            return
        question = self.tr("Delete the advocacy record “%1”?").replace("%1", self._describe(row))
        if not confirm_delete(self, self.tr("Delete advocacy record"), question):
            return
        try:
            delete_advocacy(self._db, row.record_id)
        except (AdvocacyNotFoundError, SQLAlchemyError) as exc:
            log.warning("Deleting advocacy record %s failed: %s", row.record_id, exc)
            self.message_label.setText(str(exc))
            return
        self._editing = None
        self.reload()

    def _describe(self, row: AdvocacyRow) -> str:
        """Name a record for the user by its type, contact and date, as the list shows them."""
        parts = [advocacy_kind_labels().get(row.kind, row.kind)]
        if row.contact_name:
            parts.append(row.contact_name)
        if row.occurred_on is not None:
            parts.append(format_date(row.occurred_on))
        return ", ".join(parts)
