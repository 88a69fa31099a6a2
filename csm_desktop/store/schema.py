"""Schema revisions this version of the app knows.

Kept as constants so that opening an up-to-date database does not import
Alembic (about 100 ms at start). A test checks them against the migration
scripts.
"""

# Oldest first; the last one is the head.
KNOWN_REVISIONS: tuple[str, ...] = ("0001_initial",)
HEAD_REVISION: str = KNOWN_REVISIONS[-1]
