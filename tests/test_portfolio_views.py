"""Portfolio page: new filters, saved views, columns, CSV export and the batch QBR guard."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from csm_desktop.services.csv_export import safe_cell, write_csv
from csm_desktop.services.portfolio_filter import PortfolioFilter, RenewalWindow
from csm_desktop.services.settings import REFERENCE_DATE_KEY, set_setting
from csm_desktop.services.views import ViewDefinition, ViewNameError, clean_view_name, list_views
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account
from csm_desktop.ui.portfolio_model import Column
from csm_desktop.ui.portfolio_page import PortfolioPage
from csm_desktop.ui.workers import JobRunner

ACCOUNTS = [
    ("Acme", "enterprise", "growth", "Ana", ["strategic", "emea"], "5000"),
    ("Beta", "smb", "onboarding", "Ben", ["emea"], "1200"),
    ("=cmd|' /C calc'!A0", "smb", "adoption", None, [], "300"),
    ("Delta", None, "renewal", "Ana", ["strategic"], "800"),
]


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(5_000)


@pytest.fixture
def page(qtbot: QtBot, db: Database, runner: JobRunner) -> PortfolioPage:
    with db.session() as session:
        set_setting(session, REFERENCE_DATE_KEY, "2024-12-31")
        for name, segment, stage, owner, tags, arr in ACCOUNTS:
            session.add(
                Account(
                    name=name,
                    segment=segment,
                    lifecycle_stage=stage,
                    owner=owner,
                    tags=tags,
                    arr=Decimal(arr),
                    renewal_date=date(2025, 1, 20) if owner == "Ana" else None,
                )
            )
    portfolio = PortfolioPage(db, runner)
    qtbot.addWidget(portfolio)
    portfolio.resize(1400, 600)
    portfolio.show()
    with qtbot.waitSignal(portfolio.loaded, timeout=5_000):
        portfolio.reload()
    return portfolio


def names(page: PortfolioPage) -> list[str]:
    return [page.model.index(row, Column.NAME).data() for row in range(page.model.rowCount())]


def check(page: PortfolioPage, menu: str, *values: str) -> None:
    for action in page.filter_bar.menu_buttons[menu].menu().actions():
        if action.data() in values:
            action.setChecked(True)


def test_menus_offer_loaded_values(page: PortfolioPage) -> None:
    owners = [a.data() for a in page.filter_bar.menu_buttons["owners"].menu().actions()]
    tags = [a.data() for a in page.filter_bar.menu_buttons["tags"].menu().actions()]

    assert owners == ["Ana", "Ben", ""]
    assert tags == ["emea", "strategic", ""]


def test_segment_owner_tag_filters(page: PortfolioPage) -> None:
    check(page, "segments", "smb")
    assert names(page) == ["=cmd|' /C calc'!A0", "Beta"]

    check(page, "owners", "Ben")
    assert names(page) == ["Beta"]
    assert page.filter_bar.menu_buttons["owners"].text() == "Owner (1)"

    page.filter_bar.clear()
    check(page, "tags", "strategic")
    assert names(page) == ["Acme", "Delta"]
    assert page.model.shown_arr_by_currency() == {"USD": Decimal("5800")}
    assert "2 of 4" in page.summary_label.text()


def test_blank_segment_and_stage_filter(page: PortfolioPage) -> None:
    check(page, "segments", "")
    assert names(page) == ["Delta"]

    page.filter_bar.clear()
    check(page, "stages", "onboarding", "growth")
    assert names(page) == ["Acme", "Beta"]


def test_text_filter_matches_owner_and_tag(qtbot: QtBot, page: PortfolioPage) -> None:
    qtbot.keyClicks(page.filter_edit, "emea")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5_000)
    assert names(page) == ["Acme", "Beta"]


def test_saved_view_round_trip(
    qtbot: QtBot, page: PortfolioPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    check(page, "owners", "Ana")
    page.table.sortByColumn(Column.ARR, Qt.SortOrder.DescendingOrder)
    page.table.horizontalHeader().setSectionHidden(Column.OWNER, True)
    monkeypatch.setattr(page.views_bar, "ask_name", lambda proposal: "  Ana's book ")

    page.views_bar.save_current()

    with db.session() as session:
        views = list_views(session)
    assert [name for name, _ in views] == ["Ana's book"]
    stored = views[0][1]
    assert stored.filter.owners == frozenset({"Ana"})
    assert stored.sort_column == "arr" and stored.sort_descending
    assert "owner" not in stored.columns

    page.views_bar.select("")
    assert len(names(page)) == 4
    assert "owner" in page.columns.visible_keys()

    page.views_bar.select("Ana's book")
    assert names(page) == ["Acme", "Delta"]
    assert "owner" not in page.columns.visible_keys()
    assert page.model.sort_column == Column.ARR


def test_delete_view(page: PortfolioPage, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page.views_bar, "ask_name", lambda proposal: "Temp")
    page.views_bar.save_current()
    assert page.views_bar.current_name() == "Temp"

    page.views_bar.delete_current()

    with db.session() as session:
        assert list_views(session) == []
    assert page.views_bar.current_name() == ""


def test_blank_view_name_rejected(
    page: PortfolioPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(page.views_bar, "ask_name", lambda proposal: "   ")
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))

    page.views_bar.save_current()

    assert warnings and "empty" in warnings[0]
    with pytest.raises(ViewNameError):
        clean_view_name("x" * 121)


def test_view_definition_json_round_trip() -> None:
    definition = ViewDefinition(
        filter=PortfolioFilter().replace(
            text="Acme", colours={"red"}, tags={"emea", ""}, renewal=RenewalWindow.WITHIN_60
        ),
        sort_column="health",
        sort_descending=True,
        columns=("name", "health"),
    )

    assert ViewDefinition.from_json(definition.to_json()) == definition
    assert ViewDefinition.from_json({"filter": "junk", "columns": 3}) == ViewDefinition()


def test_columns_hide_and_reorder(page: PortfolioPage) -> None:
    page.columns.apply_keys(["arr", "name", "unknown", "owner"])

    assert page.columns.visible_keys() == ["arr", "name", "owner"]

    page.columns.apply_keys(["arr"])
    # The account name always stays visible.
    assert page.columns.visible_keys() == ["name", "arr"]


def test_csv_export_of_view(
    qtbot: QtBot, page: PortfolioPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "view"
    monkeypatch.setattr(page, "ask_csv_path", lambda: target)
    check(page, "segments", "smb")
    page.columns.apply_keys(["name", "owner", "arr", "days_to_renewal", "tags"])

    with qtbot.waitSignal(page.csv_exported, timeout=5_000) as blocker:
        page.export_csv()

    written = blocker.args[0]
    assert written == tmp_path / "view.csv"
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Account", "Owner", "ARR", "Currency", "Days to renewal", "Tags"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "", "300.0000", "USD", "", ""]
    assert rows[2] == ["Beta", "Ben", "1200.0000", "USD", "", "emea"]
    assert not (tmp_path / "view.csv.partial").exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 612", "'+33 612"),
        ("-bad", "'-bad"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        (-3, "-3"),
        (Decimal("-1.50"), "-1.50"),
        (date(2025, 1, 2), "2025-01-02"),
        (None, ""),
    ],
)
def test_safe_cell(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


def test_cancelled_csv_leaves_no_file(tmp_path: Path) -> None:
    from csm_desktop.progress import Cancelled, CancelToken

    token = CancelToken()
    token.cancel()
    target = tmp_path / "out.csv"

    with pytest.raises(Cancelled):
        write_csv(target, ["a"], ([i] for i in range(5_000)), cancel=token)

    assert list(tmp_path.iterdir()) == []


def test_batch_qbr_guard_without_module(
    page: PortfolioPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_batch_module(name: str, *args: object, **kwargs: object) -> object:
        if name == "csm_desktop.ui.batch_export_dialog":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    messages: list[str] = []
    monkeypatch.setattr(builtins, "__import__", no_batch_module)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: messages.append(args[2]))

    page.export_qbrs_for_view()

    assert messages == ["Batch QBR export is not available in this version."]


def test_batch_qbr_dialog_gets_shown_ids(
    page: PortfolioPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    received: list[object] = []

    class FakeDialog:
        def __init__(self, db: object, runner: object, account_ids: list, parent: object) -> None:
            received.extend(account_ids)

        def open(self) -> None:
            received.append("opened")

    module = types.ModuleType("csm_desktop.ui.batch_export_dialog")
    module.BatchExportDialog = FakeDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "csm_desktop.ui.batch_export_dialog", module)
    check(page, "owners", "Ana")

    page.export_qbrs_for_view()

    assert received == [*page.shown_account_ids(), "opened"]
    assert len(received) == 3
