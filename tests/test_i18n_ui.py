"""Spanish at run time: main screens, Qt's dialogs, formats, CLI help, QBR PDF, pseudo mode."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from csm_desktop.formatting import format_date, format_money, format_number
from csm_desktop.i18n import PSEUDO_ENV, locale_for, save_language, saved_language
from csm_desktop.store.database import Database
from csm_desktop.ui.i18n import install_translators

SCREENSHOT_DIR = os.environ.get("CSM_DESKTOP_SCREENSHOT_DIR")


@pytest.fixture
def settings_file(tmp_path: Path):
    """Send QSettings to a temporary INI file."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture
def spanish(qapp: QApplication):
    """Install the Spanish translations, and English again afterwards."""
    install_translators(qapp, "es")
    yield qapp
    install_translators(qapp, "en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def main_window(qtbot: QtBot, db: Database, seeded_db: dict, settings_file: Path):
    """A main window on the seeded database with its portfolio loaded."""
    from csm_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    # Closing with a job still running would otherwise ask in a modal box.
    window.confirm_cancel_jobs = lambda _count: True
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.portfolio_page.loaded, timeout=10_000):
        window.reload_portfolio()
    yield window
    window.runner.shutdown(5_000)


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def save_screenshot(widget, name: str) -> None:
    """Save a PNG when CSM_DESKTOP_SCREENSHOT_DIR is set, for a person to look at."""
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SCREENSHOT_DIR) / f"{name}.png"))


def test_spanish_formats() -> None:
    spain = locale_for("es")

    assert format_money(Decimal("1234.56"), "EUR", spain, decimals=2) == "1.234,56\u00a0€"
    assert format_date(date(2026, 12, 31), spain) == "31/12/2026"
    assert format_number(1234567, spain) == "1.234.567"


def test_qt_dialogs_in_spanish(spanish: QApplication, qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)

    assert sorted(button.text() for button in buttons.buttons()) == ["Cancelar", "Guardar"]


def test_main_window_in_spanish(spanish: QApplication, main_window, qtbot: QtBot) -> None:
    titles = menu_titles(main_window)
    assert "&Archivo" in titles
    assert "A&yuda" in titles
    status = main_window._data_as_of.text()
    assert status == "Datos a 31/12/2024"
    model = main_window.portfolio_page.table.model()
    headers = [
        model.headerData(column, main_window.portfolio_page.table.horizontalHeader().orientation())
        for column in range(model.columnCount())
    ]
    assert "Cuenta" in headers
    assert "Renovación" in headers
    save_screenshot(main_window, "portfolio-es")


def test_account_page_in_spanish(spanish, main_window, seeded_db: dict, qtbot: QtBot) -> None:
    with qtbot.waitSignal(main_window.account_page.loaded, timeout=10_000):
        main_window.open_account(seeded_db["Acme Robotics"])

    texts = {
        label.text()
        for label in main_window.account_page.findChildren(type(main_window._data_as_of))
    }
    assert "Sector" in texts or any(text.startswith("Sector") for text in texts)
    assert main_window.account_page.back_button.text() == "← Volver a la cartera"
    save_screenshot(main_window, "account-es")


def test_english_by_default(main_window) -> None:
    titles = menu_titles(main_window)
    assert "&File" in titles
    assert "&Help" in titles


def test_pseudo_translation_stretches_ui(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, db, seeded_db, settings_file
) -> None:
    monkeypatch.setenv(PSEUDO_ENV, "1.4")
    install_translators(qapp, "en")
    try:
        from csm_desktop.ui.main_window import MainWindow

        window = MainWindow(db)
        window.confirm_cancel_jobs = lambda _count: True
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.portfolio_page.loaded, timeout=10_000):
            window.reload_portfolio()
        file_menu = menu_titles(window)[0]
        assert file_menu.startswith("[")
        assert file_menu.endswith("]")
        assert "&" in file_menu
        save_screenshot(window, "portfolio-pseudo")
        window.runner.shutdown(5_000)
    finally:
        monkeypatch.delenv(PSEUDO_ENV)
        install_translators(qapp, "en")


def test_language_setting_round_trip(settings_file: Path) -> None:
    assert saved_language() is None
    save_language("es")
    assert saved_language() == "es"
    save_language(None)
    assert saved_language() is None
    with pytest.raises(ValueError, match="Unsupported language"):
        save_language("xx")


def test_language_page_saves_choice(qtbot: QtBot, settings_file: Path) -> None:
    from csm_desktop.ui.language_page import LanguagePage

    page = LanguagePage()
    qtbot.addWidget(page)
    page.combo.setCurrentIndex(page.combo.findData("es"))
    with qtbot.waitSignal(page.language_saved) as saved:
        page.apply()

    assert saved.args == ["es"]
    assert saved_language() == "es"
    reopened = LanguagePage()
    qtbot.addWidget(reopened)
    assert reopened.combo.currentData() == "es"


def run_cli(*args: str, data_dir: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CSM_DESKTOP_DATA_DIR": str(data_dir),
        "LANG": lang,
        "LC_ALL": lang,
        "LANGUAGE": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "csm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_cli_help_in_spanish(tmp_path: Path) -> None:
    result = run_cli("qbr", "--help", data_dir=tmp_path, lang="es_ES.UTF-8")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("uso: csm-desktop qbr")
    assert "muestra esta ayuda y sale" in result.stdout
    assert "trimestre natural, p. ej. 2024Q4" in result.stdout


def test_cli_help_in_english(tmp_path: Path) -> None:
    result = run_cli("qbr", "--help", data_dir=tmp_path, lang="C.UTF-8")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: csm-desktop qbr")
    assert "calendar quarter, e.g. 2024Q4" in result.stdout


def test_qbr_pdf_in_spanish(spanish, db: Database, seeded_db: dict, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from csm_desktop.quarters import Quarter
    from csm_desktop.reports.qbr import QbrOptions, export_qbr

    target = tmp_path / "qbr-es.pdf"
    options = QbrOptions(locale=locale_for("es"))
    export_qbr(db, seeded_db["Acme Robotics"], Quarter.parse("2024Q4"), target, options)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)

    assert re.search(r"Página \d+ de \d+", text)
    assert "Salud de la cuenta" in text
    assert "Page 1 of" not in text


def test_language_page_in_settings() -> None:
    from csm_desktop.ui.language_page import language_page
    from csm_desktop.ui.settings_dialog import SETTINGS_PAGES

    assert language_page in [factory for _title, factory in SETTINGS_PAGES]
