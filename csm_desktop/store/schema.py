"""Schema revisions this version of the app knows, read from the migration scripts.

The scripts are parsed with ``ast`` rather than through Alembic so that
opening an up-to-date database does not import Alembic (about 100 ms at
start). Revisions may form branches; the heads are those no other
revision names as its parent.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
# A top-level ``revision = ...`` or ``down_revision = ...`` written on one line.
_ONE_LINE_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*=\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class RevisionGraph:
    """Every known revision id and the current heads."""

    known: frozenset[str]
    heads: frozenset[str]


@cache
def revision_graph() -> RevisionGraph:
    """Parse ``revision`` and ``down_revision`` from every migration script."""
    parents: dict[str, tuple[str, ...]] = {}
    for script in sorted(VERSIONS_DIR.glob("*.py")):
        values = _module_constants(script)
        if "revision" not in values:
            continue
        down = values.get("down_revision")
        if down is None:
            parents[values["revision"]] = ()
        elif isinstance(down, str):
            parents[values["revision"]] = (down,)
        else:
            parents[values["revision"]] = tuple(down)

    referenced = {parent for names in parents.values() for parent in names}
    return RevisionGraph(known=frozenset(parents), heads=frozenset(set(parents) - referenced))


def stored_revisions(connection: sqlite3.Connection) -> frozenset[str]:
    """Return the revisions stored in a database (one per branch head); empty when new.

    Raises ``sqlite3.DatabaseError`` when the file is not a readable database.
    """
    found = connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if found is None:
        return frozenset()
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return frozenset(record[0] for record in rows)


def _module_constants(script: Path) -> dict[str, object]:
    """Read ``revision`` and ``down_revision`` from a migration script.

    Each is usually one line, read with a pattern and ``ast.literal_eval``.
    Parsing the whole script cost about 1 ms a file at start-up, so
    ``ast.parse`` runs only when a value spans lines or is missing.
    """
    text = script.read_text(encoding="utf-8")
    values: dict[str, object] = {}
    for match in _ONE_LINE_ASSIGNMENT.finditer(text):
        try:
            values[match.group(1)] = ast.literal_eval(match.group(2))
        except (ValueError, SyntaxError):
            break
    else:
        if "revision" in values and "down_revision" in values:
            return values
    return _parsed_constants(script, text)


def _parsed_constants(script: Path, text: str) -> dict[str, object]:
    tree = ast.parse(text, filename=str(script))
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(node.value)
    return values
