"""现场评分: the keyboard score grid, the live ranking, the judges' panel, the audit log and the
projector leaderboard."""
