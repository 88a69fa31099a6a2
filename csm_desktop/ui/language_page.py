"""Settings page for the display language."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from csm_desktop.i18n import save_language, saved_language
from csm_desktop.store.database import Database
from csm_desktop.ui.workers import JobRunner

log = logging.getLogger(__name__)


class LanguagePage(QWidget):
    """Choose English, Spanish, or the system language; applied on the next start.

    ``reset()`` shows the stored choice and ``apply()`` stores the selected
    one, as the settings dialog expects of its pages. Widgets already on
    screen keep their text, so the page says that a restart applies it.
    """

    # Emitted by apply() with the stored language code, "" for the system language.
    language_saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("System language"), "")
        # Each language is written in itself, so a user who cannot read the
        # current language still finds their own.
        self.combo.addItem("English", "en")
        self.combo.addItem("Español (España)", "es")

        self.restart_note = QLabel(
            self.tr(
                "The new language applies after restarting CSM Desktop. Numbers, dates and "
                "amounts follow it too, for example 1.234,56 € and 31/12/2026 in Spanish."
            ),
            self,
        )
        self.restart_note.setWordWrap(True)

        layout = QFormLayout(self)
        layout.addRow(self.tr("Language:"), self.combo)
        layout.addRow(self.restart_note)
        self.reset()

    def reset(self) -> None:
        """Select the stored language in the list."""
        index = self.combo.findData(saved_language() or "")
        self.combo.setCurrentIndex(max(index, 0))

    def apply(self) -> None:
        """Store the selected language for the next start."""
        language = str(self.combo.currentData() or "")
        save_language(language or None)
        log.info("Language setting saved: %s", language or "system")
        self.language_saved.emit(language)


def language_page(db: Database, runner: JobRunner) -> LanguagePage:
    """Build the page for the settings dialog; the language is stored per user, not per database."""
    return LanguagePage()
