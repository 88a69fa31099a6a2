"""The wheel, built and installed into a fresh virtual environment outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

REPO_ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once per session without build isolation; the test extra has hatchling."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run([*command, "-w", str(out), str(REPO_ROOT)], check=True, capture_output=True)
    (built,) = out.glob("csm_desktop-*.whl")
    return built


@pytest.fixture(scope="session")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the wheel and its pinned dependencies into a new venv; return its bin folder."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    constraints = ["-c", str(REPO_ROOT / "constraints.txt")]
    subprocess.run([*pip, *constraints, str(wheel)], check=True, capture_output=True)
    return venv / "bin"


def run_installed(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed ``csm-desktop`` from ``cwd`` with no repository path in the environment."""
    env = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    env.update(QT_QPA_PLATFORM="offscreen", CSM_DESKTOP_DATA_DIR=str(cwd / "data"))
    return subprocess.run(
        [str(bin_dir / "csm-desktop"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_wheel_carries_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())

    assert "csm_desktop/resources/i18n/csm_desktop_es.qm" in names
    assert "csm_desktop/resources/icons/csm-desktop.svg" in names
    assert "csm_desktop/resources/icons/csm-desktop-256.png" in names
    assert any(name.startswith("csm_desktop/resources/demo/ravenstack/") for name in names)
    assert any(name.startswith("csm_desktop/store/migrations/versions/") for name in names)


def test_installed_package_outside_repo(installed: Path, tmp_path: Path) -> None:
    python = installed / "python"
    result = subprocess.run(
        [str(python), "-c", "import csm_desktop; print(csm_desktop.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )

    location = Path(result.stdout.strip())
    assert REPO_ROOT not in location.parents
    assert installed.parent in location.parents


def test_installed_demo_import_and_qbr(installed: Path, tmp_path: Path) -> None:
    db = tmp_path / "smoke.sqlite"
    version = run_installed(installed, "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr

    imported = run_installed(installed, "--db", str(db), "import-demo", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr

    pdf = tmp_path / "qbr.pdf"
    arguments = ["--db", str(db), "qbr", "--account", "Company_7", "--quarter", "2024Q4"]
    exported = run_installed(installed, *arguments, "--out", str(pdf), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Company_7" in text
    assert "Quarterly Business Review" in text

    pdf_es = tmp_path / "qbr-es.pdf"
    spanish = [*arguments, "--out", str(pdf_es), "--locale", "es_ES"]
    exported_es = run_installed(installed, *spanish, cwd=tmp_path)
    assert exported_es.returncode == 0, exported_es.stderr
    text_es = "\n".join(page.extract_text() for page in PdfReader(pdf_es).pages)
    assert "Salud de la cuenta" in text_es
