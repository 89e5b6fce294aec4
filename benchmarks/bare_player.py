"""The least a PySide6 player can do: the floor that smrtplayer's figures are read against.

One QApplication, one plain QWidget, one QMediaPlayer with a QVideoSink; each frame is painted with
Qt's own ``QVideoFrame.paint`` into the widget. No database, no panels, no position tracking. For
playback the floor is Qt Multimedia's decoding alone, frames received and dropped unpainted:
``QVideoFrame.paint`` on a raster window cannot keep up with 1080p30 on two cores, so a painting floor
would measure a player that drops frames. The
benchmarks run it beside smrtplayer and mpv so that a ratio to mpv can be split into what Python +
Qt Multimedia cost by themselves and what smrtplayer adds.

    bare_player.py launch CLIP START_MS   # prints "FIRST <epoch s>" when the first frame is painted, exits
    bare_player.py decode CLIP SECONDS    # plays unpainted: READY once playing, STATS {json} after SECONDS
    bare_player.py frame CLIP             # decodes the first frame without a window, exits (self-test peer)
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import QApplication, QWidget


class BareView(QWidget):
    """Paints the newest frame, scaled to the widget, as a plain Qt application would."""

    def __init__(self) -> None:
        super().__init__()
        self.frame: QVideoFrame | None = None
        self.painted = 0
        self.first_painted_at: float | None = None

    def show_frame(self, frame: QVideoFrame) -> None:
        self.frame = QVideoFrame(frame)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.frame is not None and self.frame.isValid():
            self.frame.paint(painter, self.rect().toRectF(), QVideoFrame.PaintOptions())
            self.painted += 1
            if self.first_painted_at is None:
                self.first_painted_at = time.time()
        painter.end()


def main(argv: list[str]) -> int:
    mode, clip = argv[1], argv[2]
    app = QApplication([argv[0]])
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoOutput(sink)
    if mode == "frame":
        sink.videoFrameChanged.connect(lambda frame: frame.isValid() and app.quit())
        player.setSource(QUrl.fromLocalFile(clip))
        player.play()
        QTimer.singleShot(20_000, app.quit)
        app.exec()
        return 0
    view = BareView()
    received = [0]
    if mode == "launch":
        view.resize(1100, 620)
        view.show()
        sink.videoFrameChanged.connect(view.show_frame)
    else:
        sink.videoFrameChanged.connect(lambda _frame: received.__setitem__(0, received[0] + 1))
    player.setSource(QUrl.fromLocalFile(clip))
    if mode == "launch":
        player.setPosition(int(argv[3]))

        def painted() -> None:
            if view.first_painted_at is not None:
                print(f"FIRST {view.first_painted_at:.6f}", flush=True)
                app.quit()

        check = QTimer(interval=1)
        check.timeout.connect(painted)
        check.start()
        QTimer.singleShot(20_000, app.quit)
    else:
        seconds = float(argv[3])
        state: dict[str, float] = {}

        def ready() -> None:
            if received[0] > 2 and player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
                poll.stop()
                state.update(t0=time.perf_counter(), p0=player.position(), f0=received[0])
                print("READY", flush=True)
                QTimer.singleShot(int(seconds * 1000), done)

        def done() -> None:
            stats = {
                "wall_s": time.perf_counter() - state["t0"],
                "media_ms": player.position() - state["p0"],
                "frames_received": received[0] - state["f0"],
            }
            print("STATS " + json.dumps(stats), flush=True)
            app.quit()

        poll = QTimer(interval=20)
        poll.timeout.connect(ready)
        poll.start()
    player.play()
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
