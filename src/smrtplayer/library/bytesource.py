"""Bounded reads from an untrusted file, shared by the container probes."""

from __future__ import annotations

from typing import BinaryIO


class Damaged(Exception):
    """The file's structure is broken; the message is the reason shown to the user."""


class ByteSource:
    """Reads never go past the end of the file and never allocate more than asked for."""

    def __init__(self, handle: BinaryIO, size: int) -> None:
        self._handle = handle
        self.size = size

    def read(self, offset: int, count: int) -> bytes:
        """Up to ``count`` bytes at ``offset``; fewer only at the end of the file."""
        if offset < 0 or count < 0 or offset > self.size:
            raise Damaged(f"a structure points outside the file (byte {offset:,})")
        self._handle.seek(offset)
        return self._handle.read(min(count, self.size - offset))

    def read_exact(self, offset: int, count: int, what: str) -> bytes:
        data = self.read(offset, count)
        if len(data) != count:
            raise Damaged(
                f"the file is incomplete: its {what} needs {offset + count:,} bytes but the file has "
                f"{self.size:,}; the download or copy was probably cut short"
            )
        return data
