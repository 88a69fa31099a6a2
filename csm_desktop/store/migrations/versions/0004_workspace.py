"""account workspace: goal check-ins, renewal forecasts, expansion, advocacy,
playbooks, and the full-text index of notes

Revision ID: 0004_workspace
Revises: 0001_initial
Create Date: 2026-12-10
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_workspace"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# The FTS5 index keeps its own copy of the searchable note text, keyed by
# the activity's UUID, because ``activity`` has no INTEGER PRIMARY KEY and
# VACUUM may renumber its rowids. unicode61 with remove_diacritics 2 folds
# accents, so "renovacion" matches "renovación". Drafts are not indexed.
# NOTE: csm_desktop.services.notes holds a copy of these statements and
# recreates the triggers when a later table rebuild of "activity" drops them.
FTS_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS activity_fts USING fts5("
    "activity_id UNINDEXED, account_key, title, attendees, summary, body, decisions, next_steps, "
    "tokenize = 'unicode61 remove_diacritics 2')"
)
_INDEX_NEW = (
    "INSERT INTO activity_fts (activity_id, account_key, title, attendees, summary, body, "
    "decisions, next_steps) SELECT new.id, new.account_id, new.title, new.attendees, "
    "new.summary, new.body, new.decisions, new.next_steps "
    "WHERE new.is_draft = 0 AND new.deleted_at IS NULL;"
)
FTS_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS activity_fts_insert AFTER INSERT ON activity BEGIN "
    f"{_INDEX_NEW} END",
    "CREATE TRIGGER IF NOT EXISTS activity_fts_delete AFTER DELETE ON activity BEGIN "
    "DELETE FROM activity_fts WHERE activity_id = old.id; END",
    f"CREATE TRIGGER IF NOT EXISTS activity_fts_update AFTER UPDATE ON activity BEGIN "
    f"DELETE FROM activity_fts WHERE activity_id = old.id; {_INDEX_NEW} END",
)
FTS_FILL = (
    "INSERT INTO activity_fts (activity_id, account_key, title, attendees, summary, body, "
    "decisions, next_steps) SELECT id, account_id, title, attendees, summary, body, "
    "decisions, next_steps "
    "FROM activity WHERE is_draft = 0 AND deleted_at IS NULL"
)


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "goal_check_in",
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_goal_check_in_goal_date", "goal_check_in", ["goal_id", "checked_on"])

    op.create_table(
        "renewal_forecast",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("forecast_arr", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("probability", sa.Float(), nullable=True),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("risk_notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", name="uq_renewal_forecast_account"),
    )

    op.create_table(
        "expansion_opportunity",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("expected_close", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_expansion_opportunity_account_id", "expansion_opportunity", ["account_id"])

    op.create_table(
        "advocacy_record",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_advocacy_record_account_id", "advocacy_record", ["account_id"])

    op.create_table(
        "playbook",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("anchor", sa.String(length=20), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "playbook_step",
        sa.Column("playbook_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("offset_days", sa.Integer(), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(["playbook_id"], ["playbook.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_playbook_step_playbook", "playbook_step", ["playbook_id", "position"])

    op.execute(FTS_TABLE)
    for statement in FTS_TRIGGERS:
        op.execute(statement)
    op.execute(FTS_FILL)


def downgrade() -> None:
    for name in ("activity_fts_insert", "activity_fts_delete", "activity_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS activity_fts")
    op.drop_index("ix_playbook_step_playbook", table_name="playbook_step")
    op.drop_table("playbook_step")
    op.drop_table("playbook")
    op.drop_index("ix_advocacy_record_account_id", table_name="advocacy_record")
    op.drop_table("advocacy_record")
    op.drop_index("ix_expansion_opportunity_account_id", table_name="expansion_opportunity")
    op.drop_table("expansion_opportunity")
    op.drop_table("renewal_forecast")
    op.drop_index("ix_goal_check_in_goal_date", table_name="goal_check_in")
    op.drop_table("goal_check_in")
