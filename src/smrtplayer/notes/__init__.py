"""Notes: the notes service, their export, and the one search over notes, lessons and positions."""
