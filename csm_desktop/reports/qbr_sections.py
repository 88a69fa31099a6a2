"""The QBR's opening sections: cover, executive summary, health, and usage and adoption.

A section with no data gets a sentence stating that, never an empty table
or an exception. User-visible text goes through ``QCoreApplication.translate``
in the "QbrReport" context, and numbers and dates through ``formatting``.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QCoreApplication
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, Paragraph, Spacer, Table

from csm_desktop.formatting import format_date, format_number, format_percent
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
from csm_desktop.reports.styles import HEALTH_FILLS, grid_table_style, key_value_table_style
from csm_desktop.services.qbr_data import HealthSample, QbrData
from csm_desktop.services.qbr_drafts import section_title

log = logging.getLogger(__name__)

TOP_FEATURES = 8


def cover_section(
    data: QbrData,
    context: SectionContext,
    *,
    csm_name: str | None,
    company_name: str | None,
    prepared_on: date,
) -> list[Flowable]:
    """Build the cover: customer, quarter, account facts and who prepared the review."""
    styles, locale = context.styles, context.locale
    account = data.account
    kicker = QCoreApplication.translate("QbrReport", "Quarterly Business Review")
    if data.is_internal:
        kicker = QCoreApplication.translate(
            "QbrReport", "Quarterly Business Review: internal version, do not share"
        )
    flowables: list[Flowable] = [
        NextPageTemplate("Body"),
        Spacer(1, 30 * mm),
        Paragraph(markup(kicker), styles.cover_kicker),
        Paragraph(markup(account.name), styles.cover_title),
        Paragraph(markup(labels.quarter_label(data.quarter, locale)), styles.cover_subtitle),
    ]

    facts = [
        (QCoreApplication.translate("QbrReport", "Industry"), account.industry),
        (QCoreApplication.translate("QbrReport", "Country"), account.country),
        (QCoreApplication.translate("QbrReport", "Plan"), account.plan_tier),
        (QCoreApplication.translate("QbrReport", "Seats"), format_number(account.seats, locale)),
        (
            QCoreApplication.translate("QbrReport", "Renewal date"),
            format_date(data.commercial.renewal_date, locale),
        ),
    ]
    rows = [
        [Paragraph(markup(label), styles.cell_header), Paragraph(markup(value), styles.cell)]
        for label, value in facts
        if value
    ]
    if rows:
        table = Table(rows, colWidths=[context.width * 0.35, context.width * 0.65], hAlign="LEFT")
        table.setStyle(key_value_table_style(styles.fonts, len(rows)))
        flowables += [table, Spacer(1, 14 * mm)]

    if csm_name:
        text = QCoreApplication.translate("QbrReport", "Prepared by {name}").format(name=csm_name)
        flowables.append(Paragraph(markup(text), styles.cover_meta))
    if company_name:
        flowables.append(Paragraph(markup(company_name), styles.cover_meta))
    prepared = QCoreApplication.translate("QbrReport", "Prepared on {date}").format(
        date=format_date(prepared_on, locale)
    )
    flowables.append(Paragraph(markup(prepared), styles.cover_meta))
    return flowables


def summary_section(data: QbrData, context: SectionContext, text: str) -> list[Flowable]:
    """Build the executive summary: headline figures and the CSM's narrative."""
    locale = context.locale
    health = data.health.end
    score = (
        format_number(health.score, locale)
        if health is not None and health.score is not None
        else "–"
    )
    usage_change = (
        labels.signed_percent(data.usage.change, locale) if data.usage.change is not None else "–"
    )
    goals = (
        QCoreApplication.translate("QbrReport", "{achieved} of {planned}").format(
            achieved=data.goals.achieved, planned=data.goals.planned
        )
        if data.goals.planned
        else "–"
    )
    nps = format_number(data.feedback.nps, locale) if data.feedback.nps is not None else "–"
    tiles = [
        (score, QCoreApplication.translate("QbrReport", "Health at quarter end")),
        (usage_change, QCoreApplication.translate("QbrReport", "Product use vs previous quarter")),
        (goals, QCoreApplication.translate("QbrReport", "Goals achieved")),
        (nps, QCoreApplication.translate("QbrReport", "Net Promoter Score")),
    ]
    return [
        heading(section_title("summary"), context),
        kpi_tiles(tiles, context),
        Spacer(1, 5 * mm),
        *narrative(text, context),
    ]


def health_section(
    data: QbrData, context: SectionContext, chart: Flowable, breakdown_chart: Flowable | None
) -> list[Flowable]:
    """Build the health section: start and end scores, the timeline and the measure breakdown."""
    flowables: list[Flowable] = [heading(section_title("health"), context)]
    health = data.health
    if not health.timeline:
        text = QCoreApplication.translate(
            "QbrReport", "No health scores were recorded for this account up to {date}."
        ).format(date=format_date(data.quarter.end, context.locale))
        return [*flowables, note(text, context)]

    styles = context.styles
    header = [
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Quarter start")), styles.cell),
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Quarter end")), styles.cell),
    ]
    values = [_score_paragraph(health.start, context), _score_paragraph(health.end, context)]
    table = Table([header, values], colWidths=[context.width / 2] * 2, hAlign="LEFT")
    table_style = grid_table_style(styles.fonts)
    for column, sample in enumerate((health.start, health.end)):
        fill = HEALTH_FILLS.get(sample.colour) if sample is not None else None
        if fill is not None:
            table_style.add("BACKGROUND", (column, 1), (column, 1), fill)
    table.setStyle(table_style)
    flowables += [table, Spacer(1, 4 * mm), chart]
    return flowables + _breakdown(data, context, breakdown_chart)


def _breakdown(data: QbrData, context: SectionContext, chart: Flowable | None) -> list[Flowable]:
    flowables: list[Flowable] = [
        subheading(QCoreApplication.translate("QbrReport", "Breakdown by measure"), context)
    ]
    breakdown = data.breakdown
    if breakdown is None or not breakdown.measures:
        return [
            *flowables,
            note(
                QCoreApplication.translate(
                    "QbrReport", "No measure breakdown is available for this quarter."
                ),
                context,
            ),
        ]

    intro = QCoreApplication.translate(
        "QbrReport", "Score of {date}, from {used} of {total} measures."
    ).format(
        date=format_date(breakdown.as_of, context.locale),
        used=breakdown.measures_used,
        total=breakdown.measures_total,
    )
    rows = []
    for measure in breakdown.measures:
        score = format_number(measure.score, context.locale) if measure.score is not None else None
        weight = format_percent(measure.weight, context.locale) if measure.weight else None
        explanation = measure.explanation or (
            QCoreApplication.translate("QbrReport", "not applicable") if score is None else ""
        )
        rows.append([measure.label, score, weight, explanation])
    table = grid_table(
        [
            QCoreApplication.translate("QbrReport", "Measure"),
            QCoreApplication.translate("QbrReport", "Score"),
            QCoreApplication.translate("QbrReport", "Weight"),
            QCoreApplication.translate("QbrReport", "Explanation"),
        ],
        rows,
        [0.25, 0.1, 0.1, 0.55],
        context,
        right=(1, 2),
    )
    # The table goes first because it can split across pages. A chart first
    # (up to 280 pt tall) that did not fit would move to the next page and
    # leave the subheading alone above an empty end of page.
    extra = [Spacer(1, 3 * mm), chart] if chart is not None else []
    return [*flowables, note(intro, context), table, *extra]


def _score_paragraph(sample: HealthSample | None, context: SectionContext) -> Paragraph:
    styles, locale = context.styles, context.locale
    if sample is None:
        return Paragraph(
            markup(QCoreApplication.translate("QbrReport", "No score yet")), styles.cell
        )

    score = (
        format_number(sample.score, locale)
        if sample.score is not None
        else QCoreApplication.translate("QbrReport", "no score")
    )
    text = QCoreApplication.translate("QbrReport", "{score} ({colour}) on {date}").format(
        score=score,
        colour=labels.colour_label(sample.colour),
        date=format_date(sample.as_of, locale),
    )
    return Paragraph(markup(text), styles.cell_header)


def usage_section(data: QbrData, context: SectionContext, chart: Flowable) -> list[Flowable]:
    """Build usage and adoption: totals against last quarter, chart, adoption and top features."""
    locale = context.locale
    usage = data.usage
    flowables: list[Flowable] = [heading(section_title("usage"), context)]
    if not usage.has_data:
        text = QCoreApplication.translate(
            "QbrReport", "No product usage was recorded in {quarter}."
        ).format(quarter=labels.quarter_label(data.quarter, locale))
        flowables.append(note(text, context))
        if usage.previous_total == 1:
            text = QCoreApplication.translate(
                "QbrReport", "The previous quarter had 1 feature event."
            )
            flowables.append(note(text, context))
        elif usage.previous_total:
            text = QCoreApplication.translate(
                "QbrReport", "The previous quarter had {count} feature events."
            ).format(count=format_number(usage.previous_total, locale))
            flowables.append(note(text, context))
        return flowables + _adoption(data, context)

    change = (
        labels.signed_percent(usage.change, locale)
        if usage.change is not None
        else QCoreApplication.translate("QbrReport", "no usage in the previous quarter")
    )
    rows = [
        (QCoreApplication.translate("QbrReport", "Feature events this quarter"), usage.total),
        (
            QCoreApplication.translate("QbrReport", "Feature events previous quarter"),
            usage.previous_total,
        ),
        (QCoreApplication.translate("QbrReport", "Change on previous quarter"), change),
    ]
    flowables += [key_values(rows, context), Spacer(1, 4 * mm), chart]
    flowables += _adoption(data, context)

    top = usage.features[:TOP_FEATURES]
    if top:
        flowables.append(
            subheading(QCoreApplication.translate("QbrReport", "Most used features"), context)
        )
        rows = [
            [name, events, format_percent(events / usage.total if usage.total else None, locale, 1)]
            for name, events in top
        ]
        flowables.append(
            grid_table(
                [
                    QCoreApplication.translate("QbrReport", "Feature"),
                    QCoreApplication.translate("QbrReport", "Events"),
                    QCoreApplication.translate("QbrReport", "Share"),
                ],
                rows,
                [0.6, 0.2, 0.2],
                context,
                right=(1, 2),
            )
        )
    return flowables


def _adoption(data: QbrData, context: SectionContext) -> list[Flowable]:
    locale = context.locale
    adoption = data.adoption
    not_recorded = QCoreApplication.translate("QbrReport", "not recorded")

    def users(value: float | None) -> str:
        return format_number(value, locale, 1) if value is not None else not_recorded

    utilisation = adoption.seat_utilisation
    rows = [
        (
            QCoreApplication.translate("QbrReport", "Mean daily active users"),
            users(adoption.active_users),
        ),
        (
            QCoreApplication.translate("QbrReport", "Mean daily active users, previous quarter"),
            users(adoption.previous_active_users),
        ),
        (
            QCoreApplication.translate("QbrReport", "Seat utilisation"),
            format_percent(utilisation, locale) if utilisation is not None else not_recorded,
        ),
        (
            QCoreApplication.translate(
                "QbrReport", "Features used (of {available} in use across customers)"
            ).format(available=adoption.features_available),
            adoption.features_used,
        ),
        (
            QCoreApplication.translate("QbrReport", "Features used, previous quarter"),
            adoption.previous_features_used,
        ),
    ]
    return [
        subheading(QCoreApplication.translate("QbrReport", "Adoption"), context),
        key_values(rows, context),
    ]
