"""team sync tables

Revision ID: 0008_sync
Revises: 0001_initial
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_sync"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=60), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("client_seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("mutation_id", sa.Uuid(), nullable=False),
        sa.Column("tx", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("note_id", sa.Uuid(), nullable=True),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("base_seq", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("error_code", sa.String(length=40), nullable=True),
        sa.Column("error_detail", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_sync_outbox_entity", "sync_outbox", ["entity", "entity_id"])
    op.create_index("ix_sync_outbox_note_id", "sync_outbox", ["note_id"])
    op.create_table(
        "sync_base",
        sa.Column("entity", sa.String(length=40), primary_key=True),
        sa.Column("entity_id", sa.Uuid(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("field_seq", sa.JSON(), nullable=False),
        sa.Column("field_hlc", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("parked", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
    )
    op.create_index("ix_sync_conflict_account_id", "sync_conflict", ["account_id"])
    op.create_table(
        "sync_note_revision",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("note_id", sa.Uuid(), nullable=False),
        sa.Column("parents", sa.JSON(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("author", sa.String(length=255), nullable=True),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
    )
    op.create_index("ix_sync_note_revision_note_id", "sync_note_revision", ["note_id"])


def downgrade() -> None:
    for table in ("sync_note_revision", "sync_conflict", "sync_base", "sync_outbox", "sync_state"):
        op.drop_table(table)
