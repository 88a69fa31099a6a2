"""Saved views of the portfolio: choose one, save the current one, delete one.

The views live in the database (``services.views``). Each read or write is
a single small row, so it runs on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWidget,
)

from csm_desktop import APP_NAME
from csm_desktop.services.view_definition import ViewDefinition, ViewNameError

if TYPE_CHECKING:
    from types import ModuleType

    from csm_desktop.store.database import Database

log = logging.getLogger(__name__)


def _stored_views() -> ModuleType:
    """Return ``services.views``, imported on first use.

    It imports SQLAlchemy, which the portfolio's first paint runs without;
    the bar is built then and reads its views once the database is open.
    """
    from csm_desktop.services import views

    return views


class SavedViewsBar(QWidget):
    """A combo box of saved views with Save and Delete buttons."""

    # Emitted with the ``ViewDefinition`` the user chose.
    view_selected = Signal(object)

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._views: dict[str, ViewDefinition] = {}
        # Set by the page: returns the definition on screen, for "Save view".
        self.current_definition: Callable[[], ViewDefinition] = ViewDefinition

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&View:"), self)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Saved view"))
        self.combo.setMinimumContentsLength(16)
        label.setBuddy(self.combo)
        self.combo.activated.connect(self._on_activated)
        self.save_button = QToolButton(self)
        self.save_button.setText(self.tr("Save view…"))
        self.save_button.clicked.connect(self.save_current)
        self.delete_button = QToolButton(self)
        self.delete_button.setText(self.tr("Delete view"))
        self.delete_button.clicked.connect(self.delete_current)
        for widget in (label, self.combo, self.save_button, self.delete_button):
            layout.addWidget(widget)
        self._fill([])
        # Views are stored in the database, so the bar waits for it.
        self.setEnabled(db is not None)

    def attach_database(self, db: Database) -> None:
        """Use ``db`` from now on; the bar is built before the database opens at start-up."""
        self._db = db
        self.setEnabled(True)

    def reload(self, select: str | None = None) -> None:
        """Read the saved views again and select ``select`` (or keep the current one)."""
        keep = select if select is not None else self.current_name()
        if self._db is None:
            return
        with self._db.session() as session:
            views = _stored_views().list_views(session)
        self._views = dict(views)
        self._fill([name for name, _definition in views])
        index = self.combo.findData(keep) if keep else 0
        self.combo.setCurrentIndex(max(index, 0))
        self._update_buttons()

    def _fill(self, names: list[str]) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("Default view"), "")
        for name in names:
            self.combo.addItem(name, name)
        self.combo.blockSignals(False)
        self._update_buttons()

    def current_name(self) -> str:
        return str(self.combo.currentData() or "")

    def names(self) -> list[str]:
        return list(self._views)

    def select(self, name: str) -> None:
        """Select and apply the saved view ``name`` ("" for the default view)."""
        index = self.combo.findData(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)
            self._on_activated(index)

    @Slot(int)
    def _on_activated(self, _index: int) -> None:
        name = self.current_name()
        self._update_buttons()
        self.view_selected.emit(self._views.get(name, ViewDefinition()))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(bool(self.current_name()))

    def ask_name(self, proposal: str) -> str | None:
        """Ask for the view name. Tests replace this method."""
        name, accepted = QInputDialog.getText(
            self,
            self.tr("Save view"),
            self.tr("Name of the view (an existing view of that name is replaced):"),
            QLineEdit.EchoMode.Normal,
            proposal,
        )
        return name if accepted else None

    @Slot()
    def save_current(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        name = self.ask_name(self.current_name())
        if name is None or self._db is None:
            return
        try:
            with self._db.session() as session:
                saved = _stored_views().save_view(session, name, self.current_definition())
        except ViewNameError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            return
        except SQLAlchemyError as exc:
            log.exception("Saving the view %r failed", name)
            self._show_error(exc)
            return
        self.reload(select=saved)

    @Slot()
    def delete_current(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        name = self.current_name()
        if not name or self._db is None:
            return
        try:
            with self._db.session() as session:
                _stored_views().delete_view(session, name)
        except SQLAlchemyError as exc:
            log.exception("Deleting the view %r failed", name)
            self._show_error(exc)
            return
        self.reload(select="")

    def _show_error(self, error: Any) -> None:
        QMessageBox.warning(
            self, APP_NAME, self.tr("The view could not be stored: %1").replace("%1", str(error))
        )
