"""While the GUI thread is busy (the side panels being built, a picture encoded, anything), the frames
shown meanwhile are not queued for it: after it, the latest frame comes once, not a burst of stale
ones each holding a decoded picture. And the render thread never waits for Python to hand frames on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


def test_any_busy_moment_leaves_one_latest_frame_not_a_burst_of_stale_ones(  # type: ignore[no-untyped-def]
    context, media, qtbot, tmp_path
) -> None:
    # Nothing held back: frames are asked for one at a time, so at most one waited in the queue.
    playback, arrived = _playing(context, media, qtbot, tmp_path)
    QApplication.processEvents()
    before = len(arrived)
    _busy(0.6)  # 15 frames' time at 25 fps
    QApplication.processEvents()
    assert 1 <= len(arrived) - before <= 2
    assert arrived[-1] >= arrived[before - 1] + 400  # the latest frame, not the one queued first
    qtbot.waitUntil(lambda: len(arrived) > before + 12, timeout=5000)  # and frames flow on
    playback.pause()


# In an interpreter of its own: the engine as the app makes it, nothing disconnected on this thread
# yet but what ``media_engine`` does. Frames flow with nothing connected; then a single-shot
# connection is made, as the controller makes it, and this thread keeps the GIL for 2 s.
_HOLD_THE_GIL = """
import json, sys, time
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtWidgets import QApplication
from smrtplayer.player.engine import media_engine
app = QApplication([])
engine = media_engine()
class Listener(QObject):
    @Slot(object)
    def frame(self, _frame):
        pass
listener = Listener()
engine.player.setSource(QUrl.fromLocalFile(sys.argv[1]))
engine.player.play()
deadline = time.monotonic() + 20
while engine.sink.videoFrame().startTime() < 200_000 and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.005)
engine.sink.videoFrameChanged.connect(listener.frame, Qt.ConnectionType.SingleShotConnection)
sys.setswitchinterval(30.0)
began = engine.sink.videoFrame().startTime()
until = time.perf_counter() + 2.0
while time.perf_counter() < until:
    pass
shown = engine.sink.videoFrame().startTime()
sys.setswitchinterval(0.005)
print(json.dumps({"began_us": began, "shown_us": shown}))
sys.stdout.flush()
import os
os._exit(0)
"""


def test_the_render_thread_shows_frames_while_python_holds_the_gil(media: MediaFactory) -> None:
    # The render thread removes the single-shot connection as it queues a frame; were it to ask Python
    # anything then (the sink's binding does, the first time, unless ``media_engine`` asked already),
    # it would stop there until this thread let go of the GIL, and the picture would freeze.
    clip = media.clip(seconds=8.0, size=(320, 180), fps=25, name="gil.mp4")
    completed = subprocess.run(
        [sys.executable, "-c", _HOLD_THE_GIL, str(clip)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    figures = json.loads(completed.stdout.splitlines()[-1])
    assert figures["began_us"] >= 200_000, figures  # it was playing
    # Frames went on being shown: 50 in those 2 s at 25 fps; a render thread waiting shows none.
    assert figures["shown_us"] - figures["began_us"] >= 500_000, figures
