"""The seek bar follows the clock without repainting itself 20 times a second: only where its handle
moved, and only once it moves a pixel; what it shows is the same as a bar painted whole."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage

from smrtplayer.ui.player.seek_bar import SeekBar


def _on_screen(bar: SeekBar) -> QImage:
    """What the window system holds for the bar (a ``grab`` would paint it whole again)."""
    return bar.screen().grabWindow(bar.winId()).toImage().convertToFormat(QImage.Format.Format_RGB32)


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_the_bar_repaints_only_when_the_handle_moves_and_shows_the_same(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = SeekBar()
    qtbot.addWidget(bar)
    bar.resize(400, 34)
    bar.set_duration(3_600_000)  # an hour: the handle moves a pixel every ~9.5 s
    bar.show()
    qtbot.waitExposed(bar)
    counter = _PaintCounter()
    bar.installEventFilter(counter)
    qtbot.wait(50)
    counter.paints = 0

    for ms in range(0, 4_000, 50):  # 4 s of ticks inside one pixel
        bar.set_position(ms)
    qtbot.wait(50)
    assert counter.paints == 0
    assert bar.position() == 3_950, "the time itself is kept exactly"

    for ms in range(4_000, 600_000, 50):  # ten minutes: the handle moves
        bar.set_position(ms)
        if ms % 60_000 == 0:
            qtbot.wait(5)
    qtbot.wait(50)
    assert counter.paints > 0
    followed = _on_screen(bar)

    fresh = SeekBar()
    qtbot.addWidget(fresh)
    fresh.resize(400, 34)
    fresh.set_duration(3_600_000)
    fresh.set_position(bar.position())
    fresh.show()
    qtbot.waitExposed(fresh)
    qtbot.wait(50)
    assert followed == _on_screen(fresh), "partial repaints left the bar as a whole repaint draws it"
