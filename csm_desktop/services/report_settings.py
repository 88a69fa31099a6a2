"""Report branding and output settings, stored with the database as app settings.

These are local to one user (``app_setting`` is not synced): company name,
CSM name, logo file, brand colours, the file-name pattern and paper size.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from csm_desktop.quarters import Quarter
from csm_desktop.services.settings import get_setting, set_setting

log = logging.getLogger(__name__)

KEY_PREFIX = "report."
DEFAULT_PATTERN = "{account} - {quarter} QBR.pdf"
PATTERN_FIELDS = ("account", "quarter", "version", "date")
PAGE_SIZES = ("auto", "A4", "Letter")
_COLOUR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# Characters that Windows, macOS or Linux reject in file names, and controls.
_UNSAFE_FILE_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
MAX_FILE_NAME = 200


@dataclass(frozen=True)
class ReportSettings:
    """Branding and output options. Empty strings mean "not set"."""

    company_name: str = ""
    csm_name: str = ""
    logo_path: str = ""
    primary_colour: str = "#1f3a5f"
    accent_colour: str = "#2e6da4"
    file_name_pattern: str = DEFAULT_PATTERN
    # "auto" follows the locale (Letter in the US and Canada, A4 elsewhere).
    page_size: str = "auto"

    def page_size_override(self) -> str | None:
        return None if self.page_size == "auto" else self.page_size

    def logo_file(self) -> Path | None:
        """Return the logo path when it names a readable file, else None."""
        if not self.logo_path:
            return None
        path = Path(self.logo_path).expanduser()
        return path if path.is_file() else None


def validate(settings: ReportSettings) -> list[str]:
    """Return one message per invalid field; an empty list means the settings are valid."""
    problems = []
    for name in ("primary_colour", "accent_colour"):
        value = getattr(settings, name)
        if not _COLOUR_RE.match(value):
            problems.append(f"Invalid colour {value!r} for {name}: write it as #RRGGBB.")
    if settings.page_size not in PAGE_SIZES:
        problems.append(f"Invalid page size {settings.page_size!r}: use auto, A4 or Letter.")
    try:
        render_file_name(settings.file_name_pattern, "Account", Quarter(2024, 4), "customer")
    except ValueError as exc:
        problems.append(str(exc))
    if settings.logo_path and settings.logo_file() is None:
        problems.append(f"Logo file {settings.logo_path!r} was not found.")
    return problems


def load_report_settings(session: Session) -> ReportSettings:
    """Read the stored settings; fields never stored keep their defaults."""
    values = {}
    for field in fields(ReportSettings):
        stored = get_setting(session, KEY_PREFIX + field.name)
        if stored is not None:
            values[field.name] = stored
    return ReportSettings(**values)


def save_report_settings(session: Session, settings: ReportSettings) -> None:
    """Store every field; raise ``ValueError`` listing the problems when any is invalid."""
    problems = validate(settings)
    if problems:
        raise ValueError(" ".join(problems))
    for field in fields(ReportSettings):
        set_setting(session, KEY_PREFIX + field.name, getattr(settings, field.name))


def render_file_name(
    pattern: str, account: str, quarter: Quarter, version: str, today: date | None = None
) -> str:
    """Fill ``pattern`` and return a safe file name ending in ".pdf".

    Fields are {account}, {quarter} (2024Q4), {version} (customer or
    internal) and {date} (ISO). Characters that file systems reject become
    "_". Raises ``ValueError`` for an unknown field or a malformed pattern.
    """
    values = {
        "account": account,
        "quarter": str(quarter),
        "version": version,
        "date": (today or date.today()).isoformat(),
    }
    try:
        name = pattern.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValueError(
            f"Invalid file-name pattern {pattern!r}: use the fields "
            + ", ".join("{" + key + "}" for key in PATTERN_FIELDS)
            + "."
        ) from exc

    name = _UNSAFE_FILE_CHARS.sub("_", name).strip().strip(".")
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    if len(name) > MAX_FILE_NAME:
        name = name[: MAX_FILE_NAME - 4].rstrip() + ".pdf"
    return name if name != ".pdf" else "QBR.pdf"
