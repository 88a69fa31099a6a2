"""erasure records, and contacts that stay erased

Revision ID: 0007_reliability
Revises: 0001_initial
Create Date: 2026-12-10

Adds ``contact.erased_at`` and a CHECK constraint that an erased contact has
no email and no phone, so no later import or sync write can put them back.
SQLite cannot add a constraint to an existing table, so the ``contact``
table is rebuilt in batch mode (create a copy, move the rows, drop, rename).
Foreign keys from ``survey_response`` point at ``contact``; dropping the old
table would violate them while the copy is not yet renamed, so their
checks are deferred to the end of the migration's transaction.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_reliability"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

ERASED_CHECK = "erased_at IS NULL OR (email IS NULL AND phone IS NULL)"


def upgrade() -> None:
    op.create_table(
        "erasure_record",
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("fields", sa.String(length=400), nullable=False),
        sa.Column("surveys_cleared", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_erasure_record_contact_id", "erasure_record", ["contact_id"])

    op.execute("PRAGMA defer_foreign_keys = ON")
    with op.batch_alter_table("contact", recreate="always") as batch:
        batch.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
        batch.create_check_constraint("ck_contact_erased_has_no_contact_details", ERASED_CHECK)


def downgrade() -> None:
    op.execute("PRAGMA defer_foreign_keys = ON")
    with op.batch_alter_table("contact", recreate="always") as batch:
        batch.drop_constraint("ck_contact_erased_has_no_contact_details", type_="check")
        batch.drop_column("erased_at")
    op.drop_index("ix_erasure_record_contact_id", table_name="erasure_record")
    op.drop_table("erasure_record")
