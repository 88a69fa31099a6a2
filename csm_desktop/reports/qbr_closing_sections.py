"""The QBR's closing sections: commercial overview, recommendations, notes, internal, appendix.

``internal_section`` is the only place ARR, forecast, risk and churn reasons
are printed, and ``export_qbr`` adds it only to the internal version.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from reportlab.platypus import Flowable, Paragraph

from csm_desktop.formatting import format_date, format_money, format_number, format_percent
from csm_desktop.reports import labels
from csm_desktop.reports.blocks import (
    SectionContext,
    grid_table,
    heading,
    key_values,
    narrative,
    note,
    subheading,
)
from csm_desktop.reports.markup import markup
from csm_desktop.services.qbr_data import NoteRecord, QbrData
from csm_desktop.services.qbr_drafts import section_title

log = logging.getLogger(__name__)


def commercial_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the customer-safe renewal overview: plan, seats, renewal date and invoices."""
    locale = context.locale
    commercial = data.commercial
    flowables: list[Flowable] = [heading(section_title("commercial"), context)]
    rows: list[tuple[str, object]] = [
        (QCoreApplication.translate("QbrReport", "Plan"), commercial.plan_tier),
        (QCoreApplication.translate("QbrReport", "Licensed seats"), commercial.seats),
        (
            QCoreApplication.translate("QbrReport", "Billing term"),
            _term_text(commercial.term_months),
        ),
        (QCoreApplication.translate("QbrReport", "Renewal date"), _renewal_text(data, context)),
    ]
    flowables.append(key_values(rows, context))

    invoices = commercial.invoices
    flowables.append(
        subheading(QCoreApplication.translate("QbrReport", "Invoices issued this quarter"), context)
    )
    if not invoices.count:
        return [
            *flowables,
            note(
                QCoreApplication.translate("QbrReport", "No invoices were issued this quarter."),
                context,
            ),
        ]
    invoice_rows: list[tuple[str, object]] = [
        (QCoreApplication.translate("QbrReport", "Invoices"), invoices.count),
        (
            QCoreApplication.translate("QbrReport", "Total invoiced"),
            format_money(invoices.total, invoices.currency, locale),
        ),
        (QCoreApplication.translate("QbrReport", "Paid"), invoices.paid),
        (QCoreApplication.translate("QbrReport", "Not yet paid"), invoices.unpaid),
        (QCoreApplication.translate("QbrReport", "Overdue at quarter end"), invoices.overdue),
    ]
    return [*flowables, key_values(invoice_rows, context)]


def _renewal_text(data: QbrData, context: SectionContext) -> str:
    """Return the renewal date with its distance from the quarter's end."""
    commercial = data.commercial
    if commercial.renewal_date is None:
        return QCoreApplication.translate("QbrReport", "no renewal date recorded")

    renewal = format_date(commercial.renewal_date, context.locale)
    days = commercial.days_to_renewal or 0
    if days < 0:
        text = QCoreApplication.translate("QbrReport", "{date} (before the quarter's end)")
    elif days == 0:
        text = QCoreApplication.translate("QbrReport", "{date} (the quarter's last day)")
    elif days == 1:
        text = QCoreApplication.translate("QbrReport", "{date} (1 day after the quarter's end)")
    else:
        text = QCoreApplication.translate(
            "QbrReport", "{date} ({days} days after the quarter's end)"
        )
    return text.format(date=renewal, days=format_number(days, context.locale))


def _term_text(months: int | None) -> str | None:
    if not months:
        return None
    if months == 1:
        return QCoreApplication.translate("QbrReport", "1 month")
    return QCoreApplication.translate("QbrReport", "{months} months").format(months=months)


def recommendations_section(
    context: SectionContext, recommendations: str, plan: str
) -> list[Flowable]:
    """Build recommendations and the next-quarter plan from the CSM's narratives."""
    return [
        heading(section_title("recommendations"), context),
        *narrative(recommendations, context),
        subheading(section_title("plan"), context),
        *narrative(plan, context),
    ]


def notes_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the quarter's meeting notes; long notes flow on over as many pages as they need."""
    flowables: list[Flowable] = [heading(section_title("notes"), context)]
    customer_notes = [item for item in data.notes if item.kind != "internal_note"]
    if not customer_notes:
        text = QCoreApplication.translate(
            "QbrReport", "No notes were recorded in {quarter}."
        ).format(quarter=labels.quarter_label(data.quarter, context.locale))
        return [*flowables, note(text, context)]
    for item in customer_notes:
        flowables += _note_flowables(item, context)
    return flowables


def _note_flowables(item: NoteRecord, context: SectionContext) -> list[Flowable]:
    styles = context.styles
    title = item.title or labels.kind_label(item.kind)
    meta = f"{format_date(item.occurred_on, context.locale)} · {labels.kind_label(item.kind)}"
    if item.attendees:
        meta = f"{meta} · " + QCoreApplication.translate("QbrReport", "Attendees: {names}").format(
            names=item.attendees
        )

    # Both styles keep with the next flowable, so the title and its date
    # line move to the next page together with the note's first paragraph.
    flowables: list[Flowable] = [
        Paragraph(markup(title), styles.note_heading),
        Paragraph(markup(meta), styles.note_meta),
    ]
    if item.summary:
        flowables.append(Paragraph(markup(item.summary), styles.body))
    paragraphs = item.body.replace("\r\n", "\n").split("\n\n")
    flowables += [Paragraph(markup(part), styles.body) for part in paragraphs if part.strip()]
    for label, text in (
        (QCoreApplication.translate("QbrReport", "Decisions"), item.decisions),
        (QCoreApplication.translate("QbrReport", "Next steps"), item.next_steps),
    ):
        if text:
            flowables.append(Paragraph(markup(label), styles.subheading))
            flowables.append(Paragraph(markup(text), styles.body))
    return flowables


def internal_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the internal-only section: ARR, forecast, risk, expansion, churn and internal notes."""
    internal = data.internal
    if internal is None:
        return []
    locale = context.locale
    forecast_source = (
        QCoreApplication.translate("QbrReport", "derived from the health colour")
        if internal.forecast_is_derived
        else QCoreApplication.translate("QbrReport", "CSM forecast")
    )
    rows: list[tuple[str, object]] = [
        (
            QCoreApplication.translate("QbrReport", "Annual recurring revenue"),
            format_money(internal.arr, internal.currency, locale),
        ),
        (QCoreApplication.translate("QbrReport", "Lifecycle stage"), internal.lifecycle_stage),
        (
            QCoreApplication.translate("QbrReport", "Forecast category ({source})").format(
                source=forecast_source
            ),
            labels.forecast_category_label(internal.forecast_category),
        ),
        (
            QCoreApplication.translate("QbrReport", "Renewal probability"),
            format_percent(internal.renewal_probability, locale),
        ),
        (
            QCoreApplication.translate("QbrReport", "Forecast ARR"),
            format_money(internal.forecast_arr, internal.currency, locale),
        ),
        (
            QCoreApplication.translate("QbrReport", "Risk level"),
            labels.risk_level_label(internal.risk_level),
        ),
        (
            QCoreApplication.translate("QbrReport", "Upgrades / downgrades to date"),
            f"{internal.upgrades} / {internal.downgrades}",
        ),
    ]
    flowables: list[Flowable] = [
        heading(section_title("internal"), context),
        key_values(rows, context),
    ]

    flowables.append(subheading(QCoreApplication.translate("QbrReport", "Risk factors"), context))
    if internal.risk_factors:
        factors = "\n".join("- " + labels.risk_factor_label(code) for code in internal.risk_factors)
        flowables += narrative(factors, context)
    else:
        flowables.append(
            note(QCoreApplication.translate("QbrReport", "No risk factors this quarter."), context)
        )
    if internal.risk_notes:
        flowables += [
            subheading(QCoreApplication.translate("QbrReport", "Risk notes"), context),
            Paragraph(markup(internal.risk_notes), context.styles.body),
        ]

    if internal.opportunities:
        flowables.append(
            subheading(QCoreApplication.translate("QbrReport", "Expansion opportunities"), context)
        )
        rows_opportunities = [
            [
                item.title,
                format_money(item.amount, item.currency, locale) or None,
                item.stage,
                format_date(item.expected_close, locale) or None,
            ]
            for item in internal.opportunities
        ]
        flowables.append(
            grid_table(
                [
                    QCoreApplication.translate("QbrReport", "Opportunity"),
                    QCoreApplication.translate("QbrReport", "Amount"),
                    QCoreApplication.translate("QbrReport", "Stage"),
                    QCoreApplication.translate("QbrReport", "Expected close"),
                ],
                rows_opportunities,
                [0.45, 0.2, 0.15, 0.2],
                context,
                right=(1,),
            )
        )

    flowables.append(
        subheading(QCoreApplication.translate("QbrReport", "Churn history and reasons"), context)
    )
    if internal.churn_reasons:
        churn_rows = [
            [
                format_date(item.churn_date, locale),
                item.reason_code,
                QCoreApplication.translate("QbrReport", "reactivation")
                if item.is_reactivation
                else QCoreApplication.translate("QbrReport", "churn"),
                item.feedback_text,
            ]
            for item in internal.churn_reasons
        ]
        flowables.append(
            grid_table(
                [
                    QCoreApplication.translate("QbrReport", "Date"),
                    QCoreApplication.translate("QbrReport", "Reason"),
                    QCoreApplication.translate("QbrReport", "Event"),
                    QCoreApplication.translate("QbrReport", "Feedback"),
                ],
                churn_rows,
                [0.14, 0.18, 0.14, 0.54],
                context,
            )
        )
    else:
        flowables.append(
            note(
                QCoreApplication.translate(
                    "QbrReport", "No churn events are recorded for this account."
                ),
                context,
            )
        )

    internal_notes = [item for item in data.notes if item.kind == "internal_note"]
    flowables.append(subheading(QCoreApplication.translate("QbrReport", "Internal notes"), context))
    if not internal_notes:
        return [
            *flowables,
            note(
                QCoreApplication.translate(
                    "QbrReport", "No internal notes were recorded this quarter."
                ),
                context,
            ),
        ]
    for item in internal_notes:
        flowables += _note_flowables(item, context)
    return flowables


def appendix_section(data: QbrData, context: SectionContext) -> list[Flowable]:
    """Build the appendix: weekly usage and every ticket of the quarter, and definitions."""
    locale = context.locale
    flowables: list[Flowable] = [heading(section_title("appendix"), context)]

    flowables.append(
        subheading(QCoreApplication.translate("QbrReport", "Weekly feature events"), context)
    )
    if data.usage.has_data:
        rows = [[format_date(week, locale), value] for week, value in data.usage.weekly]
        flowables.append(
            grid_table(
                [
                    QCoreApplication.translate("QbrReport", "Week from"),
                    QCoreApplication.translate("QbrReport", "Events"),
                ],
                rows,
                [0.5, 0.5],
                context,
                right=(1,),
            )
        )
    else:
        flowables.append(
            note(
                QCoreApplication.translate(
                    "QbrReport", "No product usage was recorded this quarter."
                ),
                context,
            )
        )

    flowables.append(
        subheading(
            QCoreApplication.translate("QbrReport", "Support tickets opened this quarter"), context
        )
    )
    if data.tickets:
        rows = [
            [
                format_date(ticket.opened_on, locale),
                ticket.subject,
                labels.priority_label(ticket.priority or "unspecified"),
                labels.ticket_status_label(ticket.status),
                format_number(ticket.resolution_hours, locale, 1) or None,
                format_number(ticket.csat, locale, 1) or None,
            ]
            for ticket in data.tickets
        ]
        flowables.append(
            grid_table(
                [
                    QCoreApplication.translate("QbrReport", "Opened"),
                    QCoreApplication.translate("QbrReport", "Subject"),
                    QCoreApplication.translate("QbrReport", "Priority"),
                    QCoreApplication.translate("QbrReport", "Status"),
                    QCoreApplication.translate("QbrReport", "Hours to resolve"),
                    QCoreApplication.translate("QbrReport", "Rating"),
                ],
                rows,
                [0.14, 0.38, 0.12, 0.12, 0.13, 0.11],
                context,
                right=(4, 5),
            )
        )
    else:
        flowables.append(
            note(
                QCoreApplication.translate(
                    "QbrReport", "No support tickets were opened this quarter."
                ),
                context,
            )
        )

    definitions = "\n".join(
        [
            "- "
            + QCoreApplication.translate(
                "QbrReport",
                "Health score: a weighted score from 0 to 100 of the measures that have data, "
                "shown in green, yellow and red bands.",
            ),
            "- "
            + QCoreApplication.translate(
                "QbrReport",
                "NPS: share of promoters (9–10) minus share of detractors (0–6), from -100 to 100.",
            ),
            "- "
            + QCoreApplication.translate(
                "QbrReport",
                "Seat utilisation: mean daily seats used, or active users, "
                "divided by licensed seats.",
            ),
            "- "
            + QCoreApplication.translate(
                "QbrReport",
                "Feature events: product events recorded per feature in the usage export.",
            ),
        ]
    )
    return [
        *flowables,
        subheading(QCoreApplication.translate("QbrReport", "Definitions"), context),
        *narrative(definitions, context),
    ]
