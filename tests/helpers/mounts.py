"""Real filesystem faults for tests: a read-only folder and a tiny (soon full) disk.

Both are tmpfs mounts, which need root (CI runs as root). Elsewhere the tests that need them skip
with the reason.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _can_mount() -> bool:
    return os.name == "posix" and hasattr(os, "geteuid") and os.geteuid() == 0


def _mount(target: Path, options: str) -> None:
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")


@contextlib.contextmanager
def tiny_disk(target: Path, size_kb: int = 512) -> Iterator[Path]:
    """``target`` becomes a filesystem of ``size_kb`` KiB: writes past it fail with ENOSPC."""
    if not _can_mount():
        pytest.skip("a tiny disk needs root to mount a tmpfs")
    target.mkdir(parents=True, exist_ok=True)
    _mount(target, f"size={size_kb}k,mode=0700")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


@contextlib.contextmanager
def read_only(target: Path) -> Iterator[Path]:
    """Remount the folder ``target`` read-only (its contents stay visible) for the block."""
    if not _can_mount():
        pytest.skip("a read-only mount needs root")
    result = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(target), str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot bind-mount read-only here: {result.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def fill(disk: Path, *, leave_bytes: int = 0) -> Path:
    """Write until ``disk`` is full, then give back ``leave_bytes`` (a file bigger than that is cut
    short); returns the filler (delete it to free the space)."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle, pytest.raises(OSError):
        while True:
            handle.write(b"\0" * 65536)
    if leave_bytes:
        os.truncate(filler, filler.stat().st_size - leave_bytes)
    return filler
