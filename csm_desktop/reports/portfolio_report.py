"""The coordinator's portfolio report PDF: ARR by health, renewals, movement, attention, owners.

Import this module only on the export path: it imports matplotlib and reportlab.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Collection
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from csm_desktop.formatting import format_date, format_money, format_number
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.reports import labels
from csm_desktop.reports.blocks import SectionContext, grid_table, heading, kpi_tiles, note
from csm_desktop.reports.charts import BAND_BAR_COLOURS, category_bars_figure, figure_to_flowable
from csm_desktop.reports.document import MARGIN, DocumentInfo, build_document, contents_list
from csm_desktop.reports.fonts import register_fonts
from csm_desktop.reports.markup import markup
from csm_desktop.reports.pdf_writer import page_size_for, write_atomically
from csm_desktop.reports.styles import Palette, build_styles
from csm_desktop.services.portfolio_summary import PortfolioSummary, summarise_portfolio
from csm_desktop.store.database import Database

log = logging.getLogger(__name__)

COLOUR_ORDER = ("green", "yellow", "red", "none")
NO_SCORE_COLOUR = "#a0a4a8"
RENEWAL_COLOUR = "#2e6da4"
STEPS = 4


def export_portfolio_report(
    db: Database,
    out_path: Path | str,
    *,
    account_ids: Collection[uuid.UUID] | None = None,
    locale: QLocale | None = None,
    page_size: str | None = None,
    company_name: str | None = None,
    author: str | None = None,
    palette: Palette | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> Path:
    """Write the report on all accounts, or on ``account_ids``, atomically to ``out_path``."""
    loc = locale if locale is not None else QLocale()
    paper = page_size_for(loc, page_size)
    progress(0, STEPS, QCoreApplication.translate("PortfolioReport", "Reading the portfolio"))
    with db.session() as session:
        summary = summarise_portfolio(session, account_ids)
    if cancel is not None:
        cancel.raise_if_cancelled()

    styles = build_styles(register_fonts(), palette)
    context = SectionContext(styles=styles, locale=loc, width=paper[0] - 2 * MARGIN)
    progress(1, STEPS, QCoreApplication.translate("PortfolioReport", "Drawing the charts"))
    story = _cover(summary, context, company_name)
    story += [PageBreak(), *contents_list(styles), PageBreak()]
    story += _overview(summary, context)
    story += _renewals(summary, context)
    story += _movement(summary, context)
    story += _attention(summary, context)
    story += _owners(summary, context)

    progress(2, STEPS, QCoreApplication.translate("PortfolioReport", "Laying out the PDF"))
    title = QCoreApplication.translate("PortfolioReport", "Portfolio report as of {date}").format(
        date=format_date(summary.as_of, loc)
    )
    info = DocumentInfo(
        title=title,
        author=author or "",
        subject=QCoreApplication.translate(
            "PortfolioReport", "ARR by health, renewals and accounts needing attention"
        ),
        language=loc.bcp47Name(),
        header_left=title,
        header_right=company_name or "",
        footer_left=QCoreApplication.translate("PortfolioReport", "Portfolio report · internal"),
    )

    def build(temp_path: Path) -> None:
        build_document(temp_path, story, styles=styles, info=info, paper=paper, cancel=cancel)

    path = write_atomically(Path(out_path), build)
    progress(STEPS, STEPS, QCoreApplication.translate("PortfolioReport", "Report saved"))
    return path


def _money(summary: PortfolioSummary, amount, context: SectionContext) -> str:
    return format_money(amount, summary.currency, context.locale)


def _colour_name(colour: str) -> str:
    if colour == "none":
        return QCoreApplication.translate("PortfolioReport", "no score")
    return labels.colour_label(colour)


def _cover(
    summary: PortfolioSummary, context: SectionContext, company: str | None
) -> list[Flowable]:
    styles = context.styles
    flowables: list[Flowable] = [
        NextPageTemplate("Body"),
        Spacer(1, 30 * mm),
        Paragraph(
            markup(QCoreApplication.translate("PortfolioReport", "Portfolio report")),
            styles.cover_kicker,
        ),
        Paragraph(
            markup(company or QCoreApplication.translate("PortfolioReport", "Customer portfolio")),
            styles.cover_title,
        ),
        Paragraph(markup(_as_of_text(summary, context)), styles.cover_subtitle),
        Paragraph(
            markup(
                QCoreApplication.translate("PortfolioReport", "Prepared on {date}").format(
                    date=format_date(date.today(), context.locale)
                )
            ),
            styles.cover_meta,
        ),
    ]
    return flowables


def _as_of_text(summary: PortfolioSummary, context: SectionContext) -> str:
    if summary.accounts == 1:
        text = QCoreApplication.translate("PortfolioReport", "As of {date} · 1 account")
    else:
        text = QCoreApplication.translate("PortfolioReport", "As of {date} · {count} accounts")
    return text.format(
        date=format_date(summary.as_of, context.locale),
        count=format_number(summary.accounts, context.locale),
    )


def _overview(summary: PortfolioSummary, context: SectionContext) -> list[Flowable]:
    flowables: list[Flowable] = [
        heading(QCoreApplication.translate("PortfolioReport", "ARR by health colour"), context)
    ]
    if not summary.accounts:
        return [
            *flowables,
            note(
                QCoreApplication.translate("PortfolioReport", "The portfolio has no accounts."),
                context,
            ),
        ]
    tiles = [
        (
            _money(summary, summary.total_arr, context),
            QCoreApplication.translate("PortfolioReport", "Total ARR"),
        ),
        (
            _money(summary, summary.at_risk_arr, context),
            QCoreApplication.translate(
                "PortfolioReport", "At-risk ARR (red, or yellow and declining)"
            ),
        ),
        (
            format_number(summary.accounts, context.locale),
            QCoreApplication.translate("PortfolioReport", "Accounts"),
        ),
        (
            format_number(len(summary.attention), context.locale),
            QCoreApplication.translate("PortfolioReport", "Need attention"),
        ),
    ]
    half = context.width / 2
    arr_chart = _bars(
        [_colour_name(c) for c in COLOUR_ORDER],
        [float(summary.arr_by_colour[c]) for c in COLOUR_ORDER],
        [_bar_colour(c) for c in COLOUR_ORDER],
        QCoreApplication.translate("PortfolioReport", "ARR by health colour"),
        [_money(summary, summary.arr_by_colour[c], context) for c in COLOUR_ORDER],
        half,
    )
    count_chart = _bars(
        [_colour_name(c) for c in COLOUR_ORDER],
        [summary.count_by_colour[c] for c in COLOUR_ORDER],
        [_bar_colour(c) for c in COLOUR_ORDER],
        QCoreApplication.translate("PortfolioReport", "Accounts by health colour"),
        [str(summary.count_by_colour[c]) for c in COLOUR_ORDER],
        half,
    )
    charts = Table([[arr_chart, count_chart]], colWidths=[half, half], hAlign="LEFT")
    flowables += [kpi_tiles(tiles, context), Spacer(1, 5 * mm), charts]
    if summary.other_currency == 1:
        text = QCoreApplication.translate(
            "PortfolioReport",
            "1 account bills in another currency and is left out of the ARR totals.",
        )
        flowables.append(note(text, context))
    elif summary.other_currency:
        text = QCoreApplication.translate(
            "PortfolioReport",
            "{count} accounts bill in another currency and are left out of the ARR totals.",
        ).format(count=format_number(summary.other_currency, context.locale))
        flowables.append(note(text, context))
    return flowables


def _bar_colour(colour: str) -> str:
    return BAND_BAR_COLOURS.get(colour, NO_SCORE_COLOUR)


def _bars(categories, values, colours, title, value_labels, width) -> Flowable:
    figure = category_bars_figure(
        categories,
        values,
        colours,
        title=title,
        width_in=width / 72 - 0.1,
        height_in=2.3,
        value_labels=value_labels,
    )
    return figure_to_flowable(figure, width - 6)


def _renewals(summary: PortfolioSummary, context: SectionContext) -> list[Flowable]:
    quarters = list(summary.renewals)
    rows = [
        [
            labels.short_quarter_label(quarter),
            summary.renewals[quarter][0],
            _money(summary, summary.renewals[quarter][1], context),
        ]
        for quarter in quarters
    ]
    chart = _bars(
        [labels.short_quarter_label(q) for q in quarters],
        [float(summary.renewals[q][1]) for q in quarters],
        [RENEWAL_COLOUR] * len(quarters),
        QCoreApplication.translate("PortfolioReport", "ARR renewing by quarter"),
        [_money(summary, summary.renewals[q][1], context) for q in quarters],
        context.width,
    )
    return [
        heading(QCoreApplication.translate("PortfolioReport", "Renewals by quarter"), context),
        chart,
        grid_table(
            [
                QCoreApplication.translate("PortfolioReport", "Quarter"),
                QCoreApplication.translate("PortfolioReport", "Renewals"),
                QCoreApplication.translate("PortfolioReport", "ARR"),
            ],
            rows,
            [0.4, 0.3, 0.3],
            context,
            right=(1, 2),
        ),
    ]


def _movement(summary: PortfolioSummary, context: SectionContext) -> list[Flowable]:
    flowables: list[Flowable] = [
        heading(
            QCoreApplication.translate("PortfolioReport", "Health movement over 90 days"), context
        ),
        note(
            QCoreApplication.translate(
                "PortfolioReport", "Rows: colour about 90 days earlier. Columns: colour now."
            ),
            context,
        ),
    ]
    header = [QCoreApplication.translate("PortfolioReport", "Before \\ now")] + [
        _colour_name(c) for c in COLOUR_ORDER
    ]
    rows = [
        [_colour_name(before)] + [summary.movement.get((before, now), 0) for now in COLOUR_ORDER]
        for before in COLOUR_ORDER
    ]
    return [
        *flowables,
        grid_table(header, rows, [0.28, 0.18, 0.18, 0.18, 0.18], context, right=(1, 2, 3, 4)),
    ]


def _attention(summary: PortfolioSummary, context: SectionContext) -> list[Flowable]:
    flowables: list[Flowable] = [
        heading(
            QCoreApplication.translate("PortfolioReport", "Accounts needing attention"), context
        ),
        note(
            QCoreApplication.translate(
                "PortfolioReport",
                "Red, or yellow and declining, or renewing within 90 days without green health. "
                "Largest ARR first.",
            ),
            context,
        ),
    ]
    if not summary.attention:
        return [
            *flowables,
            note(
                QCoreApplication.translate("PortfolioReport", "No account needs attention."),
                context,
            ),
        ]
    rows = [
        [
            row.name,
            row.owner,
            _colour_name(row.health_colour or "none"),
            format_number(row.health_score, context.locale) or None,
            _money(summary, row.arr, context)
            if row.currency == summary.currency
            else format_money(row.arr, row.currency, context.locale),
            format_date(row.renewal_date, context.locale) or None,
        ]
        for row in summary.attention
    ]
    header = [
        QCoreApplication.translate("PortfolioReport", "Account"),
        QCoreApplication.translate("PortfolioReport", "Owner"),
        QCoreApplication.translate("PortfolioReport", "Health"),
        QCoreApplication.translate("PortfolioReport", "Score"),
        QCoreApplication.translate("PortfolioReport", "ARR"),
        QCoreApplication.translate("PortfolioReport", "Renewal"),
    ]
    return [
        *flowables,
        grid_table(header, rows, [0.3, 0.16, 0.12, 0.09, 0.17, 0.16], context, right=(3, 4)),
    ]


def _owners(summary: PortfolioSummary, context: SectionContext) -> list[Flowable]:
    flowables: list[Flowable] = [
        heading(QCoreApplication.translate("PortfolioReport", "Roll-up by CSM"), context)
    ]
    if not summary.owners:
        return [
            *flowables,
            note(
                QCoreApplication.translate(
                    "PortfolioReport", "No account has an owner CSM, so there is no roll-up by CSM."
                ),
                context,
            ),
        ]
    rows = [
        [
            rollup.owner or QCoreApplication.translate("PortfolioReport", "no owner"),
            rollup.accounts,
            _money(summary, rollup.arr, context),
            _money(summary, rollup.at_risk_arr, context),
            rollup.red,
        ]
        for rollup in summary.owners
    ]
    header = [
        QCoreApplication.translate("PortfolioReport", "CSM"),
        QCoreApplication.translate("PortfolioReport", "Accounts"),
        QCoreApplication.translate("PortfolioReport", "ARR"),
        QCoreApplication.translate("PortfolioReport", "At-risk ARR"),
        QCoreApplication.translate("PortfolioReport", "Red"),
    ]
    return [
        *flowables,
        grid_table(header, rows, [0.32, 0.14, 0.2, 0.2, 0.14], context, right=(1, 2, 3, 4)),
    ]
