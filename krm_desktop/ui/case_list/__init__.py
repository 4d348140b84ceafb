"""The main window's list: the table and its model, dashboard tiles, filter bar, detail pane."""
