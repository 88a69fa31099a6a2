"""Extract the app's strings into the .ts files and compile them to .qm.

    .venv/bin/python scripts/build_translations.py           # lupdate, then lrelease
    .venv/bin/python scripts/build_translations.py --check   # also fail on untranslated strings

pyside6-lupdate reads every ``self.tr``, ``QCoreApplication.translate`` and
``QT_TRANSLATE_NOOP`` call under ``csm_desktop/`` and merges new strings into
``resources/i18n/csm_desktop_<lang>.ts``, keeping existing translations and
dropping strings no longer in the code. New strings are marked unfinished
until someone translates them (in Qt Linguist, ``pyside6-linguist``, or by
editing the XML). pyside6-lrelease then writes the ``.qm`` files the app
loads; unfinished strings fall back to English there.

The ``.qm`` files are committed, so building a wheel does not need Qt's
tools; ``tests/test_i18n_catalog.py`` fails when a ``.qm`` is older than its
``.ts``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = REPO_ROOT / "csm_desktop"
I18N_DIR = REPO_ROOT / "resources" / "i18n"
# Target languages as Qt locale names; English is the source language.
LANGUAGES = ("es_ES",)
TS_PREFIX = "csm_desktop"


def ts_path(language: str) -> Path:
    """Return the .ts file of ``language`` ("es_ES" -> csm_desktop_es.ts)."""
    return I18N_DIR / f"{TS_PREFIX}_{language.split('_')[0]}.ts"


def qt_tool(name: str) -> str:
    """Find a PySide6 tool next to this Python, else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"error: {name} not found; install PySide6-Essentials in this venv")
    return found


def source_files() -> list[str]:
    """Return the Python files lupdate scans, relative to the repository, in a stable order."""
    return sorted(str(path.relative_to(REPO_ROOT)) for path in SOURCE_DIR.rglob("*.py"))


def update_ts(language: str) -> None:
    """Merge the strings found in the code into the .ts file of ``language``."""
    command = [
        qt_tool("pyside6-lupdate"),
        *source_files(),
        "-no-obsolete",
        # No line numbers: several people add strings at once, and line
        # numbers would make every regeneration conflict.
        "-locations",
        "none",
        "-source-language",
        "en_US",
        "-target-language",
        language,
        "-ts",
        str(ts_path(language)),
    ]
    subprocess.run(command, cwd=REPO_ROOT, check=True)


def release_qm(language: str) -> Path:
    """Compile the .ts file of ``language`` to the .qm file next to it."""
    source = ts_path(language)
    target = source.with_suffix(".qm")
    command = [qt_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)]
    subprocess.run(command, cwd=REPO_ROOT, check=True)
    return target


def unfinished_sources(path: Path) -> list[str]:
    """Return the source texts in ``path`` that have no finished translation."""
    missing = []
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            continue
        text = "".join(translation.itertext())
        if kind == "unfinished" or not text.strip():
            missing.append(message.findtext("source", ""))
    return missing


def main(argv: list[str] | None = None) -> int:
    """Run lupdate and lrelease for every language; return 1 on --check with gaps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit with 1 when a string has no translation"
    )
    parser.add_argument(
        "--no-update", action="store_true", help="only compile the .ts files (skip lupdate)"
    )
    args = parser.parse_args(argv)

    I18N_DIR.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in LANGUAGES:
        if not args.no_update:
            update_ts(language)
        target = release_qm(language)
        missing = unfinished_sources(ts_path(language))
        print(f"{target.relative_to(REPO_ROOT)}: {len(missing)} strings untranslated")
        for source in missing:
            print(f"  untranslated: {source!r}")
        if missing and args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
