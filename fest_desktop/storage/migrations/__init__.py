"""Alembic migrations of the festival database, applied automatically when a file is opened."""
