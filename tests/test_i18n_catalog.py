"""The Spanish catalogue: complete, placeholders intact, up to date with the code and the .qm."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from csm_desktop.i18n import placeholders, pseudo_translate

REPO_ROOT = Path(__file__).resolve().parent.parent
TS_FILE = REPO_ROOT / "resources" / "i18n" / "csm_desktop_es.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
sys.path.insert(0, str(REPO_ROOT / "scripts"))
import build_translations  # noqa: E402


def live_messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """Return (context, source, translation element) for every message still in the code."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            messages.append((name, message.findtext("source", ""), translation))
    return messages


def test_catalogue_has_messages() -> None:
    assert len(live_messages(TS_FILE)) > 100


def test_every_string_translated() -> None:
    missing = [
        (context, source)
        for context, source, translation in live_messages(TS_FILE)
        if translation.get("type") == "unfinished" or not "".join(translation.itertext()).strip()
    ]
    assert missing == []


def test_placeholders_match() -> None:
    mismatched = [
        (context, source, translation.text)
        for context, source, translation in live_messages(TS_FILE)
        if translation.get("type") != "unfinished"
        and any(placeholders(source) != placeholders(form) for form in _forms(translation))
    ]
    assert mismatched == []


def _forms(translation) -> list[str]:
    """Return every translated form: the plural forms of a numerus message, else its text."""
    plural_forms = [form.text or "" for form in translation.findall("numerusform")]
    return plural_forms or [translation.text or ""]


def test_mnemonics_kept() -> None:
    """A menu entry with an Alt+letter shortcut keeps one in Spanish."""
    mnemonic = re.compile(r"&(?!&)\w")
    lost = [
        (context, source, translation.text)
        for context, source, translation in live_messages(TS_FILE)
        if translation.get("type") != "unfinished"
        and len(mnemonic.findall(source)) != len(mnemonic.findall(translation.text or ""))
    ]
    assert lost == []


def test_contexts_are_class_names() -> None:
    """``obj.tr()`` on another object gives lupdate a context that never matches at run time."""
    bad = {context for context, _source, _tr in live_messages(TS_FILE)}
    bad = {name for name in bad if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name)}
    assert bad == set()


def test_catalogue_covers_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Extracting the strings again finds none that the committed .ts lacks."""
    copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, copy)
    monkeypatch.setattr(build_translations, "ts_path", lambda _language: copy)
    build_translations.update_ts("es_ES")

    assert build_translations.unfinished_sources(copy) == []


def test_qm_matches_ts(tmp_path: Path) -> None:
    """The committed .qm is what lrelease makes from the committed .ts."""
    rebuilt = tmp_path / QM_FILE.name
    lrelease = build_translations.qt_tool("pyside6-lrelease")
    subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(rebuilt)], check=True)

    assert rebuilt.read_bytes() == QM_FILE.read_bytes()


@pytest.mark.parametrize(
    ("source", "expected_kept"),
    [
        ("Data as of %1", ["%1"]),
        ("Page {page} of {total}", ["{page}", "{total}"]),
        ("&Export QBR…", ["&E"]),
        ("<b>ARR</b> %1", ["<b>", "</b>", "%1"]),
    ],
)
def test_pseudo_translation_keeps_markers(source: str, expected_kept: list[str]) -> None:
    stretched = pseudo_translate(source, 1.5)

    assert stretched.startswith("[")
    assert stretched.endswith("]")
    assert len(stretched) >= len(source) * 1.5
    for marker in expected_kept:
        assert marker in stretched
    assert placeholders(stretched) == placeholders(source)
