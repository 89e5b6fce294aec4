"""A window start with a lesson keeps FFmpeg's description of the file ("Input #0 ...") out of the
terminal and in the log; --verbose keeps it in the terminal."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from helpers.screens import LESSON_ONE_RGB, share_of_colour
from helpers.xvfb import Xvfb, wait_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
]


@pytest.fixture
def xvfb() -> Iterator[Xvfb]:
    server = Xvfb().start()
    yield server
    server.stop()


def run_window_until_the_lesson_shows(xvfb: Xvfb, tmp_path: Path, *extra: str) -> tuple[str, Path]:
    data = tmp_path / "data"
    stderr_path = tmp_path / "stderr.txt"
    with stderr_path.open("w") as stderr:
        app = subprocess.Popen(
            [sys.executable, "-m", "smrtplayer", "--data-dir", str(data), *extra],
            env=xvfb.env(),
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        shot = tmp_path / "screen.png"
        try:

            def lesson_on_screen() -> bool:
                if app.poll() is not None:
                    return True
                xvfb.grab(shot)
                return share_of_colour(QImage(str(shot)), LESSON_ONE_RGB) > 0.15

            assert wait_for(lesson_on_screen, timeout_s=60, interval_s=0.5)
            assert app.poll() is None, stderr_path.read_text()
        finally:
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
            try:
                app.wait(timeout=20)
            except subprocess.TimeoutExpired:
                app.kill()
                raise
    return stderr_path.read_text(errors="replace"), data


@pytest.mark.time_limit(180)
def test_a_window_start_writes_no_ffmpeg_file_description_to_the_terminal(xvfb: Xvfb, tmp_path: Path) -> None:
    stderr, data = run_window_until_the_lesson_shows(xvfb, tmp_path)
    assert "Input #0" not in stderr, stderr
    logs = "".join(path.read_text(errors="replace") for path in data.rglob("smrtplayer.log*"))
    assert "Input #0" in logs
    # At FFmpeg's usual level: its per-frame debug lines would grow the log with every second played.
    assert "nal_unit_type" not in logs


@pytest.mark.time_limit(180)
def test_verbose_keeps_ffmpeg_file_description_in_the_terminal(xvfb: Xvfb, tmp_path: Path) -> None:
    stderr, _data = run_window_until_the_lesson_shows(xvfb, tmp_path, "--verbose")
    assert "Input #0" in stderr, stderr
