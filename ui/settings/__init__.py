"""学校与设置: the festival, the school's classes, teachers and students, and 界面与数据 (language,
where the data lives, backups)."""
