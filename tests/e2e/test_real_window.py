"""The real app in a real X window (Xvfb): the demo lesson's own pixels are on screen."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
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

ARTIFACTS = (
    Path(os.environ.get("SMRTPLAYER_TEST_ARTIFACTS", ""))
    if os.environ.get("SMRTPLAYER_TEST_ARTIFACTS")
    else None
)


@pytest.fixture
def xvfb() -> Iterator[Xvfb]:
    server = Xvfb().start()
    yield server
    server.stop()


def distinct_colours(image: QImage) -> int:
    return len({image.pixel(x, y) for y in range(0, image.height(), 16) for x in range(0, image.width(), 16)})


@pytest.mark.time_limit(180)
def test_app_opens_on_the_demo_course_paused(xvfb: Xvfb, tmp_path: Path) -> None:
    """A first start shows the demo's first lesson, waiting for the user (it does not play
    through the three lessons by itself and mark them watched)."""
    data = tmp_path / "data"
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "smrtplayer", "--data-dir", str(data)],
        env=xvfb.env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    shot = tmp_path / "screen.png"
    try:

        def lesson_on_screen() -> bool:
            if app.poll() is not None:
                return True
            xvfb.grab(shot)
            return share_of_colour(QImage(str(shot)), LESSON_ONE_RGB) > 0.15

        assert wait_for(lesson_on_screen, timeout_s=60, interval_s=0.5)
        assert app.poll() is None, (tmp_path / "app.log").read_text()
        image = QImage(str(shot))
        if ARTIFACTS:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            image.save(str(ARTIFACTS / "real-window-demo.png"))
        # The video area shows the lesson's real pixels: its blue fills a large part of the screen,
        # and the screen is not one flat grey or black (a QVideoWidget grab would be).
        assert share_of_colour(image, LESSON_ONE_RGB) > 0.15
        assert distinct_colours(image) > 20
        time.sleep(2.5)  # the side panels come after the first frame
        xvfb.grab(shot)
        first = QImage(str(shot))
        time.sleep(2.0)
        xvfb.grab(shot)
        assert QImage(str(shot)) == first, "paused on the first frame: the picture does not move"
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
        try:
            exit_code = app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
            raise
        log.close()
    assert exit_code == 0, (tmp_path / "app.log").read_text()
    # A clean close remembered that the lesson was paused, and marked nothing watched.
    conn = sqlite3.connect(data / "smrtplayer.sqlite3")
    paused = conn.execute("SELECT value FROM settings WHERE key = 'paused_at_quit'").fetchall()
    watched = conn.execute("SELECT COUNT(*) FROM lesson_progress WHERE watched").fetchone()[0]
    conn.close()
    assert paused == [("true",)], paused
    assert watched == 0
