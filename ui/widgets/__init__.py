"""What every tab shares: table models and views, forms, messages and the import preview."""
