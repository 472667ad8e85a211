"""The school and its festivals: festivals and phases, sections, grades and classes, teachers,
students, the roster import, and how schools write grade and class names."""
