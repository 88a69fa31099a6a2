"""scope columns on sync_record and the scope_exit table, for pulls limited to a CSM's accounts

Revision ID: s0002_pull_scope
Revises: s0001_initial
Create Date: 2026-12-04
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "s0002_pull_scope"
down_revision = "s0001_initial"
branch_labels = None
depends_on = None

# Entities whose account is not in their own "account_id" field.
NO_ACCOUNT_FIELD = ("note_revision",)


def upgrade() -> None:
    with op.batch_alter_table("sync_record") as batch:
        batch.add_column(sa.Column("account_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("owner_key", sa.String(255), nullable=True))
    _fill_scope_columns()

    op.drop_index("ix_sync_record_team_seq", table_name="sync_record")
    op.create_index("ix_sync_record_team_seq", "sync_record", ["team_id", "seq", "account_id"])
    op.create_index("ix_sync_record_owner", "sync_record", ["team_id", "entity", "owner_key"])
    op.create_index("ix_sync_record_account", "sync_record", ["team_id", "account_id", "seq"])
    op.create_table(
        "scope_exit",
        sa.Column("team_id", sa.Uuid(), sa.ForeignKey("team.id"), primary_key=True),
        sa.Column("seq", sa.BigInteger(), primary_key=True),
        sa.Column("account_id", sa.Uuid(), primary_key=True),
        sa.Column("owner_key", sa.String(255), primary_key=True),
    )


def _fill_scope_columns() -> None:
    """Derive the scope columns of existing rows from their JSON data, as the server does."""
    record = sa.table(
        "sync_record",
        sa.column("team_id", sa.Uuid()),
        sa.column("entity", sa.String()),
        sa.column("id", sa.Uuid()),
        sa.column("data", sa.JSON()),
        sa.column("account_id", sa.Uuid()),
        sa.column("owner_key", sa.String()),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(record.c.team_id, record.c.entity, record.c.id, record.c.data))
    notes: dict[uuid.UUID, uuid.UUID | None] = {}
    revisions = []
    for row in rows.all():
        data = row.data or {}
        key = (record.c.team_id == row.team_id) & (record.c.entity == row.entity)
        key &= record.c.id == row.id
        if row.entity == "account":
            owner = data.get("owner")
            owner_key = "" if owner is None else str(owner).strip().lower()
            values = {"account_id": row.id, "owner_key": owner_key}
        elif row.entity in NO_ACCOUNT_FIELD:
            revisions.append((key, data.get("note_id")))
            continue
        else:
            values = {"account_id": _uuid(data.get("account_id"))}
            if row.entity == "call_note":
                notes[row.id] = values["account_id"]
        conn.execute(sa.update(record).where(key).values(**values))
    for key, note_id in revisions:
        note_uuid = _uuid(note_id)
        account = notes.get(note_uuid) if note_uuid is not None else None
        conn.execute(sa.update(record).where(key).values(account_id=account))


def _uuid(value: object) -> uuid.UUID | None:
    if not value:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def downgrade() -> None:
    op.drop_table("scope_exit")
    op.drop_index("ix_sync_record_account", table_name="sync_record")
    op.drop_index("ix_sync_record_owner", table_name="sync_record")
    op.drop_index("ix_sync_record_team_seq", table_name="sync_record")
    with op.batch_alter_table("sync_record") as batch:
        batch.drop_column("owner_key")
        batch.drop_column("account_id")
    op.create_index("ix_sync_record_team_seq", "sync_record", ["team_id", "seq"])
