"""Times in a lesson written the way the user reads them on a clock."""

from __future__ import annotations

UNKNOWN_TIME = "--:--"


def clock_text(
    ms: int | None, *, tenths: bool = False, hours: bool = True, unknown: str = UNKNOWN_TIME
) -> str:
    """``1:05`` under an hour, ``1:02:03`` from there.

    ``None`` is a time not known yet (a lesson still loading) and reads as ``unknown``; a negative time
    reads as the start. ``tenths`` adds the tenth of a second when the time is not on a whole second
    (``0:02.5``), for spans whose edges were marked frame by frame. Without ``hours`` the minutes keep
    counting past 59 (``75:00``), for messages that compare two times of one lesson.
    """
    if ms is None:
        return unknown
    seconds, millis = divmod(max(0, ms), 1000)
    minutes, seconds = divmod(seconds, 60)
    whole_hours, minutes_in_hour = divmod(minutes, 60)
    if hours and whole_hours:
        text = f"{whole_hours}:{minutes_in_hour:02d}:{seconds:02d}"
    else:
        text = f"{minutes}:{seconds:02d}"
    return text + (f".{millis // 100}" if tenths and millis else "")


def span_text(start_ms: int, end_ms: int) -> str:
    """``1:05–1:12.5``: where a position or a loop starts and ends, to the tenth of a second."""
    return f"{clock_text(start_ms, tenths=True)}–{clock_text(end_ms, tenths=True)}"
