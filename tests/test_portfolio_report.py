"""Portfolio report and batch QBR export: figures read back against the database, cancel, CLI."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale

from csm_desktop.cli import main
from csm_desktop.progress import Cancelled, CancelToken
from csm_desktop.quarters import Quarter
from csm_desktop.reports.portfolio_report import export_portfolio_report
from csm_desktop.reports.qbr import QbrOptions
from csm_desktop.services.batch_export import export_qbr_batch
from csm_desktop.services.portfolio_summary import summarise_portfolio
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account, HealthSnapshot

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
AS_OF = date(2024, 12, 31)
# name, owner, ARR, colour now, colour 13 weeks before, renewal
ACCOUNTS = [
    ("Green Giant", "Ana", 50_000, "green", "green", date(2025, 2, 1)),
    ("Red Rover", "Ana", 30_000, "red", "yellow", date(2025, 1, 15)),
    ("Yellow Sub", "Ben", 20_000, "yellow", "green", date(2025, 8, 1)),
    ("Nameless", None, 5_000, None, None, None),
]
SCORES = {"green": 80.0, "yellow": 55.0, "red": 20.0}


@pytest.fixture
def portfolio(db: Database) -> dict[str, uuid.UUID]:
    ids = {}
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, AS_OF.isoformat())
        for name, owner, arr, now, before, renewal in ACCOUNTS:
            account = Account(name=name, owner=owner, arr=Decimal(arr), renewal_date=renewal)
            session.add(account)
            session.flush()
            ids[name] = account.id
            for as_of, colour in ((AS_OF - timedelta(weeks=13), before), (AS_OF, now)):
                if colour is not None:
                    session.add(
                        HealthSnapshot(
                            account_id=account.id, as_of=as_of, score=SCORES[colour], colour=colour
                        )
                    )
    return ids


def test_summary_figures(db: Database, portfolio: dict[str, uuid.UUID]) -> None:
    with db.session() as session:
        summary = summarise_portfolio(session)

    assert summary.total_arr == Decimal(105_000)
    assert summary.arr_by_colour["green"] == Decimal(50_000)
    assert summary.arr_by_colour["red"] == Decimal(30_000)
    assert summary.arr_by_colour["none"] == Decimal(5_000)
    # Red Rover is red; Yellow Sub is yellow and fell 25 points, so declining.
    assert summary.at_risk_arr == Decimal(50_000)
    assert summary.renewals[Quarter(2025, 1)] == (2, Decimal(80_000))
    assert summary.renewals[Quarter(2025, 3)] == (1, Decimal(20_000))
    assert summary.movement[("yellow", "red")] == 1
    assert summary.movement[("green", "yellow")] == 1
    assert [row.name for row in summary.attention] == ["Red Rover", "Yellow Sub"]
    assert [(owner.owner, owner.accounts) for owner in summary.owners] == [
        ("Ana", 2), ("Ben", 1), ("", 1),
    ]  # fmt: skip


def test_summary_of_view(db: Database, portfolio: dict[str, uuid.UUID]) -> None:
    with db.session() as session:
        summary = summarise_portfolio(session, [portfolio["Yellow Sub"]])

    assert summary.accounts == 1
    assert summary.total_arr == Decimal(20_000)


def test_portfolio_pdf_read_back(
    db: Database, portfolio: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    path = export_portfolio_report(db, tmp_path / "p.pdf", locale=US, company_name="Nordlicht")
    reader = PdfReader(path)
    text = "\n".join(" ".join(page.extract_text().split()) for page in reader.pages)

    assert "$105,000 $50,000 4 2" in text
    assert "Q1 2025 2 $80,000" in text
    assert "Q3 2025 1 $20,000" in text
    assert "Red Rover Ana red 20 $30,000 01/15/2025" in text
    assert "Ana 2 $80,000 $30,000 1" in text
    assert "Ben 1 $20,000 $20,000 0" in text
    assert "yellow 0 0 1 0" in text
    assert reader.metadata.title == "Portfolio report as of 12/31/2024"
    assert [item.title for item in reader.outline][0] == "ARR by health colour"


def test_portfolio_pdf_without_owners(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        session.add(Account(name="Solo", arr=Decimal(10)))
    text = PdfReader(export_portfolio_report(db, tmp_path / "s.pdf", locale=US)).pages[-1]

    assert "no roll-up by CSM" in text.extract_text().replace("\n", " ")


def test_batch_writes_one_file_per_account(
    db: Database, portfolio: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    ids = [portfolio["Green Giant"], portfolio["Red Rover"], uuid.uuid4()]
    calls = []
    result = export_qbr_batch(
        db, ids, Quarter(2024, 4), tmp_path, QbrOptions(locale=US),
        file_name_pattern="{account} {quarter}.pdf", progress=lambda *call: calls.append(call),
    )  # fmt: skip

    assert sorted(path.name for path in result.written) == [
        "Green Giant 2024Q4.pdf",
        "Red Rover 2024Q4.pdf",
    ]
    assert len(result.failed) == 1
    assert calls[-1][0] == calls[-1][1] == 3


def test_batch_cancel_keeps_written_files(
    db: Database, portfolio: dict[str, uuid.UUID], tmp_path: Path
) -> None:
    token = CancelToken()

    def cancel_after_first(done: int, total: int, message: str) -> None:
        if done == 1:
            token.cancel()

    with pytest.raises(Cancelled):
        export_qbr_batch(
            db, list(portfolio.values()), Quarter(2024, 4), tmp_path, QbrOptions(locale=US),
            progress=cancel_after_first, cancel=token,
        )  # fmt: skip

    assert len(list(tmp_path.glob("*.pdf"))) == 1
    assert list(tmp_path.glob(".*.tmp")) == []


def test_batch_duplicate_names(db: Database, tmp_path: Path) -> None:
    with db.session() as session:
        first, second = Account(name="Twin/Co"), Account(name="Twin:Co")
        session.add_all([first, second])
        session.flush()
        ids = [first.id, second.id]
    result = export_qbr_batch(db, ids, Quarter(2024, 4), tmp_path, QbrOptions(locale=US))

    assert sorted(path.name for path in result.written) == [
        "Twin_Co - 2024Q4 QBR (2).pdf",
        "Twin_Co - 2024Q4 QBR.pdf",
    ]


def test_cli_report_portfolio_and_batch(
    db: Database, portfolio: dict[str, uuid.UUID], tmp_path: Path, capsys, qapp
) -> None:
    # With a QApplication already running, the command line does not create
    # its own QCoreApplication, which would break later widget tests.
    db_path = str(tmp_path / "test.sqlite")
    out_dir = tmp_path / "qbrs"
    out_dir.mkdir()

    code = main(["--db", db_path, "report", "portfolio", "--out", str(tmp_path / "p.pdf")])
    assert code == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")

    code = main(
        ["--db", db_path, "qbr", "--all", "--filter", "r", "--quarter", "2024Q4",
         "--out-dir", str(out_dir), "--internal", "--sections", "summary,internal"]
    )  # fmt: skip
    assert code == 0
    assert sorted(path.name for path in out_dir.iterdir()) == [
        "Green Giant - 2024Q4 QBR.pdf",
        "Red Rover - 2024Q4 QBR.pdf",
    ]
    text = PdfReader(out_dir / "Red Rover - 2024Q4 QBR.pdf").pages[-1].extract_text()
    assert "Annual recurring revenue" in text


def test_cli_qbr_rejects_unknown_section(
    db: Database, portfolio: dict[str, uuid.UUID], tmp_path: Path, capsys, qapp
) -> None:
    # With a QApplication already running, the command line does not create
    # its own QCoreApplication, which would break later widget tests.
    code = main(
        ["--db", str(tmp_path / "test.sqlite"), "qbr", "--account", "Red Rover",
         "--quarter", "2024Q4", "--out", str(tmp_path / "x.pdf"), "--sections", "cover"]
    )  # fmt: skip

    assert code == 1
    assert "Unknown sections cover" in capsys.readouterr().err
