"""统计与总结: the festival in figures (computed once, for the tab, the report and the JSON), the
总结 text, the 科技节总结报告 and the 推荐作品上报表 sent up to the district."""
