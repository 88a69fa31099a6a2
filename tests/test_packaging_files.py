"""Icons, desktop entry, AppStream metadata, changelog and the version in the About box."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from csm_desktop import __version__
from csm_desktop.ui.app_icon import ICON_SIZES, application_icon

REPO_ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = REPO_ROOT / "resources" / "icons"
LINUX_DIR = REPO_ROOT / "packaging" / "linux"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_size(size: int) -> None:
    image = QImage(str(ICON_DIR / f"csm-desktop-{size}.png"))

    assert image.width() == size
    assert image.height() == size
    assert image.hasAlphaChannel()


def test_application_icon_has_every_size(qapp: QApplication) -> None:
    icon = application_icon()

    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(ICON_SIZES)


def test_windows_icon_sizes() -> None:
    from PIL import Image

    with Image.open(REPO_ROOT / "packaging" / "windows" / "csm-desktop.ico") as icon:
        assert icon.format == "ICO"
        assert set(icon.info["sizes"]) == {(size, size) for size in (16, 24, 32, 48, 64, 128, 256)}


def test_macos_icon_sizes() -> None:
    from PIL import Image

    with Image.open(REPO_ROOT / "packaging" / "macos" / "csm-desktop.icns") as icon:
        assert icon.format == "ICNS"
        assert icon.size == (1024, 1024)
        assert (512, 512, 2) in icon.info["sizes"]
        assert (16, 16, 2) in icon.info["sizes"]


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text("utf-8"))["project"]

    assert project["version"] == __version__


def test_desktop_entry() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(LINUX_DIR / "csm-desktop.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]

    assert entry["Type"] == "Application"
    assert entry["Exec"] == "csm-desktop"
    assert entry["Icon"] == "csm-desktop"
    assert entry["Categories"].endswith(";")
    assert "Comment[es]" in entry


def test_appstream_metadata() -> None:
    root = ET.parse(LINUX_DIR / "csm-desktop.metainfo.xml").getroot()

    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == "csm-desktop.desktop"
    assert root.find("description/p") is not None
    versions = [release.get("version") for release in root.iter("release")]
    assert __version__ in versions


def test_changelog_sections() -> None:
    text = (REPO_ROOT / "CHANGELOG.md").read_text("utf-8")

    assert f"## [{__version__}]" in text
    for section in ("### Added", "### Changed", "### Fixed"):
        assert section in text


def test_about_box_shows_version(qtbot, db, monkeypatch: pytest.MonkeyPatch) -> None:
    from csm_desktop.ui.main_window import MainWindow

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda _parent, title, text: shown.append((title, text))
    )
    window = MainWindow(db)
    window.confirm_cancel_jobs = lambda _count: True
    qtbot.addWidget(window)
    about = [
        action
        for action in window.menus["help"].actions()
        if action.text().replace("&", "").startswith("About")
    ]
    about[0].trigger()
    window.runner.shutdown(5_000)

    assert len(shown) == 1
    assert __version__ in shown[0][1]
