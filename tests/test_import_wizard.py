"""The import wizard and the export dialog driven like a user would, on real files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import func, select

from csm_desktop.store.import_models import SavedMapping
from csm_desktop.store.models import Account, SurveyResponse
from csm_desktop.ui.export_dialog import ExportDialog
from csm_desktop.ui.i18n import install_translators
from csm_desktop.ui.import_wizard import ImportWizard
from csm_desktop.ui.workers import JobRunner

DATA = Path(__file__).parent / "data"
SPANISH = (
    "Informe de cuentas\n\nNombre;ARR;Fecha de renovación\n"
    "Acme España;1.234,56 €;15/03/2025\nBeta;12,5;01/02/2025\nTotal general;1.247,06;\n"
)


@pytest.fixture
def spanish_translator(qapp: QApplication):
    """Run the test with the Spanish catalogue installed, then go back to English."""
    install_translators(qapp, "es")
    yield qapp
    install_translators(qapp, "en")


def _wizard(qtbot, db) -> ImportWizard:
    runner = JobRunner()
    wizard = ImportWizard(db, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _finish_validation(qtbot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.validate_page.running)


def test_wizard_imports_spanish_file(qtbot, db, tmp_path):
    path = tmp_path / "cuentas.csv"
    path.write_bytes(SPANISH.encode("cp1252"))
    wizard = _wizard(qtbot, db)

    wizard.file_page.set_path(path)
    assert "Windows-1252" in wizard.file_page.detected.text()
    assert "semicolon" in wizard.file_page.detected.text()
    assert wizard.file_page.isComplete()
    wizard.next()
    assert wizard.preview_page.grid.rowCount() == 2
    assert wizard.preview_page.grid.item(0, 0).text() == "Acme España"
    wizard.next()
    wizard.next()
    _finish_validation(qtbot, wizard)
    assert "2 to create" in wizard.validate_page.summary.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.report is not None)

    with db.session() as session:
        arr = session.scalar(select(Account.arr).where(Account.name == "Acme España"))
        saved = session.scalar(select(func.count()).select_from(SavedMapping))
    assert arr == Decimal("1234.56")
    assert saved == 1


def test_wizard_asks_date_order(qtbot, db):
    wizard = _wizard(qtbot, db)
    wizard.file_page.set_path(DATA / "nps-survey-exports" / "sudzilla_survey_input_01.csv")
    assert wizard.spec.entity == "survey_responses"
    wizard.next()
    wizard.next()
    wizard.next()
    _finish_validation(qtbot, wizard)
    assert not wizard.validate_page.isComplete()
    combo = wizard.validate_page._order_combos["Timestamp"]
    combo.setCurrentIndex(combo.findData("mdy"))
    wizard.validate_page.recheck.click()
    _finish_validation(qtbot, wizard)
    assert wizard.validate_page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.report is not None)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(SurveyResponse)) == 39


def test_wizard_mapping_requires_fields(qtbot, db, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    wizard = _wizard(qtbot, db)
    wizard.file_page.set_path(path)
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert "required field 'name'" in wizard.mapping_page.problem.text()
    wizard.mapping_page.set_column("name", "Foo")
    wizard.next()
    assert wizard.currentPage() is wizard.validate_page
    _finish_validation(qtbot, wizard)


def test_wizard_rejects_web_page(qtbot, db, tmp_path):
    path = tmp_path / "report.xls"
    path.write_text("<html><table><tr><td>1</td></tr></table></html>", encoding="utf-8")
    wizard = _wizard(qtbot, db)
    wizard.file_page.set_path(path)
    assert "web page" in wizard.file_page.detected.text()
    assert not wizard.file_page.isComplete()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled() is False


def test_export_dialog_writes_archive(qtbot, seeded_db, db, tmp_path):
    dialog = ExportDialog(db, JobRunner())
    qtbot.addWidget(dialog)
    target = tmp_path / "all.json"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: "Wrote" in dialog.status.text())
    assert target.read_text(encoding="utf-8").startswith('{"format": "csm-desktop-archive"')


def test_wizard_saves_every_rejected_row(qtbot, db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "cuentas.csv"
    bad_dates = "".join(f"Cuenta {n};10;99/99/2025\n" for n in range(3))
    path.write_text("Nombre;ARR;Fecha de renovación\nAcme;1;15/03/2025\n" + bad_dates, "utf-8")
    target = tmp_path / "out" / "rechazadas.csv"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    wizard = _wizard(qtbot, db)
    wizard.file_page.set_path(path)
    wizard.next()
    wizard.next()
    wizard.next()
    _finish_validation(qtbot, wizard)
    assert not wizard.validate_page.save_rejected.isHidden()

    wizard.next()
    qtbot.waitUntil(lambda: wizard.result_page.report is not None)
    button = wizard.result_page.save_rejected
    assert not button.isHidden()
    button.click()

    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 4
    assert lines[0] == "Nombre;ARR;Fecha de renovación;Line in source file;Rejection reasons"
    assert lines[1].startswith("Cuenta 0;10;99/99/2025;3;Fecha de renovación: not a valid date")


def test_validate_page_names_the_import(qtbot, db, tmp_path):
    path = tmp_path / "cuentas.csv"
    rows = "".join(f"Cuenta {n};{n}\n" for n in range(1234))
    path.write_text("Nombre;ARR\nMala;abc\n" + rows, "utf-8")
    wizard = _wizard(qtbot, db)
    next_text = wizard.buttonText(QWizard.WizardButton.NextButton)
    wizard.file_page.set_path(path)
    wizard.next()
    wizard.next()
    wizard.next()
    _finish_validation(qtbot, wizard)

    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Import 1,234 account(s)"
    assert wizard.validate_page.issues.verticalHeader().isHidden()

    wizard.back()
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == next_text


def test_import_button_text_in_spanish(qtbot, db, spanish_translator):
    page = _wizard(qtbot, db).validate_page

    assert page.import_text("accounts", 3464) == "Importar 3.464 cuentas"
    assert page.import_text("accounts", 1) == "Importar 1 cuenta"


def test_match_key_defaults_to_mapped_column(qtbot, db, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("Name,ARR\nAcme,1\n", encoding="utf-8")
    wizard = _wizard(qtbot, db)
    wizard.file_page.set_path(path)
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert wizard.spec.match_key == "external_id"

    assert page.match_combo.currentData() == "name"
    assert page.match_problem.isHidden()

    page.match_combo.setCurrentIndex(page.match_combo.findData("external_id"))
    assert not page.match_problem.isHidden()
    assert "No column is mapped to External id" in page.match_problem.text()
    wizard.next()
    assert wizard.currentPage() is page
    assert "every row would create a new account" in page.problem.text()

    page.set_column("external_id", "Name")
    assert page.match_problem.isHidden()
    wizard.next()
    assert wizard.currentPage() is wizard.validate_page
    _finish_validation(qtbot, wizard)


def test_spanish_detection_and_reasons(qtbot, db, tmp_path, spanish_translator):
    path = tmp_path / "cuentas.csv"
    path.write_text("Nombre,Seats\nAcme,muchos\n,3\n", "utf-8")
    wizard = _wizard(qtbot, db)
    wizard.file_page.set_path(path)

    assert "delimitador coma" in wizard.file_page.detected.text()
    assert "comma" not in wizard.file_page.detected.text()
    wizard.next()
    wizard.next()
    wizard.mapping_page.set_column("seats", "Seats")
    wizard.next()
    _finish_validation(qtbot, wizard)
    issues = wizard.validate_page.issues
    reasons = [issues.item(row, 3).text() for row in range(issues.rowCount())]
    assert reasons == ["no es un número: 'muchos'", "falta un valor obligatorio"]
    with wizard.validate_page.report.rejections_file.open(encoding="utf-8-sig") as handle:
        header = handle.readline().strip()
    assert header == "Nombre,Seats,Línea en el archivo de origen,Motivos del rechazo"
