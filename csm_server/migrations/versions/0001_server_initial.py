"""sync server initial schema

Revision ID: s0001_initial
Revises:
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "s0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("seq", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("epoch", sa.Uuid(), nullable=False),
        sa.Column("min_cursor_seq", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("team_id", sa.Uuid(), sa.ForeignKey("team.id"), nullable=False, index=True),
        sa.Column("email", sa.String(255), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("disabled_at", sa.DateTime(timezone=True)),
        sa.CheckConstraint("role IN ('csm', 'coordinator', 'admin')", name="ck_app_user_role"),
    )
    op.create_table(
        "api_token",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("user_id", sa.Uuid(), sa.ForeignKey("app_user.id"), nullable=False, index=True),
        sa.Column("token_sha256", sa.LargeBinary(32), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True)),
        sa.Column("expires_at", sa.DateTime(timezone=True)),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "sync_client",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("user_id", sa.Uuid(), sa.ForeignKey("app_user.id"), nullable=False, index=True),
        sa.Column("team_id", sa.Uuid(), sa.ForeignKey("team.id"), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("app_version", sa.String(40), nullable=False),
        sa.Column("last_client_seq", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True)),
        sa.Column("revoked_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "mutation_log",
        sa.Column("client_id", sa.Uuid(), sa.ForeignKey("sync_client.id"), primary_key=True),
        sa.Column("client_seq", sa.BigInteger(), primary_key=True),
        sa.Column("mutation_id", sa.Uuid(), nullable=False),
        sa.Column("tx", sa.Uuid()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("seq", sa.BigInteger()),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sync_record",
        sa.Column("team_id", sa.Uuid(), sa.ForeignKey("team.id"), primary_key=True),
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("field_seq", sa.JSON(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted_seq", sa.BigInteger()),
        sa.Column("restored_seq", sa.BigInteger()),
        sa.Column("payload_sha256", sa.String(64)),
        sa.Column("created_by", sa.Uuid()),
        sa.Column("updated_by", sa.Uuid()),
    )
    # The pull path: rows of one team after a cursor, in seq order.
    op.create_index("ix_sync_record_team_seq", "sync_record", ["team_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_sync_record_team_seq", table_name="sync_record")
    for table in ("sync_record", "mutation_log", "sync_client", "api_token", "app_user", "team"):
        op.drop_table(table)
