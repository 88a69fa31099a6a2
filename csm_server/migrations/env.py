"""Alembic environment: runs on the connection that ``csm_server.cli`` passes in."""

from alembic import context

from csm_server.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
