"""科普实践: each class's checklist of its pupils, ticked from the keyboard, its sheet out and back in, and the
items; a pupil's 读后感 or 征文 entered as a work; the 方格稿纸."""
