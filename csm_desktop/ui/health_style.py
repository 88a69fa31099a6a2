"""Colours, labels and trend arrows for health colours, shared by every screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from csm_desktop.health.bands import HealthColour

# The order the health filter buttons appear in.
HEALTH_COLOURS: tuple[str, ...] = (
    HealthColour.RED,
    HealthColour.YELLOW,
    HealthColour.GREEN,
    HealthColour.INSUFFICIENT,
    HealthColour.STALE,
)

_SWATCH_HEX = {
    HealthColour.RED: "#d64545",
    HealthColour.YELLOW: "#e3b224",
    HealthColour.GREEN: "#2f9e5a",
    HealthColour.INSUFFICIENT: "#9aa0a6",
    HealthColour.STALE: "#7b8fa8",
}
_NO_HEALTH_HEX = "#d0d4d9"

TREND_ARROWS = {1: "▲", 0: "▶", -1: "▼"}


def swatch_colour(colour: str | None) -> QColor:
    """Return the fill colour for a health colour. A light grey when there is none."""
    return QColor(_SWATCH_HEX.get(colour or "", _NO_HEALTH_HEX))


def swatch_icon(colour: str | None, size: int = 12) -> QIcon:
    """Return a small round swatch icon for buttons and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(swatch_colour(colour))
    painter.setPen(swatch_colour(colour).darker(130))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def colour_label(colour: str | None) -> str:
    """Return the translated name of a health colour."""
    labels = {
        HealthColour.RED: QCoreApplication.translate("Health", "Red"),
        HealthColour.YELLOW: QCoreApplication.translate("Health", "Yellow"),
        HealthColour.GREEN: QCoreApplication.translate("Health", "Green"),
        HealthColour.INSUFFICIENT: QCoreApplication.translate("Health", "Insufficient data"),
        HealthColour.STALE: QCoreApplication.translate("Health", "Stale"),
    }
    return labels.get(colour or "", QCoreApplication.translate("Health", "Not scored"))


def trend_label(trend: int | None) -> str:
    """Return the translated meaning of a trend arrow, for tooltips."""
    labels = {
        1: QCoreApplication.translate("Health", "improving"),
        0: QCoreApplication.translate("Health", "steady"),
        -1: QCoreApplication.translate("Health", "declining"),
    }
    return labels.get(trend if trend is not None else 99, "")
