"""The body-region index: panel, body map and position form."""
