"""Which portfolio columns are shown, in which order and how wide; the Columns menu.

The layout is kept as a list of stable column keys (``COLUMN_KEYS``), not
as ``QHeaderView.saveState`` bytes, so a layout saved by an older version
still applies after columns are added.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, QPoint, QSettings, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QToolButton

from csm_desktop.ui.portfolio_model import COLUMN_KEYS, COLUMNS_BY_KEY, Column, PortfolioModel
from csm_desktop.ui.window_state import load_json, save_json

log = logging.getLogger(__name__)

COLUMNS_KEY = "portfolio/columns"
# Shown on first start, in this order; the other columns start hidden.
DEFAULT_COLUMNS: tuple[Column, ...] = (
    Column.NAME,
    Column.SEGMENT,
    Column.STAGE,
    Column.OWNER,
    Column.ARR,
    Column.RENEWAL,
    Column.DAYS_TO_RENEWAL,
    Column.HEALTH,
    Column.LAST_ACTIVITY,
    Column.INDUSTRY,
    Column.PLAN,
    Column.SEATS,
)
NAME_MIN_WIDTH = 220
# Rows whose contents decide the column widths when the user has not set them.
FIT_SAMPLE_ROWS = 50


class ColumnLayout(QObject):
    """Shows, hides and orders the table's columns, and offers them in a menu."""

    def __init__(self, table: QTableView, model: PortfolioModel, parent: QObject) -> None:
        super().__init__(parent)
        self._table = table
        self._model = model
        # True once widths remembered from an earlier session were applied.
        self.has_stored_widths = False
        self.menu = QMenu(table)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button = QToolButton(table.parentWidget())
        self.button.setText(self.tr("Columns"))
        self.button.setAccessibleName(self.tr("Choose columns"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)

        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        self.apply_keys([])

    # Keys

    @staticmethod
    def key_of(column: Column) -> str:
        return COLUMN_KEYS[column]

    @staticmethod
    def column_of(key: str) -> Column:
        """Return the column for ``key``; unknown keys fall back to the account name."""
        return COLUMNS_BY_KEY.get(key, Column.NAME)

    def visible_keys(self) -> list[str]:
        """Return the keys of the shown columns in their on-screen order."""
        header = self._table.horizontalHeader()
        keys: list[str] = []
        for visual in range(header.count()):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                keys.append(COLUMN_KEYS[Column(logical)])
        return keys

    def apply_keys(self, keys: list[str]) -> None:
        """Show exactly the known columns of ``keys`` in that order; empty means the default."""
        columns = [COLUMNS_BY_KEY[key] for key in keys if key in COLUMNS_BY_KEY]
        if not columns:
            columns = list(DEFAULT_COLUMNS)
        if Column.NAME not in columns:
            columns.insert(0, Column.NAME)
        ordered = list(dict.fromkeys(columns))
        hidden = [column for column in Column if column not in ordered]

        header = self._table.horizontalHeader()
        for visual, column in enumerate(ordered + hidden):
            header.moveSection(header.visualIndex(column), visual)
        for column in Column:
            header.setSectionHidden(column, column in hidden)

    # Widths and remembered state

    def fit_widths(self) -> None:
        """Size the shown columns to their contents, judged on the first rows only.

        Each measured cell requests several roles from the Python model, so
        the sample stays small: 200 rows took about a second at start-up.
        """
        header = self._table.horizontalHeader()
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        for column in Column:
            if not header.isSectionHidden(column):
                self._table.resizeColumnToContents(column)
        header.resizeSection(Column.NAME, max(header.sectionSize(Column.NAME), NAME_MIN_WIDTH))

    def save(self, settings: QSettings) -> None:
        header = self._table.horizontalHeader()
        widths = {COLUMN_KEYS[column]: header.sectionSize(column) for column in Column}
        stored = {"visible": self.visible_keys(), "widths": widths, "language": _ui_language()}
        save_json(settings, COLUMNS_KEY, stored)

    def restore(self, settings: QSettings) -> None:
        stored = load_json(settings, COLUMNS_KEY, {})
        if not isinstance(stored, dict):
            return
        visible = stored.get("visible")
        if isinstance(visible, list):
            self.apply_keys([str(key) for key in visible])
        widths = stored.get("widths")
        # Widths fitted to another language's titles would cut these titles
        # off, so after a language change the columns are fitted again.
        if stored.get("language", _ui_language()) != _ui_language():
            log.info("Column widths were saved in another language; fitting them again")
            widths = None
        if isinstance(widths, dict):
            header = self._table.horizontalHeader()
            for key, width in widths.items():
                if key in COLUMNS_BY_KEY and isinstance(width, int) and width > 0:
                    header.resizeSection(COLUMNS_BY_KEY[key], width)
                    self.has_stored_widths = True

    # The menu

    @Slot()
    def _fill_menu(self) -> None:
        self.menu.clear()
        header = self._table.horizontalHeader()
        for visual in range(header.count()):
            column = Column(header.logicalIndex(visual))
            action = QAction(self._model.column_title(column), self.menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            # The account name identifies the row, so it always stays.
            action.setEnabled(column != Column.NAME)
            action.setData(int(column))
            action.toggled.connect(self._on_column_toggled)
            self.menu.addAction(action)
        self.menu.addSeparator()
        reset = self.menu.addAction(self.tr("Reset columns"))
        reset.triggered.connect(self._reset)

    @Slot(bool)
    def _on_column_toggled(self, checked: bool) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            column = int(action.data())
            self._table.horizontalHeader().setSectionHidden(column, not checked)
            if checked:
                self._table.resizeColumnToContents(column)

    @Slot()
    def _reset(self) -> None:
        self.apply_keys([])
        self.fit_widths()

    @Slot(QPoint)
    def _show_header_menu(self, position: QPoint) -> None:
        self.menu.exec(self._table.horizontalHeader().mapToGlobal(position))


def _ui_language() -> str:
    """Return the language of the UI texts, such as "es", from the default locale."""
    return QLocale().name().split("_")[0]
