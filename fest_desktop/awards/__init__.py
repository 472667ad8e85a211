"""Awards (奖项): levels and their points, the rules per list and group, assignment from the results,
changes by hand, 定稿, the log, the 班级考核 table and the notices posted before certificates."""
