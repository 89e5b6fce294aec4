"""The window shell: the application object, main window, workspace, shortcuts and backups."""
