"""Alembic migration scripts for the local database."""
