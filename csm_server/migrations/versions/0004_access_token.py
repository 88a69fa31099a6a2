"""access_token: short-lived bearer tokens exchanged for a personal access token

Revision ID: s0004_access_token
Revises: s0003_device_pulled_seq
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "s0004_access_token"
down_revision = "s0003_device_pulled_seq"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_token",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "api_token_id", sa.Uuid(), sa.ForeignKey("api_token.id"), nullable=False, index=True
        ),
        sa.Column("token_sha256", sa.LargeBinary(32), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("access_token")
