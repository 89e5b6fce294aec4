"""Reading a file the user named: only a regular file, and never more than a bound.

``st_size`` says 0 for ``/dev/zero`` and FIFOs, and a path checked before it is opened can be swapped,
so the type is checked on the opened descriptor. The file is opened non-blocking, so a FIFO with no
writer cannot hang the open, and at most ``limit + 1`` bytes are read, so a file that grows while it
is read is still refused rather than read whole.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from smrtplayer.common.errors import SmrtError

# Non-blocking, so that opening a FIFO with no writer returns at once; O_BINARY on Windows only.
_READ_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


class FileRefused(SmrtError):
    """The named file is not one smrtplayer will read: a device, a pipe, a folder, or too large."""

    exit_code = 65  # EX_DATAERR


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_user_file(
    path: Path | str,
    *,
    limit: int,
    what: str = "a file smrtplayer reads",
    error: type[SmrtError] = FileRefused,
) -> bytes:
    """The bytes of the regular file ``path``; ``error`` (the caller's own error type) if it is anything
    else or larger than ``limit`` bytes; ``OSError`` (``FileNotFoundError``...) if it cannot be opened.

    ``what`` names the file's role in messages ("a manifest", "an export file").
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise error(
                f"{path} is {_kind(status.st_mode)}, not a regular file: it cannot be {what}. "
                "Choose a file saved on disk."
            )
        if status.st_size > limit:
            raise error(
                f"{path} is {status.st_size:,} bytes: too large to be {what} "
                f"(the limit is {limit:,} bytes). Nothing was read."
            )
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise error(
            f"{path} is larger than {limit:,} bytes: too large to be {what} (the limit is {limit:,} bytes). "
            "Nothing was read."
        )
    return data


def read_user_text(
    path: Path | str,
    *,
    limit: int,
    what: str = "a file smrtplayer reads",
    error: type[SmrtError] = FileRefused,
    encoding: str = "utf-8",
) -> str:
    """``read_user_file`` decoded; ``UnicodeDecodeError`` is left to the caller, who knows the format."""
    return read_user_file(path, limit=limit, what=what, error=error).decode(encoding)
