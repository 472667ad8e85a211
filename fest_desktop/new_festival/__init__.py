"""Starting a festival: a blank one, or a copy of an earlier year's set-up."""
