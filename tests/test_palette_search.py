"""Search everywhere and the Ctrl+K palette: accounts, contacts, notes and commands."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from csm_desktop.services.search import search_everything
from csm_desktop.store.database import Database
from csm_desktop.store.models import Activity, Contact
from csm_desktop.store.types import utc_now
from csm_desktop.ui.command_palette import HIT_ROLE, CommandPalette, command_matches
from csm_desktop.ui.workers import JobRunner


@pytest.fixture
def searchable(db: Database, seeded_db: dict[str, uuid.UUID]) -> dict[str, uuid.UUID]:
    with db.session() as session:
        session.add_all(
            [
                Contact(account_id=seeded_db["Blue Harbor"], name="Dana Whitfield", title="VP Ops"),
                Contact(
                    account_id=seeded_db["Zenith Labs"],
                    name="Gone Person",
                    deleted_at=utc_now(),
                ),
                Activity(
                    account_id=seeded_db["Zenith Labs"],
                    occurred_on=date(2024, 12, 3),
                    title="QBR prep",
                    body="They want SSO before the renewal; 100% of seats active.",
                ),
            ]
        )
    return seeded_db


def test_search_finds_each_kind(db: Database, searchable: dict) -> None:
    with db.session() as session:
        accounts = search_everything(session, "acme")
        contacts = search_everything(session, "dana ops")
        notes = search_everything(session, "sso renewal")

    assert [(hit.kind, hit.title) for hit in accounts] == [
        ("account", "Acme Foods"),
        ("account", "Acme Robotics"),
    ]
    assert [(hit.kind, hit.account_id) for hit in contacts] == [
        ("contact", searchable["Blue Harbor"])
    ]
    assert [(hit.kind, hit.title, hit.account_id) for hit in notes] == [
        ("note", "QBR prep", searchable["Zenith Labs"])
    ]
    assert "Zenith Labs" in notes[0].detail


def test_search_escapes_wildcards_and_skips_deleted(db: Database, searchable: dict) -> None:
    with db.session() as session:
        assert [hit.title for hit in search_everything(session, "100%")] == ["QBR prep"]
        assert search_everything(session, "_") == []
        assert search_everything(session, "Gone Person") == []
        assert search_everything(session, "   ") == []


def test_command_matches_ignores_mnemonic() -> None:
    assert command_matches("&Export QBR…", ["exp", "qbr"])
    assert not command_matches("&Export QBR…", ["settings"])


@pytest.fixture
def runner(qtbot: QtBot) -> JobRunner:
    job_runner = JobRunner()
    yield job_runner
    assert job_runner.shutdown(5_000)


def make_palette(
    qtbot: QtBot, db: Database, runner: JobRunner, actions: list[QAction]
) -> CommandPalette:
    palette = CommandPalette(db, runner, actions)
    qtbot.addWidget(palette)
    palette.show()
    return palette


def test_palette_opens_account_with_enter(
    qtbot: QtBot, db: Database, runner: JobRunner, searchable: dict
) -> None:
    palette = make_palette(qtbot, db, runner, [])

    with qtbot.waitSignal(palette.results_shown, timeout=5_000):
        qtbot.keyClicks(palette.search_edit, "zenith")
    with qtbot.waitSignal(palette.hit_chosen, timeout=2_000) as blocker:
        qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)

    assert blocker.args[0].account_id == searchable["Zenith Labs"]
    assert blocker.args[0].kind == "account"
    assert not palette.isVisible()


def test_palette_arrow_keys_choose_result(
    qtbot: QtBot, db: Database, runner: JobRunner, searchable: dict
) -> None:
    palette = make_palette(qtbot, db, runner, [])
    with qtbot.waitSignal(palette.results_shown, timeout=5_000):
        qtbot.keyClicks(palette.search_edit, "acme")
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Down)

    with qtbot.waitSignal(palette.hit_chosen, timeout=2_000) as blocker:
        qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)

    assert blocker.args[0].account_id == searchable["Acme Robotics"]


def test_palette_runs_command(qtbot: QtBot, db: Database, runner: JobRunner) -> None:
    triggered: list[str] = []
    settings = QAction("&Settings…")
    settings.triggered.connect(lambda: triggered.append("settings"))
    export = QAction("&Export QBR…")
    export.triggered.connect(lambda: triggered.append("export"))
    palette = make_palette(qtbot, db, runner, [settings, export])

    assert palette.results.count() == 2
    qtbot.keyClicks(palette.search_edit, "sett")
    assert palette.results.count() == 1
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)

    assert triggered == ["settings"]
    assert not palette.isVisible()


@pytest.mark.parametrize(("query", "kind"), [("sso renewal", "note"), ("dana ops", "contact")])
def test_palette_result_opens_record_selected(
    qtbot: QtBot,
    db: Database,
    searchable: dict,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
    query: str,
    kind: str,
) -> None:
    from PySide6.QtCore import QSettings

    from csm_desktop.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr(MainWindow, "confirm_cancel_jobs", lambda self, count: True)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_palette()
        palette = window.findChild(CommandPalette)
        with qtbot.waitSignal(palette.results_shown, timeout=5_000):
            qtbot.keyClicks(palette.search_edit, query)
        hit = palette.results.currentItem().data(HIT_ROLE)
        assert hit.kind == kind

        with qtbot.waitSignal(window.account_page.loaded, timeout=5_000):
            qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)

        page = window.account_page
        assert window.pages.currentWidget() is page
        assert page.account_id == hit.account_id
        if kind == "note":
            assert page.tabs.currentWidget() is page.notes_split
            current = page.notes_list.currentItem()
            assert current.data(Qt.ItemDataRole.UserRole) == hit.item_id
            focused = page.notes_list
        else:
            assert page.tabs.currentWidget() is page.contacts_tab
            assert page.contacts_tab.name_edit.text() == hit.title
            focused = page.contacts_tab.table
        assert window.focusWidget() is focused
    finally:
        window.runner.shutdown(5_000)
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
