"""Render resources/icons/csm-desktop.svg to the PNG sizes desktop environments expect.

Run after editing the SVG: ``.venv/bin/python scripts/render_icons.py``.
QtSvg does the rendering, so no other image tool is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from csm_desktop import APP_ID
from csm_desktop.ui.app_icon import ICON_SIZES

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int, target: Path) -> None:
    """Draw ``svg`` into a transparent ``size`` x ``size`` PNG at ``target``."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"error: could not write {target}")


def main() -> int:
    """Render every size next to the SVG and print the files written."""
    QGuiApplication(sys.argv)
    svg = ICON_DIR / f"{APP_ID}.svg"
    for size in ICON_SIZES:
        target = ICON_DIR / f"{APP_ID}-{size}.png"
        render(svg, size, target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
