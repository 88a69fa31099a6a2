"""The portfolio's filter bar: text, health colour, segment, stage, owner, tags and renewal.

The bar owns no rows. It emits ``filter_changed`` with a ``PortfolioFilter``
whenever the user changes a control (the text box after a short pause), and
``set_filter`` puts a saved filter back into the controls.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.services.portfolio_filter import BLANK, PortfolioFilter, RenewalWindow
from csm_desktop.store.enums import LifecycleStage
from csm_desktop.ui.health_style import HEALTH_COLOURS, colour_label, swatch_icon

log = logging.getLogger(__name__)

# Typing pauses this long before the text filter runs, so fast typing filters once.
FILTER_DEBOUNCE_MS = 150
# Below room for this many average characters the text filter gets a row of its own.
FILTER_MIN_CHARS = 24

# The multi-choice menus: filter field name, choices name in ``PreparedRows``.
_MENU_FIELDS = (("segments", "segment"), ("stages", "stage"), ("owners", "owner"), ("tags", "tags"))


def stage_label(stage: str) -> str:
    """Return the translated name of a lifecycle stage; unknown stages show as stored."""
    labels = {
        LifecycleStage.ONBOARDING: QCoreApplication.translate("Portfolio", "Onboarding"),
        LifecycleStage.ADOPTION: QCoreApplication.translate("Portfolio", "Adoption"),
        LifecycleStage.GROWTH: QCoreApplication.translate("Portfolio", "Growth"),
        LifecycleStage.RENEWAL: QCoreApplication.translate("Portfolio", "Renewal"),
        LifecycleStage.CHURNED: QCoreApplication.translate("Portfolio", "Churned"),
    }
    return labels.get(stage, stage)


class ChoiceMenuButton(QToolButton):
    """A button with a menu of checkable values. Nothing checked means no filter."""

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._labels: dict[str, str] = {}
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(title)
        self.setMenu(QMenu(self))
        self.set_choices([])

    def set_choices(self, values: Iterable[str], *, with_blank: bool = True) -> None:
        """Offer ``values`` (plus a "(none)" entry), keeping the checked ones that remain."""
        checked = self.selected()
        menu = self.menu()
        menu.clear()
        choices = list(values)
        if with_blank:
            choices.append(BLANK)
        for value in choices:
            action = QAction(self._labels.get(value, value) or self.tr("(none)"), menu)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(checked is not None and value in checked)
            action.toggled.connect(self._on_toggled)
            menu.addAction(action)
        if not choices:
            empty = menu.addAction(self.tr("No values"))
            empty.setEnabled(False)
        self._update_text()

    def set_labels(self, labels: dict[str, str]) -> None:
        """Show these labels in place of stored values (such as translated stages)."""
        self._labels = dict(labels)

    def selected(self) -> frozenset[str] | None:
        """Return the checked values, or None when nothing is checked."""
        values = {str(action.data()) for action in self.menu().actions() if action.isChecked()}
        return frozenset(values) if values else None

    def set_selected(self, values: Iterable[str] | None) -> None:
        """Check exactly ``values`` without emitting ``changed``; adds unknown values."""
        wanted = set(values or ())
        known = {str(action.data()) for action in self.menu().actions()}
        for value in sorted(wanted - known):
            action = QAction(self._labels.get(value, value) or self.tr("(none)"), self.menu())
            action.setCheckable(True)
            action.setData(value)
            action.toggled.connect(self._on_toggled)
            self.menu().addAction(action)
        for action in self.menu().actions():
            action.blockSignals(True)
            action.setChecked(str(action.data()) in wanted)
            action.blockSignals(False)
        self._update_text()

    @Slot(bool)
    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        selected = self.selected()
        if selected is None:
            self.setText(self._title)
        else:
            self.setText(
                self.tr("%1 (%2)").replace("%1", self._title).replace("%2", str(len(selected)))
            )


class PortfolioFilterBar(QWidget):
    """Every filter control of the portfolio in one row."""

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(FILTER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The text filter sits first in the row of controls, or alone in a
        # row above them when the window is too narrow for both (long
        # translations squeezed it to a few characters).
        self._filter_row = QHBoxLayout()
        self._controls_row = layout = QHBoxLayout()
        outer.addLayout(self._filter_row)
        outer.addLayout(layout)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by name, owner, industry, segment or tag (Ctrl+F)")
        )
        self.filter_edit.setAccessibleName(self.tr("Filter accounts"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._debounce.start)
        layout.addWidget(self.filter_edit, stretch=1)

        layout.addWidget(QLabel(self.tr("Health:"), self))
        self.colour_buttons: dict[str, QToolButton] = {}
        for colour in HEALTH_COLOURS:
            layout.addWidget(self._colour_button(colour))

        self.menu_buttons = {
            "segments": ChoiceMenuButton(self.tr("Segment"), self),
            "stages": ChoiceMenuButton(self.tr("Stage"), self),
            "owners": ChoiceMenuButton(self.tr("Owner"), self),
            "tags": ChoiceMenuButton(self.tr("Tags"), self),
        }
        self.menu_buttons["stages"].set_labels(
            {str(stage): stage_label(stage) for stage in LifecycleStage}
        )
        for button in self.menu_buttons.values():
            button.changed.connect(self._emit)
            layout.addWidget(button)

        self.renewal_combo = QComboBox(self)
        self.renewal_combo.setAccessibleName(self.tr("Renewal window"))
        for window, text in self._renewal_choices():
            self.renewal_combo.addItem(text, window)
        self.renewal_combo.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.renewal_combo)

        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)

    @property
    def filter_on_own_row(self) -> bool:
        """Return whether the text filter is in the row above the other controls."""
        return self._filter_row.indexOf(self.filter_edit) >= 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_filter_edit(event.size().width())

    def _place_filter_edit(self, width: int) -> None:
        """Move the text filter to its own row when the controls leave it too little room."""
        min_width = self.fontMetrics().averageCharWidth() * FILTER_MIN_CHARS
        controls = self._controls_row
        others = [
            controls.itemAt(index).widget()
            for index in range(controls.count())
            if controls.itemAt(index).widget() is not self.filter_edit
        ]
        used = sum(widget.sizeHint().width() for widget in others if widget is not None)
        used += controls.spacing() * len(others)
        own_row = width - used < min_width
        if own_row == self.filter_on_own_row:
            return
        if own_row:
            controls.removeWidget(self.filter_edit)
            self._filter_row.addWidget(self.filter_edit)
        else:
            self._filter_row.removeWidget(self.filter_edit)
            controls.insertWidget(0, self.filter_edit, stretch=1)

    def _colour_button(self, colour: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(colour_label(colour))
        button.setAccessibleName(self.tr("Health %1").replace("%1", colour_label(colour)))
        button.setIcon(swatch_icon(colour))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setCheckable(True)
        button.toggled.connect(self._emit)
        self.colour_buttons[colour] = button
        return button

    def _renewal_choices(self) -> list[tuple[RenewalWindow, str]]:
        return [
            (RenewalWindow.ANY, self.tr("Renewal: any time")),
            (RenewalWindow.OVERDUE, self.tr("Overdue")),
            (RenewalWindow.WITHIN_30, self.tr("Within 30 days")),
            (RenewalWindow.WITHIN_60, self.tr("Within 60 days")),
            (RenewalWindow.WITHIN_90, self.tr("Within 90 days")),
            (RenewalWindow.WITHIN_180, self.tr("Within 180 days")),
        ]

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """Offer the values found in the loaded rows in the menus."""
        for field_name, choice_name in _MENU_FIELDS:
            self.menu_buttons[field_name].set_choices(choices.get(choice_name, []))

    def current_filter(self) -> PortfolioFilter:
        """Return the filter the controls show right now (text without waiting for the pause)."""
        colours = {colour for colour, button in self.colour_buttons.items() if button.isChecked()}
        return PortfolioFilter().replace(
            text=self.filter_edit.text(),
            # No colour pressed means no colour filter, which also shows unscored rows.
            colours=colours or None,
            segments=self.menu_buttons["segments"].selected(),
            stages=self.menu_buttons["stages"].selected(),
            owners=self.menu_buttons["owners"].selected(),
            tags=self.menu_buttons["tags"].selected(),
            renewal=RenewalWindow(self.renewal_combo.currentData()),
        )

    def set_filter(self, new_filter: PortfolioFilter) -> None:
        """Show ``new_filter`` in the controls, then emit ``filter_changed`` once."""
        widgets = [self.filter_edit, self.renewal_combo, *self.colour_buttons.values()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.filter_edit.setText(new_filter.text)
            for colour, button in self.colour_buttons.items():
                button.setChecked(new_filter.colours is not None and colour in new_filter.colours)
            for field_name, _choice in _MENU_FIELDS:
                self.menu_buttons[field_name].set_selected(getattr(new_filter, field_name))
            index = self.renewal_combo.findData(new_filter.renewal)
            self.renewal_combo.setCurrentIndex(max(index, 0))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._emit()

    @Slot()
    def clear(self) -> None:
        self.set_filter(PortfolioFilter())

    @Slot()
    def _emit(self) -> None:
        self._debounce.stop()
        self.filter_changed.emit(self.current_filter())
