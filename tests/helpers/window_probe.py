"""The window built and shown in a fresh interpreter, for tests of what it loads (the test process has
imported everything already): the probe's own lines run after it, and print their answer as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

_WINDOW_SHOWN = (
    "import enum, gc, json, sys, tempfile\n"
    "from pathlib import Path\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from smrtplayer.app.context import AppContext\n"
    "from smrtplayer.app.paths import AppPaths\n"
    "from smrtplayer.ui.shell.main_window import MainWindow\n"
    "app = QApplication([])\n"
    "context = AppContext.open(AppPaths.resolve(Path(tempfile.mkdtemp())))\n"
    "window = MainWindow(context)\n"
    "window.show()\n"
    "app.processEvents()\n"
)


def run_window_probe(lines: str) -> Any:
    """Run ``lines`` after the window (``app``, ``context``, ``window``) is shown; what they print last
    with ``json.dumps``, read back."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run(
        [sys.executable, "-c", _WINDOW_SHOWN + lines + "context.close()\n"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    return json.loads(completed.stdout.splitlines()[-1])
