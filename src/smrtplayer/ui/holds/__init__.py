"""The hold panel, plan editor, practice log and table mode."""
