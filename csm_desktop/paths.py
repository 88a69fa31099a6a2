"""File locations: user data, logs, and resources shipped with the package.

Resources live in ``resources/`` at the top of a source checkout and in
``csm_desktop/resources`` inside an installed wheel; ``resource_path`` hides
the difference so callers never need to know how the app was installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from csm_desktop import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """Return the folder of bundled resources (demo data, fonts, translations)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "csm_desktop" / "resources")
    candidates.append(_PACKAGE_DIR / "resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "The resources folder is missing from this installation; reinstall csm-desktop."
    )


def resource_path(*parts: str) -> Path:
    """Return the path of one bundled resource file or folder."""
    return resources_dir().joinpath(*parts)


def demo_data_dir() -> Path:
    """Return the folder holding the RavenStack demo CSV files."""
    return resource_path("demo", "ravenstack")


def user_data_dir() -> Path:
    """Return the per-user data folder, honouring ``CSM_DESKTOP_DATA_DIR`` for tests."""
    override = os.environ.get("CSM_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def user_log_dir() -> Path:
    """Return the per-user log folder (inside the data folder when it is overridden)."""
    override = os.environ.get("CSM_DESKTOP_DATA_DIR")
    if override:
        return Path(override) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def default_database_path() -> Path:
    """Return the default database file for the user's own portfolio."""
    return user_data_dir() / "portfolio.sqlite"


def demo_database_path() -> Path:
    """Return the database file used by ``--demo``, kept apart from real data."""
    return user_data_dir() / "demo.sqlite"
