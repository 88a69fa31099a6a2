"""QBR sections, narrative drafts written from the data, and the CSM's saved edits.

A draft is plain text with one paragraph per line; lines starting with
"- " print as bullets. Drafts are written only from the ``QbrData`` they
are given, so a customer-version draft cannot mention an internal value.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from csm_desktop.formatting import format_date, format_number, format_percent
from csm_desktop.quarters import Quarter
from csm_desktop.services.qbr_data import QbrData
from csm_desktop.services.qbr_outcomes import OVERDUE
from csm_desktop.store.report_models import QbrDraft, QbrPreference

log = logging.getLogger(__name__)

CUSTOMER = "customer"
INTERNAL = "internal"
# Section keys in document order. The cover and contents always print.
SECTIONS = (
    "summary",
    "health",
    "usage",
    "goals",
    "support",
    "feedback",
    "value",
    "commercial",
    "recommendations",
    "notes",
    "internal",
    "appendix",
)
INTERNAL_SECTIONS = frozenset({"internal"})
# Sections whose body is narrative text the CSM may edit.
NARRATIVES = ("summary", "value", "recommendations", "plan")
# Relative changes smaller than this read as "stable" in drafts.
STABLE_CHANGE = 0.02
# Decimals of a percentage change in drafts, matching ``labels.signed_percent``.
CHANGE_DECIMALS = 1


def section_title(key: str) -> str:
    """Return the translated heading of a section or narrative key."""
    titles = {
        "summary": QCoreApplication.translate("QbrDrafts", "Executive summary"),
        "health": QCoreApplication.translate("QbrDrafts", "Account health"),
        "usage": QCoreApplication.translate("QbrDrafts", "Usage and adoption"),
        "goals": QCoreApplication.translate("QbrDrafts", "Goals: planned and achieved"),
        "support": QCoreApplication.translate("QbrDrafts", "Support summary"),
        "feedback": QCoreApplication.translate("QbrDrafts", "NPS and satisfaction"),
        "value": QCoreApplication.translate("QbrDrafts", "Value delivered"),
        "commercial": QCoreApplication.translate("QbrDrafts", "Renewal and commercial overview"),
        "recommendations": QCoreApplication.translate(
            "QbrDrafts", "Recommendations and next-quarter plan"
        ),
        "plan": QCoreApplication.translate("QbrDrafts", "Plan for next quarter"),
        "notes": QCoreApplication.translate("QbrDrafts", "Meetings and notes"),
        "internal": QCoreApplication.translate("QbrDrafts", "Internal: risk, ARR and forecast"),
        "appendix": QCoreApplication.translate("QbrDrafts", "Appendix"),
    }
    return titles.get(key, key)


def sections_for(version: str, chosen: list[str] | None = None) -> list[str]:
    """Return the section keys to print, in document order.

    The internal section never prints in the customer version, even when
    ``chosen`` names it.
    """
    requested = set(SECTIONS if chosen is None else chosen)
    return [
        key
        for key in SECTIONS
        if key in requested and (version == INTERNAL or key not in INTERNAL_SECTIONS)
    ]


def generate_drafts(data: QbrData, locale: QLocale) -> dict[str, str]:
    """Write the narrative drafts for every key in ``NARRATIVES`` from ``data``."""
    return {
        "summary": "\n".join(_summary_lines(data, locale)),
        "value": "\n".join(_value_lines(data, locale)),
        "recommendations": "\n".join(_recommendation_lines(data)),
        "plan": "\n".join(_plan_lines(data, locale)),
    }


def _change_sentence(change: float, rose: str, fell: str, stable: str, locale: QLocale) -> str:
    if abs(change) < STABLE_CHANGE:
        return stable
    template = rose if change > 0 else fell
    # One decimal, as the report's usage tiles and tables print the change.
    return template.format(percent=format_percent(abs(change), locale, CHANGE_DECIMALS))


def goals_achieved_sentence(achieved: int, planned: int) -> str:
    """Return the sentence on the goals due this quarter, in its own form for a single goal."""
    if planned == 1:
        if achieved:
            return QCoreApplication.translate(
                "QbrDrafts", "The goal due this quarter was achieved."
            )
        return QCoreApplication.translate(
            "QbrDrafts", "The goal due this quarter was not achieved."
        )
    return QCoreApplication.translate(
        "QbrDrafts", "{achieved} of {planned} goals due this quarter were achieved."
    ).format(achieved=achieved, planned=planned)


def _summary_lines(data: QbrData, locale: QLocale) -> list[str]:
    # A count of one takes its own sentence, which covers English and Spanish.
    # NOTE: a language with more plural forms would need Qt's %n forms here.
    lines = []
    start, end = data.health.start, data.health.end
    if end is not None and end.score is not None:
        if start is not None and start.score is not None and start is not end:
            lines.append(
                QCoreApplication.translate(
                    "QbrDrafts", "Health moved from {start} to {end} over the quarter."
                ).format(
                    start=format_number(start.score, locale), end=format_number(end.score, locale)
                )
            )
        else:
            lines.append(
                QCoreApplication.translate(
                    "QbrDrafts", "Health stood at {end} at the end of the quarter."
                ).format(end=format_number(end.score, locale))
            )

    if data.usage.change is not None:
        lines.append(
            _change_sentence(
                data.usage.change,
                QCoreApplication.translate(
                    "QbrDrafts", "Product use rose {percent} over the previous quarter."
                ),
                QCoreApplication.translate(
                    "QbrDrafts", "Product use fell {percent} against the previous quarter."
                ),
                QCoreApplication.translate(
                    "QbrDrafts", "Product use held steady against the previous quarter."
                ),
                locale,
            )
        )
    adoption = data.adoption
    if adoption.active_users is not None and adoption.previous_active_users:
        change = adoption.active_users / adoption.previous_active_users - 1
        lines.append(
            _change_sentence(
                change,
                QCoreApplication.translate(
                    "QbrDrafts", "Active users rose {percent} over the quarter."
                ),
                QCoreApplication.translate(
                    "QbrDrafts", "Active users fell {percent} over the quarter."
                ),
                QCoreApplication.translate(
                    "QbrDrafts", "Active users held steady over the quarter."
                ),
                locale,
            )
        )

    if data.goals.planned:
        lines.append(goals_achieved_sentence(data.goals.achieved, data.goals.planned))
    if data.support.count:
        if data.support.count == 1:
            text = QCoreApplication.translate(
                "QbrDrafts", "1 support ticket was opened (still open: {open})."
            )
        else:
            text = QCoreApplication.translate(
                "QbrDrafts", "{count} support tickets were opened (still open: {open})."
            )
        lines.append(
            text.format(
                count=format_number(data.support.count, locale),
                open=format_number(data.support.still_open, locale),
            )
        )
    if data.feedback.nps is not None:
        if data.feedback.nps_responses == 1:
            text = QCoreApplication.translate(
                "QbrDrafts", "The Net Promoter Score was {nps} from 1 response."
            )
        else:
            text = QCoreApplication.translate(
                "QbrDrafts", "The Net Promoter Score was {nps} from {count} responses."
            )
        lines.append(
            text.format(
                nps=format_number(data.feedback.nps, locale),
                count=format_number(data.feedback.nps_responses, locale),
            )
        )
    if not lines:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "This quarter has little recorded activity to summarise."
            )
        )
    return lines


def _value_lines(data: QbrData, locale: QLocale) -> list[str]:
    achieved = [goal for goal in data.goals.goals if goal.status == "achieved"]
    lines = [
        QCoreApplication.translate("QbrDrafts", "- Achieved: {objective}").format(
            objective=goal.objective
        )
        for goal in achieved
    ]
    if data.usage.total:
        lines.append(_usage_value_line(data.usage.total, data.adoption.features_used, locale))
    resolved = data.support.count - data.support.still_open
    if resolved > 0:
        if resolved == 1:
            text = QCoreApplication.translate("QbrDrafts", "- 1 support ticket resolved.")
        else:
            text = QCoreApplication.translate("QbrDrafts", "- {count} support tickets resolved.")
        lines.append(text.format(count=format_number(resolved, locale)))
    if not lines:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "No outcomes were recorded for this quarter yet."
            )
        )
    return lines


def _usage_value_line(events: int, features: int, locale: QLocale) -> str:
    if events == 1:
        return QCoreApplication.translate("QbrDrafts", "- 1 feature event in 1 feature.")
    if features == 1:
        text = QCoreApplication.translate("QbrDrafts", "- {count} feature events in 1 feature.")
    else:
        text = QCoreApplication.translate(
            "QbrDrafts", "- {count} feature events across {features} features."
        )
    return text.format(count=format_number(events, locale), features=features)


def _recommendation_lines(data: QbrData) -> list[str]:
    lines = []
    if data.usage.change is not None and data.usage.change <= -0.1:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "- Review the drop in product use together and agree on actions."
            )
        )

    adoption = data.adoption
    if adoption.features_available and adoption.features_used < adoption.features_available / 2:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "- Run an enablement session on features the team has not used yet."
            )
        )

    utilisation = adoption.seat_utilisation
    if utilisation is not None and utilisation < 0.6:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "- Invite the licensed users who have not started yet."
            )
        )

    if data.feedback.detractors:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "- Follow up on the concerns raised in the latest surveys."
            )
        )
    if data.support.still_open:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "- Close out the support tickets that are still open."
            )
        )

    missed = [goal for goal in data.goals.goals if goal.status in ("missed", "at_risk", OVERDUE)]
    for goal in missed:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "- Agree on a new plan for: {objective}"
            ).format(objective=goal.objective)
        )

    if not lines:
        lines.append(
            QCoreApplication.translate(
                "QbrDrafts", "- Keep the current cadence and set goals for the next quarter."
            )
        )
    return lines


def _plan_lines(data: QbrData, locale: QLocale) -> list[str]:
    following = data.quarter.next()
    lines = []
    for goal in data.goals.goals:
        # An overdue goal already has a line under the recommendations.
        if goal.status in ("achieved", "missed", OVERDUE):
            continue
        due = (
            format_date(goal.due_on, locale)
            if goal.due_on
            else QCoreApplication.translate("QbrDrafts", "no due date")
        )
        lines.append(
            QCoreApplication.translate("QbrDrafts", "- {objective} (due {due})").format(
                objective=goal.objective, due=due
            )
        )
    lines.append(
        QCoreApplication.translate("QbrDrafts", "- Next business review: Q{number} {year}.").format(
            number=following.number, year=following.year
        )
    )
    return lines


def load_saved_drafts(session: Session, account_id: uuid.UUID, quarter: Quarter) -> dict[str, str]:
    """Return the narrative texts the CSM saved for this account and quarter."""
    rows = session.execute(
        select(QbrDraft.section, QbrDraft.body).where(
            QbrDraft.account_id == account_id,
            QbrDraft.quarter == str(quarter),
            QbrDraft.deleted_at.is_(None),
        )
    ).all()
    return {section: body for section, body in rows}


def save_drafts(
    session: Session, account_id: uuid.UUID, quarter: Quarter, texts: Mapping[str, str]
) -> None:
    """Store the edited narratives; a blank text removes the saved one, so the draft returns."""
    for section, body in texts.items():
        if section not in NARRATIVES:
            raise ValueError(f"Invalid narrative section {section!r}: use one of {NARRATIVES}.")
        condition = (
            QbrDraft.account_id == account_id,
            QbrDraft.quarter == str(quarter),
            QbrDraft.section == section,
        )
        if not body.strip():
            session.execute(delete(QbrDraft).where(*condition))
            continue
        row = session.scalars(select(QbrDraft).where(*condition)).first()
        if row is None:
            session.add(
                QbrDraft(account_id=account_id, quarter=str(quarter), section=section, body=body)
            )
        else:
            row.body = body
            row.deleted_at = None


def resolve_narratives(session: Session, data: QbrData, locale: QLocale) -> dict[str, str]:
    """Return the saved text of each narrative, or the generated draft where none was saved."""
    texts = generate_drafts(data, locale)
    texts.update(load_saved_drafts(session, data.account.id, data.quarter))
    return texts


@dataclass(frozen=True)
class QbrChoice:
    """Sections and version an account's QBR is exported with."""

    sections: list[str]
    version: str


def load_choice(session: Session, account_id: uuid.UUID) -> QbrChoice:
    """Return the last saved choice, or every section of the customer version."""
    row = session.execute(
        select(QbrPreference.sections, QbrPreference.version).where(
            QbrPreference.account_id == account_id, QbrPreference.deleted_at.is_(None)
        )
    ).first()
    if row is None:
        return QbrChoice(sections=list(SECTIONS), version=CUSTOMER)
    known = [key for key in row.sections if key in SECTIONS]
    return QbrChoice(sections=known, version=row.version)


def save_choice(session: Session, account_id: uuid.UUID, choice: QbrChoice) -> None:
    """Store the sections and version for the account's next export."""
    if choice.version not in (CUSTOMER, INTERNAL):
        raise ValueError(f"Invalid QBR version {choice.version!r}: use customer or internal.")
    row = session.scalars(
        select(QbrPreference).where(QbrPreference.account_id == account_id)
    ).first()
    if row is None:
        session.add(
            QbrPreference(
                account_id=account_id, sections=list(choice.sections), version=choice.version
            )
        )
    else:
        row.sections = list(choice.sections)
        row.version = choice.version
        row.deleted_at = None
