"""Export a Quarterly Business Review PDF for one account and one quarter.

Import this module only on the export path: it imports matplotlib and
reportlab, which the app's start-up must not pay for.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from csm_desktop.health.bands import DEFAULT_BANDS, Bands
from csm_desktop.progress import CancelToken, ProgressCallback, no_progress
from csm_desktop.quarters import Quarter
from csm_desktop.reports import labels
from csm_desktop.reports.blocks import SectionContext
from csm_desktop.reports.charts import (
    HealthPoint,
    figure_to_flowable,
    health_timeline_figure,
    measure_breakdown_figure,
    usage_figure,
)
from csm_desktop.reports.document import MARGIN, DocumentInfo, build_document, contents_list
from csm_desktop.reports.fonts import missing_glyphs, register_fonts
from csm_desktop.reports.markup import fit_text  # noqa: F401  (kept for importers of qbr)
from csm_desktop.reports.pdf_writer import page_size_for, write_atomically
from csm_desktop.reports.qbr_closing_sections import (
    appendix_section,
    commercial_section,
    internal_section,
    notes_section,
    recommendations_section,
)
from csm_desktop.reports.qbr_outcome_sections import (
    feedback_section,
    goals_section,
    support_section,
    value_section,
)
from csm_desktop.reports.qbr_sections import (
    cover_section,
    health_section,
    summary_section,
    usage_section,
)
from csm_desktop.reports.styles import Palette, build_styles
from csm_desktop.services.qbr_data import QbrData, gather_qbr_data
from csm_desktop.services.qbr_drafts import (
    CUSTOMER,
    INTERNAL,
    resolve_narratives,
    sections_for,
)
from csm_desktop.store.database import Database

log = logging.getLogger(__name__)

# Chart height as a share of the text width.
CHART_HEIGHT_RATIO = 0.32
STEPS = 5


@dataclass(frozen=True)
class QbrOptions:
    """How to render a QBR. ``sections`` None means every section of the version.

    ``narratives`` overrides the saved or drafted text of "summary", "value",
    "recommendations" and "plan". ``csm_name`` None means the account owner.
    """

    version: str = CUSTOMER
    sections: Collection[str] | None = None
    narratives: Mapping[str, str] = field(default_factory=dict)
    locale: QLocale | None = None
    page_size: str | None = None
    csm_name: str | None = None
    company_name: str | None = None
    logo_path: Path | None = None
    palette: Palette = field(default_factory=Palette)
    prepared_on: date | None = None
    bands: Bands = DEFAULT_BANDS


def export_qbr(
    db: Database,
    account_id: uuid.UUID,
    quarter: Quarter,
    out_path: Path | str,
    options: QbrOptions | None = None,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Write the QBR PDF for ``account_id`` and ``quarter`` to ``out_path`` and return its path.

    The customer version never reads ARR, forecast, risk, churn reasons or
    internal notes. The file is written atomically, so an error or
    ``Cancelled`` leaves no partial or temporary file behind. ``warn``
    receives messages about characters no embedded font covers; by default
    they are logged.

    Raises ``AccountNotFoundError``, ``Cancelled``, ``ValueError`` for an
    invalid version or page size, and ``OSError`` when the file cannot be
    written.
    """
    options = options or QbrOptions()
    if options.version not in (CUSTOMER, INTERNAL):
        raise ValueError(f"Invalid QBR version {options.version!r}: use customer or internal.")
    locale = options.locale if options.locale is not None else QLocale()
    page_size_for(locale, options.page_size)

    progress(0, STEPS, QCoreApplication.translate("QbrReport", "Reading account data"))
    _check(cancel)
    with db.session() as session:
        data = gather_qbr_data(session, account_id, quarter, internal=options.version == INTERNAL)
        narratives = resolve_narratives(session, data, locale)
    narratives.update(options.narratives)
    return render_qbr(
        data, narratives, out_path, options, progress=progress, cancel=cancel, warn=warn
    )


def render_qbr(
    data: QbrData,
    narratives: Mapping[str, str],
    out_path: Path | str,
    options: QbrOptions,
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Lay out and write the PDF for already gathered ``data``; see ``export_qbr``."""
    locale = options.locale if options.locale is not None else QLocale()
    paper = page_size_for(locale, options.page_size)
    csm = options.csm_name or data.account.owner
    _warn_missing_glyphs(data, narratives, warn or log.warning)

    styles = build_styles(register_fonts(), options.palette)
    context = SectionContext(styles=styles, locale=locale, width=paper[0] - 2 * MARGIN)
    sections = sections_for(options.version, _list(options.sections))

    progress(1, STEPS, QCoreApplication.translate("QbrReport", "Drawing the charts"))
    _check(cancel)
    charts = _charts(data, sections, options.bands, context)

    progress(3, STEPS, QCoreApplication.translate("QbrReport", "Laying out the PDF"))
    _check(cancel)
    story: list[Flowable] = cover_section(
        data,
        context,
        csm_name=csm,
        company_name=options.company_name,
        prepared_on=options.prepared_on or date.today(),
    )
    story += [PageBreak(), *contents_list(styles), PageBreak()]
    for index, key in enumerate(sections):
        # Space between sections only: a spacer after the last one could
        # start a page of its own, which would print as an empty last page.
        if index > 0:
            story.append(Spacer(1, 6 * mm))
        story += _section(key, data, context, narratives, charts)

    info = _document_info(data, options, csm, locale)

    def build(temp_path: Path) -> None:
        build_document(temp_path, story, styles=styles, info=info, paper=paper, cancel=cancel)

    path = write_atomically(Path(out_path), build)
    progress(STEPS, STEPS, QCoreApplication.translate("QbrReport", "Report saved"))
    return path


def _list(sections: Collection[str] | None) -> list[str] | None:
    return None if sections is None else list(sections)


def _section(
    key: str,
    data: QbrData,
    context: SectionContext,
    narratives: Mapping[str, str],
    charts: dict[str, Flowable | None],
) -> list[Flowable]:
    """Return the flowables of section ``key``."""
    if key == "summary":
        return summary_section(data, context, narratives.get("summary", ""))
    if key == "health":
        return health_section(data, context, charts["health"], charts.get("breakdown"))
    if key == "usage":
        return usage_section(data, context, charts["usage"])
    if key == "goals":
        return goals_section(data, context)
    if key == "support":
        return support_section(data, context)
    if key == "feedback":
        return feedback_section(data, context)
    if key == "value":
        return value_section(data, context, narratives.get("value", ""))
    if key == "commercial":
        return commercial_section(data, context)
    if key == "recommendations":
        return recommendations_section(
            context, narratives.get("recommendations", ""), narratives.get("plan", "")
        )
    if key == "notes":
        return notes_section(data, context)
    if key == "internal":
        return internal_section(data, context)
    if key == "appendix":
        return appendix_section(data, context)
    raise ValueError(f"Unknown QBR section {key!r}.")


def _document_info(
    data: QbrData, options: QbrOptions, csm: str | None, locale: QLocale
) -> DocumentInfo:
    quarter_text = labels.short_quarter_label(data.quarter)
    footer = QCoreApplication.translate("QbrReport", "Quarterly Business Review")
    if options.version == INTERNAL:
        footer = QCoreApplication.translate(
            "QbrReport", "Quarterly Business Review · internal, do not share"
        )
    return DocumentInfo(
        title=QCoreApplication.translate(
            "QbrReport", "Quarterly Business Review: {name}, {quarter}"
        ).format(name=data.account.name, quarter=quarter_text),
        author=csm or "",
        subject=QCoreApplication.translate(
            "QbrReport", "Health, usage, goals, support and feedback of {name} for {quarter}"
        ).format(name=data.account.name, quarter=quarter_text),
        language=locale.bcp47Name(),
        header_left=f"{data.account.name} · {quarter_text}",
        header_right=options.company_name or "",
        footer_left=footer,
        logo_path=options.logo_path,
    )


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


def _warn_missing_glyphs(
    data: QbrData, narratives: Mapping[str, str], warn: Callable[[str], None]
) -> None:
    texts = [data.account.name, *narratives.values()]
    for item in data.notes:
        texts += [item.title, item.attendees or "", item.summary or "", item.body]
        texts += [item.decisions or "", item.next_steps or ""]
    texts += [goal.objective for goal in data.goals.goals]
    texts += [verbatim.text for verbatim in data.feedback.verbatims]
    texts += [ticket.subject or "" for ticket in data.tickets]
    missing = missing_glyphs("".join(texts))
    if missing:
        characters = " ".join(sorted(missing))
        warn(
            QCoreApplication.translate(
                "QbrReport",
                "The PDF fonts have no glyph for these characters, so they will not print: {chars}",
            ).format(chars=characters)
        )


def _charts(
    data: QbrData, sections: list[str], bands: Bands, context: SectionContext
) -> dict[str, Flowable | None]:
    """Draw the charts the chosen sections need, as vector drawings."""
    width = context.width
    height = width / 72 * CHART_HEIGHT_RATIO
    month_names = labels.chart_month_names(context.locale)
    charts: dict[str, Flowable | None] = {}
    if "health" in sections:
        points = [HealthPoint(s.as_of, s.score, s.colour) for s in data.health.timeline]
        figure = health_timeline_figure(
            points,
            bands,
            title=QCoreApplication.translate(
                "QbrReport", "Health score over time (dashed line: start of the quarter)"
            ),
            width_in=width / 72,
            height_in=height,
            highlight_from=data.quarter.start,
            month_names=month_names,
        )
        charts["health"] = figure_to_flowable(figure, width)
        charts["breakdown"] = _breakdown_chart(data, bands, width)
    if "usage" in sections:
        title = QCoreApplication.translate(
            "QbrReport", "Feature events per week: {previous} (light) and {current}"
        ).format(
            previous=labels.short_quarter_label(data.quarter.previous()),
            current=labels.short_quarter_label(data.quarter),
        )
        figure = usage_figure(
            [*data.usage.previous_weekly, *data.usage.weekly],
            title=title,
            width_in=width / 72,
            height_in=height,
            highlight_from=data.quarter.start,
            month_names=month_names,
        )
        charts["usage"] = figure_to_flowable(figure, width)
    return charts


def _breakdown_chart(data: QbrData, bands: Bands, width: float) -> Flowable | None:
    if data.breakdown is None or not data.breakdown.measures:
        return None
    measures = [(measure.label, measure.score) for measure in data.breakdown.measures]
    figure = measure_breakdown_figure(
        measures,
        bands,
        title=QCoreApplication.translate("QbrReport", "Score by measure"),
        width_in=width / 72,
        height_in=max(1.4, 0.3 * len(measures) + 0.6),
        not_applicable=QCoreApplication.translate("QbrReport", "not applicable"),
    )
    return figure_to_flowable(figure, width)
