"""Logging to a rotating file in the log folder, and to stderr for warnings."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE = "smrtplayer.log"


def configure_logging(log_dir: Path, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    if getattr(root, "_smrtplayer_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    except OSError:
        pass  # an unwritable log folder must not stop the app; the data-dir check reports it
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("smrtplayer: %(levelname)s: %(message)s"))
    root.addHandler(console)
    root._smrtplayer_configured = True  # type: ignore[attr-defined]
