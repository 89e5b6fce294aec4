"""Logging to a file in the log folder (rotated at start), and to stderr for warnings."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

LOG_FILE = "smrtplayer.log"
MAX_LOG_BYTES = 1_000_000
KEPT_OLD_LOGS = 3


def rotate_if_large(path: Path, max_bytes: int = MAX_LOG_BYTES, keep: int = KEPT_OLD_LOGS) -> None:
    """smrtplayer.log -> .1 -> .2 ... once it is over ``max_bytes``.

    Done once per start instead of by logging.handlers.RotatingFileHandler, whose import (socket,
    pickle) costs ~5 ms before the first frame; one session's log stays far below the limit.
    """
    try:
        if path.stat().st_size < max_bytes:
            return
    except OSError:
        return
    path.with_name(f"{path.name}.{keep}").unlink(missing_ok=True)
    for number in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))


def configure_logging(log_dir: Path, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    if getattr(root, "_smrtplayer_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        # The log names the user's folders and courses: like the data folder, the owner's alone.
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        _owner_only(log_dir, 0o700)
        rotate_if_large(log_dir / LOG_FILE)
        (log_dir / LOG_FILE).touch(mode=0o600)
        _owner_only(log_dir / LOG_FILE, 0o600)
        file_handler = logging.FileHandler(log_dir / LOG_FILE, encoding="utf-8")
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    except OSError:
        pass  # an unwritable log folder must not stop the app; the data-dir check reports it
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("smrtplayer: %(levelname)s: %(message)s"))
    root.addHandler(console)
    root._smrtplayer_configured = True  # type: ignore[attr-defined]


def _owner_only(path: Path, mode: int) -> None:
    if os.name == "posix":
        path.chmod(mode)
