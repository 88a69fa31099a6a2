"""Playbooks: templates that create a set of tasks dated relative to an event.

Three playbooks ship with the app (renewal, onboarding, risk); the user
may store more in the ``playbook`` tables. A step's due date is the anchor
date plus ``offset_days``: the renewal date, the contract start or today
(the reference date). A step whose date has already passed is due today
instead, and its reason says so.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from csm_desktop.services.accounts import load_facts, require_account
from csm_desktop.services.tasks import TaskPriority, TaskType
from csm_desktop.store.database import Database
from csm_desktop.store.models import Task
from csm_desktop.store.workspace_models import Playbook, PlaybookStep

log = logging.getLogger(__name__)


class Anchor(StrEnum):
    RENEWAL = "renewal"
    CONTRACT_START = "contract_start"
    TODAY = "today"


class PlaybookError(ValueError):
    """A playbook cannot be applied to this account; the message says why."""


@dataclass(frozen=True, slots=True)
class StepTemplate:
    title: str
    kind: str
    priority: str
    offset_days: int


@dataclass(frozen=True, slots=True)
class PlaybookTemplate:
    """A playbook ready to apply. ``key`` is "builtin:<name>" or a stored playbook's UUID."""

    key: str
    name: str
    description: str
    anchor: str
    steps: tuple[StepTemplate, ...]


def builtin_playbooks() -> list[PlaybookTemplate]:
    """Return the playbooks that ship with the app, with translated names and steps."""
    renewal, onboarding, risk = TaskType.RENEWAL, TaskType.ONBOARDING, TaskType.RISK
    urgent, high, normal = TaskPriority.URGENT, TaskPriority.HIGH, TaskPriority.NORMAL
    return [
        PlaybookTemplate(
            "builtin:renewal",
            QCoreApplication.translate("Playbooks", "Renewal"),
            QCoreApplication.translate(
                "Playbooks", "Prepare the renewal from four months before the renewal date."
            ),
            Anchor.RENEWAL,
            (
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Review health, usage and open risks"),
                    renewal,
                    normal,
                    -120,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Document the value delivered"),
                    renewal,
                    normal,
                    -100,
                ),
                StepTemplate(
                    QCoreApplication.translate(
                        "Playbooks", "Confirm the economic buyer and budget"
                    ),
                    renewal,
                    high,
                    -90,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Hold the renewal QBR"),
                    renewal,
                    high,
                    -75,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Send the renewal proposal"),
                    renewal,
                    high,
                    -60,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Resolve open commercial questions"),
                    renewal,
                    high,
                    -30,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Confirm the signed renewal"),
                    renewal,
                    high,
                    -7,
                ),
            ),
        ),
        PlaybookTemplate(
            "builtin:onboarding",
            QCoreApplication.translate("Playbooks", "Onboarding"),
            QCoreApplication.translate("Playbooks", "First 90 days after the contract starts."),
            Anchor.CONTRACT_START,
            (
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Kick-off call and success plan goals"),
                    onboarding,
                    high,
                    3,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Technical set-up and admin training"),
                    onboarding,
                    normal,
                    14,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Check first-month adoption"),
                    onboarding,
                    normal,
                    30,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Review goals with the sponsor"),
                    onboarding,
                    normal,
                    60,
                ),
                StepTemplate(
                    QCoreApplication.translate("Playbooks", "Close onboarding, move to adoption"),
                    onboarding,
                    normal,
                    90,
                ),
            ),
        ),
        PlaybookTemplate(
            "builtin:risk",
            QCoreApplication.translate("Playbooks", "Risk recovery"),
            QCoreApplication.translate(
                "Playbooks", "Steps for an account that turned red, starting today."
            ),
            Anchor.TODAY,
            (
                StepTemplate(
                    QCoreApplication.translate(
                        "Playbooks", "Call the champion to understand the risk"
                    ),
                    risk,
                    urgent,
                    1,
                ),
                StepTemplate(
                    QCoreApplication.translate(
                        "Playbooks", "Agree a recovery plan with the customer"
                    ),
                    risk,
                    high,
                    7,
                ),
                StepTemplate(
                    QCoreApplication.translate(
                        "Playbooks", "Escalate to the executive sponsor if needed"
                    ),
                    risk,
                    high,
                    14,
                ),
                StepTemplate(
                    QCoreApplication.translate(
                        "Playbooks", "Check usage and health after the plan"
                    ),
                    risk,
                    normal,
                    30,
                ),
            ),
        ),
    ]


def list_playbooks(session: Session) -> list[PlaybookTemplate]:
    """Return the built-in playbooks followed by the stored ones, by name."""
    stored = list(
        session.scalars(
            select(Playbook).where(Playbook.deleted_at.is_(None)).order_by(Playbook.name)
        )
    )
    result = builtin_playbooks()
    for playbook in stored:
        steps = session.scalars(
            select(PlaybookStep)
            .where(PlaybookStep.playbook_id == playbook.id, PlaybookStep.deleted_at.is_(None))
            .order_by(PlaybookStep.position)
        )
        result.append(
            PlaybookTemplate(
                str(playbook.id),
                playbook.name,
                playbook.description or "",
                playbook.anchor,
                tuple(StepTemplate(s.title, s.kind, s.priority, s.offset_days) for s in steps),
            )
        )
    return result


# TODO: the app has no screen to write or edit a stored playbook yet; only this
# function creates one.
def save_playbook(
    db: Database, name: str, anchor: str, steps: list[StepTemplate], description: str = ""
) -> uuid.UUID:
    """Store a user playbook with its steps in order. Return its id."""
    if not name.strip():
        raise PlaybookError("The playbook has no name. Enter a name.")
    if anchor not in {member.value for member in Anchor}:
        raise PlaybookError(f"Invalid anchor {anchor!r}; use renewal, contract_start or today.")
    with db.session() as session:
        playbook = Playbook(name=name.strip(), anchor=anchor, description=description or None)
        session.add(playbook)
        session.flush()
        for position, step in enumerate(steps):
            session.add(
                PlaybookStep(
                    playbook_id=playbook.id,
                    position=position,
                    title=step.title,
                    kind=step.kind,
                    priority=step.priority,
                    offset_days=step.offset_days,
                )
            )
        playbook_id = playbook.id
    return playbook_id


def apply_playbook(db: Database, account_id: uuid.UUID, key: str) -> list[uuid.UUID]:
    """Create the playbook's tasks on the account in one transaction. Return their ids.

    Raises ``PlaybookError`` for an unknown key or when the account lacks
    the anchor date (no renewal date, or no contract start).
    """
    with db.session() as session:
        playbook = _find(session, key)
        facts = load_facts(session, account_id)
        account = require_account(session, account_id)
        anchors = {
            Anchor.RENEWAL: facts.renewal_date,
            Anchor.CONTRACT_START: account.contract_start,
            Anchor.TODAY: facts.as_of,
        }
        anchor_day = anchors.get(Anchor(playbook.anchor))
        if anchor_day is None:
            raise PlaybookError(
                f"The playbook {playbook.name!r} counts from the account's {playbook.anchor} "
                "date, and this account has none. Set the date first."
            )

        task_ids = []
        for step in playbook.steps:
            task = _task_for(step, account_id, anchor_day, facts.as_of, playbook.name)
            session.add(task)
            session.flush()
            task_ids.append(task.id)
    log.info("Applied playbook %s to account %s: %d tasks", key, account_id, len(task_ids))
    return task_ids


def _task_for(
    step: StepTemplate, account_id: uuid.UUID, anchor_day: date, today: date, name: str
) -> Task:
    due = anchor_day + timedelta(days=step.offset_days)
    reason = QCoreApplication.translate("Playbooks", "Playbook: %1").replace("%1", name)
    if due < today:
        reason += " " + QCoreApplication.translate(
            "Playbooks", "(planned for %1, already past)"
        ).replace("%1", due.isoformat())
        due = today
    return Task(
        account_id=account_id,
        title=step.title,
        kind=step.kind,
        priority=step.priority,
        due_on=due,
        reason=reason,
    )


def _find(session: Session, key: str) -> PlaybookTemplate:
    for playbook in list_playbooks(session):
        if playbook.key == key:
            return playbook
    raise PlaybookError(f"Playbook {key!r} not found; it may have been deleted.")
