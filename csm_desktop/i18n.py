"""Language choice, translation file names, placeholders and pseudo-translation.

Only ``QtCore`` is used, so the command line can load translations without a
GUI. The widget side (installing translators into a ``QApplication``) lives in
``csm_desktop.ui.i18n``.

Translations are Qt ``.qm`` files named ``csm_desktop_<language>.qm`` in the
``i18n`` resource folder; ``scripts/build_translations.py`` builds them from
the ``.ts`` sources.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from csm_desktop.paths import resource_path

log = logging.getLogger(__name__)

TRANSLATION_PREFIX = "csm_desktop"
# Languages the app ships, as ISO 639-1 codes; English is the source language.
SUPPORTED_LANGUAGES = ("en", "es")
# QSettings key of the language chosen in the settings; empty means "follow the system".
LANGUAGE_SETTING_KEY = "ui/language"
# Set to a scale such as 1.4 to stretch every translated string (layout checks).
PSEUDO_ENV = "CSM_DESKTOP_PSEUDO_TRANSLATION"

# Placeholders that must survive translation unchanged: Qt's %1..%99 and %n,
# str.format fields such as {name} or {count:,}, and printf-style %s, %d, %(name)s.
_PLACEHOLDER = re.compile(
    r"%\d{1,2}|%n"
    r"|\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}|\{\}"
    r"|%\([a-z_]+\)[sd]|%[sd]"
)
# Pseudo-translation keeps placeholders, HTML tags, entities and mnemonic markers intact.
_PROTECTED = re.compile(_PLACEHOLDER.pattern + r"|<[^>]*>|&[a-z]+;|&&|&.")
_ACCENTED = str.maketrans(
    "aceinorsuyACEINORSUY",
    "àçéîñöŕšüýÀÇÉÎÑÖŔŠÜÝ",
)


def placeholders(text: str) -> list[str]:
    """Return the placeholders in ``text``, sorted, so two texts can be compared."""
    return sorted(_PLACEHOLDER.findall(text))


def pseudo_translate(text: str, scale: float) -> str:
    """Return ``text`` accented, padded to ``scale`` times its length and bracketed.

    A clipped label then loses its closing bracket, which a screenshot shows.
    Placeholders, tags and ``&`` mnemonics are kept so the string still works.
    """
    if not text.strip():
        return text
    parts: list[str] = []
    position = 0
    for match in _PROTECTED.finditer(text):
        parts.append(text[position : match.start()].translate(_ACCENTED))
        parts.append(match.group(0))
        position = match.end()
    parts.append(text[position:].translate(_ACCENTED))
    padding = "~" * max(0, round(len(text) * (scale - 1.0)))
    return f"[{''.join(parts)}{padding}]"


def pseudo_scale() -> float | None:
    """Return the pseudo-translation scale from the environment, or None when it is off."""
    raw = os.environ.get(PSEUDO_ENV, "").strip()
    if not raw:
        return None
    try:
        scale = float(raw)
    except ValueError:
        log.warning("Ignoring %s=%r: expected a number such as 1.4", PSEUDO_ENV, raw)
        return None
    return max(scale, 1.0)


def saved_language() -> str | None:
    """Return the language chosen in the settings, or None to follow the system locale.

    Needs the organization and application names set on ``QCoreApplication``
    first, as the app's start-up does, so QSettings reads the app's file.
    """
    value = QSettings().value(LANGUAGE_SETTING_KEY, "")
    language = str(value or "").strip()
    if language and language not in SUPPORTED_LANGUAGES:
        log.warning("Ignoring unsupported language setting %r", language)
        return None
    return language or None


def save_language(language: str | None) -> None:
    """Store the chosen language; None or "" goes back to the system locale."""
    if language and language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"Unsupported language {language!r}; choose one of {SUPPORTED_LANGUAGES}")
    QSettings().setValue(LANGUAGE_SETTING_KEY, language or "")


def locale_for(language: str | None) -> QLocale:
    """Return the locale to translate and format for: the chosen language or the system's.

    A system locale of C or POSIX (a bare container, ``LANG=C.UTF-8``) gives
    en_US instead, because Qt's C locale writes dates as "31 12 2024" and
    money as "0US$".
    """
    if not language:
        system = QLocale.system()
        return fallback_locale() if is_c_locale(system) else system
    if language == "es":
        # Spanish means Spain here: 1.234,56 € and 31/12/2026.
        return QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    return QLocale(language)


def fallback_locale() -> QLocale:
    """Return en_US, the locale used in place of a C or POSIX system locale."""
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def is_c_locale(locale: QLocale) -> bool:
    """Return whether ``locale`` is Qt's C locale, which POSIX and C system locales map to."""
    return locale.language() == QLocale.Language.C


def translations_dir() -> Path | None:
    """Return the folder of the app's ``.qm`` files, or None when this install has none."""
    try:
        folder = resource_path("i18n")
    except FileNotFoundError:
        return None
    return folder if folder.is_dir() else None


def load_translators(locale: QLocale, parent: QCoreApplication | None) -> list[QTranslator]:
    """Load Qt's own and the app's translations for ``locale``; return those found.

    English needs none, and a missing file is logged and skipped: the
    strings then stay in English rather than stopping the app.
    """
    translators: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(parent)
    if qt_translator.load(locale, "qtbase", "_", qt_folder):
        translators.append(qt_translator)

    folder = translations_dir()
    app_translator = QTranslator(parent)
    if folder is not None and app_translator.load(locale, TRANSLATION_PREFIX, "_", str(folder)):
        translators.append(app_translator)
    elif locale.language() != QLocale.Language.English:
        log.info("No %s translation for %s in %s", TRANSLATION_PREFIX, locale.name(), folder)
    return translators


class PseudoTranslator(QTranslator):
    """Stretch every string, real translation or English source, for layout checks.

    Installed last, so Qt asks it first. Shortcut names stay untouched so
    that key sequences such as "Ctrl+E" still parse.
    """

    _UNTOUCHED_CONTEXTS = frozenset({"QShortcut", "QKeySequence"})

    def __init__(
        self, scale: float, inner: list[QTranslator], parent: QCoreApplication | None = None
    ) -> None:
        super().__init__(parent)
        self._scale = scale
        self._inner = inner

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """Return the stretched translation, or None to let Qt ask the next translator."""
        if context in self._UNTOUCHED_CONTEXTS:
            # An empty string would count as a translation; None does not.
            return None
        text = ""
        for translator in self._inner:
            text = translator.translate(context, source_text, disambiguation, n)
            if text:
                break
        return pseudo_translate(text or source_text, self._scale)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's virtual method name
        """Report the translator as non-empty so Qt always consults it."""
        return False


# Translators installed by install_translations, removed again on the next call.
_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str | None) -> QLocale:
    """Install translations for ``language`` (None: the system locale) into ``app``.

    Replaces what an earlier call installed. An explicit language also
    becomes the default ``QLocale``, so numbers, dates and money follow the
    chosen language (1.234,56 € and 31/12/2026 in Spanish). So does the
    en_US fallback of a C system locale (see ``locale_for``). Returns the locale.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    locale = locale_for(language)
    translators = load_translators(locale, app)
    scale = pseudo_scale()
    if scale is not None:
        translators.append(PseudoTranslator(scale, list(reversed(translators)), app))
        log.info("Pseudo-translation on, scale %.2f", scale)

    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    if language or is_c_locale(QLocale.system()):
        QLocale.setDefault(locale)
    log.info("Language %s, %d translators installed", locale.name(), len(translators))
    return locale


def install_cli_translations(language: str | None = None) -> QLocale:
    """Translate the command line's help and messages for ``language`` or the system locale.

    ``QCoreApplication.installTranslator`` needs an application object, so a
    ``QCoreApplication`` is created when none exists. It needs no display.
    Call ``release_cli_application`` before starting the GUI, which needs a
    ``QApplication`` instead.
    """
    app = QCoreApplication.instance() or QCoreApplication([])
    return install_translations(app, language)


def release_cli_application() -> None:
    """Delete a plain ``QCoreApplication`` made for the CLI, so a ``QApplication`` can start."""
    app = QCoreApplication.instance()
    if app is None or app.metaObject().className() != "QCoreApplication":
        return
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    app.shutdown()
