"""The QBR's sections as lists of platypus flowables, one function per section.

A section with no data gets a sentence stating that, never an empty table
or an exception. User-visible text goes through ``QCoreApplication.translate``
in the "QbrReport" context, and numbers and dates through ``formatting``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, QLocale
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from csm_desktop.formatting import format_date, format_money, format_number, format_percent
from csm_desktop.reports import labels
from csm_desktop.reports.styles import (
    HEALTH_FILLS,
    ReportStyles,
    grid_table_style,
    key_value_table_style,
)
from csm_desktop.services.qbr_data import HealthSample, NoteRecord, QbrData

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SectionContext:
    """Styles, locale and usable text width shared by every section."""

    styles: ReportStyles
    locale: QLocale
    width: float


def markup(text: str | None) -> str:
    """Escape ``text`` for a reportlab Paragraph and keep its line breaks."""
    if not text:
        return ""
    return escape(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


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
    flowables: list[Flowable] = [
        Spacer(1, 40 * mm),
        Paragraph(
            markup(QCoreApplication.translate("QbrReport", "Quarterly Business Review")),
            styles.cover_kicker,
        ),
        Paragraph(markup(account.name), styles.cover_title),
        Paragraph(markup(labels.quarter_label(data.quarter, locale)), styles.cover_subtitle),
    ]

    facts = [
        (QCoreApplication.translate("QbrReport", "Industry"), account.industry),
        (QCoreApplication.translate("QbrReport", "Country"), account.country),
        (QCoreApplication.translate("QbrReport", "Plan"), account.plan_tier),
        (QCoreApplication.translate("QbrReport", "Seats"), format_number(account.seats, locale)),
        (
            QCoreApplication.translate("QbrReport", "Annual recurring revenue"),
            format_money(account.arr, account.currency, locale),
        ),
        (
            QCoreApplication.translate("QbrReport", "Renewal date"),
            format_date(account.renewal_date, locale),
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
        flowables += [table, Spacer(1, 18 * mm)]

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


def health_section(data: QbrData, context: SectionContext, chart: Flowable) -> list[Flowable]:
    """Build the health section: the timeline chart and the quarter's start and end scores."""
    styles = context.styles
    flowables: list[Flowable] = [
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Account health")), styles.heading)
    ]
    health = data.health
    if not health.timeline:
        text = QCoreApplication.translate(
            "QbrReport", "No health scores were recorded for this account up to {date}."
        ).format(date=format_date(data.quarter.end, context.locale))
        return [*flowables, Paragraph(markup(text), styles.muted)]

    header = [
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Quarter start")), styles.cell),
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Quarter end")), styles.cell),
    ]
    values = [
        _score_paragraph(health.start, context),
        _score_paragraph(health.end, context),
    ]
    table = Table([header, values], colWidths=[context.width / 2] * 2, hAlign="LEFT")
    table_style = grid_table_style(styles.fonts)
    for column, sample in enumerate((health.start, health.end)):
        fill = HEALTH_FILLS.get(sample.colour) if sample is not None else None
        if fill is not None:
            table_style.add("BACKGROUND", (column, 1), (column, 1), fill)
    table.setStyle(table_style)
    return [*flowables, table, Spacer(1, 4 * mm), chart]


def _score_paragraph(sample: HealthSample | None, context: SectionContext) -> Paragraph:
    styles, locale = context.styles, context.locale
    if sample is None:
        text = QCoreApplication.translate("QbrReport", "No score yet")
        return Paragraph(markup(text), styles.cell)

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
    """Build the usage section: totals, change on the previous quarter, chart and top features."""
    styles, locale = context.styles, context.locale
    usage = data.usage
    flowables: list[Flowable] = [
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Product usage")), styles.heading)
    ]
    if not usage.has_data:
        text = QCoreApplication.translate(
            "QbrReport", "No product usage was recorded in {quarter}."
        ).format(quarter=labels.quarter_label(data.quarter, locale))
        flowables.append(Paragraph(markup(text), styles.muted))
        if usage.previous_total:
            text = QCoreApplication.translate(
                "QbrReport", "The previous quarter had {count} feature events."
            ).format(count=format_number(usage.previous_total, locale))
            flowables.append(Paragraph(markup(text), styles.body))
        return flowables

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
        (QCoreApplication.translate("QbrReport", "Features used"), len(usage.features)),
    ]
    flowables += [_key_values(rows, context), Spacer(1, 4 * mm), chart]

    top = usage.features[:5]
    if top:
        flowables.append(
            Paragraph(
                markup(QCoreApplication.translate("QbrReport", "Most used features")),
                styles.subheading,
            )
        )
        flowables.append(_features_table(top, usage.total, context))
    return flowables


def _features_table(
    features: list[tuple[str, float]], total: float, context: SectionContext
) -> Table:
    styles, locale = context.styles, context.locale
    header = [
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Feature")), styles.cell_header),
        Paragraph(
            markup(QCoreApplication.translate("QbrReport", "Events")), styles.cell_header_right
        ),
        Paragraph(
            markup(QCoreApplication.translate("QbrReport", "Share")), styles.cell_header_right
        ),
    ]
    rows = [header]
    for name, events in features:
        share = format_percent(events / total if total else None, locale, 1)
        rows.append(
            [
                Paragraph(markup(name), styles.cell),
                Paragraph(format_number(events, locale), styles.cell_right),
                Paragraph(share, styles.cell_right),
            ]
        )
    widths = [context.width * 0.6, context.width * 0.2, context.width * 0.2]
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(grid_table_style(styles.fonts))
    return table


def _key_values(rows: list[tuple[str, object]], context: SectionContext) -> Table:
    """Lay out label and value pairs; ints and floats are formatted for the locale."""
    styles, locale = context.styles, context.locale
    cells = []
    for label, value in rows:
        text = format_number(value, locale) if isinstance(value, int | float) else str(value)
        cells.append(
            [Paragraph(markup(label), styles.cell), Paragraph(markup(text), styles.cell_right)]
        )
    table = Table(cells, colWidths=[context.width * 0.6, context.width * 0.4], hAlign="LEFT")
    table.setStyle(key_value_table_style(styles.fonts, len(cells)))
    return table


def support_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the support summary of tickets opened in the quarter."""
    styles, locale = context.styles, context.locale
    support = data.support
    flowables: list[Flowable] = [
        Paragraph(markup(QCoreApplication.translate("QbrReport", "Support")), styles.heading)
    ]
    if support.count == 0:
        text = QCoreApplication.translate(
            "QbrReport", "No support tickets were opened in {quarter}."
        ).format(quarter=labels.quarter_label(data.quarter, locale))
        return [*flowables, Paragraph(markup(text), styles.muted)]

    rows: list[tuple[str, object]] = [
        (QCoreApplication.translate("QbrReport", "Tickets opened"), support.count)
    ]
    for priority, count in labels.ordered_priorities(support.by_priority):
        text = QCoreApplication.translate("QbrReport", "Priority: {priority}").format(
            priority=labels.priority_label(priority)
        )
        rows.append((text, count))
    not_rated = QCoreApplication.translate("QbrReport", "no data")
    rows += [
        (
            QCoreApplication.translate("QbrReport", "Mean time to resolution (hours)"),
            _or(support.mean_resolution_hours, not_rated, locale, 1),
        ),
        (
            QCoreApplication.translate("QbrReport", "Mean first response (minutes)"),
            _or(support.mean_first_response_minutes, not_rated, locale, 0),
        ),
        (
            QCoreApplication.translate(
                "QbrReport", "Mean satisfaction (1–5, {count} ratings)"
            ).format(count=support.csat_responses),
            _or(support.mean_csat, not_rated, locale, 2),
        ),
        (QCoreApplication.translate("QbrReport", "Escalated"), support.escalated),
        (QCoreApplication.translate("QbrReport", "Still open"), support.still_open),
    ]
    return [*flowables, _key_values(rows, context)]


def _or(value: float | None, fallback: str, locale: QLocale, decimals: int) -> str:
    return fallback if value is None else format_number(value, locale, decimals)


def notes_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the quarter's notes; long notes flow on over as many pages as they need."""
    styles = context.styles
    flowables: list[Flowable] = [
        Paragraph(
            markup(QCoreApplication.translate("QbrReport", "Notes from the quarter")),
            styles.heading,
        )
    ]
    if not data.notes:
        text = QCoreApplication.translate(
            "QbrReport", "No notes were recorded in {quarter}."
        ).format(quarter=labels.quarter_label(data.quarter, context.locale))
        return [*flowables, Paragraph(markup(text), styles.muted)]

    for note in data.notes:
        flowables += _note_flowables(note, context)
    return flowables


def _note_flowables(note: NoteRecord, context: SectionContext) -> list[Flowable]:
    styles = context.styles
    title = note.title or labels.kind_label(note.kind)
    meta = f"{format_date(note.occurred_on, context.locale)} · {labels.kind_label(note.kind)}"
    if note.attendees:
        attendees = QCoreApplication.translate("QbrReport", "Attendees: {names}").format(
            names=note.attendees
        )
        meta = f"{meta} · {attendees}"

    # Both styles keep with the next flowable, so the title and its date
    # line move to the next page together with the note's first paragraph.
    flowables: list[Flowable] = [
        Paragraph(markup(title), styles.note_heading),
        Paragraph(markup(meta), styles.note_meta),
    ]
    body: list[Flowable] = []
    if note.summary:
        body.append(Paragraph(markup(note.summary), styles.body))
    body += [
        Paragraph(markup(part), styles.body) for part in _paragraphs(note.body) if part.strip()
    ]
    for label, text in (
        (QCoreApplication.translate("QbrReport", "Decisions"), note.decisions),
        (QCoreApplication.translate("QbrReport", "Next steps"), note.next_steps),
    ):
        if text:
            body.append(Paragraph(markup(label), styles.subheading))
            body.append(Paragraph(markup(text), styles.body))

    return [*flowables, *body]


def _paragraphs(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n\n")
