"""统计与总结: the festival in figures and charts, the 总结 text, the report and the district list."""
