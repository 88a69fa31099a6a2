"""Success-plan goals and their check-ins over time.

A check-in records the value reached on a day and the status then. The
newest check-in by date updates the goal's current value and status, so a
backdated check-in never overwrites a newer reading.

Deleting a goal tombstones it (``deleted_at``) instead of removing the row,
so team sync can send the deletion. Its check-ins are tombstoned with it.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.accounts import require_account
from csm_desktop.store.database import Database
from csm_desktop.store.models import Goal
from csm_desktop.store.types import utc_now
from csm_desktop.store.workspace_models import GoalCheckIn

log = logging.getLogger(__name__)


class GoalStatus(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"
    MISSED = "missed"


class InvalidGoalError(ValueError):
    """A goal or check-in failed validation. The message says which field to fix."""


class GoalNotFoundError(LookupError):
    """No live goal has the requested id."""


@dataclass(frozen=True, slots=True)
class CheckInRow:
    checked_on: date
    value: float | None
    status: str
    comment: str | None


@dataclass(frozen=True, slots=True)
class GoalRow:
    """A goal with its check-ins, oldest first. ``progress`` is current / target, or None."""

    goal_id: uuid.UUID
    objective: str
    owner: str | None
    target_value: float | None
    current_value: float | None
    unit: str | None
    due_on: date | None
    status: str
    achieved_on: date | None
    progress: float | None
    check_ins: list[CheckInRow]


def create_goal(
    db: Database,
    account_id: uuid.UUID,
    objective: str,
    *,
    target_value: float | None = None,
    current_value: float | None = None,
    unit: str | None = None,
    owner: str | None = None,
    due_on: date | None = None,
) -> uuid.UUID:
    """Validate and store a goal, on track. Return its id."""
    objective = _checked_objective(objective)
    with db.session() as session:
        require_account(session, account_id)
        goal = Goal(account_id=account_id, objective=objective, status=GoalStatus.ON_TRACK)
        _copy_fields(goal, target_value, current_value, unit, owner, due_on)
        session.add(goal)
        session.flush()
        goal_id = goal.id
    log.info("Created goal %s on account %s", goal_id, account_id)
    return goal_id


def update_goal(
    db: Database,
    goal_id: uuid.UUID,
    objective: str,
    *,
    target_value: float | None,
    current_value: float | None,
    unit: str | None,
    owner: str | None,
    due_on: date | None,
) -> None:
    """Replace the goal's fields with the given ones. Status and check-ins stay as they are.

    Every field is required, so a caller that forgets one cannot blank it by
    accident. Raises ``InvalidGoalError`` for a blank objective (the stored
    goal is left unchanged) and ``GoalNotFoundError`` for a missing or
    deleted goal.
    """
    objective = _checked_objective(objective)
    with db.session() as session:
        goal = _live_goal(session, goal_id)
        goal.objective = objective
        _copy_fields(goal, target_value, current_value, unit, owner, due_on)
    log.info("Updated goal %s", goal_id)


def delete_goal(db: Database, goal_id: uuid.UUID) -> None:
    """Tombstone the goal and its live check-ins in one transaction.

    Raises ``GoalNotFoundError`` for a missing or already deleted goal.
    """
    with db.session() as session:
        goal = _live_goal(session, goal_id)
        deleted_at = utc_now()
        goal.deleted_at = deleted_at
        check_ins = session.scalars(
            select(GoalCheckIn).where(
                GoalCheckIn.goal_id == goal_id, GoalCheckIn.deleted_at.is_(None)
            )
        ).all()
        for check_in in check_ins:
            check_in.deleted_at = deleted_at
    log.info("Deleted goal %s and its %d check-ins", goal_id, len(check_ins))


def add_check_in(
    db: Database,
    goal_id: uuid.UUID,
    checked_on: date,
    status: str,
    *,
    value: float | None = None,
    comment: str | None = None,
) -> uuid.UUID:
    """Record a check-in. When it is the newest by date, it sets the goal's value and status."""
    if status not in {member.value for member in GoalStatus}:
        allowed = ", ".join(member.value for member in GoalStatus)
        raise InvalidGoalError(f"Invalid goal status {status!r}; use one of: {allowed}.")

    with db.session() as session:
        goal = _live_goal(session, goal_id)
        newest = session.scalar(
            select(GoalCheckIn.checked_on)
            .where(GoalCheckIn.goal_id == goal_id, GoalCheckIn.deleted_at.is_(None))
            .order_by(GoalCheckIn.checked_on.desc())
            .limit(1)
        )
        check_in = GoalCheckIn(
            goal_id=goal_id,
            checked_on=checked_on,
            value=value,
            status=status,
            comment=(comment or "").strip() or None,
        )
        session.add(check_in)
        session.flush()
        check_in_id = check_in.id

        if newest is None or checked_on >= newest:
            if value is not None:
                goal.current_value = value
            goal.status = status
            goal.achieved_on = checked_on if status == GoalStatus.ACHIEVED else None
    log.info("Checked in goal %s on %s: %s", goal_id, checked_on, status)
    return check_in_id


def list_goals(session: Session, account_id: uuid.UUID) -> list[GoalRow]:
    """List the account's live goals by due date (undated last) with their check-ins."""
    goals = list(
        session.scalars(
            select(Goal).where(Goal.account_id == account_id, Goal.deleted_at.is_(None))
        )
    )
    check_ins: dict[uuid.UUID, list[CheckInRow]] = {goal.id: [] for goal in goals}
    if goals:
        query = (
            select(GoalCheckIn)
            .where(GoalCheckIn.goal_id.in_(check_ins), GoalCheckIn.deleted_at.is_(None))
            .order_by(GoalCheckIn.checked_on, GoalCheckIn.created_at)
        )
        for row in session.scalars(query):
            check_ins[row.goal_id].append(
                CheckInRow(row.checked_on, row.value, row.status, row.comment)
            )

    rows = [_goal_row(goal, check_ins[goal.id]) for goal in goals]
    rows.sort(key=lambda row: (row.due_on is None, row.due_on or date.max, row.objective))
    return rows


def _goal_row(goal: Goal, check_ins: list[CheckInRow]) -> GoalRow:
    progress = None
    if goal.target_value and goal.current_value is not None:
        progress = goal.current_value / goal.target_value
    return GoalRow(
        goal_id=goal.id,
        objective=goal.objective,
        owner=goal.owner,
        target_value=goal.target_value,
        current_value=goal.current_value,
        unit=goal.unit,
        due_on=goal.due_on,
        status=goal.status,
        achieved_on=goal.achieved_on,
        progress=progress,
        check_ins=check_ins,
    )


def _checked_objective(objective: str) -> str:
    objective = objective.strip()
    if not objective:
        raise InvalidGoalError("The goal has no objective. Say what the customer wants to reach.")
    return objective


def _copy_fields(
    goal: Goal,
    target_value: float | None,
    current_value: float | None,
    unit: str | None,
    owner: str | None,
    due_on: date | None,
) -> None:
    goal.target_value = target_value
    goal.current_value = current_value
    goal.unit = (unit or "").strip() or None
    goal.owner = (owner or "").strip() or None
    goal.due_on = due_on


def _live_goal(session: Session, goal_id: uuid.UUID) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None or goal.deleted_at is not None:
        raise GoalNotFoundError(f"Goal {goal_id} not found; it may have been deleted.")
    return goal
