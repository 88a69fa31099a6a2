"""The QBR's outcome sections: goals, support summary, NPS and CSAT, and value delivered."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from csm_desktop.formatting import format_date, format_number
from csm_desktop.reports import labels
from csm_desktop.reports.blocks import (
    SectionContext,
    grid_table,
    heading,
    key_values,
    kpi_tiles,
    narrative,
    note,
    subheading,
)
from csm_desktop.reports.markup import markup
from csm_desktop.services.qbr_data import QbrData
from csm_desktop.services.qbr_drafts import goals_achieved_sentence, section_title
from csm_desktop.services.qbr_outcomes import GoalRecord

log = logging.getLogger(__name__)


def goals_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the goals table: planned against achieved, with target and current values."""
    flowables: list[Flowable] = [heading(section_title("goals"), context)]
    goals = data.goals
    if not goals.goals:
        return [
            *flowables,
            note(
                QCoreApplication.translate(
                    "QbrReport", "No success-plan goals were recorded for this quarter."
                ),
                context,
            ),
        ]

    if goals.planned:
        text = goals_achieved_sentence(goals.achieved, goals.planned)
    else:
        text = QCoreApplication.translate(
            "QbrReport", "No goals fell due this quarter; open goals are listed below."
        )
    rows = [
        [
            goal.objective,
            goal.owner,
            _goal_value(goal.target_value, goal, context),
            _goal_value(goal.current_value, goal, context),
            format_date(goal.due_on, context.locale) or None,
            _goal_status(goal, context),
        ]
        for goal in goals.goals
    ]
    table = grid_table(
        [
            QCoreApplication.translate("QbrReport", "Objective"),
            QCoreApplication.translate("QbrReport", "Owner"),
            QCoreApplication.translate("QbrReport", "Target"),
            QCoreApplication.translate("QbrReport", "Current"),
            QCoreApplication.translate("QbrReport", "Due"),
            QCoreApplication.translate("QbrReport", "Status"),
        ],
        rows,
        [0.32, 0.14, 0.11, 0.11, 0.13, 0.19],
        context,
        right=(2, 3),
    )
    return [*flowables, Paragraph(markup(text), context.styles.body), table]


def _goal_value(value: float | None, goal: GoalRecord, context: SectionContext) -> str | None:
    if value is None:
        return None
    number = format_number(value, context.locale, 0 if float(value).is_integer() else 1)
    # A no-break space keeps "80 %" on one line in a narrow column.
    return f"{number}\u00a0{goal.unit}" if goal.unit else number


def _goal_status(goal: GoalRecord, context: SectionContext) -> str:
    status = labels.goal_status_label(goal.status)
    if goal.status == "achieved" and goal.achieved_on:
        return QCoreApplication.translate("QbrReport", "{status} on {date}").format(
            status=status, date=format_date(goal.achieved_on, context.locale)
        )
    return status


def support_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the support summary of tickets opened in the quarter, by priority."""
    locale = context.locale
    support = data.support
    flowables: list[Flowable] = [heading(section_title("support"), context)]
    if support.count == 0:
        text = QCoreApplication.translate(
            "QbrReport", "No support tickets were opened in {quarter}."
        ).format(quarter=labels.quarter_label(data.quarter, locale))
        return [*flowables, note(text, context)]

    no_data = QCoreApplication.translate("QbrReport", "no data")

    def number(value: float | None, decimals: int) -> str:
        return no_data if value is None else format_number(value, locale, decimals)

    rows: list[tuple[str, object]] = [
        (QCoreApplication.translate("QbrReport", "Tickets opened"), support.count),
        (
            QCoreApplication.translate("QbrReport", "Mean time to resolution (hours)"),
            number(support.mean_resolution_hours, 1),
        ),
        (
            QCoreApplication.translate("QbrReport", "Mean first response (minutes)"),
            number(support.mean_first_response_minutes, 0),
        ),
        (
            QCoreApplication.translate(
                "QbrReport", "Mean ticket satisfaction (1–5; ratings: {count})"
            ).format(count=format_number(support.csat_responses, locale)),
            number(support.mean_csat, 2),
        ),
        (QCoreApplication.translate("QbrReport", "Escalated"), support.escalated),
        (QCoreApplication.translate("QbrReport", "Still open"), support.still_open),
    ]
    priority_rows = [
        [labels.priority_label(priority), count]
        for priority, count in labels.ordered_priorities(support.by_priority)
    ]
    return [
        *flowables,
        key_values(rows, context),
        subheading(QCoreApplication.translate("QbrReport", "Tickets by priority"), context),
        grid_table(
            [
                QCoreApplication.translate("QbrReport", "Priority"),
                QCoreApplication.translate("QbrReport", "Tickets"),
            ],
            priority_rows,
            [0.6, 0.4],
            context,
            right=(1,),
        ),
    ]


def feedback_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build NPS and CSAT: score tiles, the promoter split and recent verbatims."""
    locale = context.locale
    feedback = data.feedback
    flowables: list[Flowable] = [heading(section_title("feedback"), context)]
    if not feedback.nps_responses and not feedback.csat_responses:
        text = QCoreApplication.translate(
            "QbrReport", "No NPS or CSAT survey responses were recorded in {quarter}."
        ).format(quarter=labels.quarter_label(data.quarter, locale))
        return [*flowables, note(text, context)]

    def score(value: float | None, decimals: int = 0) -> str:
        return "–" if value is None else format_number(value, locale, decimals)

    responses = format_number(feedback.csat_responses, locale)
    csat_label = QCoreApplication.translate("QbrReport", "CSAT (responses: {count})").format(
        count=responses
    )
    if feedback.csat_scale_max:
        csat_label = QCoreApplication.translate(
            "QbrReport", "CSAT out of {max} (responses: {count})"
        ).format(max=format_number(feedback.csat_scale_max, locale), count=responses)
    tiles = [
        (
            score(feedback.nps),
            QCoreApplication.translate("QbrReport", "NPS (responses: {count})").format(
                count=format_number(feedback.nps_responses, locale)
            ),
        ),
        (
            score(feedback.previous_nps),
            QCoreApplication.translate("QbrReport", "NPS previous quarter"),
        ),
        (score(feedback.mean_csat, 1), csat_label),
    ]
    flowables += [kpi_tiles(tiles, context), Spacer(1, 3 * mm)]
    if feedback.nps_responses:
        split = QCoreApplication.translate(
            "QbrReport", "Promoters: {promoters}, passives: {passives}, detractors: {detractors}."
        )
        flowables.append(
            Paragraph(
                markup(
                    split.format(
                        promoters=feedback.promoters,
                        passives=feedback.passives,
                        detractors=feedback.detractors,
                    )
                ),
                context.styles.body,
            )
        )

    flowables.append(subheading(QCoreApplication.translate("QbrReport", "In their words"), context))
    if not feedback.verbatims:
        return [
            *flowables,
            note(
                QCoreApplication.translate("QbrReport", "No comments came with the responses."),
                context,
            ),
        ]
    for verbatim in feedback.verbatims:
        source = QCoreApplication.translate("QbrReport", "{kind} {score}, {date}").format(
            kind=verbatim.kind.upper(),
            score=format_number(verbatim.score, locale),
            date=format_date(verbatim.responded_on, locale),
        )
        flowables.append(Paragraph(markup(f"“{verbatim.text}”"), context.styles.quote))
        flowables.append(Paragraph(markup(source), context.styles.note_meta))
    return flowables


def value_section(data: QbrData, context: SectionContext, text: str) -> list[Flowable]:
    """Build value delivered from the CSM's narrative (drafted from achieved goals and usage)."""
    return [heading(section_title("value"), context), *narrative(text, context)]
