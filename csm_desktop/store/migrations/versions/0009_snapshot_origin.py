"""health snapshot origin and sync_seq, for team sync of snapshots

Revision ID: 0009_snapshot_origin
Revises: 0001_initial
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_snapshot_origin"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("health_snapshot") as batch:
        batch.add_column(sa.Column("origin", sa.String(length=255), nullable=True))
        batch.add_column(sa.Column("sync_seq", sa.Integer(), nullable=True))
    op.create_index(
        "ix_health_snapshot_unsent",
        "health_snapshot",
        ["account_id", "as_of"],
        sqlite_where=sa.text("sync_seq IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_health_snapshot_unsent", table_name="health_snapshot")
    with op.batch_alter_table("health_snapshot") as batch:
        batch.drop_column("sync_seq")
        batch.drop_column("origin")
