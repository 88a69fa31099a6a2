"""Tasks (calls to action) on an account: create, snooze, complete, reopen and list.

Each write runs in its own short committed transaction, so a UI action
never holds the database while the user reads a dialog. "Snoozed" is not a
stored status: an open task is snoozed while ``snoozed_until`` lies after
the reference date, and wakes up by itself on that day.
"""

from __future__ import annotations

import logging
import re
import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.accounts import require_account
from csm_desktop.services.settings import reference_date
from csm_desktop.store.database import Database
from csm_desktop.store.models import Activity, Task
from csm_desktop.store.types import utc_now

log = logging.getLogger(__name__)


class TaskType(StrEnum):
    RISK = "risk"
    EXPANSION = "expansion"
    RENEWAL = "renewal"
    ONBOARDING = "onboarding"
    ADVOCACY = "advocacy"
    LIFECYCLE = "lifecycle"


class TaskPriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


# Sort rank: urgent first.
PRIORITY_RANK = {
    TaskPriority.URGENT: 0,
    TaskPriority.HIGH: 1,
    TaskPriority.NORMAL: 2,
    TaskPriority.LOW: 3,
}

# A leading bullet, checkbox or list number on a next-steps line: "- ", "* ",
# "• ", "[ ] ", "1. ", "2) ".
_BULLET = re.compile(r"^\s*(?:[-*•‣◦]|\[[ xX]?\]|\d+[.)])\s*")


class InvalidTaskError(ValueError):
    """A task field failed validation. The message names the field to fix."""


class TaskNotFoundError(LookupError):
    """No live task has the requested id."""


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One task as the Tasks tab shows it. ``snoozed`` is evaluated as of the reference date."""

    task_id: uuid.UUID
    title: str
    kind: str
    priority: str
    due_on: date | None
    status: str
    reason: str | None
    snoozed_until: date | None
    snooze_reason: str | None
    snoozed: bool
    overdue: bool
    activity_id: uuid.UUID | None


def create_task(
    db: Database,
    account_id: uuid.UUID,
    title: str,
    *,
    kind: str = TaskType.LIFECYCLE,
    priority: str = TaskPriority.NORMAL,
    due_on: date | None = None,
    reason: str | None = None,
    activity_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Validate and store one open task. Return its id."""
    title = _check_fields(title, kind, priority)
    with db.session() as session:
        require_account(session, account_id)
        task = Task(
            account_id=account_id,
            activity_id=activity_id,
            title=title,
            kind=kind,
            priority=priority,
            due_on=due_on,
            reason=(reason or "").strip() or None,
        )
        session.add(task)
        session.flush()
        task_id = task.id
    log.info("Created %s task %s on account %s", kind, task_id, account_id)
    return task_id


def split_next_steps(text: str | None) -> list[str]:
    """Split next steps into task titles: one per non-blank line, bullets and numbers removed."""
    titles = []
    for line in (text or "").splitlines():
        title = _BULLET.sub("", line, count=1).strip()
        if title:
            titles.append(title[:300])
    return titles


def tasks_from_note(
    session: Session,
    note: Activity,
    *,
    due_on: date | None,
    kind: str = TaskType.LIFECYCLE,
) -> list[uuid.UUID]:
    """Create one open task per next-steps line of ``note``, linked to it, in ``session``.

    A line that already has a live task linked to this note is skipped, so
    running the action twice creates no duplicates. Returns the new ids.
    """
    existing = set(
        session.scalars(
            select(Task.title).where(Task.activity_id == note.id, Task.deleted_at.is_(None))
        )
    )
    created = []
    for title in split_next_steps(note.next_steps):
        if title in existing:
            continue
        task = Task(
            account_id=note.account_id,
            activity_id=note.id,
            title=title,
            kind=kind,
            due_on=due_on,
            reason=note.title or None,
        )
        session.add(task)
        session.flush()
        existing.add(title)
        created.append(task.id)
    log.info("Created %d tasks from the next steps of note %s", len(created), note.id)
    return created


def snooze_task(db: Database, task_id: uuid.UUID, until: date, reason: str) -> None:
    """Hide an open task until ``until``. The reason is required and the date must be ahead."""
    reason = reason.strip()
    if not reason:
        raise InvalidTaskError("A snooze needs a reason. Say why the task can wait.")
    with db.session() as session:
        task = _live_task(session, task_id)
        today = reference_date(session)
        if until <= today:
            raise InvalidTaskError(
                f"The snooze date {until.isoformat()} is not after today "
                f"({today.isoformat()}). Choose a later date."
            )
        if task.status == TaskStatus.DONE:
            raise InvalidTaskError("A completed task cannot be snoozed. Reopen it first.")
        task.snoozed_until = until
        task.snooze_reason = reason
    log.info("Snoozed task %s until %s", task_id, until)


def set_task_done(db: Database, task_id: uuid.UUID, done: bool) -> None:
    """Complete the task (``done``) or reopen it. Completing also clears a snooze."""
    with db.session() as session:
        task = _live_task(session, task_id)
        if done:
            task.status = TaskStatus.DONE
            task.completed_at = utc_now()
            task.snoozed_until = None
            task.snooze_reason = None
        else:
            task.status = TaskStatus.OPEN
            task.completed_at = None
    log.info("Task %s %s", task_id, "completed" if done else "reopened")


def list_tasks(session: Session, account_id: uuid.UUID) -> list[TaskRow]:
    """List the account's live tasks: open ones first by due date and priority, then done ones."""
    today = reference_date(session)
    query = select(Task).where(Task.account_id == account_id, Task.deleted_at.is_(None))
    rows = [_row(task, today) for task in session.scalars(query)]
    rows.sort(key=_sort_key)
    return rows


def _row(task: Task, today: date) -> TaskRow:
    is_open = task.status != TaskStatus.DONE
    snoozed = is_open and task.snoozed_until is not None and task.snoozed_until > today
    return TaskRow(
        task_id=task.id,
        title=task.title,
        kind=task.kind,
        priority=task.priority,
        due_on=task.due_on,
        status=task.status,
        reason=task.reason,
        snoozed_until=task.snoozed_until if snoozed else None,
        snooze_reason=task.snooze_reason if snoozed else None,
        snoozed=snoozed,
        overdue=is_open and not snoozed and task.due_on is not None and task.due_on < today,
        activity_id=task.activity_id,
    )


def _sort_key(row: TaskRow) -> tuple[int, int, date, int, str]:
    if row.status == TaskStatus.DONE:
        group = 2
    elif row.snoozed:
        group = 1
    else:
        group = 0
    has_no_due = 1 if row.due_on is None else 0
    return (
        group,
        has_no_due,
        row.due_on or date.max,
        PRIORITY_RANK.get(row.priority, 4),
        row.title.casefold(),
    )


def _check_fields(title: str, kind: str, priority: str) -> str:
    title = title.strip()
    if not title:
        raise InvalidTaskError("The task has no title. Say what needs doing.")
    if kind not in {member.value for member in TaskType}:
        allowed = ", ".join(member.value for member in TaskType)
        raise InvalidTaskError(f"Invalid task type {kind!r}; use one of: {allowed}.")
    if priority not in {member.value for member in TaskPriority}:
        allowed = ", ".join(member.value for member in TaskPriority)
        raise InvalidTaskError(f"Invalid priority {priority!r}; use one of: {allowed}.")
    return title


def _live_task(session: Session, task_id: uuid.UUID) -> Task:
    task = session.get(Task, task_id)
    if task is None or task.deleted_at is not None:
        raise TaskNotFoundError(f"Task {task_id} not found; it may have been deleted.")
    return task
