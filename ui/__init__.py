"""The Qt layer of 科技节 desktop: windows, tabs, dialogs and table models over the core."""
