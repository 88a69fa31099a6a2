"""The PyInstaller one-folder app, built by packaging/build_linux.sh and started headless."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from csm_desktop import __version__

REPO_ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundle once per session; return the dist folder."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        ["bash", str(REPO_ROOT / "packaging" / "build_linux.sh"), str(dist)],
        check=True,
        capture_output=True,
        timeout=1200,
    )
    return dist


def bundle_env(data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", CSM_DESKTOP_DATA_DIR=str(data_dir))
    return env


def run_bundle(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "csm-desktop" / "csm-desktop"), *args],
        cwd=cwd,
        env=bundle_env(cwd / "data"),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_bundle_layout(bundle: Path) -> None:
    app = bundle / "csm-desktop"
    internal = app / "_internal" / "csm_desktop"

    assert (internal / "resources" / "i18n" / "csm_desktop_es.qm").is_file()
    assert (internal / "store" / "migrations" / "versions").is_dir()
    assert (app / "share" / "applications" / "csm-desktop.desktop").is_file()
    assert (app / "share" / "icons" / "hicolor" / "48x48" / "apps" / "csm-desktop.png").is_file()
    tarball = bundle / f"csm-desktop-{__version__}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(tarball) as archive:
        assert "csm-desktop/csm-desktop" in archive.getnames()


def test_bundle_runs_commands(bundle: Path, tmp_path: Path) -> None:
    version = run_bundle(bundle, "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert __version__ in version.stdout

    db = tmp_path / "bundle.sqlite"
    imported = run_bundle(bundle, "--db", str(db), "import-demo", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr

    pdf = tmp_path / "qbr.pdf"
    arguments = ["--db", str(db), "qbr", "--account", "Company_7", "--quarter", "2024Q4"]
    exported = run_bundle(bundle, *arguments, "--out", str(pdf), "--locale", "es_ES", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Company_7" in text
    assert "Salud de la cuenta" in text


def test_bundle_starts_gui_headless(bundle: Path, tmp_path: Path) -> None:
    """Start the window offscreen, wait until start-up logs that the UI is up, then stop it."""
    data_dir = tmp_path / "data"
    log_file = data_dir / "logs" / "csm-desktop.log"
    command = [str(bundle / "csm-desktop" / "csm-desktop"), "--db", str(tmp_path / "gui.sqlite")]
    process = subprocess.Popen(command, env=bundle_env(data_dir), stderr=subprocess.PIPE)
    try:
        started = False
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if log_file.is_file() and "translators installed" in log_file.read_text("utf-8"):
                started = True
                break
            time.sleep(0.5)
        assert process.poll() is None, process.stderr.read().decode()
        assert started
    finally:
        process.terminate()
        process.wait(timeout=30)
