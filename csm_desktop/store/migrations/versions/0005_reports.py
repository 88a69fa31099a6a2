"""QBR drafts and per-account QBR preferences

Revision ID: 0005_reports
Revises: 0001_initial
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_reports"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "qbr_draft",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("quarter", sa.String(length=7), nullable=False),
        sa.Column("section", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "quarter", "section", name="uq_qbr_draft_section"),
    )
    op.create_table(
        "qbr_preference",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("version", sa.String(length=20), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", name="uq_qbr_preference_account"),
    )


def downgrade() -> None:
    op.drop_table("qbr_preference")
    op.drop_table("qbr_draft")
