"""What the player may open (local files only), and what to tell the user when a file will not play."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QMediaPlayer

from smrtplayer.common.errors import MediaError
from smrtplayer.common.timetext import clock_text

_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")

_ERROR_ADVICE = {
    QMediaPlayer.Error.ResourceError: "The file could not be opened. It may have been moved or "
    "deleted: relink the course to its new folder, or skip to the next lesson.",
    QMediaPlayer.Error.FormatError: "The file is damaged or in a format smrtplayer cannot play. "
    "Verify the course (it may be incomplete), or skip to the next lesson.",
    QMediaPlayer.Error.AccessDeniedError: "smrtplayer is not allowed to read this file. Check its "
    "permissions, or skip to the next lesson.",
}
_CODEC_ADVICE = (
    "It uses a video format (codec) smrtplayer cannot decode. Ask the publisher for an H.264 MP4 "
    "copy, or convert it; meanwhile skip to the next lesson."
)


def local_media_path(source: str | Path) -> Path:
    """The local file behind ``source``; anything that is not a local file is refused.

    Only local files are ever given to the player: no network, ever.
    """
    text = str(source)
    if text.startswith("file:"):
        url = QUrl(text)
        if not url.isLocalFile() or url.host() not in ("", "localhost"):
            raise MediaError(f"{text} is not a file on this computer. smrtplayer plays local files only.")
        return Path(url.toLocalFile())
    if isinstance(source, str) and _REMOTE.match(text):
        raise MediaError(
            f"{text} is not a file on this computer. smrtplayer never plays from the network: "
            "download the lesson and import its course."
        )
    return Path(source)


def missing_file_message(title: str, path: Path) -> str:
    return (
        f"“{title}” cannot be found at {path}. If the course folder was moved, "
        "relink the course to its new place; or skip to the next lesson."
    )


def not_playable_message(title: str) -> str:
    """The backend found the file but no playable video in it."""
    return f"“{title}” is not a playable video. " + _ERROR_ADVICE[QMediaPlayer.Error.FormatError]


def error_message(title: str, error: QMediaPlayer.Error, detail: str) -> str:
    if "decoder" in detail.lower() or "codec" in detail.lower():
        advice = _CODEC_ADVICE
    else:
        advice = _ERROR_ADVICE.get(error, "Skip to the next lesson, or verify the course.")
    return f"“{title}” cannot be played ({detail or error.name}). {advice}"


def truncated_message(title: str, ended_at_ms: int, duration_ms: int) -> str:
    return (
        f"“{title}” stopped at {clock_text(ended_at_ms, hours=False)} of "
        f"{clock_text(duration_ms, hours=False)}: "
        "the file is incomplete (truncated). Copy it again from the original, or verify the "
        "course; meanwhile skip to the next lesson."
    )
