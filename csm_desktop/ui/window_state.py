"""Remembered window state: geometry kept on a visible screen, splitters and JSON values.

Everything is stored with QSettings under keys the callers choose. A saved
geometry can point at a monitor that is no longer attached; ``fit_to_screens``
moves such a rectangle back onto a screen that exists now.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

log = logging.getLogger(__name__)

# A window counts as reachable when this much of its top strip (where the
# title bar is) lies on one screen, so the user can grab and move it.
MIN_VISIBLE_WIDTH = 120
MIN_VISIBLE_HEIGHT = 40


def available_screen_rects() -> list[QRect]:
    """Return the available geometry of every screen, the primary screen first."""
    primary = QGuiApplication.primaryScreen()
    screens = QGuiApplication.screens()
    ordered = ([primary] if primary is not None else []) + [s for s in screens if s is not primary]
    return [screen.availableGeometry() for screen in ordered]


def is_reachable(frame: QRect, screens: Sequence[QRect]) -> bool:
    """Return whether enough of the top strip of ``frame`` lies on one of ``screens``."""
    title_strip = QRect(frame.x(), frame.y(), frame.width(), MIN_VISIBLE_HEIGHT)
    for screen in screens:
        overlap = title_strip.intersected(screen)
        if overlap.width() >= min(MIN_VISIBLE_WIDTH, frame.width()) and overlap.height() >= min(
            MIN_VISIBLE_HEIGHT, frame.height()
        ):
            return True
    return False


def fit_to_screens(frame: QRect, screens: Sequence[QRect]) -> QRect:
    """Return ``frame`` unchanged when reachable, else moved and shrunk onto the first screen.

    The moved frame keeps its size when it fits, is shrunk to the screen
    otherwise, and is centred on that screen.
    """
    if not screens or is_reachable(frame, screens):
        return QRect(frame)
    target = screens[0]
    width = min(frame.width(), target.width())
    height = min(frame.height(), target.height())
    x = target.x() + (target.width() - width) // 2
    y = target.y() + (target.height() - height) // 2
    return QRect(x, y, width, height)


def restore_window_geometry(
    window: QMainWindow,
    settings: QSettings,
    key: str,
    *,
    default_size: tuple[int, int] = (1280, 800),
    screens: Sequence[QRect] | None = None,
) -> bool:
    """Restore the geometry saved under ``key`` and keep the window reachable.

    ``screens`` replaces the real screen list (tests fake it). Return False
    when nothing usable was saved and the default size was applied.
    """
    saved = settings.value(key)
    if not isinstance(saved, QByteArray) or not window.restoreGeometry(saved):
        window.resize(*default_size)
        return False

    rects = list(screens) if screens is not None else available_screen_rects()
    current = window.geometry()
    fitted = fit_to_screens(current, rects)
    if fitted != current:
        log.info("Saved window position %s is off screen; moved to %s", current, fitted)
        window.setGeometry(fitted)
    return True


def save_window_geometry(window: QMainWindow, settings: QSettings, key: str) -> None:
    settings.setValue(key, window.saveGeometry())


def save_splitter(splitter: QSplitter, settings: QSettings, key: str) -> None:
    settings.setValue(key, splitter.saveState())


def restore_splitter(splitter: QSplitter, settings: QSettings, key: str) -> bool:
    """Restore a splitter's sizes. Return False when nothing valid was saved."""
    saved = settings.value(key)
    return isinstance(saved, QByteArray) and splitter.restoreState(saved)


def save_json(settings: QSettings, key: str, value: Any) -> None:
    """Store a JSON-ready value as text, which every QSettings backend keeps as written."""
    settings.setValue(key, json.dumps(value))


def load_json(settings: QSettings, key: str, default: Any = None) -> Any:
    """Return the value stored by ``save_json``, or ``default`` when missing or unreadable."""
    text = settings.value(key)
    if not isinstance(text, str) or not text:
        return default
    try:
        return json.loads(text)
    except ValueError:
        log.warning("Ignoring unreadable saved state under %s", key)
        return default
