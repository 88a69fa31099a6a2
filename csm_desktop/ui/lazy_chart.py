"""A chart widget that imports matplotlib and draws only when first shown.

Importing matplotlib's Qt backend costs about half a second, so nothing on
the start-up path may import it. This widget defers both the import and
the figure build to the first time it becomes visible.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

FigureBuilder = Callable[[], "Figure"]


class LazyChart(QWidget):
    """Shows the figure of its current builder, built on first display."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builder: FigureBuilder | None = None
        self._canvas: QWidget | None = None
        self._stale = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(self.tr("Loading chart…"), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder)

    @property
    def has_canvas(self) -> bool:
        return self._canvas is not None

    def set_builder(self, builder: FigureBuilder | None) -> None:
        """Replace what the chart shows. It is drawn now if visible, else when shown."""
        self._builder = builder
        self._stale = True
        if self.isVisible():
            self._rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._rebuild()

    def _rebuild(self) -> None:
        self._stale = False
        self._drop_canvas()
        if self._builder is None:
            self._placeholder.show()
            return

        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        figure = self._builder()
        canvas = FigureCanvasQTAgg(figure)
        canvas.setParent(self)
        canvas.setMinimumHeight(220)
        self._placeholder.hide()
        self._layout.addWidget(canvas)
        self._canvas = canvas

    def _drop_canvas(self) -> None:
        if self._canvas is None:
            return
        self._layout.removeWidget(self._canvas)
        self._canvas.deleteLater()
        self._canvas = None
