"""Where the festival lives: the database and its schema, migrations, backups, paths and preferences."""
