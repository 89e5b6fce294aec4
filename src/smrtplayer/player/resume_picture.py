"""The picture at the resume point, kept at each close so the next start shows it at once.

Qt Multimedia takes ~300 ms on this kind of machine to load, open the file, seek and decode the
resumed frame; a picture of that same frame, kept when the window closed, is on screen before Qt
Multimedia has even loaded. The start shows it only when nothing it depends on has changed since it
was kept:

- the database is as the close left it (the size and modification time of its file and of its
  write-ahead log): the lesson and the resume point the start will compute are then the ones the
  close computed. A sync, a command, a restore or an import in between makes the picture unused;
- the lesson's file is the one that was playing (its path, size and modification time);
- the picture file is whole (its size and CRC-32 are in the record, written after the picture).

The picture is kept as raw 32-bit pixels (``QImage.Format_RGB32``) at the size the window shows it:
1.6 MiB for an 835-pixel-wide video, read and checked in ~2 ms, where decoding a JPEG of it (and
loading Qt's JPEG plugin) took 9-13 ms of the start.

Once the database is open, the start checks again that it opens this lesson at this time
(``matches``), and takes the picture down if not. This module reads and writes the two files; the
window paints the picture (``ui/shell/start_picture.py``).

The record is JSON read with ``json`` and checked field by field: msgspec, used elsewhere for
validation, costs ~12 ms to import on the path this module exists to shorten.
"""

from __future__ import annotations

import json
import logging
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smrtplayer.common.controlchars import clean_text
from smrtplayer.common.userfile import FileRefused, read_user_file
from smrtplayer.common.wholefile import write_whole

log = logging.getLogger(__name__)

RECORD_FILE = "resume-picture.json"
PICTURE_FILE = "resume-picture.rgb32"
#: a record is a few hundred bytes; anything much larger was not written by this module
MAX_RECORD_BYTES = 64 * 1024
#: the largest picture kept (a larger video area shows it scaled): 8.8 MiB of pixels
MAX_PICTURE_SIZE = (1920, 1200)
BYTES_PER_PIXEL = 4
#: Qt's widget coordinates stay within this
_QT_COORDINATES = 32767
MAX_TITLE_CHARACTERS = 300
FORMAT = 3


@dataclass(frozen=True)
class FileStamp:
    """A file's size and modification time: equal stamps mean the file was not written in between."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        try:
            facts = path.stat()
        except (OSError, ValueError):  # ValueError: a NUL or an unencodable character in the path
            return None
        return cls(facts.st_size, facts.st_mtime_ns)


Rect = tuple[int, int, int, int]


@dataclass(frozen=True)
class StartLayout:
    """Where the window had its video at close, at its start size: the start window paints the picture
    there, and the main window keeps it there until its side panels are built (on the same screen)."""

    screen: Rect  # the screen's available geometry
    window: tuple[int, int]  # the window's size
    video: Rect  # the video's area, in the window
    background: str  # the window's colour, "#rrggbb"


@dataclass(frozen=True)
class ResumePicture:
    lesson_fingerprint: str
    position_ms: int
    media_path: str
    media: FileStamp
    #: the database file and its write-ahead log (None: none) as the close left them
    database: tuple[FileStamp | None, FileStamp | None]
    #: the main window's title at close ("<lesson> — smrtplayer"), for the start window
    title: str
    #: the picture's pixels: width, height, bytes per line (the file holds height * bytes_per_line)
    picture_size: tuple[int, int]
    bytes_per_line: int
    picture_crc32: int
    layout: StartLayout | None

    def matches(self, fingerprint: str, start_ms: int) -> bool:
        """Is this the picture of where the start opens?"""
        return fingerprint == self.lesson_fingerprint and start_ms == self.position_ms


def database_stamp(database: Path) -> tuple[FileStamp | None, FileStamp | None]:
    return FileStamp.of(database), FileStamp.of(database.with_name(database.name + "-wal"))


def keep(folder: Path, picture: ResumePicture, pixels: bytes) -> None:
    """Write the picture, then its record (so a record never names a picture half written).

    ``picture.picture_crc32`` is replaced by the CRC of ``pixels``. Raises ``ValueError`` when
    ``pixels`` is not the size the record says, ``OSError`` when the folder cannot be written; the
    caller logs it (a start without the picture loses nothing).
    """
    width, height = picture.picture_size
    if (
        not _plausible_shape(width, height, picture.bytes_per_line)
        or len(pixels) != height * picture.bytes_per_line
    ):
        raise ValueError("the pixels are not the picture's size")
    record = _to_json(picture, zlib.crc32(pixels))
    write_whole(folder / PICTURE_FILE, pixels, durable=False)
    write_whole(folder / RECORD_FILE, json.dumps(record, indent=1).encode(), durable=False)


def forget(folder: Path) -> None:
    """No picture for the next start (no lesson open, or a picture that could not be taken)."""
    for name in (RECORD_FILE, PICTURE_FILE):
        try:
            (folder / name).unlink(missing_ok=True)
        except OSError as error:
            log.info("could not remove %s: %s", name, error)


def find(folder: Path, database: Path) -> tuple[ResumePicture, bytes] | None:
    """The picture kept at the last close and its pixels, if it still shows where the start opens."""
    try:
        raw = read_user_file(folder / RECORD_FILE, limit=MAX_RECORD_BYTES, what="a resume picture's record")
    except FileNotFoundError:
        return None
    except (OSError, FileRefused) as error:  # a pipe in its place is refused, not waited on
        log.info("no resume picture: %s", error)
        return None
    try:
        picture = _from_json(json.loads(raw))
    except (ValueError, TypeError, KeyError, RecursionError) as error:  # RecursionError: [[[[...]]]]
        log.info("no resume picture: its record is unreadable (%s)", error)
        return None
    why_not = _changed_since(picture, database)
    if why_not:
        log.info("no resume picture: %s", why_not)
        return None
    expected = picture.picture_size[1] * picture.bytes_per_line
    try:
        pixels = read_user_file(folder / PICTURE_FILE, limit=expected, what="a resume picture")
    except (OSError, FileRefused) as error:
        log.info("no resume picture: %s", error)
        return None
    if len(pixels) != expected or zlib.crc32(pixels) != picture.picture_crc32:
        log.info("no resume picture: the picture file is not the one kept")
        return None
    return picture, pixels


def _changed_since(picture: ResumePicture, database: Path) -> str:
    if database_stamp(database) != picture.database:
        return "the database changed since it was kept"
    if FileStamp.of(Path(picture.media_path)) != picture.media:
        return "the lesson's file changed or is missing"
    return ""


# --------------------------------------------------------------------------------- the record
def _to_json(picture: ResumePicture, crc32: int) -> dict[str, Any]:
    def stamp(value: FileStamp | None) -> list[int] | None:
        return None if value is None else [value.size, value.mtime_ns]

    layout = picture.layout
    return {
        "format": FORMAT,
        "lesson_fingerprint": picture.lesson_fingerprint,
        "position_ms": picture.position_ms,
        "media_path": picture.media_path,
        "media": stamp(picture.media),
        "database": [stamp(part) for part in picture.database],
        "title": picture.title,
        "picture_size": list(picture.picture_size),
        "bytes_per_line": picture.bytes_per_line,
        "picture_crc32": crc32,
        "layout": None
        if layout is None
        else {
            "screen": list(layout.screen),
            "window": list(layout.window),
            "video": list(layout.video),
            "background": layout.background,
        },
    }


def _from_json(data: Any) -> ResumePicture:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a record of this format")
    media = _stamp(data["media"])
    if media is None:
        raise ValueError("no stamp of the lesson's file")
    database = data["database"]
    if not isinstance(database, list) or len(database) != 2:
        raise ValueError("database stamps")
    layout_data = data["layout"]
    width, height = _numbers(data["picture_size"], 2)
    bytes_per_line = _integer(data["bytes_per_line"])
    if not _plausible_shape(width, height, bytes_per_line):
        raise ValueError("picture size")
    return ResumePicture(
        lesson_fingerprint=_typed(data["lesson_fingerprint"], str),
        position_ms=_natural(data["position_ms"]),
        media_path=_typed(data["media_path"], str),
        media=media,
        database=(_stamp(database[0]), _stamp(database[1])),
        title=clean_text(_typed(data["title"], str))[:MAX_TITLE_CHARACTERS],
        picture_size=(width, height),
        bytes_per_line=bytes_per_line,
        picture_crc32=_integer(data["picture_crc32"]),
        layout=None if layout_data is None else _layout(layout_data),
    )


def _layout(data: Any) -> StartLayout:
    if not isinstance(data, dict):
        raise ValueError("layout")
    background = _typed(data["background"], str)
    if len(background) != 7 or not background.startswith("#"):
        raise ValueError("background colour")
    int(background[1:], 16)
    screen = _numbers(data["screen"], 4)
    width, height = _numbers(data["window"], 2)
    video = _numbers(data["video"], 4)
    if not all(-_QT_COORDINATES <= number <= _QT_COORDINATES for number in (*screen, *video)):
        raise ValueError("coordinates")
    if not (0 < width <= screen[2] and 0 < height <= screen[3]):
        raise ValueError("a window larger than its screen")
    if not (
        video[0] >= 0 and video[1] >= 0 and video[0] + video[2] <= width and video[1] + video[3] <= height
    ):
        raise ValueError("a video area outside its window")
    return StartLayout(
        screen=(screen[0], screen[1], screen[2], screen[3]),
        window=(width, height),
        video=(video[0], video[1], video[2], video[3]),
        background=background,
    )


def _stamp(value: Any) -> FileStamp | None:
    if value is None:
        return None
    size, mtime_ns = _numbers(value, 2)
    return FileStamp(size, mtime_ns)


def _numbers(value: Any, count: int) -> list[int]:
    if not isinstance(value, list) or len(value) != count:
        raise ValueError(f"expected {count} numbers")
    return [_integer(item) for item in value]


def _natural(value: Any) -> int:
    number = _integer(value)
    if number < 0:
        raise ValueError("negative time")
    return number


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("expected a whole number")
    return value


def _typed[T](value: Any, kind: type[T]) -> T:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}")
    return value


def _plausible_shape(width: int, height: int, bytes_per_line: int) -> bool:
    """A picture no larger than kept pictures are, with whole lines of 32-bit pixels."""
    return (
        0 < width <= MAX_PICTURE_SIZE[0]
        and 0 < height <= MAX_PICTURE_SIZE[1]
        and width * BYTES_PER_PIXEL <= bytes_per_line <= (width + 16) * BYTES_PER_PIXEL
        and bytes_per_line % BYTES_PER_PIXEL == 0
    )
