"""Alembic migrations of the sync server database."""
