"""The festival's calendar: activities, the competitions' deadlines and judging days, clashes, and the
schedule as PDF, .xlsx and .ics."""
