"""The application icon, for window title bars and the task bar."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

from csm_desktop import APP_ID
from csm_desktop.paths import resource_path

log = logging.getLogger(__name__)

# PNG sizes rendered from the SVG by scripts/render_icons.py; desktops pick the nearest.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """Return the app icon built from the bundled PNGs, or an empty icon if they are missing."""
    icon = QIcon()
    try:
        folder = resource_path("icons")
    except FileNotFoundError:
        log.warning("No resources folder; the window has no icon")
        return icon
    for size in ICON_SIZES:
        png = folder / f"{APP_ID}-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    if icon.isNull():
        log.warning("No icon files in %s; the window has no icon", folder)
    return icon
