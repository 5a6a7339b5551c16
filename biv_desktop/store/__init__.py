"""SQLAlchemy models, the SQLite engine and its safety, Alembic migrations and backups."""
