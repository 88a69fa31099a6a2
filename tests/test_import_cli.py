"""The import and export commands, run in-process through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from csm_desktop.cli import main

# The CLI makes a QCoreApplication when none exists, and a later widget test
# would then abort; with the test QApplication created first, the CLI reuses it.
pytestmark = pytest.mark.usefixtures("qapp")

DATA = Path(__file__).parent / "data"


def test_cli_dry_run_prints_report(tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text('id,name,arr\n1,Acme,"1,234"\n2,Beta,5\n', encoding="utf-8")
    code = main(
        [
            "--db",
            str(tmp_path / "x.sqlite"),
            "import",
            str(path),
            "--entity",
            "accounts",
            "--source",
            "crm",
            "--dry-run",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "accounts: 1 would be created" in out
    assert "2\tarr\t1,234\t" in out


def test_cli_import_with_options_and_mapping(tmp_path, capsys):
    db_path = str(tmp_path / "x.sqlite")
    path = DATA / "nps-survey-exports" / "sudzilla_survey_input_01.csv"
    code = main(
        ["--db", db_path, "import", str(path), "--date-order", "Timestamp=mdy", "--print-mapping"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "survey_responses: 39 were created" in out
    spec = json.loads(out[: out.index("\n}\n") + 3])
    assert spec["date_orders"] == {"Timestamp": "mdy"}

    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(spec), encoding="utf-8")
    code = main(["--db", db_path, "import", str(path), "--mapping", str(mapping)])
    assert code == 0
    assert "39 unchanged" in capsys.readouterr().out


def test_cli_needs_entity_without_profile(tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    code = main(["--db", str(tmp_path / "x.sqlite"), "import", str(path)])
    assert code == 1
    assert "--entity" in capsys.readouterr().err


def test_cli_export_and_archive_round_trip(tmp_path, capsys):
    db_path = str(tmp_path / "x.sqlite")
    source = DATA / "salesforce-lwc-recipes" / "Accounts.json"
    assert main(["--db", db_path, "import", str(source)]) == 0
    csv_path = tmp_path / "accounts.csv"
    assert main(["--db", db_path, "export", "accounts", "--out", str(csv_path)]) == 0
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")
    archive = tmp_path / "all.json"
    assert main(["--db", db_path, "export", "all", "--out", str(archive)]) == 0
    restored = str(tmp_path / "restored.sqlite")
    assert main(["--db", restored, "import-archive", str(archive)]) == 0
    assert "Loaded" in capsys.readouterr().out


def test_cli_lists_profiles(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "x.sqlite"), "import", "-", "--list-profiles"]) == 0
    assert "hubspot-companies" in capsys.readouterr().out
