"""The library, home view and verify dialog."""
