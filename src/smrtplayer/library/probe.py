"""Is this file a video we can play, and what is in it? Answered from its bytes, never its name.

A cheap content sniff (the container's magic bytes) picks one of three small header readers:
MP4/MOV, Matroska/WebM, MPEG program stream (DVD VOB). They read a few kilobytes, bound every
length they are given, and turn any inconsistency into a ``MediaError`` whose message is the reason
shown to the user ("the file is incomplete: ..."). They run in any thread: QMediaPlayer is never used
for this (see the notes on its deadlocks), and FFmpeg's exact figures are recorded later, when a
lesson is first played.

MediaInfo (``library.container_facts``) is the kept library for what the headers alone do not say:
chapters, and the length of a fragmented MP4 (its ``moov`` has none; MediaInfo walks the fragments).
The hand-written readers stay as the gate every file passes first, because MediaInfo, measured on
the hostile files of tests/unit/test_library_probe.py, cannot refuse them: it reports a header's
absurd numbers as they are (a picture 2^64 - 1 pixels wide) or drops them silently (an ``mvhd`` of
2^64 seconds gives no duration, not a refusal), and it does not notice an MP4 whose chunk offsets
point past the end of a file cut short (it reports the full length). It does flag files cut short
and encrypted tracks, which the readers here already refuse with their reason.
"""

from __future__ import annotations

import os
import stat
import struct
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from smrtplayer.common.errors import MediaError
from smrtplayer.library.bytesource import ByteSource, Damaged
from smrtplayer.library.container_facts import ContainerFactsUnavailable, read_container_facts
from smrtplayer.library.probe_isobmff import probe_isobmff
from smrtplayer.library.probe_matroska import probe_matroska
from smrtplayer.library.probe_mpegps import probe_mpeg
from smrtplayer.models.library import MediaInfo

VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".mov", ".mkv", ".webm", ".vob", ".mpg", ".mpeg"})
SNIFF_BYTES = 512
#: Beyond these a header is lying (a lesson a week long, a picture wider than MP4 can say); they also
#: keep every number far inside SQLite's signed 64-bit INTEGER, which the course is stored in.
MAX_DURATION_MS = 7 * 24 * 3600 * 1000
MAX_PICTURE_SIDE = 65_535
_ISO_FIRST_BOXES = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid"}
_PARSERS: dict[str, Callable[[ByteSource], MediaInfo]] = {
    "isobmff": probe_isobmff,
    "matroska": probe_matroska,
    "mpeg": probe_mpeg,
}


def sniff(head: bytes) -> str | None:
    """The container family from the first bytes of a file, or None."""
    if len(head) >= 8 and head[4:8] in _ISO_FIRST_BOXES:
        return "isobmff"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "matroska"
    if head.startswith((b"\x00\x00\x01\xba", b"\x00\x00\x01\xb3")):
        return "mpeg"
    return None


def probe_media(path: Path) -> MediaInfo:
    """Read the headers of ``path``; raise ``MediaError`` (the reason) when it is not a playable video."""
    try:
        with path.open("rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise MediaError("it is not a regular file")
            if status.st_size == 0:
                raise MediaError("the file is empty")
            head = handle.read(SNIFF_BYTES)
            family = sniff(head)
            if family is None:
                raise MediaError(_describe_unknown(head))
            info = _PARSERS[family](ByteSource(handle, status.st_size))
        if info.duration_ms is None:
            info = replace(info, duration_ms=_duration_from_mediainfo(path))
        return _plausible(info)
    except MediaError:
        raise
    except Damaged as error:
        raise MediaError(str(error)) from None
    except FileNotFoundError:
        raise MediaError("the file is missing") from None
    except PermissionError:
        raise MediaError("the file cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise MediaError("it is a folder, not a file") from None
    except OSError as error:
        raise MediaError(f"the file cannot be read: {error.strerror or error}") from None
    except (struct.error, ValueError, IndexError, OverflowError, MemoryError) as error:
        # The readers bound what they read; anything left over is a structure they cannot follow.
        raise MediaError(f"its structure is damaged ({type(error).__name__})") from None


def _duration_from_mediainfo(path: Path) -> int | None:
    """A fragmented MP4 (or a stream without a length in its header) is timed by MediaInfo, which
    walks the fragments; None when it cannot say either."""
    try:
        return read_container_facts(path).duration_ms
    except ContainerFactsUnavailable:
        return None


def _plausible(info: MediaInfo) -> MediaInfo:
    if info.duration_ms is not None and not 0 <= info.duration_ms <= MAX_DURATION_MS:
        raise MediaError(f"its header claims an impossible length ({info.duration_ms:,} ms)")
    for side, value in (("width", info.width), ("height", info.height)):
        if value is not None and not 0 < value <= MAX_PICTURE_SIDE:
            raise MediaError(f"its header claims an impossible picture {side} ({value:,} pixels)")
    return info


def _describe_unknown(head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "it is a PDF document, not a video"
    if _looks_like_text(head):
        return "it is a text file, not a video"
    if head.startswith((b"PK\x03\x04", b"Rar!", b"7z\xbc\xaf")):
        return "it is an archive, not a video; import the archive itself"
    if head.startswith(b"RIFF") and head[8:12] == b"AVI ":
        return "it is an AVI file, which smrtplayer does not import; convert it to MP4"
    return "its content is not a video smrtplayer can play (MP4, MOV, MKV, WebM or MPEG/VOB)"


def _looks_like_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not merely a character cut at the end of the window
            return False
    return sum(1 for byte in head if byte < 9 or 13 < byte < 32) == 0
