"""The real app in a real X window (Xvfb): the demo lesson's own pixels are on screen."""

from __future__ import annotations

import os
import signal
import sqlite3
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
def test_app_opens_on_the_demo_course_playing(xvfb: Xvfb, tmp_path: Path) -> None:
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
        first = QImage(str(shot))
        assert wait_for(lambda: xvfb.grab(shot) is not None and QImage(str(shot)) != first, timeout_s=10), (
            "the picture should move while the lesson plays"
        )
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
    # A clean close saved where the user was.
    conn = sqlite3.connect(data / "smrtplayer.sqlite3")
    rows = conn.execute("SELECT position_ms FROM lesson_progress WHERE position_ms > 0").fetchall()
    conn.close()
    assert rows, "the resume position was saved on exit"
