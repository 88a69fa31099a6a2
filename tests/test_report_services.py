"""Report services: drafts and choices, report settings, the schema of the report tables."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from csm_desktop.quarters import Quarter
from csm_desktop.services.qbr_data import gather_qbr_data
from csm_desktop.services.qbr_drafts import (
    INTERNAL,
    QbrChoice,
    generate_drafts,
    load_choice,
    load_saved_drafts,
    save_choice,
    save_drafts,
    sections_for,
)
from csm_desktop.services.report_settings import (
    ReportSettings,
    load_report_settings,
    render_file_name,
    save_report_settings,
    validate,
)
from csm_desktop.store.database import Database
from csm_desktop.store.models import Base
from tests.test_qbr_data import Q4, add_account, seed_account

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def test_drafts_save_load_and_clear(db: Database) -> None:
    account_id = add_account(db, "Drafty")
    with db.session() as session:
        save_drafts(session, account_id, Q4, {"summary": "First", "plan": "- Step"})
    with db.session() as session:
        save_drafts(session, account_id, Q4, {"summary": "Second", "plan": "  "})
    with db.session() as session:
        saved = load_saved_drafts(session, account_id, Q4)
        other_quarter = load_saved_drafts(session, account_id, Q4.previous())

    assert saved == {"summary": "Second"}
    assert other_quarter == {}


def test_drafts_reject_unknown_section(db: Database) -> None:
    account_id = add_account(db, "Drafty")
    with db.session() as session, pytest.raises(ValueError, match="Invalid narrative section"):
        save_drafts(session, account_id, Q4, {"cover": "x"})


def test_generated_drafts_quote_data(db: Database) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        drafts = generate_drafts(gather_qbr_data(session, account_id, Q4), US)

    assert "Health moved from 55 to 78 over the quarter." in drafts["summary"]
    assert "Product use rose 25.0% over the previous quarter." in drafts["summary"]
    assert "4 support tickets were opened (still open: 1)." in drafts["summary"]
    assert "Next business review: Q1 2025." in drafts["plan"]


def test_drafts_for_empty_quarter(db: Database) -> None:
    account_id = add_account(db, "Quiet")
    with db.session() as session:
        drafts = generate_drafts(gather_qbr_data(session, account_id, Q4), US)

    assert drafts["summary"] == "This quarter has little recorded activity to summarise."
    assert drafts["value"] == "No outcomes were recorded for this quarter yet."


def test_choice_round_trip(db: Database) -> None:
    account_id = add_account(db, "Choosy")
    with db.session() as session:
        default = load_choice(session, account_id)
        save_choice(session, account_id, QbrChoice(["goals", "health"], INTERNAL))
    with db.session() as session:
        stored = load_choice(session, account_id)

    assert default.version == "customer"
    assert stored == QbrChoice(["goals", "health"], INTERNAL)


def test_sections_for_customer_drops_internal() -> None:
    assert "internal" not in sections_for("customer", ["internal", "goals"])
    assert sections_for("internal", ["appendix", "internal"]) == ["internal", "appendix"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{account} - {quarter} QBR.pdf", "A_B_ Co - 2024Q4 QBR.pdf"),
        ("{quarter}/{account}", "2024Q4_A_B_ Co.pdf"),
        ("{account} {version} {date}", "A_B_ Co customer 2025-01-08.pdf"),
    ],
)
def test_render_file_name(pattern: str, expected: str) -> None:
    name = render_file_name(pattern, "A/B: Co", Quarter(2024, 4), "customer", date(2025, 1, 8))

    assert name == expected


def test_render_file_name_rejects_unknown_field() -> None:
    with pytest.raises(ValueError, match="Invalid file-name pattern"):
        render_file_name("{customer}.pdf", "A", Q4, "customer")


def test_report_settings_round_trip(db: Database, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not checked here")
    settings = ReportSettings(
        company_name="Nordlicht", csm_name="Zoë", logo_path=str(logo), primary_colour="#112233",
        accent_colour="#445566", file_name_pattern="{account}.pdf", page_size="Letter",
    )  # fmt: skip
    with db.session() as session:
        save_report_settings(session, settings)
    with db.session() as session:
        loaded = load_report_settings(session)

    assert loaded == settings
    assert loaded.page_size_override() == "Letter"
    assert loaded.logo_file() == logo


def test_report_settings_validation() -> None:
    problems = validate(
        ReportSettings(primary_colour="blue", page_size="A3", logo_path="/no/such/logo.png")
    )

    assert len(problems) == 3
    assert any("#RRGGBB" in problem for problem in problems)
    assert any("A3" in problem for problem in problems)
    assert any("not found" in problem for problem in problems)


def _columns(path: Path, table: str) -> dict[str, tuple[str, bool]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(f"PRAGMA table_info({table})").fetchall()
    return {row[1]: (row[2].upper(), not row[3]) for row in rows}


@pytest.mark.parametrize("table", ["qbr_draft", "qbr_preference"])
def test_migration_matches_metadata(db: Database, tmp_path: Path, table: str) -> None:
    migrated = _columns(tmp_path / "test.sqlite", table)
    model = Base.metadata.tables[table]
    expected = {
        column.name: (
            column.type.compile(dialect=db.engine.dialect).upper(),
            bool(column.nullable),
        )
        for column in model.columns
    }

    assert migrated == expected


def test_drafts_count_one_in_singular(db: Database) -> None:
    from dataclasses import replace

    account_id = seed_account(db)
    with db.session() as session:
        data = gather_qbr_data(session, account_id, Q4)
    data = replace(
        data,
        support=replace(data.support, count=1, still_open=0),
        feedback=replace(data.feedback, nps=50.0, nps_responses=1),
    )

    drafts = generate_drafts(data, US)

    assert "1 support ticket was opened (still open: 0)." in drafts["summary"]
    assert "The Net Promoter Score was 50 from 1 response." in drafts["summary"]
    assert "- 1 support ticket resolved." in drafts["value"]
