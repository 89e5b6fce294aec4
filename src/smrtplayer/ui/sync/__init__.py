"""The sync status in the window's status bar."""
