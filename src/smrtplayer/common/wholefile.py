"""Files the user asked for (a handout, a summary), written whole or not at all.

Qt's writers do not report a full disk: ``QPdfWriter`` and ``QPainter.end()`` say all went well over
a file cut short, and ``QImage.save`` over an empty one when the picture was still in Qt's buffer.
So such a file is made in memory and written here, by Python, which reports every failed write.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` beside ``path`` and rename it once written and flushed to the disk. A failed
    write (full, read-only, a file in the folder's way) raises ``OSError`` and leaves nothing
    behind; an earlier file at ``path`` stays as it was."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
