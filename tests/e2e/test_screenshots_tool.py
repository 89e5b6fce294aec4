"""``make screenshots`` keeps working: one shot taken by the tool, from the real app under Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from helpers.xvfb import Xvfb
from smrtplayer.ui.common.theme import palette_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
    pytest.mark.skipif(shutil.which("openbox") is None, reason="openbox is not installed"),
]

TOOL = Path(__file__).resolve().parents[2] / "tools" / "make_screenshots.py"


@pytest.mark.time_limit(120)
def test_the_tool_shoots_the_dark_window_at_1366x768(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    completed = subprocess.run(
        [sys.executable, str(TOOL), "--out", str(tmp_path), "--only", "main-dark-1366x768"],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        text=True,
        timeout=100,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-2000:] + completed.stderr[-3000:]
    shot = tmp_path / "main-dark-1366x768.png"
    assert [path.name for path in tmp_path.iterdir()] == [shot.name], "only the shot asked for"
    assert shot.stat().st_size < 400_000, "small enough for the README"
    image = QImage(str(shot))
    assert image.width() == 1366 and 700 <= image.height() <= 768  # maximized, under openbox's title bar
    window = palette_for("dark").color(palette_for("dark").ColorRole.Window)
    corner = image.pixelColor(image.width() - 3, image.height() - 3)  # the status bar's corner
    assert corner.lightness() < 80 and abs(corner.lightness() - window.lightness()) < 20, corner.name()
