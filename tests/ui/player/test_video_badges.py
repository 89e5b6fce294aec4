"""The badges on the video never cover one another and never run off the picture."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtGui import QColor, QImage

from smrtplayer.ui.player.video_view import VideoView

HOLD = "HOLD 1:17 paused · CLIENT'S RIGHT"


@pytest.mark.parametrize("size", [(420, 236), (640, 360), (960, 540), (1600, 900)])
def test_badges_do_not_overlap_and_the_side_is_whole(size: tuple[int, int], qtbot) -> None:  # type: ignore[no-untyped-def]
    view = VideoView()
    qtbot.addWidget(view)
    view.resize(*size)
    picture = QImage(320, 180, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2a6ec8"))
    view.show_image(picture)
    view.set_mirrored(True)
    view.set_rate(0.75)
    view.set_loop_text("Loop 0:08–0:10")
    view.set_hold_badge(HOLD, QColor("#555555"))
    view.flash("Speed 0.75×")
    view.grab()  # paints
    rects = view.badge_rects
    assert set(rects) == {"mirrored", "rate", "loop", "hold", "notice"}
    for name, rect in rects.items():
        assert view.rect().contains(rect), (name, rect, size)
    for (first, a), (second, b) in combinations(rects.items(), 2):
        assert not a.intersects(b), (first, second, a, b, size)
