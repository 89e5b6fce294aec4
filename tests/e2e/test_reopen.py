"""Reopening on a real X server: the picture where the lesson stopped is on screen before the window
is built, in the window's place, as the window will show it; the window takes over from it, showing
first the very frame the picture is of; a change to the
data in between means no picture."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage

from helpers.player import add_course, bar_x
from helpers.xvfb import Xvfb, run_window_driver
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.models.settings import AUTOPLAY_NEXT_S, WHATS_HERE_SHOWN
from smrtplayer.player.resume_picture import find
from smrtplayer.ui.shell.start_picture import fitted, load_picture

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
]

DRIVER = Path(__file__).with_name("reopen_driver.py")
ARTIFACTS = os.environ.get("SMRTPLAYER_TEST_ARTIFACTS")


def _difference(a: QImage, b: QImage) -> float:
    """Mean difference per channel (0-255) over a grid of points of two images of one size."""
    total, count = 0, 0
    for y in range(2, a.height() - 2, max(1, a.height() // 24)):
        for x in range(2, a.width() - 2, max(1, a.width() // 40)):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            total += abs(p.red() - q.red()) + abs(p.green() - q.green()) + abs(p.blue() - q.blue())
            count += 3
    return total / count


def _launch(data: Path, out: Path, *extra: str) -> dict[str, Any]:
    return run_window_driver(
        DRIVER, ["--data-dir", str(data), *extra], out, screen=(1366, 768), window_manager=True
    )


@pytest.mark.time_limit(240)
def test_a_reopened_lesson_shows_its_picture_first_then_the_window_takes_over(media, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    paths = AppPaths.resolve(data)
    context = AppContext.open(paths)
    try:
        clip = media.clip(seconds=8.0, size=(320, 180), fps=25)
        lessons = add_course(context, tmp_path / "course", [("Shoulder", clip)], uid="reopen")
        context.progress.save_position(lessons[0].fingerprint, 2000, 8000)
        context.settings.set(AUTOPLAY_NEXT_S, 0)
        context.settings.set(WHATS_HERE_SHOWN, True)  # not a first run: no "What's here" above the video
    finally:
        context.close()
    out = Path(ARTIFACTS) / "reopen" if ARTIFACTS else tmp_path / "out"

    before = _launch(data, out / "before", "--close-after-first-frame")
    assert before["order"] == ["first frame shown"], "nothing was kept before the first close"
    # Once more, so that the docks are as a restored window has them (Qt restores a dock saved at its
    # default width 16 pixels narrower, once), then closed mirrored.
    first = _launch(data, out / "first", "--close-after-first-frame", "--mirror")
    found = find(paths.cache, paths.database)
    assert found is not None, "the close kept the picture where the lesson stopped"
    kept, pixels = found
    assert kept.lesson_fingerprint == lessons[0].fingerprint and "Shoulder" in kept.title
    frame_ms = 1000 // 25
    assert 0 <= kept.position_ms - first["frame_on_screen_at_close_ms"] < frame_ms, "the frame seen"
    assert kept.layout is not None and kept.layout.screen[2] == 1366

    second = _launch(data, out / "second")
    assert second["order"] == ["resume picture shown", "first frame shown"]
    assert not second["main_window_built_at_the_picture"], "the picture comes before the window is built"
    assert second["start_windows_at_the_picture"] == 1
    assert second["start_window_size"] == second["main_window_size"], "the window opens at the picture's size"
    assert second["start_window_frame_position"] == second["main_window_frame_position"], "and in its place"
    assert second["decoded_frame_on_screen"]
    assert second["stills_painted_by_the_main_window"] == 1, "the main window showed the picture too"
    # The same frame, or now and then the one before it: Qt's seek, even to the middle of a frame,
    # sometimes delivers the frame before first (then the one asked for). Before the resume point was
    # taken from the frame on screen, it lagged the picture by one to two frames.
    step = first["frame_on_screen_at_close_ms"] - second["first_decoded_frame_ms"]
    assert 0 <= step <= frame_ms, "no step back from the picture, or one frame at most"
    assert second["start_window_title"] == second["main_window_title"] == kept.title
    assert not second["mirrored_at_the_first_frame"], "the mirror is not restored at a start"
    assert second["start_windows_after"] == 0 and second["start_windows_alive_after"] == 0, "it is gone"
    assert second["focus_on_video"], "the player's keys work in the window that took over"
    # The video is where the picture was, and stays there when the side panels come.
    assert second["panels_built"]
    assert second["video_at_the_first_frame"] == second["start_window_video_area"]
    assert second["video_with_the_panels"] == second["start_window_video_area"]

    # What the start window painted: the kept frame as decoded (unmirrored, as the main window shows
    # it), where the video goes.
    painted = QImage(str(out / "second" / "start-window.png"))
    area = QRect(*second["start_window_video_area"])
    picture = load_picture(kept, pixels)
    target = fitted(picture.size(), area)
    shown = painted.copy(target)
    as_kept = picture.scaled(target.size(), Qt.AspectRatioMode.IgnoreAspectRatio)
    mirrored = as_kept.flipped(Qt.Orientation.Horizontal)
    assert _difference(shown, as_kept) < 12, "the picture is painted as kept"
    bar = bar_x(shown, 200)  # the clip's white bar, away from the middle at this time
    assert abs(bar - bar_x(as_kept, 200)) <= 3, "as decoded"
    assert abs(bar - bar_x(mirrored, 200)) > 20, "though the lesson was mirrored at close"

    # The data changed since the close (a sync, a command): no picture, the decoded frame as before.
    context = AppContext.open(paths)
    try:
        context.progress.save_position(lessons[0].fingerprint, 5000, 8000)
    finally:
        context.close()
    third = _launch(data, out / "third")
    assert third["order"] == ["first frame shown"]
