"""Render resources/icons/csm-desktop.svg to the PNG sizes desktop environments expect.

Run after editing the SVG: ``.venv/bin/python scripts/render_icons.py``.
QtSvg does the rendering. The Windows .ico and the macOS .icns that the
PyInstaller spec uses are written from those renderings with Pillow, which
matplotlib already installs, so no platform icon tool is needed.
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

REPO_ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = REPO_ROOT / "resources" / "icons"
WINDOWS_ICON = REPO_ROOT / "packaging" / "windows" / f"{APP_ID}.ico"
MACOS_ICON = REPO_ROOT / "packaging" / "macos" / f"{APP_ID}.icns"
# Windows shows 16 to 256 pixels; 256 is the largest size an .ico holds.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The largest macOS icon is 512 points at twice the pixel density.
ICNS_SIZE = 1024


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


def write_platform_icons(svg: Path, scratch: Path) -> None:
    """Write the .ico and .icns for the Windows and macOS bundles from ``svg``."""
    from PIL import Image

    large = scratch / "icon-1024.png"
    render(svg, ICNS_SIZE, large)
    with Image.open(large) as image:
        WINDOWS_ICON.parent.mkdir(parents=True, exist_ok=True)
        image.save(WINDOWS_ICON, sizes=[(size, size) for size in ICO_SIZES])
        MACOS_ICON.parent.mkdir(parents=True, exist_ok=True)
        image.save(MACOS_ICON)


def main() -> int:
    """Render every size next to the SVG, then the platform icons; print the files written."""
    import tempfile

    QGuiApplication(sys.argv)
    svg = ICON_DIR / f"{APP_ID}.svg"
    for size in ICON_SIZES:
        target = ICON_DIR / f"{APP_ID}-{size}.png"
        render(svg, size, target)
        print(target)
    with tempfile.TemporaryDirectory() as scratch:
        write_platform_icons(svg, Path(scratch))
    print(WINDOWS_ICON)
    print(MACOS_ICON)
    return 0


if __name__ == "__main__":
    sys.exit(main())
