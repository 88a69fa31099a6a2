"""Drafts, publishing, next steps to tasks, and accent-folding full-text search."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import inspect, select, text

from csm_desktop.services.accounts import InvalidNoteError, load_notes
from csm_desktop.services.notes import (
    NoteFields,
    discard_draft,
    ensure_search_index,
    fts_query,
    list_drafts,
    publish_note,
    save_draft,
    search_notes,
)
from csm_desktop.services.tasks import list_tasks, split_next_steps
from csm_desktop.store.database import Database
from csm_desktop.store.models import Activity, Base, Task
from csm_desktop.store.workspace_models import GoalCheckIn

WORKSPACE_TABLES = [
    "goal_check_in",
    "renewal_forecast",
    "expansion_opportunity",
    "advocacy_record",
    "playbook",
    "playbook_step",
]


def note(**values: object) -> NoteFields:
    defaults: dict[str, object] = {"occurred_on": date(2024, 12, 20), "title": "Renewal call"}
    defaults.update(values)
    return NoteFields(**defaults)  # type: ignore[arg-type]


def test_draft_saved_and_listed(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Blue Harbor"]

    draft_id = save_draft(db, account, None, note(body="Half a thought"))
    again = save_draft(db, account, draft_id, note(body="Half a thought, finished"))

    assert again == draft_id
    with db.session() as session:
        drafts = list_drafts(session)
        assert [row.draft_id for row in drafts] == [draft_id]
        assert drafts[0].fields.body == "Half a thought, finished"
        assert drafts[0].account_name == "Blue Harbor"
        assert load_notes(session, account) == []


def test_blank_draft_is_discarded(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Blue Harbor"]
    draft_id = save_draft(db, account, None, note(body="text"))

    assert save_draft(db, account, draft_id, NoteFields()) is None
    with db.session() as session:
        assert list_drafts(session) == []


def test_discard_draft(db: Database, seeded_db: dict) -> None:
    draft_id = save_draft(db, seeded_db["Zenith Labs"], None, note(body="x"))
    discard_draft(db, draft_id)
    with db.session() as session:
        assert list_drafts(session) == []


def test_publish_turns_draft_into_note(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Blue Harbor"]
    draft_id = save_draft(db, account, None, note(body="Budget approved"))

    note_id, task_ids = publish_note(db, account, draft_id, note(body="Budget approved"))

    assert note_id == draft_id
    assert task_ids == []
    with db.session() as session:
        assert list_drafts(session) == []
        assert [row.title for row in load_notes(session, account)] == ["Renewal call"]


def test_publish_rejects_missing_title(db: Database, seeded_db: dict) -> None:
    with pytest.raises(InvalidNoteError, match="no title"):
        publish_note(db, seeded_db["Blue Harbor"], None, note(title=" ", body="text"))


def test_next_steps_become_linked_tasks(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Blue Harbor"]
    steps = "- Send the pricing sheet\n* Book the QBR\n\n1. Ask for a reference\n[ ] Update CRM\n"
    fields = note(summary="Went well", next_steps=steps)

    note_id, task_ids = publish_note(
        db, account, None, fields, create_tasks=True, tasks_due_on=date(2025, 1, 7)
    )

    assert len(task_ids) == 4
    with db.session() as session:
        tasks = session.scalars(select(Task).where(Task.activity_id == note_id)).all()
        assert sorted(task.title for task in tasks) == [
            "Ask for a reference",
            "Book the QBR",
            "Send the pricing sheet",
            "Update CRM",
        ]
        assert {task.account_id for task in tasks} == {account}
        assert {task.due_on for task in tasks} == {date(2025, 1, 7)}
        assert len(list_tasks(session, account)) == 4


def test_next_steps_not_duplicated(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Blue Harbor"]
    fields = note(body="b", next_steps="Call Dana")
    note_id, first = publish_note(db, account, None, fields, create_tasks=True)

    _same, second = publish_note(db, account, note_id, fields, create_tasks=True)

    assert len(first) == 1
    assert second == []


def test_split_next_steps_strips_bullets() -> None:
    assert split_next_steps("• one\n  2) two\n-three\n \n") == ["one", "two", "three"]


def test_search_folds_accents(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Acme Foods"]
    publish_note(db, account, None, note(body="Hablamos de la renovación del contrato"))
    publish_note(db, account, None, note(title="Otro", body="Nada que ver"))

    with db.session() as session:
        hits = search_notes(session, "renovacion", account)
        assert [hit.title for hit in hits] == ["Renewal call"]
        assert "[renovación]" in hits[0].excerpt
        assert search_notes(session, "RENOVACIÓN contr", account)[0].title == "Renewal call"
        assert search_notes(session, "renovacion", seeded_db["Zenith Labs"]) == []


def test_search_ignores_drafts_and_deleted(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Acme Foods"]
    save_draft(db, account, None, note(body="secret renewal plan"))
    note_id, _ = publish_note(db, account, None, note(body="renewal agreed"))
    with db.session() as session:
        assert len(search_notes(session, "renewal", account)) == 1
        session.get(Activity, note_id).deleted_at = session.get(Activity, note_id).created_at
    with db.session() as session:
        assert search_notes(session, "renewal", account) == []


def test_search_follows_edits(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Acme Foods"]
    note_id, _ = publish_note(db, account, None, note(body="first wording"))
    publish_note(db, account, note_id, note(body="second wording"))
    with db.session() as session:
        assert search_notes(session, "first", account) == []
        assert search_notes(session, "second", account)[0].note_id == note_id


def test_search_accepts_fts_syntax_as_text(db: Database, seeded_db: dict) -> None:
    assert fts_query('a "b" OR') == '"a"* """b"""* "OR"*'
    with db.session() as session:
        assert search_notes(session, 'NEAR( "x', None) == []
        assert search_notes(session, "   ", None) == []


def test_search_index_rebuilt_after_trigger_loss(db: Database, seeded_db: dict) -> None:
    account = seeded_db["Acme Foods"]
    publish_note(db, account, None, note(body="kept through rebuild"))
    with db.session() as session:
        session.execute(text("DROP TRIGGER activity_fts_insert"))
        session.execute(text("DELETE FROM activity_fts"))

    with db.session() as session:
        assert ensure_search_index(session) is True
        assert len(search_notes(session, "rebuild", account)) == 1
    with db.session() as session:
        assert ensure_search_index(session) is False


def test_workspace_tables_match_metadata(db: Database) -> None:
    inspector = inspect(db.engine)
    for table_name in WORKSPACE_TABLES:
        table = Base.metadata.tables[table_name]
        migrated = {column["name"]: column for column in inspector.get_columns(table_name)}
        assert set(migrated) == set(table.columns.keys()), table_name
        for column in table.columns:
            assert migrated[column.name]["nullable"] == column.nullable, (table_name, column.name)
        model_indexes = {index.name for index in table.indexes}
        migrated_indexes = {index["name"] for index in inspector.get_indexes(table_name)}
        assert model_indexes == migrated_indexes, table_name
    assert GoalCheckIn.__tablename__ in WORKSPACE_TABLES


def test_fts_tokenizer_folds_accents(db: Database) -> None:
    connection = sqlite3.connect(db.path)
    try:
        sql = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'activity_fts'"
        ).fetchone()[0]
    finally:
        connection.close()
    assert "remove_diacritics 2" in sql
