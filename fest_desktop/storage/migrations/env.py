"""Alembic environment: runs on the connection the application hands over, never on its own."""

from alembic import context

from fest_desktop.storage.model import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # Batch mode lets later migrations alter SQLite tables (SQLite has no ALTER COLUMN).
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
