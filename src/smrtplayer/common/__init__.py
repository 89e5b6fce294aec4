"""Plain helpers with no Qt widgets and no SQL: errors, wording, shipped resources."""
