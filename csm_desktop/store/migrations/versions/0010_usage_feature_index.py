"""partial index on usage_metric for each feature's first day (health key features)

Revision ID: 0010_usage_feature_index
Revises: 0001_initial
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_usage_feature_index"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

# The same condition as USAGE_FEATURE_INDEX_WHERE in csm_desktop.store.models,
# written out because a migration must not change when the model does.
WHERE = "metric = 'feature_events' AND deleted_at IS NULL AND feature IS NOT NULL AND value > 0"


def upgrade() -> None:
    op.create_index(
        "ix_usage_feature_first_day",
        "usage_metric",
        ["feature", "usage_date"],
        sqlite_where=sa.text(WHERE),
    )


def downgrade() -> None:
    op.drop_index("ix_usage_feature_first_day", table_name="usage_metric")
