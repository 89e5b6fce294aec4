"""Files written whole or not at all: what the user asked for (a handout, a summary) and the
pictures the app caches.

Qt's writers do not report a full disk: ``QPdfWriter`` and ``QPainter.end()`` say all went well over
a file cut short, and ``QImage.save`` over an empty one when a small picture was still in Qt's
buffer. A reader that finds such a file shows it part grey, or not at all, for good. So the file is
made in memory and written here, by Python, which reports every failed write.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage, QImageWriter


def write_whole(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` beside ``path`` and rename it once written (and, if ``durable``, flushed to
    the disk: a file the user keeps, not a cache). A failed write (full, read-only, a file in the
    folder's way) raises ``OSError`` and leaves nothing behind; an earlier file at ``path`` stays.

    The partial file is made anew: whatever was left at its name is removed first, and a pipe or
    link put there in between is refused (``O_EXCL``), not written into (a pipe would wait forever).
    """
    partial = path.with_name(path.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(partial, flags, 0o666), "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        partial.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def image_bytes(image: QImage, image_format: bytes = b"jpeg", quality: int = 85) -> bytes:
    """``image`` encoded in memory (empty if Qt cannot encode it); ``quality`` -1: Qt's default."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, image_format)
    writer.setQuality(quality)
    if not writer.write(image):
        return b""
    return bytes(buffer.data().data())


def is_whole_jpeg(data: bytes) -> bool:
    """Whether ``data`` is a whole JPEG: one cut short (a full disk, a process killed while writing
    it, an older version's cache) lacks the end marker, and Qt would show it with its missing part
    grey; an empty file is nothing at all."""
    return data.rstrip(b"\x00").endswith(b"\xff\xd9")


def read_whole_jpeg(path: Path) -> QImage:
    """The picture cached at ``path``; a null image when there is none, or none whole (unreadable,
    empty or cut short): its owner makes it again rather than show it part grey."""
    try:
        data = path.read_bytes()
    except OSError:
        return QImage()
    return QImage.fromData(data) if is_whole_jpeg(data) else QImage()
