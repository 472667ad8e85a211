"""Registration (作品报名): competitions and their presets, entries under each competition's rules,
quotas, the class forms out and back in, labels and the 分类造册."""
