"""活动日历: the month grid, the week timeline and the agenda, with the event dialog."""
