"""Holds: the timer, cues, keep-awake, plans and their runner, and the printed handout."""
