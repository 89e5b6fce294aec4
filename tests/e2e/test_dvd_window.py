"""The real app in a real X window plays a DVD title across the cut between its two VOB parts."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from helpers.dvd import AuthoredDvd, colour_at
from helpers.screens import share_of_colour
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


def _import_and_continue_before_the_cut(
    data: Path, dvd: AuthoredDvd, source: Path, env: dict[str, str]
) -> int:
    """Import the DVD with the CLI; make its title the lesson to continue, 2.5 s before the cut."""
    done = subprocess.run(
        [sys.executable, "-m", "smrtplayer", "--data-dir", str(data), "import", str(source), "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["lessons"] == 1 and report["problems"] == [] and report["notes"] == []
    conn = sqlite3.connect(data / "smrtplayer.sqlite3")
    with conn:
        fingerprint, parts = conn.execute(
            "SELECT fingerprint, title_parts FROM lessons WHERE title_parts != ''"
        ).fetchone()
        boundary_ms = json.loads(parts)[0][2] // 1000
        conn.execute(
            "INSERT INTO lesson_progress (lesson_fingerprint, position_ms, duration_ms, last_opened_at, "
            "updated_at) VALUES (?, ?, ?, '2030-01-01T00:00:00+00:00', '2030-01-01T00:00:00+00:00')",
            [fingerprint, boundary_ms - 2500, dvd.duration_ms],
        )
    conn.close()
    return int(boundary_ms)


@pytest.mark.time_limit(240)
def test_the_window_shows_frames_from_both_sides_of_the_vob_cut(
    xvfb: Xvfb, tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    data = tmp_path / "data"
    boundary_ms = _import_and_continue_before_the_cut(
        data, authored_dvd, authored_dvd.copy_to(tmp_path), xvfb.env()
    )
    before = colour_at((boundary_ms - 1000) / 1000, authored_dvd.chapter_seconds)
    after = colour_at((boundary_ms + 2000) / 1000, authored_dvd.chapter_seconds)
    assert before != after, "the test DVD changes colour between the two sides of the cut"
    log = (tmp_path / "app.log").open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "smrtplayer", "--data-dir", str(data)],
        env=xvfb.env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    shot = tmp_path / "screen.png"
    seen: list[str] = []
    try:

        def showing(rgb: tuple[int, int, int], name: str) -> bool:
            if app.poll() is not None:
                return True
            xvfb.grab(shot)
            if share_of_colour(QImage(str(shot)), rgb, tolerance=40) > 0.05:
                seen.append(name)
                return True
            return False

        # Part 1's picture first, then part 2's, with the app left alone: it played across the cut.
        assert wait_for(lambda: showing(before, "part 1"), timeout_s=60, interval_s=0.2)
        assert app.poll() is None, (tmp_path / "app.log").read_text()
        assert wait_for(lambda: showing(after, "part 2"), timeout_s=30, interval_s=0.2)
        assert app.poll() is None, (tmp_path / "app.log").read_text()
        assert seen == ["part 1", "part 2"]
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
    conn = sqlite3.connect(data / "smrtplayer.sqlite3")
    [(position_ms,)] = conn.execute(
        "SELECT p.position_ms FROM lesson_progress p JOIN lessons l ON l.fingerprint = p.lesson_fingerprint "
        "WHERE l.title_parts != ''"
    ).fetchall()
    conn.close()
    assert position_ms > boundary_ms, "the resume point saved on exit lies in the second part"
