"""pulled_seq on sync_client: each device's checkpoint, for the tombstone purge horizon

Revision ID: s0003_device_pulled_seq
Revises: s0002_pull_scope
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "s0003_device_pulled_seq"
down_revision = "s0002_pull_scope"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_client") as batch:
        batch.add_column(sa.Column("pulled_seq", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_client") as batch:
        batch.drop_column("pulled_seq")
