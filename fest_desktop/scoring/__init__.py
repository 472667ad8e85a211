"""Scoring (现场评分): the rules of results, judges' panels, scores entered with their audit log,
locking, the sheet a competition is ranked from, and the paper score sheets out and in."""
