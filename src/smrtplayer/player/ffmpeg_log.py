"""FFmpeg's own messages ("Input #0, mov,mp4 ..." for every file opened, demuxer warnings) into the
log file instead of the terminal.

FFmpeg writes them to the process's stderr through its default av_log callback. Qt Multimedia
installs its own callback, which hands each message to Qt's message handler (and so to the log),
only when QT_FFMPEG_DEBUG is set, and then raises FFmpeg's level to DEBUG: a few lines per decoded
frame. So the level is put back to INFO, what FFmpeg prints by default, once Qt has set it up.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

AV_LOG_INFO = 32
_ROUTING_ENV = "QT_FFMPEG_DEBUG"
_routed_here = False


def libavutil_path() -> Path | None:
    """The libavutil that Qt Multimedia's FFmpeg plugin loads (shipped inside PySide6)."""
    return ffmpeg_library_path("avutil")


def ffmpeg_library_path(name: str) -> Path | None:
    """One of the FFmpeg libraries shipped inside PySide6 ("avutil", "swscale"), whatever its version."""
    try:
        import PySide6
    except ImportError:
        return None
    base = Path(PySide6.__file__).parent
    patterns = {
        "win32": [(base, f"{name}-*.dll")],
        "darwin": [(base / "Qt" / "lib", f"lib{name}*.dylib")],
    }.get(sys.platform, [(base / "Qt" / "lib", f"lib{name}.so.*")])
    for folder, pattern in patterns:
        found = sorted(folder.glob(pattern))
        if found:
            return found[0]
    return None


def route_ffmpeg_messages_to_qt() -> bool:
    """Ask Qt to pass FFmpeg's messages to its message handler; call before the first player.

    Does nothing when the user set QT_FFMPEG_DEBUG (they asked for FFmpeg's debug output) or when
    libavutil cannot be found to bring the level back to INFO (the log would grow per frame).
    """
    global _routed_here
    if _ROUTING_ENV in os.environ or libavutil_path() is None:
        return False
    os.environ[_ROUTING_ENV] = "1"
    _routed_here = True
    return True


def keep_ffmpeg_at_info_level() -> None:
    """Undo the DEBUG level QT_FFMPEG_DEBUG brings; call right after a QMediaPlayer is made (that is
    when Qt sets its callback and the level up), before a file is opened."""
    if not _routed_here:
        return
    path = libavutil_path()
    if path is None:
        return
    try:
        avutil = ctypes.CDLL(str(path))
        avutil.av_log_set_level(ctypes.c_int(AV_LOG_INFO))
    except (OSError, AttributeError) as error:
        log.warning("could not set FFmpeg's log level: %s", error)
