"""Call-note drafts, publishing a draft as a note, and full-text search across notes.

A draft is an ``Activity`` row with ``is_draft`` set. The editor saves it
every few seconds and whenever focus leaves, each time in its own short
transaction, so a crash loses at most the last few seconds of typing. The
draft becomes the note when it is published, keeping its id.

Search uses the FTS5 table ``activity_fts``, filled by triggers that the
``0004_workspace`` migration creates. It folds case and accents, so
"renovacion" finds "renovación".
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, fields
from datetime import date, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from csm_desktop.services.accounts import (
    InvalidNoteError,
    require_account,
    validate_note,
)
from csm_desktop.services.tasks import tasks_from_note
from csm_desktop.store.database import Database
from csm_desktop.store.models import Account, Activity
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)

# Keep in step with the triggers of the 0004_workspace migration.
_INDEX_NEW = (
    "INSERT INTO activity_fts (activity_id, account_key, title, attendees, summary, body, "
    "decisions, next_steps) SELECT new.id, new.account_id, new.title, new.attendees, "
    "new.summary, new.body, new.decisions, new.next_steps "
    "WHERE new.is_draft = 0 AND new.deleted_at IS NULL;"
)
_TRIGGERS = {
    "activity_fts_insert": (
        f"CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity BEGIN {_INDEX_NEW} END"
    ),
    "activity_fts_delete": (
        "CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity BEGIN "
        "DELETE FROM activity_fts WHERE activity_id = old.id; END"
    ),
    "activity_fts_update": (
        "CREATE TRIGGER activity_fts_update AFTER UPDATE ON activity BEGIN "
        f"DELETE FROM activity_fts WHERE activity_id = old.id; {_INDEX_NEW} END"
    ),
}
SEARCH_LIMIT = 200
TEXT_COLUMNS = ("title", "attendees", "summary", "body", "decisions", "next_steps")
# Index of "body" among the FTS columns. NOTE: the excerpt is always cut from
# the body, so a note that matches only in its title shows its body's start.
BODY_COLUMN = 5


@dataclass(frozen=True, slots=True)
class NoteFields:
    """The text fields of the note editor's template."""

    kind: str = "call"
    occurred_on: date | None = None
    title: str = ""
    attendees: str = ""
    summary: str = ""
    body: str = ""
    decisions: str = ""
    next_steps: str = ""

    def is_blank(self) -> bool:
        """Return True when no text field holds anything but whitespace."""
        text_fields = (f.name for f in fields(self) if f.name not in ("kind", "occurred_on"))
        return not any(getattr(self, name).strip() for name in text_fields)


@dataclass(frozen=True, slots=True)
class DraftRow:
    """A draft waiting to be finished, with the instant it was last saved."""

    draft_id: uuid.UUID
    account_id: uuid.UUID
    account_name: str
    saved_at: datetime
    fields: NoteFields


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A note matching a search, with an excerpt whose matched words are in [brackets]."""

    note_id: uuid.UUID
    occurred_on: date
    kind: str
    title: str
    excerpt: str


# Drafts


def save_draft(
    db: Database, account_id: uuid.UUID, draft_id: uuid.UUID | None, note: NoteFields
) -> uuid.UUID | None:
    """Store the editor's text as a draft in its own transaction. Return the draft's id.

    A blank editor discards an existing draft and returns None, so an
    emptied editor leaves nothing to recover.
    """
    with db.session() as session:
        draft = _live_draft(session, draft_id) if draft_id is not None else None
        if note.is_blank():
            if draft is not None:
                draft.deleted_at = utc_now()
            return None

        if draft is None:
            require_account(session, account_id)
            draft = Activity(account_id=account_id, occurred_on=date.today(), is_draft=True)
            session.add(draft)
        _copy_fields(draft, note)
        session.flush()
        saved_id = draft.id
    log.debug("Saved draft %s for account %s", saved_id, account_id)
    return saved_id


def discard_draft(db: Database, draft_id: uuid.UUID) -> None:
    """Tombstone a draft the user chose not to keep."""
    with db.session() as session:
        draft = _live_draft(session, draft_id)
        if draft is not None:
            draft.deleted_at = utc_now()
    log.info("Discarded draft %s", draft_id)


def list_drafts(session: Session, account_id: uuid.UUID | None = None) -> list[DraftRow]:
    """List live drafts, newest saved first; all accounts unless ``account_id`` is given."""
    query = (
        select(Activity, Account.name)
        .join(Account, Account.id == Activity.account_id)
        .where(Activity.is_draft.is_(True), Activity.deleted_at.is_(None))
        .order_by(Activity.updated_at.desc())
    )
    if account_id is not None:
        query = query.where(Activity.account_id == account_id)
    return [
        DraftRow(draft.id, draft.account_id, name, draft.updated_at, _fields_of(draft))
        for draft, name in session.execute(query)
    ]


def publish_note(
    db: Database,
    account_id: uuid.UUID,
    draft_id: uuid.UUID | None,
    note: NoteFields,
    *,
    create_tasks: bool = False,
    tasks_due_on: date | None = None,
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """Validate and store the note, turning the draft (or editing the note) ``draft_id``.

    With ``create_tasks`` every next-steps line also becomes an open task
    linked to the note, in the same transaction. Returns the note id and
    the new task ids. Raises ``InvalidNoteError`` or ``AccountNotFoundError``.
    """
    note = _stripped(note)
    validate_note(note.kind, note.title, note.body or note.summary)
    if note.occurred_on is None:
        raise InvalidNoteError("The note has no date. Pick the day of the call.")

    with db.session() as session:
        require_account(session, account_id)
        activity = _editable_note(session, account_id, draft_id)
        if activity is None:
            activity = Activity(account_id=account_id, occurred_on=note.occurred_on)
            session.add(activity)
        _copy_fields(activity, note)
        activity.is_draft = False
        session.flush()

        task_ids = []
        if create_tasks:
            task_ids = tasks_from_note(session, activity, due_on=tasks_due_on)
        note_id = activity.id
    log.info("Published note %s on account %s with %d tasks", note_id, account_id, len(task_ids))
    return note_id, task_ids


def _copy_fields(activity: Activity, note: NoteFields) -> None:
    activity.kind = note.kind
    if note.occurred_on is not None:
        activity.occurred_on = note.occurred_on
    activity.title = note.title[:300]
    activity.attendees = note.attendees or None
    activity.summary = note.summary or None
    activity.body = note.body
    activity.decisions = note.decisions or None
    activity.next_steps = note.next_steps or None


def _fields_of(activity: Activity) -> NoteFields:
    return NoteFields(
        kind=activity.kind,
        occurred_on=activity.occurred_on,
        title=activity.title,
        attendees=activity.attendees or "",
        summary=activity.summary or "",
        body=activity.body,
        decisions=activity.decisions or "",
        next_steps=activity.next_steps or "",
    )


def _stripped(note: NoteFields) -> NoteFields:
    return NoteFields(
        kind=note.kind,
        occurred_on=note.occurred_on,
        title=note.title.strip(),
        attendees=note.attendees.strip(),
        summary=note.summary.strip(),
        body=note.body.strip(),
        decisions=note.decisions.strip(),
        next_steps=note.next_steps.strip(),
    )


def _editable_note(
    session: Session, account_id: uuid.UUID, note_id: uuid.UUID | None
) -> Activity | None:
    """Return the live draft or note ``note_id`` of the account, or None to create a new one."""
    if note_id is None:
        return None
    activity = session.get(Activity, note_id)
    if activity is None or activity.deleted_at is not None or activity.account_id != account_id:
        return None
    return activity


def _live_draft(session: Session, draft_id: uuid.UUID) -> Activity | None:
    draft = session.get(Activity, draft_id)
    if draft is None or draft.deleted_at is not None or not draft.is_draft:
        return None
    return draft


# Full-text search


def fts_query(user_text: str) -> str:
    """Turn typed words into an FTS5 query: every word must match, as a word prefix.

    Each word is quoted, so FTS5 operators and punctuation typed by the user
    are searched for as text instead of raising a syntax error.
    """
    words = user_text.split()
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def search_notes(
    session: Session, query: str, account_id: uuid.UUID | None = None
) -> list[SearchHit]:
    """Find published notes whose text matches every word of ``query``, best match first."""
    match = fts_query(query)
    if not match:
        return []
    ensure_search_index(session)

    # The account is an indexed token of its own, so FTS5 intersects the
    # account's short posting list with the words' lists instead of ranking
    # every matching note of the portfolio and filtering afterwards.
    text_match = "{" + " ".join(TEXT_COLUMNS) + "} : (" + match + ")"
    if account_id is not None:
        text_match = f'account_key : "{account_id.hex}" AND {text_match}'
    sql = (
        "SELECT a.id, a.occurred_on, a.kind, a.title, "
        "snippet(activity_fts, :body_column, '[', ']', '…', 12) "
        "FROM activity_fts JOIN activity AS a ON a.id = activity_fts.activity_id "
        "WHERE activity_fts MATCH :match AND a.deleted_at IS NULL AND a.is_draft = 0 "
        "ORDER BY rank LIMIT :limit"
    )
    params = {"match": text_match, "limit": SEARCH_LIMIT, "body_column": BODY_COLUMN}

    hits = []
    for raw_id, day, kind, title, excerpt in session.execute(text(sql), params):
        hits.append(
            SearchHit(uuid.UUID(raw_id), date.fromisoformat(day), kind, title, excerpt or "")
        )
    return hits


def ensure_search_index(session: Session) -> bool:
    """Recreate missing index triggers and rebuild the index. Return True if it was rebuilt.

    A migration that rebuilds the ``activity`` table (Alembic's batch mode
    copies it and drops the old one) also drops its triggers, and the index
    would then silently fall behind. This check costs one small query.
    """
    present = set(
        session.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'activity'")
        ).scalars()
    )
    missing = [name for name in _TRIGGERS if name not in present]
    if not missing:
        return False

    log.warning("Full-text triggers %s were missing; rebuilding the note index", missing)
    for name in missing:
        session.execute(text(_TRIGGERS[name]))
    session.execute(text("DELETE FROM activity_fts"))
    session.execute(
        text(
            "INSERT INTO activity_fts (activity_id, account_key, title, attendees, summary, body, "
            "decisions, next_steps) SELECT id, account_id, title, attendees, summary, body, "
            "decisions, next_steps "
            "FROM activity WHERE is_draft = 0 AND deleted_at IS NULL"
        )
    )
    return True
