"""The Renewal and expansion tab: renewal facts, the CSM's forecast and expansion opportunities."""

from __future__ import annotations

import logging
import uuid
from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from csm_desktop.formatting import format_date, format_money
from csm_desktop.services.renewals import (
    InvalidForecastError,
    OpportunityNotFoundError,
    OpportunityRow,
    RenewalView,
    add_opportunity,
    delete_opportunity,
    load_renewal,
    save_forecast,
    set_opportunity_stage,
    update_opportunity,
)
from csm_desktop.store.database import Database
from csm_desktop.ui.account_amount import AmountEdit
from csm_desktop.ui.account_header import renewal_text
from csm_desktop.ui.account_labels import (
    fill_combo,
    forecast_category_labels,
    opportunity_stage_labels,
)
from csm_desktop.ui.record_editing import DeleteKeyFilter, OptionalDateEdit, confirm_delete
from csm_desktop.ui.record_views import fill_table, read_only_table, select_key, selected_key

log = logging.getLogger(__name__)


class RenewalTab(QWidget):
    """Forecast form on the left, expansion opportunities on the right.

    Selecting an opportunity loads it into the form below the list for
    editing. "New" clears the form, so the next save adds an opportunity.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._account_id: uuid.UUID | None = None
        self._view: RenewalView | None = None
        # The opportunity loaded in the form, or None while the form adds a new one.
        self._editing: uuid.UUID | None = None
        self._default_close = QDate.currentDate()

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        columns = QHBoxLayout()
        columns.addWidget(self._build_forecast(), stretch=2)
        columns.addWidget(self._build_opportunities(), stretch=3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, stretch=1)
        layout.addWidget(self.message_label)

    def _build_forecast(self) -> QGroupBox:
        box = QGroupBox(self.tr("Renewal forecast"), self)
        self.renewal_label = QLabel(box)
        self.current_arr_label = QLabel(box)
        self.forecast_edit = AmountEdit(box)
        self.forecast_edit.setAccessibleName(self.tr("Forecast ARR"))
        self.probability_spin = QSpinBox(box)
        self.probability_spin.setRange(0, 100)
        self.probability_spin.setSuffix(" %")
        self.probability_spin.setAccessibleName(self.tr("Renewal probability"))
        self.category_combo = QComboBox(box)
        fill_combo(self.category_combo, forecast_category_labels())
        self.category_combo.setAccessibleName(self.tr("Forecast category"))
        self.risk_edit = QPlainTextEdit(box)
        self.risk_edit.setPlaceholderText(self.tr("What could stop the renewal, and the plan"))
        self.risk_edit.setTabChangesFocus(True)
        self.risk_edit.setAccessibleName(self.tr("Risk notes"))
        self.save_forecast_button = QPushButton(self.tr("Save &forecast"), box)
        self.save_forecast_button.clicked.connect(self._save_forecast)

        form = QFormLayout(box)
        form.addRow(self.tr("Renewal date"), self.renewal_label)
        form.addRow(self.tr("Current ARR"), self.current_arr_label)
        form.addRow(self.tr("Forecast &ARR"), self.forecast_edit)
        form.addRow(self.tr("&Probability"), self.probability_spin)
        form.addRow(self.tr("Forecast &category"), self.category_combo)
        form.addRow(self.tr("&Risk notes"), self.risk_edit)
        form.addRow(self.save_forecast_button)
        return box

    def _build_opportunities(self) -> QGroupBox:
        box = QGroupBox(self.tr("Expansion opportunities"), self)
        self.pipeline_label = QLabel(box)
        self.opportunities_table = read_only_table(
            box,
            [
                self.tr("Stage"),
                self.tr("Amount"),
                self.tr("Expected close"),
                self.tr("Opportunity"),
            ],
        )
        self.opportunities_table.setAccessibleName(self.tr("Expansion opportunities"))
        self.opportunities_table.itemSelectionChanged.connect(self._on_opportunity_selected)
        DeleteKeyFilter(self.opportunities_table, self._delete_opportunity)
        self.opportunity_title_edit = QLineEdit(box)
        self.opportunity_title_edit.setPlaceholderText(self.tr("New opportunity"))
        self.opportunity_title_edit.setAccessibleName(self.tr("Opportunity title"))
        self.opportunity_amount_edit = AmountEdit(box)
        self.opportunity_amount_edit.setAccessibleName(self.tr("Opportunity amount"))
        self.stage_combo = QComboBox(box)
        fill_combo(self.stage_combo, opportunity_stage_labels())
        self.stage_combo.setAccessibleName(self.tr("Opportunity stage"))
        self.close_edit = OptionalDateEdit(self.tr("No close date"), box)
        self.close_edit.setAccessibleName(self.tr("Expected close"))
        self.opportunity_notes_edit = QLineEdit(box)
        self.opportunity_notes_edit.setPlaceholderText(self.tr("Notes, e.g. who asked for it"))
        self.opportunity_notes_edit.setAccessibleName(self.tr("Opportunity notes"))
        # Adds an opportunity, or saves the changes to the one loaded in the form.
        self.add_opportunity_button = QPushButton(box)
        self.add_opportunity_button.clicked.connect(self._save_opportunity)
        self.new_opportunity_button = QPushButton(self.tr("Ne&w"), box)
        self.new_opportunity_button.clicked.connect(self._start_new_opportunity)
        self.delete_opportunity_button = QPushButton(self.tr("&Delete…"), box)
        self.delete_opportunity_button.clicked.connect(self._delete_opportunity)
        self.move_stage_button = QPushButton(self.tr("Set &stage of selected"), box)
        self.move_stage_button.clicked.connect(self._move_stage)

        entry = QHBoxLayout()
        entry.addWidget(self.opportunity_title_edit, stretch=2)
        entry.addWidget(self.opportunity_amount_edit, stretch=1)
        entry.addWidget(self.stage_combo)
        entry.addWidget(self.close_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_opportunity_button)
        buttons.addWidget(self.delete_opportunity_button)
        buttons.addStretch(1)
        buttons.addWidget(self.move_stage_button)
        buttons.addWidget(self.add_opportunity_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.pipeline_label)
        layout.addWidget(self.opportunities_table, stretch=1)
        layout.addLayout(entry)
        layout.addWidget(self.opportunity_notes_edit)
        layout.addLayout(buttons)
        return box

    def set_account(self, account_id: uuid.UUID, view: RenewalView, today: date) -> None:
        self._account_id = account_id
        self._default_close = QDate(view.renewal_date or today)
        self._editing = None
        self.message_label.clear()
        self._show(view)

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._db.session() as session:
            view = load_renewal(session, self._account_id)
        self._show(view)

    def _show(self, view: RenewalView) -> None:
        self._view = view
        self.renewal_label.setText(renewal_text(view.renewal_date, view.days_to_renewal))
        self.current_arr_label.setText(format_money(view.current_arr, view.currency) or "—")
        self.forecast_edit.set_amount(view.forecast_arr)
        probability = round((view.probability or 0) * 100)
        self.probability_spin.setValue(probability)
        index = self.category_combo.findData(view.category or "best_case")
        self.category_combo.setCurrentIndex(index)
        self.risk_edit.setPlainText(view.risk_notes or "")

        self.pipeline_label.setText(
            self.tr("Open pipeline: %1").replace(
                "%1", format_money(view.open_pipeline, view.currency)
            )
        )
        self._show_opportunities(view.opportunities)

    def _show_opportunities(self, opportunities: list[OpportunityRow]) -> None:
        """Fill the list, then reload the edited opportunity into the form, or clear the form."""
        stages = opportunity_stage_labels()
        with QSignalBlocker(self.opportunities_table):
            fill_table(
                self.opportunities_table,
                [
                    [
                        stages.get(row.stage, row.stage),
                        format_money(row.amount, row.currency),
                        format_date(row.expected_close),
                        row.title,
                    ]
                    for row in opportunities
                ],
                [row.opportunity_id for row in opportunities],
            )
            edited = self._editing is not None and select_key(
                self.opportunities_table, self._editing
            )
            if not edited:
                self.opportunities_table.clearSelection()
                self.opportunities_table.setCurrentCell(-1, -1)
        current = self._current_opportunity() if edited else None
        if current is not None:
            self._load_opportunity(current)
        else:
            self._new_opportunity()

    def select_opportunity(self, opportunity_id: uuid.UUID) -> bool:
        """Select ``opportunity_id`` and load it into the form. Return False if it is not listed."""
        return select_key(self.opportunities_table, opportunity_id)

    def _current_opportunity(self) -> OpportunityRow | None:
        if self._view is None:
            return None
        key = selected_key(self.opportunities_table)
        return next((row for row in self._view.opportunities if row.opportunity_id == key), None)

    @Slot()
    def _on_opportunity_selected(self) -> None:
        row = self._current_opportunity()
        if row is not None:
            self.message_label.clear()
            self._load_opportunity(row)

    def _load_opportunity(self, row: OpportunityRow) -> None:
        self._editing = row.opportunity_id
        self.opportunity_title_edit.setText(row.title)
        self.opportunity_amount_edit.set_amount(row.amount)
        self.stage_combo.setCurrentIndex(self.stage_combo.findData(row.stage))
        self.close_edit.set_optional_date(row.expected_close)
        self.opportunity_notes_edit.setText(row.notes or "")
        self._show_form_mode()

    @Slot()
    def _start_new_opportunity(self) -> None:
        self.message_label.clear()
        self._new_opportunity()

    def _new_opportunity(self) -> None:
        """Clear the opportunity form but keep the message, which may report a saved forecast."""
        self._editing = None
        with QSignalBlocker(self.opportunities_table):
            self.opportunities_table.clearSelection()
            self.opportunities_table.setCurrentCell(-1, -1)
        self.opportunity_title_edit.clear()
        self.opportunity_amount_edit.clear()
        self.stage_combo.setCurrentIndex(self.stage_combo.findData("identified"))
        self.close_edit.setDate(self._default_close)
        self.opportunity_notes_edit.clear()
        self._show_form_mode()

    def _show_form_mode(self) -> None:
        editing = self._editing is not None
        self.add_opportunity_button.setText(
            self.tr("Sa&ve changes") if editing else self.tr("Add &opportunity")
        )
        self.delete_opportunity_button.setEnabled(editing)
        self.move_stage_button.setEnabled(editing)

    @Slot()
    def _save_forecast(self) -> None:
        if self._account_id is None:
            return
        try:
            save_forecast(
                self._db,
                self._account_id,
                forecast_arr=self.forecast_edit.amount(),
                probability=self.probability_spin.value() / 100,
                category=self.category_combo.currentData(),
                risk_notes=self.risk_edit.toPlainText(),
            )
        except ValueError as exc:
            self.message_label.setText(self.tr("Forecast not saved: %1").replace("%1", str(exc)))
            return
        except SQLAlchemyError as exc:
            log.exception("Saving the forecast of account %s failed", self._account_id)
            self.message_label.setText(str(exc))
            return
        self.message_label.setText(self.tr("Forecast saved."))
        self.reload()

    @Slot()
    def _save_opportunity(self) -> None:
        """Add an opportunity from the form, or save the changes to the one loaded in it."""
        if self._account_id is None:
            return
        try:
            title = self.opportunity_title_edit.text()
            amount = self.opportunity_amount_edit.amount()
            stage = self.stage_combo.currentData()
            expected_close = self.close_edit.optional_date()
            notes = self.opportunity_notes_edit.text()
            created = self._editing is None
            if created:
                add_opportunity(
                    self._db,
                    self._account_id,
                    title,
                    amount=amount,
                    stage=stage,
                    expected_close=expected_close,
                    notes=notes,
                )
            else:
                update_opportunity(
                    self._db,
                    self._editing,
                    title,
                    amount=amount,
                    stage=stage,
                    expected_close=expected_close,
                    notes=notes,
                )
        except SQLAlchemyError as exc:
            log.exception(
                "Saving opportunity %s of account %s failed", self._editing, self._account_id
            )
            self.message_label.setText(self.tr("Opportunity not saved: %1").replace("%1", str(exc)))
            return
        except (ValueError, OpportunityNotFoundError) as exc:
            self.message_label.setText(self.tr("Opportunity not saved: %1").replace("%1", str(exc)))
            return
        self.message_label.clear()
        self.reload()
        if created:
            # Ready for the next one: a second click must not overwrite this record.
            self._new_opportunity()

    @Slot()
    def _delete_opportunity(self) -> None:
        """Ask, then delete the opportunity loaded in the form."""
        row = self._current_opportunity()
        if row is None:
            self.message_label.setText(self.tr("Select an opportunity to delete first."))
            return
        question = self.tr("Delete the opportunity “%1”?").replace("%1", row.title)
        if not confirm_delete(self, self.tr("Delete opportunity"), question):
            return
        try:
            delete_opportunity(self._db, row.opportunity_id)
        except (OpportunityNotFoundError, SQLAlchemyError) as exc:
            log.warning("Deleting opportunity %s failed: %s", row.opportunity_id, exc)
            self.message_label.setText(str(exc))
            return
        self._editing = None
        self.message_label.clear()
        self.reload()

    @Slot()
    def _move_stage(self) -> None:
        key = selected_key(self.opportunities_table)
        if key is None:
            self.message_label.setText(self.tr("Select an opportunity first."))
            return
        try:
            set_opportunity_stage(self._db, key, self.stage_combo.currentData())
        except (InvalidForecastError, LookupError, SQLAlchemyError) as exc:
            self.message_label.setText(str(exc))
            return
        self.reload()
