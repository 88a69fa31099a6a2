"""Lint: SQL insert, update and delete statements on synced tables stay in known modules.

The sync capture layer finds local changes by comparing rows with their
server base, in the ORM flush and in a scan by ``updated_at``. A Core or ORM
bulk statement outside those paths can change a synced row without bumping
``updated_at``, an update the scan misses. It can also remove the row
outright, a hard delete the scan never finds. Either way the edit would not
reach the outbox. This
test reads every module of ``csm_desktop`` and fails when a statement whose
target is a synced model or table, or a table chosen at run time, is built
outside ``ALLOWED``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import csm_desktop
from csm_desktop.store.models import Base
from csm_desktop.sync.entities import ENTITIES, SNAPSHOT_SPEC

PACKAGE = Path(csm_desktop.__file__).parent
SYNCED_MODELS = {spec.model.__name__ for spec in (*ENTITIES.values(), SNAPSHOT_SPEC)}
LOCAL_MODELS = {mapper.class_.__name__ for mapper in Base.registry.mappers} - SYNCED_MODELS
STATEMENTS = ("insert", "update", "delete")

# Modules that may write synced tables with SQL statements, and why that is safe.
ALLOWED = {
    "sync/apply.py": (
        "applies pulled changes and writes their sync_base copy in the same transaction, "
        "so the rows match their base and nothing is captured"
    ),
    "sync/scope.py": (
        "hides rows of an account that left the user's scope; they live on at the server, "
        "so no delete may be queued"
    ),
    "sync/lost.py": (
        "restores rows and values a restored server lost, and queues their outbox entries "
        "itself in the same transaction"
    ),
    "sync/clock_recovery.py": (
        "writes back the values of changes it re-stamps after a clock was fixed; their "
        "outbox entries are queued again in the same transaction"
    ),
    "sync/snapshots.py": (
        "stores health snapshots pulled from teammates and marks pushed ones as sent; "
        "snapshots are immutable and pushed from their own queue, not the outbox"
    ),
    "importers/engine.py": (
        "inserts accounts created by an import; rows without a sync base are captured "
        "as inserts by the scan"
    ),
    "importers/upsert.py": (
        "bulk inserts, and bulk updates that set updated_at, so the scan captures both "
        "(recovery::test_every_write_path_reaches_outbox)"
    ),
    "importers/writer.py": (
        "bulk inserts, and bulk updates that set updated_at, so the scan captures both"
    ),
    "exporters/archive.py": (
        "restores an archive by inserting rows; rows without a sync base are captured "
        "as inserts by the scan"
    ),
    "health/backfill.py": (
        "hard-deletes this app's own weekly health snapshots before rebuilding them; "
        "snapshots are immutable on the server and csm_desktop.sync.snapshots pushes "
        "the new rows"
    ),
}


def _aliases(tree: ast.Module) -> dict[str, str]:
    """Map module-level names bound to ``Model.__table__`` to the model's name."""
    aliases: dict[str, str] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target, value = node.targets[0], node.value
        if (
            isinstance(target, ast.Name)
            and isinstance(value, ast.Attribute)
            and value.attr == "__table__"
            and isinstance(value.value, ast.Name)
        ):
            aliases[target.id] = value.value.id
    return aliases


def _is_local(target: ast.AST, aliases: dict[str, str]) -> bool:
    """True when ``target`` names a model (or its table) that does not sync."""
    if isinstance(target, ast.Attribute) and target.attr == "__table__":
        target = target.value
    if not isinstance(target, ast.Name):
        return False
    name = aliases.get(target.id, target.id)
    return name in LOCAL_MODELS


def _statement_target(node: ast.Call) -> ast.AST | None:
    """Return the table expression of ``insert(x)`` or ``x.update()``, or None for other calls."""
    called = node.func
    if isinstance(called, ast.Name) and called.id in STATEMENTS and node.args:
        return node.args[0]
    if (
        isinstance(called, ast.Attribute)
        and called.attr in STATEMENTS
        and not node.args
        and not node.keywords
    ):
        return called.value
    return None


def find_synced_writes(source: str) -> list[tuple[int, str]]:
    """Return ``(line, statement)`` for each statement on a synced or run-time table."""
    tree = ast.parse(source)
    aliases = _aliases(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        target = _statement_target(node)
        if target is not None and not _is_local(target, aliases):
            found.append((node.lineno, ast.unparse(node)))
    return found


def _writes_by_module() -> dict[str, list[tuple[int, str]]]:
    result = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        writes = find_synced_writes(path.read_text(encoding="utf-8"))
        if writes:
            result[path.relative_to(PACKAGE).as_posix()] = writes
    return result


def test_synced_table_writes_only_in_allowed_modules():
    writes = _writes_by_module()
    outside = {module: found for module, found in writes.items() if module not in ALLOWED}

    assert outside == {}, (
        "SQL insert/update/delete on a synced table outside the sync and import layers; "
        "use the ORM so the flush captures the change, or add the module to ALLOWED with "
        "the reason the outbox still gets the change"
    )


def test_allowed_modules_still_write():
    """Each allowed module still contains such a statement, so the list stays current."""
    writes = _writes_by_module()

    assert set(ALLOWED) - set(writes) == set()


def test_lint_flags_synced_and_skips_local():
    source = """
from sqlalchemy import delete, insert, update
_conflicts = SyncConflict.__table__
session.execute(update(Account).values(name="x"))
session.execute(Task.__table__.delete())
session.execute(insert(table), rows)
session.execute(update(SurveyResponse).values(verbatim=None))
session.execute(delete(_conflicts))
"""
    lines = sorted(line for line, _statement in find_synced_writes(source))

    assert lines == [4, 5, 6]
