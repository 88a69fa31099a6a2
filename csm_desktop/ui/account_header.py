"""The account workspace header: name, key facts, renewal countdown and health badge."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from csm_desktop.formatting import format_date, format_money, format_number
from csm_desktop.services.accounts import AccountFacts
from csm_desktop.store.models import LifecycleStage
from csm_desktop.ui.health_style import colour_label, swatch_colour


def stage_label(stage: str) -> str:
    """Return the translated name of a lifecycle stage."""
    labels = {
        LifecycleStage.ONBOARDING: QCoreApplication.translate("Stage", "Onboarding"),
        LifecycleStage.ADOPTION: QCoreApplication.translate("Stage", "Adoption"),
        LifecycleStage.GROWTH: QCoreApplication.translate("Stage", "Growth"),
        LifecycleStage.RENEWAL: QCoreApplication.translate("Stage", "Renewal"),
        LifecycleStage.CHURNED: QCoreApplication.translate("Stage", "Churned"),
    }
    return labels.get(stage, stage)


class HealthBadge(QLabel):
    """A rounded label filled with the health colour, showing the score."""

    overridden = False

    def show_health(
        self, score: float | None, colour: str | None, *, overridden: bool = False
    ) -> None:
        """Show the score and colour; ``overridden`` adds a mark for a CSM's manual override."""
        fill = swatch_colour(colour)
        text_colour = "#ffffff" if colour in ("red", "green", "stale") else "#1d1f22"
        if score is None:
            text = colour_label(colour)
        else:
            text = (
                self.tr("Health %1 · %2")
                .replace("%1", format_number(score))
                .replace("%2", colour_label(colour))
            )
        if overridden:
            text = self.tr("%1 ✎ overridden").replace("%1", text)
            self.setToolTip(self.tr("A CSM overrode the computed score."))
        else:
            self.setToolTip("")
        self.overridden = overridden
        self.setText(text)
        self.setAccessibleName(text)
        self.setStyleSheet(
            f"QLabel {{ background: {fill.name()}; color: {text_colour};"
            " border-radius: 10px; padding: 4px 12px; font-weight: bold; }"
        )


class AccountHeader(QWidget):
    """Facts of the open account. Call ``show_facts`` with freshly loaded data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_label = QLabel(self)
        title_font = QFont(self.name_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.name_label.setFont(title_font)
        self.badge = HealthBadge(self)

        top = QHBoxLayout()
        top.addWidget(self.name_label, stretch=1)
        top.addWidget(self.badge)

        self._facts = QGridLayout()
        self._facts.setHorizontalSpacing(24)
        self._values: dict[str, QLabel] = {}
        for column, (key, title) in enumerate(self._fact_titles()):
            caption = QLabel(title, self)
            caption.setStyleSheet("color: #5f6368;")
            value = QLabel(self)
            self._facts.addWidget(caption, 0, column)
            self._facts.addWidget(value, 1, column)
            self._values[key] = value
        self._facts.setColumnStretch(len(self._values), 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self._facts)

    def _fact_titles(self) -> list[tuple[str, str]]:
        return [
            ("segment", self.tr("Segment")),
            ("owner", self.tr("Owner")),
            ("industry", self.tr("Industry")),
            ("country", self.tr("Country")),
            ("plan", self.tr("Plan")),
            ("seats", self.tr("Seats")),
            ("arr", self.tr("ARR")),
            ("renewal", self.tr("Renewal")),
            ("stage", self.tr("Stage")),
        ]

    def show_facts(
        self,
        facts: AccountFacts,
        score: float | None,
        colour: str | None,
        *,
        overridden: bool = False,
    ) -> None:
        """Fill every label from ``facts`` and the latest health snapshot."""
        self.name_label.setText(facts.name)
        self._values["segment"].setText(facts.segment or "—")
        self._values["owner"].setText(facts.owner or "—")
        self._values["industry"].setText(facts.industry or "—")
        self._values["country"].setText(facts.country or "—")
        self._values["plan"].setText(facts.plan_tier or "—")
        self._values["seats"].setText(format_number(facts.seats) or "—")
        self._values["arr"].setText(format_money(facts.arr, facts.currency) or "—")
        self._values["renewal"].setText(self._renewal_text(facts))
        self._values["stage"].setText(stage_label(facts.lifecycle_stage))
        self.badge.show_health(score, colour, overridden=overridden)

    def _renewal_text(self, facts: AccountFacts) -> str:
        return renewal_text(facts.renewal_date, facts.days_to_renewal)


def renewal_text(renewal: date | None, days: int | None) -> str:
    """Return "01/02/2025 (in 32 days)", with overdue and today spelled out."""
    if renewal is None or days is None:
        return QCoreApplication.translate("AccountHeader", "No renewal")
    # NOTE: English singular and plural are picked here because no .qm
    # files exist yet. Qt's %n numerus forms need a translation file.
    if days == 0:
        countdown = QCoreApplication.translate("AccountHeader", "today")
    elif days == -1:
        countdown = QCoreApplication.translate("AccountHeader", "1 day overdue")
    elif days < 0:
        countdown = QCoreApplication.translate("AccountHeader", "%1 days overdue").replace(
            "%1", format_number(-days)
        )
    elif days == 1:
        countdown = QCoreApplication.translate("AccountHeader", "in 1 day")
    else:
        countdown = QCoreApplication.translate("AccountHeader", "in %1 days").replace(
            "%1", format_number(days)
        )
    return f"{format_date(renewal)} ({countdown})"
