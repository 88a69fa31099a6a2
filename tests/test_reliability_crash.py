"""A process killed with SIGKILL mid-write leaves committed data intact and nothing partial.

Each test seeds a real database file, starts a child process that begins
the operation and stops inside it (inside the open transaction, or just
before the PDF's rename), then kills the child with SIGKILL and reopens
the file. The child blocks on stdin at that point, so the kill always
lands mid-operation without any timing guess.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from csm_desktop.health.backfill import recompute_all
from csm_desktop.services.notes import NoteFields, list_drafts, save_draft
from csm_desktop.store.database import open_database
from csm_desktop.store.integrity import check_file
from csm_desktop.store.models import Account, Activity, HealthSnapshot, UsageMetric

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX only")

REPO_ROOT = Path(__file__).resolve().parent.parent

CHILD_PRELUDE = """
import sys
from sqlalchemy import event
from sqlalchemy.orm import Session
from csm_desktop.store.database import open_database

def block():
    print("mid", flush=True)
    sys.stdin.readline()
    raise SystemExit("the parent should have killed this process")

def block_after_flush():
    event.listen(Session, "after_flush", lambda session, context: block())

db = open_database(sys.argv[1])
"""


def _kill_midway(db_path: Path, body: str, *extra: str) -> None:
    """Run the child until it prints "mid", then SIGKILL it."""
    script = CHILD_PRELUDE + textwrap.dedent(body)
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(db_path), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    try:
        line = child.stdout.readline().strip()
        assert line == "mid", child.stderr.read()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL


def _count(db_path: Path, model) -> int:
    db = open_database(db_path)
    try:
        with db.session() as session:
            return session.scalar(select(func.count()).select_from(model))
    finally:
        db.dispose()


@pytest.mark.slow
def test_kill_during_import(seeded_db, db, demo_dir):
    db.dispose()
    _kill_midway(
        db.path,
        """
        from csm_desktop.importers.ravenstack import import_ravenstack

        def progress(done, total, message):
            if done == 4:  # accounts, subscriptions and usage are written, not committed
                block()

        import_ravenstack(db, sys.argv[2], progress=progress)
        """,
        str(demo_dir),
    )

    assert check_file(db.path).ok
    assert _count(db.path, Account) == 4
    assert _count(db.path, UsageMetric) == 2


@pytest.mark.slow
def test_kill_during_recompute(seeded_db, db):
    written = recompute_all(db)
    assert written > 0
    db.dispose()

    _kill_midway(
        db.path,
        """
        from csm_desktop.health.backfill import recompute_all

        def progress(done, total, message):
            if done == 2:  # old snapshots deleted, two accounts rewritten
                block()

        recompute_all(db, progress=progress)
        """,
    )

    assert check_file(db.path).ok
    assert _count(db.path, HealthSnapshot) == written


@pytest.mark.slow
def test_kill_during_draft_autosave(seeded_db, db):
    account_id = seeded_db["Acme Robotics"]
    first = NoteFields(title="Renewal call", body="Budget approved; legal review next week.")
    draft_id = save_draft(db, account_id, None, first)
    db.dispose()

    _kill_midway(
        db.path,
        """
        import uuid
        from csm_desktop.services.notes import NoteFields, save_draft

        block_after_flush()
        save_draft(db, uuid.UUID(sys.argv[2]), uuid.UUID(sys.argv[3]),
                   NoteFields(title="Renewal call", body="Half-typed second versi"))
        """,
        str(account_id),
        str(draft_id),
    )

    reopened = open_database(db.path)
    with reopened.session() as session:
        drafts = list_drafts(session, account_id)
    reopened.dispose()
    assert [draft.draft_id for draft in drafts] == [draft_id]
    assert drafts[0].fields.body == first.body


@pytest.mark.slow
def test_kill_during_note_save(seeded_db, db):
    account_id = seeded_db["Acme Robotics"]
    db.dispose()

    _kill_midway(
        db.path,
        """
        import uuid
        from datetime import date
        from csm_desktop.services.accounts import add_note

        block_after_flush()
        add_note(db, uuid.UUID(sys.argv[2]), kind="call", occurred_on=date(2024, 12, 1),
                 title="Never committed", body="This note was being saved when power failed.")
        """,
        str(account_id),
    )

    reopened = open_database(db.path)
    with reopened.session() as session:
        titles = session.scalars(select(Activity.title)).all()
    reopened.dispose()
    assert titles == ["Kick-off call"]


@pytest.mark.slow
def test_kill_during_pdf_export(seeded_db, db, tmp_path):
    account_id = seeded_db["Acme Robotics"]
    out = tmp_path / "qbr.pdf"
    out.write_bytes(b"%PDF-1.4 the earlier export\n%%EOF\n")
    earlier = out.read_bytes()
    db.dispose()

    _kill_midway(
        db.path,
        """
        import uuid
        from csm_desktop.quarters import Quarter
        from csm_desktop.reports import pdf_writer
        from csm_desktop.reports.qbr import export_qbr

        real_fsync = pdf_writer.os.fsync
        def fsync_then_block(fd):
            real_fsync(fd)
            block()  # the new PDF is complete in its temporary file, not yet renamed
        pdf_writer.os.fsync = fsync_then_block
        export_qbr(db, uuid.UUID(sys.argv[2]), Quarter.parse("2024Q4"), sys.argv[3])
        """,
        str(account_id),
        str(out),
    )

    assert out.read_bytes() == earlier
    leftovers = [path for path in tmp_path.iterdir() if path.suffix == ".pdf" and path != out]
    assert leftovers == []
