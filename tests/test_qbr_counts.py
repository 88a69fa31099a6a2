"""QBR wording for counts of one, overdue goals, translated statuses and unbroken dates.

The Spanish report is rendered with the app's real translations and read
back with pypdf, so each check reads the text a customer gets.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from reportlab.pdfbase.pdfmetrics import stringWidth

from csm_desktop.i18n import install_translations
from csm_desktop.reports.blocks import CELL_PADDING, SectionContext, fit_widths, grid_table
from csm_desktop.reports.fonts import register_fonts
from csm_desktop.reports.styles import Palette, build_styles
from csm_desktop.services.qbr_drafts import goals_achieved_sentence
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account, Goal
from tests.test_qbr_data import Q4, seed_account
from tests.test_qbr_export import SPAIN, US, _text, export_qbr

GOAL = "Adopción de informes"


@pytest.fixture
def spanish(qapp: QApplication):
    """Install the Spanish translations, and English again afterwards."""
    install_translations(qapp, "es")
    yield qapp
    install_translations(qapp, "en")
    QLocale.setDefault(US)


def _seed_single_goal(db: Database, **account_fields) -> uuid.UUID:
    """Seed the standard account plus one goal due on the quarter's last day, still "on track"."""
    account_id = seed_account(db)
    with db.session() as session:
        account = session.get(Account, account_id)
        for name, value in account_fields.items():
            setattr(account, name, value)
        session.add(
            Goal(
                account_id=account_id,
                objective=GOAL,
                owner="Ana",
                target_value=80,
                current_value=40,
                unit="%",
                due_on=date(2024, 12, 31),
                status="on_track",
            )
        )
    return account_id


@pytest.fixture
def spanish_pages(db: Database, tmp_path: Path, spanish: QApplication) -> list[str]:
    account_id = _seed_single_goal(db, term_months=1)
    path = export_qbr(
        db, account_id, Q4, tmp_path / "qbr.pdf", locale=SPAIN, prepared_on=date(2025, 1, 8)
    )
    return _text(path)


def test_spanish_single_goal_sentence(spanish_pages: list[str]) -> None:
    body = "\n".join(spanish_pages[1:])

    assert "No se consiguió el objetivo previsto para este trimestre." in body
    assert "de los 1" not in body


def test_spanish_overdue_goal_row(spanish_pages: list[str]) -> None:
    body = "\n".join(spanish_pages[1:])

    assert f"{GOAL} Ana 80 % 40 % 31/12/2024 Vencido sin conseguir" in body
    assert "En buen camino" not in body


def test_overdue_goal_left_out_of_plan(spanish_pages: list[str]) -> None:
    body = "\n".join(spanish_pages[1:])
    plan = body[body.index("Plan para el próximo trimestre") :]

    assert f"Acordar un nuevo plan para: {GOAL}" in body
    assert GOAL not in plan.split("Reuniones y notas")[0]


def test_spanish_term_and_statuses(spanish_pages: list[str]) -> None:
    body = "\n".join(spanish_pages[1:])

    assert "Periodo de facturación 1 mes" in body
    assert "1 meses" not in body
    assert "cerrado" in body
    assert "closed" not in body


def test_spanish_title_and_footer(spanish_pages: list[str]) -> None:
    assert spanish_pages[0].startswith("Revisión trimestral de negocio (QBR)")
    for page in spanish_pages[1:]:
        assert "Revisión trimestral de negocio (QBR)" in page
    assert not any("Quarterly Business Review" in page for page in spanish_pages)


def test_usage_change_one_format(spanish_pages: list[str]) -> None:
    body = "\n".join(spanish_pages[1:])

    # Tiles and table print +25,0%, so the drafted sentence does too.
    assert "+25,0%" in body
    assert "creció un 25,0%" in body
    assert "25%" not in body


@pytest.mark.parametrize(
    ("renewal", "expected"),
    [
        (date(2024, 12, 31), "12/31/2024 (the quarter's last day)"),
        (date(2025, 1, 1), "01/01/2025 (1 day after the quarter's end)"),
        (date(2025, 1, 3), "01/03/2025 (3 days after the quarter's end)"),
    ],
    ids=["same-day", "one-day", "three-days"],
)
def test_english_renewal_and_term(
    db: Database, tmp_path: Path, renewal: date, expected: str
) -> None:
    account_id = _seed_single_goal(db, term_months=1, renewal_date=renewal)
    path = export_qbr(db, account_id, Q4, tmp_path / "qbr.pdf", locale=US)
    body = "\n".join(_text(path)[1:])

    assert expected in body
    assert "Billing term 1 month" in body
    assert "The goal due this quarter was not achieved." in body
    assert "Overdue, not achieved" in body


@pytest.mark.parametrize(
    ("achieved", "planned", "expected"),
    [
        (0, 1, "The goal due this quarter was not achieved."),
        (1, 1, "The goal due this quarter was achieved."),
        (1, 2, "1 of 2 goals due this quarter were achieved."),
    ],
)
def test_goals_sentence_counts(achieved: int, planned: int, expected: str) -> None:
    assert goals_achieved_sentence(achieved, planned) == expected


def _context() -> SectionContext:
    return SectionContext(
        styles=build_styles(register_fonts(), Palette()), locale=SPAIN, width=480.0
    )


def test_date_column_fits_its_dates() -> None:
    context = _context()
    header = ["Objetivo", "Responsable", "Meta", "Actual", "Vence", "Estado"]
    row = ["Adoption of reports", "Ana", "80\u00a0%", "40\u00a0%", "31/12/2024", "En buen camino"]

    table = grid_table(header, [row], [0.32, 0.14, 0.11, 0.11, 0.13, 0.19], context)

    style = context.styles.cell
    date_width = stringWidth("31/12/2024", style.fontName, style.fontSize) + 2 * CELL_PADDING
    assert date_width > 0.13 * 480.0
    assert table._colWidths[4] >= date_width
    assert sum(table._colWidths) == pytest.approx(480.0)


def test_fit_takes_room_from_most_spare() -> None:
    fitted = fit_widths([200.0, 40.0, 100.0], [50.0, 60.0, 50.0])

    assert fitted[1] == 72.0
    assert fitted[2] == 100.0
    assert fitted[0] == 168.0


def test_fit_keeps_widths_without_spare_room() -> None:
    assert fit_widths([40.0, 40.0], [60.0, 60.0]) == [40.0, 40.0]
