"""QBR content against the database: goals, feedback, invoices, internal fields, hard layouts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale

from csm_desktop.quarters import Quarter
from csm_desktop.reports.qbr import QbrOptions, export_qbr
from csm_desktop.services.qbr_drafts import save_drafts
from csm_desktop.store.database import Database
from csm_desktop.store.models import Activity, Goal, Invoice, SupportTicket, SurveyResponse
from csm_desktop.store.workspace_models import ExpansionOpportunity, RenewalForecast
from tests.test_qbr_data import ACCOUNT_NAME, Q4, add_account, seed_account

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)

# Values that exist only in internal fields; none may reach the customer PDF.
INTERNAL_VALUES = {
    "ARR": "48,000",
    "forecast ARR": "41,230",
    "risk notes": "Champion left in November",
    "internal note title": "Internal pricing concern",
    "internal note body": "Procurement wants 30% off",
    "churn reason": "budget",
    "churn feedback": "switched to a cheaper tool",
    "expansion": "Analytics add-on for Kraków",
    "forecast category": "Commit",
    "risk level": "Risk level",
}


def _text(path: Path) -> str:
    return "\n".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _seed_outcomes(db: Database, account_id: uuid.UUID) -> None:
    """Add goals, surveys, invoices and internal-only records to the seeded account."""
    with db.session() as session:
        session.add_all(
            [
                Goal(account_id=account_id, objective="Roll out dashboards to 5 teams",
                     target_value=5, current_value=5, unit="teams", due_on=date(2024, 11, 30),
                     status="achieved", achieved_on=date(2024, 11, 20)),
                Goal(account_id=account_id, objective="Cut report time to 2 hours",
                     target_value=2, current_value=3.5, unit="h", due_on=date(2024, 12, 15),
                     status="missed"),
                Goal(account_id=account_id, objective="Connect the ERP through the API",
                     due_on=date(2025, 2, 28), status="on_track"),
                SurveyResponse(account_id=account_id, responded_on=date(2024, 10, 10),
                               kind="nps", score=10, verbatim="Los paneles nos ahorran horas."),
                SurveyResponse(account_id=account_id, responded_on=date(2024, 11, 10),
                               kind="nps", score=9),
                SurveyResponse(account_id=account_id, responded_on=date(2024, 12, 10),
                               kind="nps", score=4, verbatim="Exports are slow."),
                SurveyResponse(account_id=account_id, responded_on=date(2024, 12, 11),
                               kind="csat", score=4, scale_min=1, scale_max=5),
                Invoice(account_id=account_id, amount=Decimal("12000"), currency="EUR",
                        issued_on=date(2024, 10, 1), due_on=date(2024, 10, 31),
                        paid_on=date(2024, 10, 20), status="paid"),
                Invoice(account_id=account_id, amount=Decimal("12000"), currency="EUR",
                        issued_on=date(2024, 12, 1), due_on=date(2024, 12, 20), status="open"),
                RenewalForecast(account_id=account_id, forecast_arr=Decimal("41230"),
                                currency="EUR", probability=0.85, category="commit",
                                risk_notes="Champion left in November"),
                ExpansionOpportunity(account_id=account_id, title="Analytics add-on for Kraków",
                                     amount=Decimal("9000"), currency="EUR", stage="qualified"),
                Activity(account_id=account_id, kind="internal_note",
                         occurred_on=date(2024, 12, 2), title="Pricing follow-up",
                         body="Procurement wants 30% off"),
            ]
        )  # fmt: skip
    with db.session() as session:
        from csm_desktop.store.models import ChurnEvent

        event = session.query(ChurnEvent).filter_by(reason_code="budget").one()
        event.feedback_text = "switched to a cheaper tool"


@pytest.fixture
def account(db: Database) -> uuid.UUID:
    account_id = seed_account(db)
    _seed_outcomes(db, account_id)
    return account_id


@pytest.fixture
def customer_pdf(db: Database, account: uuid.UUID, tmp_path: Path) -> Path:
    return export_qbr(
        db,
        account,
        Q4,
        tmp_path / "customer.pdf",
        QbrOptions(locale=US, prepared_on=date(2025, 1, 8)),
    )


@pytest.fixture
def internal_pdf(db: Database, account: uuid.UUID, tmp_path: Path) -> Path:
    return export_qbr(
        db, account, Q4, tmp_path / "internal.pdf",
        QbrOptions(version="internal", locale=US, prepared_on=date(2025, 1, 8)),
    )  # fmt: skip


def test_customer_version_has_no_internal_value(customer_pdf: Path) -> None:
    text = _text(customer_pdf)

    for label, value in INTERNAL_VALUES.items():
        assert value not in text, label


def test_internal_version_has_internal_values(internal_pdf: Path) -> None:
    text = _text(internal_pdf)

    for label, value in INTERNAL_VALUES.items():
        if label != "internal note title":
            assert value in text, label


def test_customer_metadata_and_cover_have_no_arr(customer_pdf: Path) -> None:
    reader = PdfReader(customer_pdf)
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())

    assert "48,000" not in metadata
    assert "internal" not in _text(customer_pdf).lower()


def test_goals_match_database(customer_pdf: Path) -> None:
    text = _text(customer_pdf)

    assert "1 of 2 goals due this quarter were achieved." in text
    assert "Roll out dashboards to 5 teams" in text
    assert "5 teams 5 teams 11/30/2024 Achieved on 11/20/2024" in text
    assert "Cut report time to 2 hours" in text
    assert "2 h 3.5 h 12/15/2024 Missed" in text
    assert "Connect the ERP through the API" in text


def test_feedback_matches_database(customer_pdf: Path) -> None:
    text = _text(customer_pdf)

    # Two promoters and one detractor of three responses: (2 - 1) / 3 = 33.
    assert "33 – 4.0 NPS (responses: 3) NPS previous quarter" in text
    assert "Promoters: 2, passives: 0, detractors: 1." in text
    assert "CSAT out of 5 (responses: 1)" in text
    assert "“Los paneles nos ahorran horas.”" in text
    assert "“Exports are slow.”" in text


def test_commercial_matches_database(customer_pdf: Path) -> None:
    text = _text(customer_pdf)

    assert "Renewal date 03/31/2025 (90 days after the quarter's end)" in text
    assert "Invoices 2" in text
    assert "Total invoiced €24,000" in text
    assert "Paid 1" in text
    assert "Overdue at quarter end 1" in text


def test_drafts_written_from_data(customer_pdf: Path) -> None:
    text = _text(customer_pdf)

    assert "Health moved from 55 to 78 over the quarter." in text
    assert "Product use rose 25.0% over the previous quarter." in text
    assert "Achieved: Roll out dashboards to 5 teams" in text
    assert "Agree on a new plan for: Cut report time to 2 hours" in text
    assert "Connect the ERP through the API (due 02/28/2025)" in text


def test_saved_draft_replaces_generated(db: Database, account: uuid.UUID, tmp_path: Path) -> None:
    with db.session() as session:
        save_drafts(session, account, Q4, {"summary": "Edited by the CSM: a strong quarter."})
    path = export_qbr(db, account, Q4, tmp_path / "edited.pdf", QbrOptions(locale=US))
    text = _text(path)

    assert "Edited by the CSM: a strong quarter." in text
    assert "Health moved from 55 to 78" not in text


def test_sections_choice(db: Database, account: uuid.UUID, tmp_path: Path) -> None:
    options = QbrOptions(locale=US, sections=["goals", "internal"])
    text = _text(export_qbr(db, account, Q4, tmp_path / "few.pdf", options))

    assert "Goals: planned and achieved" in text
    assert "Account health" not in text
    assert "Internal: risk, ARR and forecast" not in text


def test_contents_and_bookmarks(customer_pdf: Path) -> None:
    reader = PdfReader(customer_pdf)
    titles = [item.title for item in reader.outline]
    contents = " ".join(reader.pages[1].extract_text().split())

    assert titles[0] == "Executive summary"
    assert "Appendix" in titles
    assert "Internal: risk, ARR and forecast" not in titles
    for title in titles:
        assert title in contents


def test_150_ticket_table_splits_with_header(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "Busy Support Co")
    with db.session() as session:
        for number in range(150):
            session.add(
                SupportTicket(
                    account_id=account_id,
                    opened_on=date(2024, 10, 1 + number % 28),
                    subject=f"Ticket number {number:03d} about exports",
                    priority="low",
                    status="closed",
                    closed_at=datetime(2024, 12, 1),
                    resolution_hours=float(number),
                )
            )
    path = export_qbr(db, account_id, Q4, tmp_path / "busy.pdf", QbrOptions(locale=US))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    ticket_pages = [text for text in pages if "Ticket number" in text]
    text = "\n".join(pages)

    assert len(ticket_pages) >= 3
    for page in ticket_pages:
        assert "Opened Subject Priority Status" in page
    for number in range(150):
        assert f"Ticket number {number:03d} about exports" in text


def test_long_name_without_spaces(db: Database, tmp_path: Path) -> None:
    name = "Ab" * 60
    account_id = add_account(db, name)
    path = export_qbr(db, account_id, Q4, tmp_path / "long.pdf", QbrOptions(locale=US))
    cover = "".join(PdfReader(path).pages[0].extract_text().split())

    assert name in cover


@pytest.mark.parametrize(
    "name", ["株式会社トヨタ自動車", "Zakłady Łódź Spółka", "Ωμέγα Αθήνα ΑΕ", "Café Ñandú €"]
)
def test_non_latin_names_extract_exactly(db: Database, tmp_path: Path, name: str) -> None:
    account_id = add_account(db, name)
    warnings: list[str] = []
    path = export_qbr(
        db, account_id, Q4, tmp_path / "name.pdf", QbrOptions(locale=US), warn=warnings.append
    )
    cover = PdfReader(path).pages[0].extract_text()

    assert name in cover
    assert warnings == []


def test_japanese_font_embedded(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "株式会社トヨタ")
    path = export_qbr(db, account_id, Q4, tmp_path / "jp.pdf", QbrOptions(locale=US))
    fonts = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add((str(font["/BaseFont"]), "/FontFile2" in font["/FontDescriptor"]))

    assert any("IPAexGothic" in name and embedded for name, embedded in fonts)


def test_invalid_version(db: Database, account: uuid.UUID, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="customer or internal"):
        export_qbr(db, account, Q4, tmp_path / "x.pdf", QbrOptions(version="board"))


def test_account_name_in_quarter_without_data(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "Empty Quarter GmbH")
    text = _text(export_qbr(db, account_id, Quarter(2023, 1), tmp_path / "e.pdf", QbrOptions()))

    assert "No success-plan goals were recorded for this quarter." in text
    assert "No NPS or CSAT survey responses were recorded" in text
    assert "No invoices were issued this quarter." in text
    assert ACCOUNT_NAME not in text
