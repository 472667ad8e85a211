"""One file a schema revision, named after its revision id so the head is known without Alembic."""
