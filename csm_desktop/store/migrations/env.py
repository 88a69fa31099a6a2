"""Alembic environment: runs on the connection that ``open_database`` passes in."""

from alembic import context

from csm_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot alter most column definitions in place; batch mode
    # rebuilds the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
