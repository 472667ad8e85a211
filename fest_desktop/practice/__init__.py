"""科普实践: what every pupil does besides the competitions (读一本科普读物并写读后感, 看一部科普影片 …),
ticked pupil by pupil for each class, and how far each class, grade and item has got."""
