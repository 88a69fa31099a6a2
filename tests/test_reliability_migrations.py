"""Migrations from every earlier schema revision, with data, and a failing migration.

The fixture databases in ``tests/fixtures/db`` are made by
``tests/fixtures/make_fixture_dbs.py``, one per revision, each holding a
subset of the demo portfolio plus contacts, survey comments and notes.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from csm_desktop.store import database as database_module
from csm_desktop.store.backup import list_backups
from csm_desktop.store.database import MigrationFailedError, open_database, read_revisions
from csm_desktop.store.integrity import check_file
from csm_desktop.store.models import Account, Activity, Contact, SurveyResponse
from csm_desktop.store.schema import RevisionGraph, revision_graph
from csm_desktop.store.types import utc_now

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures" / "db"
FIXTURES = sorted(FIXTURE_DIR.glob("*.sqlite"))
# Tables whose rows a migration may legitimately rewrite or derive.
DERIVED_TABLES = {"alembic_version"}


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names
        }
    finally:
        connection.close()


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_fixture_for_first_revision_exists():
    assert FIXTURE_DIR / "0001_initial.sqlite" in FIXTURES


def test_every_revision_has_a_fixture():
    import csm_desktop.store.migrations as migrations

    versions = Path(migrations.__file__).parent / "versions"
    revisions = sorted(path.stem for path in versions.glob("[0-9]*.py"))

    # Rerun tests/fixtures/make_fixture_dbs.py after adding a migration.
    assert [path.stem for path in FIXTURES] == revisions


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_migrates_with_data_intact(fixture, tmp_path):
    revision = fixture.stem
    assert revision in revision_graph().known, (
        f"{fixture.name} is for an unknown revision; rerun tests/fixtures/make_fixture_dbs.py"
    )
    path = tmp_path / "portfolio.sqlite"
    shutil.copy(fixture, path)
    before = _counts(path)

    db = open_database(path)
    with db.session() as session:
        names = session.scalars(select(Account.name)).all()
        notes = session.scalars(select(Activity.body).where(Activity.title.like("Llamada%"))).all()
        arr = session.scalar(select(Account.arr).where(Account.arr == 12345.6789))
        contacts = session.scalars(select(Contact.name).order_by(Contact.name)).all()
    db.dispose()

    after = _counts(path)
    for table, count in before.items():
        if table not in DERIVED_TABLES:
            assert after.get(table) == count, table
    assert len(names) == 8
    assert len(notes) == 3
    assert all("Renovación" in body and "מחיר" in body for body in notes)
    assert str(arr) == "12345.6789"
    assert contacts == sorted(["José Ñúñez", "Zoë O'Brien", "דנה לוי"])
    assert read_revisions(path) == revision_graph().heads
    assert check_file(path).ok


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_migration_backs_up_first(fixture, tmp_path):
    path = tmp_path / "portfolio.sqlite"
    shutil.copy(fixture, path)
    original = _dump(path)
    if read_revisions(path) == revision_graph().heads:
        pytest.skip("already at the newest schema")

    open_database(path).dispose()

    backups = [info for info in list_backups(path) if info.kind == "before-migration"]
    assert len(backups) == 1
    assert _dump(backups[0].path) == original


def test_batch_rebuild_keeps_contacts_and_adds_check(tmp_path):
    path = tmp_path / "portfolio.sqlite"
    shutil.copy(FIXTURE_DIR / "0001_initial.sqlite", path)
    old = sqlite3.connect(path)
    old_contacts = old.execute("SELECT id, name, email FROM contact ORDER BY id").fetchall()
    old.close()

    db = open_database(path)
    with db.session() as session:
        contacts = session.scalars(select(Contact).order_by(Contact.id)).all()
        surveys = session.scalars(select(SurveyResponse)).all()
        assert [(c.id.hex, c.name, c.email) for c in contacts] == old_contacts
        assert {survey.contact_id for survey in surveys} <= {c.id for c in contacts}
        account_id = contacts[0].account_id

    with pytest.raises(IntegrityError, match="ck_contact_erased"), db.session() as session:
        session.add(
            Contact(account_id=account_id, name="x", email="back@example.com", erased_at=utc_now())
        )
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    db.dispose()


FAILING_MIGRATION = '''
"""fails halfway"""
import sqlalchemy as sa
from alembic import op

revision = "9000_fails"
down_revision = {heads!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE account SET name = 'overwritten'")
    op.execute("INSERT INTO no_such_table VALUES (1)")
'''


def test_failing_migration_leaves_file_untouched(tmp_path, monkeypatch):
    path = tmp_path / "portfolio.sqlite"
    shutil.copy(FIXTURE_DIR / "0001_initial.sqlite", path)
    open_database(path).dispose()
    original = _dump(path)
    graph = revision_graph()

    scripts = tmp_path / "migrations"
    shutil.copytree(database_module.MIGRATIONS_DIR, scripts)
    heads = tuple(sorted(graph.heads))
    (scripts / "versions" / "9000_fails.py").write_text(FAILING_MIGRATION.format(heads=heads))
    monkeypatch.setattr(database_module, "MIGRATIONS_DIR", scripts)
    failing_graph = RevisionGraph(
        known=graph.known | {"9000_fails"}, heads=frozenset({"9000_fails"})
    )
    monkeypatch.setattr(database_module, "revision_graph", lambda: failing_graph)

    with pytest.raises(MigrationFailedError, match="Nothing was changed") as raised:
        open_database(path)

    assert _dump(path) == original
    assert "half_done" not in "".join(original)
    assert "a backup was taken" in str(raised.value)
    assert any(info.kind == "before-migration" for info in list_backups(path))
