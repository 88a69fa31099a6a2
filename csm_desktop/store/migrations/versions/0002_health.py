"""health overrides

Revision ID: 0002_health
Revises: 0001_initial
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_health"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "health_override",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("colour", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("cleared_at", sa.DateTime(), nullable=True),
        sa.Column("cleared_on", sa.Date(), nullable=True),
        sa.Column("cleared_by", sa.String(length=120), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("health_override", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_override_account_id"), ["account_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("health_override", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_override_account_id"))
    op.drop_table("health_override")
