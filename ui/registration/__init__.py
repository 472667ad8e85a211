"""作品报名: the entries table with its side panel, the classes against their quotas, the competitions
and their criteria, and the class forms out and back in."""
