"""Plain values shared by every layer: courses, lessons, positions, hold presets, spans, the taxonomy."""
