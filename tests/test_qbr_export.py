"""QBR PDF export: content read back with pypdf, fonts, page size and atomic writing."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import uuid
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale
from reportlab.pdfbase.pdfmetrics import stringWidth

from csm_desktop.progress import Cancelled, CancelToken, no_progress
from csm_desktop.reports import document, qbr
from csm_desktop.reports.qbr import QbrOptions
from csm_desktop.services.health import HealthBreakdown, MeasureDetail
from csm_desktop.services.qbr_data import gather_qbr_data
from csm_desktop.services.qbr_drafts import resolve_narratives
from csm_desktop.store.database import Database
from csm_desktop.store.models import Activity
from tests.test_qbr_data import ACCOUNT_NAME, NOTE_BODY, Q4, add_account, seed_account

SPAIN = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
A4_POINTS = (595, 842)
LETTER_POINTS = (612, 792)


def export_qbr(
    db: Database,
    account_id: uuid.UUID,
    quarter,
    path: Path,
    *,
    progress=no_progress,
    cancel: CancelToken | None = None,
    warn=None,
    **options,
) -> Path:
    """Call ``qbr.export_qbr`` with ``options`` gathered into ``QbrOptions``."""
    return qbr.export_qbr(
        db,
        account_id,
        quarter,
        path,
        QbrOptions(**options),
        progress=progress,
        cancel=cancel,
        warn=warn,
    )


def _text(path: Path) -> list[str]:
    """Return each page's text with whitespace runs collapsed to one space.

    pypdf puts each table cell on its own line, so a label and its value
    read as "Tickets opened 4" only after collapsing.
    """
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _page_size(path: Path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture
def exported(db: Database, tmp_path: Path) -> Path:
    account_id = seed_account(db)
    return export_qbr(
        db,
        account_id,
        Q4,
        tmp_path / "qbr.pdf",
        locale=SPAIN,
        company_name="Nordlicht Software GmbH",
        prepared_on=date(2025, 1, 8),
    )


def test_cover_page(exported: Path) -> None:
    cover = _text(exported)[0]

    assert ACCOUNT_NAME in cover
    assert "Quarterly Business Review" in cover
    assert "Q4 2024" in cover
    assert "Prepared by Zoë Müller" in cover
    assert "Nordlicht Software GmbH" in cover
    assert "08/01/2025" in cover
    assert "48.000" not in cover


def test_section_headings(exported: Path) -> None:
    body = "\n".join(_text(exported)[1:])

    for heading in (
        "Contents",
        "Executive summary",
        "Account health",
        "Usage and adoption",
        "Goals: planned and achieved",
        "Support summary",
        "NPS and satisfaction",
        "Value delivered",
        "Renewal and commercial overview",
        "Recommendations and next-quarter plan",
        "Meetings and notes",
        "Appendix",
    ):
        assert heading in body


def test_health_and_usage_figures(exported: Path) -> None:
    body = "\n".join(_text(exported)[1:])

    assert "55 (yellow) on 30/09/2024" in body
    assert "78 (green) on 30/12/2024" in body
    assert "Feature events this quarter 1.250" in body
    assert "Feature events previous quarter 1.000" in body
    assert "+25,0" in body
    assert "Dashboards 700 56,0" in body


def test_support_figures(exported: Path) -> None:
    body = "\n".join(_text(exported)[1:])

    assert "Tickets opened 4" in body
    assert "Priority Tickets urgent 1" in body
    assert "Mean time to resolution (hours) 15,0" in body
    assert "Mean ticket satisfaction (1–5; ratings: 2) 4,00" in body
    assert "Escalated 1" in body
    assert "Still open 1" in body


def test_notes_content(exported: Path) -> None:
    body = "\n".join(_text(exported)[1:])

    assert "Executive sponsor check-in" in body
    assert NOTE_BODY in body
    assert "Παύλος Σωτηρίου" in body
    assert "Send the rollout plan by 20 November." in body
    assert "Draft call" not in body
    assert "Internal pricing concern" not in body
    assert "Q3 note" not in body


def test_running_header_and_page_numbers(exported: Path) -> None:
    pages = _text(exported)
    total = len(pages)

    assert "Page 1 of" not in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text
        assert f"{ACCOUNT_NAME} · Q4 2024" in text


def test_metadata(exported: Path) -> None:
    metadata = PdfReader(exported).metadata

    assert metadata is not None
    assert metadata.title == f"Quarterly Business Review: {ACCOUNT_NAME}, Q4 2024"
    assert metadata.author == "Zoë Müller"
    assert ACCOUNT_NAME in (metadata.subject or "")


def test_fonts_embedded(exported: Path) -> None:
    fonts = []
    for page in PdfReader(exported).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            fonts.append((font["/BaseFont"], "/FontFile2" in descriptor))

    assert fonts
    for name, embedded in fonts:
        assert "DejaVuSans" in name
        assert embedded, name


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils is not installed")
def test_pdffonts_all_embedded(exported: Path) -> None:
    output = subprocess.run(
        ["pdffonts", str(exported)], capture_output=True, text=True, check=True
    ).stdout
    rows = output.splitlines()[2:]

    assert rows
    for row in rows:
        assert "DejaVuSans" in row
        # Columns after the encoding: emb sub uni.
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row


def test_charts_are_vector(exported: Path) -> None:
    pages = _text(exported)
    index = next(
        i
        for i, text in enumerate(pages)
        if "Health score over time" in text or "Quarter start" in text
    )
    page = PdfReader(exported).pages[index]
    objects = page["/Resources"].get("/XObject", {})

    images = [name for name, xobject in objects.items() if xobject["/Subtype"] == "/Image"]
    assert images == []
    assert len(page.get_contents().get_data()) > 10_000


def _breakdown(count: int) -> HealthBreakdown:
    measures = tuple(
        MeasureDetail(
            key=f"measure_{index}",
            label=f"Measure {index}",
            score=None if index % 3 == 2 else 10.0 * index,
            weight=0.0 if index % 3 == 2 else 0.125,
            value=None,
            explanation=f"Explanation of measure {index}.",
        )
        for index in range(count)
    )
    return HealthBreakdown(
        as_of=date(2024, 12, 30),
        score=78.0,
        colour="green",
        measures_used=8,
        measures_total=count,
        scorecard_version="default@1",
        measures=measures,
    )


def test_breakdown_table_follows_subheading(db: Database, tmp_path: Path) -> None:
    account_id = seed_account(db)
    with db.session() as session:
        data = gather_qbr_data(session, account_id, Q4)
        narratives = resolve_narratives(session, data, US)
    data = dataclasses.replace(data, breakdown=_breakdown(11))
    path = qbr.render_qbr(data, narratives, tmp_path / "qbr.pdf", QbrOptions(locale=US))

    pages = _text(path)
    index = next(i for i, text in enumerate(pages) if "Breakdown by measure" in text)
    # The measure table starts on the page of the subheading, so the
    # subheading and its note are not left alone at the foot of a page.
    assert "Explanation of measure 0." in pages[index]
    assert "Explanation of measure 10." in " ".join(pages[index:])


@pytest.mark.parametrize(
    ("locale", "override", "expected"),
    [
        (SPAIN, None, A4_POINTS),
        (US, None, LETTER_POINTS),
        (QLocale(QLocale.Language.French, QLocale.Country.Canada), None, LETTER_POINTS),
        (US, "A4", A4_POINTS),
        (SPAIN, "letter", LETTER_POINTS),
    ],
)
def test_page_size(
    db: Database,
    tmp_path: Path,
    locale: QLocale,
    override: str | None,
    expected: tuple[int, int],
) -> None:
    account_id = add_account(db, "Paper Co")
    path = export_qbr(db, account_id, Q4, tmp_path / "p.pdf", locale=locale, page_size=override)

    assert _page_size(path) == expected


def test_invalid_page_size(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "Paper Co")
    with pytest.raises(ValueError, match="A4 or Letter"):
        export_qbr(db, account_id, Q4, tmp_path / "p.pdf", page_size="A3")

    assert list(tmp_path.glob("*.pdf")) == []


def test_missing_data_sentences(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "Quiet Ltd")
    path = export_qbr(db, account_id, Q4, tmp_path / "quiet.pdf", locale=US)
    body = "\n".join(_text(path)[1:])

    assert "No health scores were recorded for this account up to" in body
    assert "No product usage was recorded in Q4 2024" in body
    assert "No support tickets were opened in Q4 2024" in body
    assert "No notes were recorded in Q4 2024" in body


def test_long_notes_continue_across_pages(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "Verbose Inc")
    sentence = "The team walked through every open item of the rollout plan in detail. "
    paragraphs = [f"Paragraph {index}. " + sentence * 12 for index in range(30)]
    with db.session() as session:
        session.add(
            Activity(
                account_id=account_id,
                kind="meeting",
                occurred_on=date(2024, 11, 1),
                title="Long workshop",
                body="\n\n".join(paragraphs) + "\n\nLast line of the workshop note.",
            )
        )
    path = export_qbr(db, account_id, Q4, tmp_path / "long.pdf", locale=US)
    pages = _text(path)
    notes_pages = [text for text in pages if "Paragraph" in text]

    assert len(notes_pages) >= 3
    assert "Last line of the workshop note." in "\n".join(pages)
    assert "Paragraph 29." in "\n".join(pages)


def test_single_long_paragraph_splits(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "One Block")
    with db.session() as session:
        session.add(
            Activity(
                account_id=account_id,
                kind="note",
                occurred_on=date(2024, 12, 2),
                title="Unbroken note",
                body="word " * 3000 + "FINALWORD",
            )
        )
    path = export_qbr(db, account_id, Q4, tmp_path / "block.pdf", locale=US)

    assert len(PdfReader(path).pages) >= 4
    assert "FINALWORD" in "\n".join(_text(path))


def test_failure_leaves_no_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = seed_account(db)
    folder = tmp_path / "out"
    folder.mkdir()

    def fail_on_page(*_args, **_kwargs) -> None:
        raise OSError("disk full while writing page")

    monkeypatch.setattr(document.ReportDocTemplate, "_draw_running_page", fail_on_page)
    with pytest.raises(OSError, match="disk full"):
        export_qbr(db, account_id, Q4, folder / "qbr.pdf", locale=SPAIN)

    assert list(folder.iterdir()) == []


def test_failure_keeps_previous_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = seed_account(db)
    target = tmp_path / "qbr.pdf"
    target.write_bytes(b"previous report")

    def fail_on_page(*_args, **_kwargs) -> None:
        raise OSError("disk full while writing page")

    monkeypatch.setattr(document.ReportDocTemplate, "_draw_running_page", fail_on_page)
    with pytest.raises(OSError):
        export_qbr(db, account_id, Q4, target, locale=SPAIN)

    assert target.read_bytes() == b"previous report"
    assert list(tmp_path.glob("*.tmp")) + list(tmp_path.glob(".*.tmp")) == []


def test_cancel_during_layout_leaves_no_file(db: Database, tmp_path: Path) -> None:
    account_id = seed_account(db)
    folder = tmp_path / "out"
    folder.mkdir()
    token = CancelToken()
    messages = []

    def cancel_at_layout(done: int, total: int, message: str) -> None:
        messages.append(message)
        if done == 3:
            token.cancel()

    with pytest.raises(Cancelled):
        export_qbr(db, account_id, Q4, folder / "qbr.pdf", progress=cancel_at_layout, cancel=token)

    assert list(folder.iterdir()) == []
    assert "Report saved" not in messages


def test_progress_reaches_total(db: Database, tmp_path: Path) -> None:
    account_id = add_account(db, "Steps Ltd")
    calls = []
    export_qbr(db, account_id, Q4, tmp_path / "s.pdf", progress=lambda *call: calls.append(call))

    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]


def test_missing_glyph_warning(db: Database, tmp_path: Path) -> None:
    # Neither DejaVu Sans nor IPAexGothic has Hangul syllables.
    account_id = add_account(db, "한국 Trading 東京")
    warnings: list[str] = []
    path = export_qbr(db, account_id, Q4, tmp_path / "t.pdf", warn=warnings.append)

    assert path.exists()
    assert len(warnings) == 1
    assert "한" in warnings[0]
    assert "국" in warnings[0]
    assert "東" not in warnings[0]


def test_unknown_account_writes_nothing(db: Database, tmp_path: Path) -> None:
    from csm_desktop.services.qbr_data import AccountNotFoundError

    with pytest.raises(AccountNotFoundError):
        export_qbr(db, uuid.uuid4(), Q4, tmp_path / "none.pdf")

    assert not (tmp_path / "none.pdf").exists()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_renders_with_poppler(exported: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "2", "-l", "2", str(exported), str(prefix)],
        check=True,
        capture_output=True,
    )

    rendered = list(tmp_path.glob("page*.png"))
    assert len(rendered) == 1
    assert rendered[0].stat().st_size > 10_000


class CancelOnCheck(CancelToken):
    """A token that cancels itself at its n-th check, to stop a build between pages."""

    def __init__(self, cancel_at: int) -> None:
        super().__init__()
        self.cancel_at = cancel_at
        self.checks = 0

    def raise_if_cancelled(self) -> None:
        self.checks += 1
        if self.checks >= self.cancel_at:
            self.cancel()
        super().raise_if_cancelled()


def test_cancel_between_pages_leaves_no_file(db: Database, tmp_path: Path) -> None:
    account_id = seed_account(db)
    folder = tmp_path / "out"
    folder.mkdir()
    # Three checks run before the layout starts; the sixth is drawn on page 3.
    token = CancelOnCheck(cancel_at=6)

    with pytest.raises(Cancelled):
        export_qbr(db, account_id, Q4, folder / "qbr.pdf", cancel=token)

    assert token.checks == 6
    assert list(folder.iterdir()) == []


def test_fit_text_shortens_long_header() -> None:
    from csm_desktop.reports.fonts import register_fonts

    font = register_fonts().regular
    short = qbr.fit_text("Short name", font, 8, 200)
    long = qbr.fit_text("Very long account name " * 10, font, 8, 100)

    assert short == "Short name"
    assert long.endswith("…")
    assert stringWidth(long, font, 8) <= 100
