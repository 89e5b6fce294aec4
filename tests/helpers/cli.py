"""Run the real ``smrtplayer`` executable (``python -m smrtplayer``) on a data folder, headless."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str, data_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Without a display, as from a terminal on a server: the commands need none."""
    environment = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    environment.pop("QT_QPA_PLATFORM", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "smrtplayer", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=90,
        env=environment,
        check=False,
    )
