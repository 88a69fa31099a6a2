"""Schema revisions this version of the app knows, read from the migration scripts.

The scripts are parsed with ``ast`` rather than through Alembic so that
opening an up-to-date database does not import Alembic (about 100 ms at
start). Revisions may form branches; the heads are those no other
revision names as its parent.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"


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


def _module_constants(script: Path) -> dict[str, object]:
    tree = ast.parse(script.read_text(encoding="utf-8"), filename=str(script))
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                values[target.id] = ast.literal_eval(node.value)
    return values
