"""Translated labels for the stored codes a QBR shows: colours, priorities, note kinds.

Unknown codes are shown as stored, so new values from an importer still print.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from csm_desktop.formatting import format_date, format_percent
from csm_desktop.quarters import Quarter
from csm_desktop.reports.fonts import regular_font_covers

PRIORITY_ORDER = ("urgent", "high", "medium", "low")


def quarter_label(quarter: Quarter, locale: QLocale) -> str:
    """Return a label such as "Q4 2024 (10/1/2024 – 12/31/2024)" in the locale's date format."""
    return QCoreApplication.translate("QbrReport", "Q{number} {year} ({start} – {end})").format(
        number=quarter.number,
        year=quarter.year,
        start=format_date(quarter.start, locale),
        end=format_date(quarter.end, locale),
    )


def short_quarter_label(quarter: Quarter) -> str:
    """Return a label such as "Q4 2024"."""
    return QCoreApplication.translate("QbrReport", "Q{number} {year}").format(
        number=quarter.number, year=quarter.year
    )


def chart_month_names(locale: QLocale) -> list[str] | None:
    """Return the locale's 12 short month names for chart date axes, or None for English ones.

    None keeps matplotlib's English names. English reports get None, so
    their charts keep "Sep" where en_GB would give "Sept". So does a
    language whose names DejaVu Sans, the charts' only font, cannot draw,
    such as Japanese "5月".
    """
    if locale.language() == QLocale.Language.English:
        return None
    short = QLocale.FormatType.ShortFormat
    names = [locale.standaloneMonthName(month, short) for month in range(1, 13)]
    return names if regular_font_covers("".join(names)) else None


def colour_label(colour: str) -> str:
    names = {
        "red": QCoreApplication.translate("QbrReport", "red"),
        "yellow": QCoreApplication.translate("QbrReport", "yellow"),
        "green": QCoreApplication.translate("QbrReport", "green"),
        "insufficient": QCoreApplication.translate("QbrReport", "insufficient data"),
        "stale": QCoreApplication.translate("QbrReport", "stale data"),
    }
    return names.get(colour, colour)


def priority_label(priority: str) -> str:
    names = {
        "urgent": QCoreApplication.translate("QbrReport", "urgent"),
        "high": QCoreApplication.translate("QbrReport", "high"),
        "medium": QCoreApplication.translate("QbrReport", "medium"),
        "low": QCoreApplication.translate("QbrReport", "low"),
        "unspecified": QCoreApplication.translate("QbrReport", "not set"),
    }
    return names.get(priority, priority)


def kind_label(kind: str) -> str:
    names = {
        "call": QCoreApplication.translate("QbrReport", "Call"),
        "meeting": QCoreApplication.translate("QbrReport", "Meeting"),
        "email": QCoreApplication.translate("QbrReport", "Email"),
        "note": QCoreApplication.translate("QbrReport", "Note"),
        "qbr": QCoreApplication.translate("QbrReport", "Business review"),
        "milestone": QCoreApplication.translate("QbrReport", "Milestone"),
        "internal_note": QCoreApplication.translate("QbrReport", "Internal note"),
    }
    return names.get(kind, kind)


def ordered_priorities(by_priority: dict[str, int]) -> list[tuple[str, int]]:
    """Return (priority, count) pairs, most urgent first and unknown codes last by name."""
    known = [(name, by_priority[name]) for name in PRIORITY_ORDER if name in by_priority]
    other = sorted(
        (name, count) for name, count in by_priority.items() if name not in PRIORITY_ORDER
    )
    return known + other


def signed_percent(fraction: float, locale: QLocale) -> str:
    """Format a change with an explicit sign, such as "+12.5%" in en_US or "-3,0%" in es_ES."""
    text = format_percent(fraction, locale, 1)
    return f"{locale.positiveSign()}{text}" if fraction > 0 else text


def goal_status_label(status: str) -> str:
    names = {
        "on_track": QCoreApplication.translate("QbrReport", "On track"),
        "at_risk": QCoreApplication.translate("QbrReport", "At risk"),
        "achieved": QCoreApplication.translate("QbrReport", "Achieved"),
        "missed": QCoreApplication.translate("QbrReport", "Missed"),
        "overdue": QCoreApplication.translate("QbrReport", "Overdue, not achieved"),
    }
    return names.get(status, status)


def ticket_status_label(status: str) -> str:
    """Translate a ticket status that importers and common help desks use, in any letter case.

    Other statuses print as stored.
    """
    names = {
        "open": QCoreApplication.translate("QbrReport", "open"),
        "pending": QCoreApplication.translate("QbrReport", "pending"),
        "closed": QCoreApplication.translate("QbrReport", "closed"),
        "resolved": QCoreApplication.translate("QbrReport", "resolved"),
        "solved": QCoreApplication.translate("QbrReport", "solved"),
    }
    return names.get(status.lower(), status)


def forecast_category_label(category: str) -> str:
    names = {
        "commit": QCoreApplication.translate("QbrReport", "Commit"),
        "best_case": QCoreApplication.translate("QbrReport", "Best case"),
        "at_risk": QCoreApplication.translate("QbrReport", "At risk"),
    }
    return names.get(category, category)


def risk_level_label(level: str) -> str:
    names = {
        "high": QCoreApplication.translate("QbrReport", "High"),
        "medium": QCoreApplication.translate("QbrReport", "Medium"),
        "low": QCoreApplication.translate("QbrReport", "Low"),
    }
    return names.get(level, level)


def risk_factor_label(code: str) -> str:
    names = {
        "health_red": QCoreApplication.translate("QbrReport", "Health is red"),
        "health_declined": QCoreApplication.translate(
            "QbrReport", "Health fell by 5 points or more over the quarter"
        ),
        "usage_declined": QCoreApplication.translate(
            "QbrReport", "Feature use fell by 20% or more against the previous quarter"
        ),
        "overdue_invoices": QCoreApplication.translate("QbrReport", "Overdue invoices"),
        "detractors": QCoreApplication.translate("QbrReport", "NPS detractors this quarter"),
        "escalations": QCoreApplication.translate("QbrReport", "Escalated support tickets"),
        "renewal_soon": QCoreApplication.translate(
            "QbrReport", "Renewal within 90 days of the quarter's end"
        ),
        "churn_history": QCoreApplication.translate("QbrReport", "Has churned before"),
    }
    return names.get(code, code)
