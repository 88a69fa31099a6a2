"""A C or POSIX system locale falls back to en_US formats; a real system locale is kept."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from csm_desktop.formatting import format_date, format_money
from csm_desktop.i18n import install_translations, locale_for

SPAIN = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)


@pytest.fixture
def restore_default():
    """Put the default locale and the English translations back after the test."""
    previous = QLocale()
    yield
    app = QApplication.instance()
    if app is not None:
        install_translations(app, "en")
    QLocale.setDefault(previous)


def _system_is(monkeypatch: pytest.MonkeyPatch, locale: QLocale) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(locale)))


def test_c_system_locale_gives_en_us(monkeypatch: pytest.MonkeyPatch) -> None:
    _system_is(monkeypatch, QLocale.c())

    assert locale_for(None).name() == "en_US"
    assert locale_for("").name() == "en_US"


def test_real_system_locale_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    _system_is(monkeypatch, SPAIN)

    assert locale_for(None).name() == "es_ES"


def test_chosen_language_beats_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    _system_is(monkeypatch, QLocale.c())

    assert locale_for("es").name() == "es_ES"


def test_c_system_formats_as_en_us(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, restore_default: None
) -> None:
    _system_is(monkeypatch, QLocale.c())
    QLocale.setDefault(QLocale.c())

    install_translations(qapp, None)

    assert format_date(date(2024, 12, 31)) == "12/31/2024"
    assert format_money(0, "USD") == "$0"
