"""account and contact: (source, external_id) becomes a plain index, no longer unique

Revision ID: 0013_shared_crm_ids
Revises: 0012_duplicate_dismissals
Create Date: 2026-12-05

Two teammates who import the same CRM export each create their own rows
with the same ``source`` and ``external_id``. The team server keeps both,
so every client must be able to store both after a pull. The importers
then update one row per key instead of relying on the constraint.

SQLite cannot drop a constraint from an existing table, so ``account`` and
``contact`` are rebuilt in batch mode (create a copy, move the rows, drop,
rename). Many tables have foreign keys to ``account``. The upgrade runs with
foreign keys off (see ``store.database._migrate_file``), which checks them
with ``PRAGMA foreign_key_check`` before the commit. The deferral below
covers a caller that runs this migration with foreign keys on.
"""

from alembic import op

revision = "0013_shared_crm_ids"
down_revision = "0012_duplicate_dismissals"
branch_labels = None
depends_on = None

# (table, old unique constraint, new index)
KEYS = (
    ("account", "uq_account_source_ext", "ix_account_source_ext"),
    ("contact", "uq_contact_source_ext", "ix_contact_source_ext"),
)


def upgrade() -> None:
    op.execute("PRAGMA defer_foreign_keys = ON")
    for table, constraint, index in KEYS:
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.drop_constraint(constraint, type_="unique")
            batch.create_index(index, ["source", "external_id"])


def downgrade() -> None:
    """Restore the unique constraints; fails while two rows share a key."""
    op.execute("PRAGMA defer_foreign_keys = ON")
    for table, constraint, index in KEYS:
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.drop_index(index)
            batch.create_unique_constraint(constraint, ["source", "external_id"])
