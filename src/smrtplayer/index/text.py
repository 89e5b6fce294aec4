"""Small wording helpers shared by the index's messages."""

from __future__ import annotations


def clock(ms: int) -> str:
    """A time in a lesson as the user reads it: 1:05, 1:02:03, or 0:02.5 for a fraction."""
    seconds, millis = divmod(max(0, ms), 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return text + (f".{millis // 100}" if millis else "")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
