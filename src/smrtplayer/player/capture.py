"""Saving the frame on screen as a PNG named after the lesson and the time in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from smrtplayer.common.errors import MediaError
from smrtplayer.common.filenames import safe_filename
from smrtplayer.common.wholefile import image_bytes, write_whole


def capture_name(lesson_title: str, position_ms: int, *, mirrored: bool) -> str:
    seconds, millis = divmod(max(0, position_ms), 1000)
    minutes, seconds = divmod(seconds, 60)
    title = safe_filename(lesson_title, fallback="lesson", max_chars=80)
    suffix = " mirrored" if mirrored else ""
    return f"{title} {minutes:02d}m{seconds:02d}.{millis:03d}s{suffix}.png"


def save_capture(image: QImage, folder: Path, lesson_title: str, position_ms: int, *, mirrored: bool) -> Path:
    """Write ``image`` into ``folder`` without overwriting an earlier capture; return its path."""
    if image.isNull():
        raise MediaError("There is no picture to capture yet: start the lesson first.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MediaError(
            f"Cannot create the folder {folder} for captures: {error.strerror or error}."
        ) from error
    path = folder / capture_name(lesson_title, position_ms, mirrored=mirrored)
    number = 2
    while path.exists():
        path = path.with_name(f"{path.stem.rsplit(' #', 1)[0]} #{number}.png")
        number += 1
    # Written whole by Python: QImage.save says a small PNG was saved when the disk was full.
    data = image_bytes(image, b"png", -1)
    try:
        if not data:
            raise OSError("the picture could not be encoded")
        write_whole(path, data)
    except OSError as error:
        raise MediaError(
            f"Cannot write the capture {path} ({error.strerror or error}). "
            "Check that the folder is writable and not full."
        ) from error
    return path
