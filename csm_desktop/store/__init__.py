"""Local store: SQLAlchemy models on SQLite, migrations, and the engine factory."""
