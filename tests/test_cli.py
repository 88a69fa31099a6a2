"""The command line, run as a real subprocess the way a coordinator scripts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CSM_DESKTOP_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "csm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> tuple[Path, Path]:
    """A database loaded once through ``import-demo``, shared by the read-only tests."""
    folder = tmp_path_factory.mktemp("cli")
    db_path = folder / "demo.sqlite"
    result = run_cli("--db", str(db_path), "import-demo", data_dir=folder)
    assert result.returncode == 0, result.stderr
    return db_path, folder


def test_version_and_help(tmp_path):
    from csm_desktop import __version__

    version = run_cli("--version", data_dir=tmp_path)
    assert version.returncode == 0
    assert __version__ in version.stdout

    help_text = run_cli("qbr", "--help", data_dir=tmp_path)
    assert help_text.returncode == 0
    assert "--quarter" in help_text.stdout
    assert "2024Q4" in help_text.stdout


def test_unknown_command_is_usage_error(tmp_path):
    result = run_cli("frobnicate", data_dir=tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.slow
def test_import_demo_prints_summary(demo_db):
    db_path, folder = demo_db
    listing = run_cli("--db", str(db_path), "accounts", "--filter", "Company_49", data_dir=folder)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.strip().splitlines()
    # Header plus Company_49 and Company_490 ... Company_499.
    assert len(lines) == 1 + 11
    assert all("Company_49" in line for line in lines[1:])


@pytest.mark.slow
def test_import_ravenstack_twice_reports_unchanged(demo_db, demo_dir):
    db_path, folder = demo_db
    result = run_cli("--db", str(db_path), "import", "ravenstack", str(demo_dir), data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "created      0" in result.stdout
    assert "unchanged    500" in result.stdout


def test_import_from_wrong_folder_fails_clearly(tmp_path):
    db_path = tmp_path / "x.sqlite"
    result = run_cli("--db", str(db_path), "import", "ravenstack", str(tmp_path), data_dir=tmp_path)
    assert result.returncode == 1
    assert "missing ravenstack_accounts.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_not_a_database_fails_clearly(tmp_path):
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("hello")
    result = run_cli("--db", str(bogus), "accounts", data_dir=tmp_path)
    assert result.returncode == 1
    assert "not an SQLite file" in result.stderr
    assert "Traceback" not in result.stderr
    moved = list(tmp_path.glob("bogus.sqlite.not-a-database-*"))
    assert len(moved) == 1
    assert moved[0].read_text() == "hello"


@pytest.mark.slow
def test_qbr_export_by_name(demo_db, tmp_path):
    db_path, folder = demo_db
    out = tmp_path / "qbr.pdf"
    result = run_cli(
        "--db", str(db_path), "qbr", "--account", "Company_7", "--quarter", "2024Q4",
        "--out", str(out), data_dir=folder,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Company_7" in text
    assert "2024" in text


@pytest.mark.slow
def test_qbr_bad_quarter_and_unknown_account(demo_db, tmp_path):
    db_path, folder = demo_db
    out = tmp_path / "qbr.pdf"
    bad_quarter = run_cli(
        "--db", str(db_path), "qbr", "--account", "Company_7", "--quarter", "Q4-24",
        "--out", str(out), data_dir=folder,
    )  # fmt: skip
    assert bad_quarter.returncode == 1
    assert "Invalid quarter" in bad_quarter.stderr

    unknown = run_cli(
        "--db", str(db_path), "qbr", "--account", "No Such Company", "--quarter", "2024Q4",
        "--out", str(out), data_dir=folder,
    )  # fmt: skip
    assert unknown.returncode == 1
    assert "No Such Company" in unknown.stderr
    assert not out.exists()
