"""While the GUI thread is busy for a long moment (the side panels being built), the frames shown
meanwhile are not queued for it: after it, the latest frame comes once, not a burst of stale ones
each holding a decoded picture."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from helpers.media import MediaFactory
from helpers.player import add_course


def _busy(seconds: float) -> None:
    """The GUI thread at work without turning the event loop (as while building widgets)."""
    time.sleep(seconds)


def _playing(context, media: MediaFactory, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=8.0, size=(320, 180), fps=25, name="held-back.mp4")
    (lesson,) = add_course(context, tmp_path / "course", [("Clip", clip)])
    playback = context.playback
    arrived: list[int] = []
    playback.frame_ready.connect(lambda _frame: arrived.append(playback.frame_start_ms()))
    playback.open_lesson(lesson, autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: playback.frames_shown > 5 and playback.is_playing(), timeout=10000)
    return playback, arrived


def test_a_busy_moment_queues_no_frames_and_the_latest_follows(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    playback, arrived = _playing(context, media, qtbot, tmp_path)
    QApplication.processEvents()
    before = len(arrived)
    with playback.frames_held_back():
        _busy(0.6)  # 15 frames' time at 25 fps
    after_exit = len(arrived)
    QApplication.processEvents()
    # The latest frame at once, and no backlog: at most the frame or two queued as the moment began.
    assert after_exit == before + 1
    assert arrived[-1] >= arrived[before - 1] + 400
    assert len(arrived) - after_exit <= 2
    qtbot.waitUntil(lambda: len(arrived) > after_exit + 10, timeout=5000)  # and frames flow again
    playback.pause()


def test_without_holding_back_a_busy_moment_leaves_a_burst_of_stale_frames(  # type: ignore[no-untyped-def]
    context, media, qtbot, tmp_path
) -> None:
    # What the above avoids: each of these frames was held in the queue, with its decoded picture.
    playback, arrived = _playing(context, media, qtbot, tmp_path)
    QApplication.processEvents()
    before = len(arrived)
    _busy(0.6)
    QApplication.processEvents()
    assert len(arrived) - before >= 8
    playback.pause()
