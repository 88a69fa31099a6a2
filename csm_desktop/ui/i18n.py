"""Install the app's and Qt's translations into the running QApplication."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from csm_desktop.i18n import install_translations

log = logging.getLogger(__name__)


def install_translators(app: QApplication, language: str | None) -> QLocale:
    """Translate the UI and Qt's own dialogs for ``language``, or the system locale.

    ``language`` is the settings value ("es", "en", or None to follow the
    system). Setting ``CSM_DESKTOP_PSEUDO_TRANSLATION=1.4`` stretches every
    string to 140 % for layout checks. Widgets built before a later call keep
    their text, so a language change takes effect on the next start.
    Returns the locale used.
    """
    locale = install_translations(app, language)
    # Qt's own translations carry the direction too; set it from the locale in case they are absent.
    app.setLayoutDirection(locale.textDirection())
    return locale
