"""Translated names of the workspace's stored codes (task types, roles, stages and so on)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox


def task_type_labels() -> dict[str, str]:
    return {
        "risk": QCoreApplication.translate("Labels", "Risk"),
        "expansion": QCoreApplication.translate("Labels", "Expansion"),
        "renewal": QCoreApplication.translate("Labels", "Renewal"),
        "onboarding": QCoreApplication.translate("Labels", "Onboarding"),
        "advocacy": QCoreApplication.translate("Labels", "Advocacy"),
        "lifecycle": QCoreApplication.translate("Labels", "Lifecycle"),
    }


def priority_labels() -> dict[str, str]:
    return {
        "urgent": QCoreApplication.translate("Labels", "Urgent"),
        "high": QCoreApplication.translate("Labels", "High"),
        "normal": QCoreApplication.translate("Labels", "Normal"),
        "low": QCoreApplication.translate("Labels", "Low"),
    }


def goal_status_labels() -> dict[str, str]:
    return {
        "on_track": QCoreApplication.translate("Labels", "On track"),
        "at_risk": QCoreApplication.translate("Labels", "At risk"),
        "achieved": QCoreApplication.translate("Labels", "Achieved"),
        "missed": QCoreApplication.translate("Labels", "Missed"),
    }


def forecast_category_labels() -> dict[str, str]:
    return {
        "commit": QCoreApplication.translate("Labels", "Commit"),
        "best_case": QCoreApplication.translate("Labels", "Best case"),
        "at_risk": QCoreApplication.translate("Labels", "At risk"),
    }


def opportunity_stage_labels() -> dict[str, str]:
    return {
        "identified": QCoreApplication.translate("Labels", "Identified"),
        "qualified": QCoreApplication.translate("Labels", "Qualified"),
        "proposal": QCoreApplication.translate("Labels", "Proposal"),
        "won": QCoreApplication.translate("Labels", "Won"),
        "lost": QCoreApplication.translate("Labels", "Lost"),
    }


def contact_role_labels() -> dict[str, str]:
    return {
        "champion": QCoreApplication.translate("Labels", "Champion"),
        "economic_buyer": QCoreApplication.translate("Labels", "Economic buyer"),
        "executive_sponsor": QCoreApplication.translate("Labels", "Executive sponsor"),
        "admin": QCoreApplication.translate("Labels", "Admin"),
        "detractor": QCoreApplication.translate("Labels", "Detractor"),
    }


def advocacy_kind_labels() -> dict[str, str]:
    return {
        "reference": QCoreApplication.translate("Labels", "Reference"),
        "case_study": QCoreApplication.translate("Labels", "Case study"),
        "review": QCoreApplication.translate("Labels", "Review"),
        "referral": QCoreApplication.translate("Labels", "Referral"),
        "event": QCoreApplication.translate("Labels", "Event"),
    }


def advocacy_status_labels() -> dict[str, str]:
    return {
        "willing": QCoreApplication.translate("Labels", "Willing"),
        "requested": QCoreApplication.translate("Labels", "Requested"),
        "in_progress": QCoreApplication.translate("Labels", "In progress"),
        "done": QCoreApplication.translate("Labels", "Done"),
        "declined": QCoreApplication.translate("Labels", "Declined"),
    }


def fill_combo(combo: QComboBox, labels: dict[str, str]) -> None:
    """Fill ``combo`` with the labels, each carrying its stored code as item data."""
    combo.clear()
    for code, label in labels.items():
        combo.addItem(label, code)
