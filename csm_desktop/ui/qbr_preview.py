"""The QBR preview panel: version, sections and editable narrative drafts.

The panel contains only widgets, and ``QbrDialog`` loads drafts into it and saves
what the CSM edited.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from csm_desktop.services.qbr_drafts import (
    CUSTOMER,
    INTERNAL,
    INTERNAL_SECTIONS,
    NARRATIVES,
    SECTIONS,
    section_title,
)

log = logging.getLogger(__name__)

SECTION_COLUMNS = 3


class QbrPreviewPanel(QWidget):
    """Version choice, one checkbox per section and a text editor per narrative.

    ``reset_requested`` carries a narrative key when the CSM requests the
    draft written from the data again.
    """

    reset_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_radio = QRadioButton(self.tr("Customer version"), self)
        self.internal_radio = QRadioButton(
            self.tr("Internal version (adds risk, ARR, forecast and internal notes)"), self
        )
        self.customer_radio.setChecked(True)
        versions = QButtonGroup(self)
        versions.addButton(self.customer_radio)
        versions.addButton(self.internal_radio)
        self.internal_radio.toggled.connect(self._on_version_changed)

        self.section_boxes: dict[str, QCheckBox] = {}
        sections_group = QGroupBox(self.tr("Sections"), self)
        grid = QGridLayout(sections_group)
        for index, key in enumerate(SECTIONS):
            box = QCheckBox(section_title(key), sections_group)
            box.setChecked(True)
            self.section_boxes[key] = box
            grid.addWidget(box, index // SECTION_COLUMNS, index % SECTION_COLUMNS)

        self.editors: dict[str, QPlainTextEdit] = {}
        self.tabs = QTabWidget(self)
        for key in NARRATIVES:
            self.tabs.addTab(self._editor_page(key), section_title(key))

        version_row = QHBoxLayout()
        version_row.addWidget(self.customer_radio)
        version_row.addWidget(self.internal_radio)
        version_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(version_row)
        layout.addWidget(sections_group)
        layout.addWidget(self.tabs, stretch=1)
        self._on_version_changed(False)

    def _editor_page(self, key: str) -> QWidget:
        page = QWidget(self)
        editor = QPlainTextEdit(page)
        editor.setPlaceholderText(
            self.tr("One paragraph per line; start a line with - for a bullet.")
        )
        self.editors[key] = editor
        reset = QPushButton(self.tr("Rewrite from data"), page)
        reset.clicked.connect(lambda: self.reset_requested.emit(key))
        layout = QVBoxLayout(page)
        layout.addWidget(editor, stretch=1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(reset)
        layout.addLayout(row)
        return page

    @Slot(bool)
    def _on_version_changed(self, internal: bool) -> None:
        for key in INTERNAL_SECTIONS:
            self.section_boxes[key].setEnabled(internal)

    def version(self) -> str:
        return INTERNAL if self.internal_radio.isChecked() else CUSTOMER

    def set_version(self, version: str) -> None:
        (self.internal_radio if version == INTERNAL else self.customer_radio).setChecked(True)

    def sections(self) -> list[str]:
        """Return the checked section keys; the internal one only in the internal version."""
        return [
            key
            for key, box in self.section_boxes.items()
            if box.isChecked() and (self.version() == INTERNAL or key not in INTERNAL_SECTIONS)
        ]

    def set_sections(self, keys: list[str]) -> None:
        for key, box in self.section_boxes.items():
            box.setChecked(key in keys)

    def narratives(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def set_narratives(self, texts: dict[str, str]) -> None:
        for key, editor in self.editors.items():
            editor.setPlainText(texts.get(key, ""))
