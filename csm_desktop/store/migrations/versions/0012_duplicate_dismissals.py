"""duplicate_dismissal: account pairs the user marked as not duplicates

Revision ID: 0012_duplicate_dismissals
Revises: 0011_covering_date_indexes
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_duplicate_dismissals"
down_revision = "0011_covering_date_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "duplicate_dismissal",
        sa.Column("first_id", sa.Uuid(), primary_key=True),
        sa.Column("second_id", sa.Uuid(), primary_key=True),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("duplicate_dismissal")
