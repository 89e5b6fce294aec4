"""The application: its context (built once, passed explicitly), paths, CLI, self-test, single instance."""
