"""A DVD title plays as one stream across its VOB parts: seeks land on the right frame on either side."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from helpers.dvd import CHAPTER_COLOURS, AuthoredDvd, colour_at
from helpers.player import open_paused

# FFmpeg's demuxer thread writes Qt warnings all through a DVD title (timestamps of navigation
# packets, the mp2 frame cut at the part boundary). pytest-qt swaps Qt's message handler at every test's
# start and end, and a warning written from that thread during a swap called a handler already freed:
# a segfault in 2 to 3 of 8 runs (gdb: QFFmpeg::Demuxer -> qt_message_output -> a NULL Python callable).
# So these tests keep Qt's handler as it is (no_qt_log), and each runs in an interpreter of its own, so
# no later test swaps the handler while a title is still being torn down. The app installs its handler
# once and never swaps it.
pytestmark = [pytest.mark.own_process, pytest.mark.no_qt_log]


def _nearest_colour(image: QImage) -> tuple[int, int, int]:
    """Which chapter colour the frame's background (a corner, away from the moving bar) is nearest."""
    pixel = image.pixelColor(4, 4)
    rgb = (pixel.red(), pixel.green(), pixel.blue())
    return min(
        CHAPTER_COLOURS, key=lambda colour: sum((a - b) ** 2 for a, b in zip(colour, rgb, strict=True))
    )


def _title_lesson(context, dvd: AuthoredDvd, tmp_path: Path):  # type: ignore[no-untyped-def]
    report = context.library.import_course(dvd.copy_to(tmp_path), mode="link")
    [lesson] = context.library.lessons(report.course_id)
    assert len(lesson.title_parts) == 2
    return lesson


def test_seeks_on_either_side_of_the_vob_boundary_land_on_the_right_frame(  # type: ignore[no-untyped-def]
    context, qtbot, tmp_path, authored_dvd
) -> None:
    lesson = _title_lesson(context, authored_dvd, tmp_path)
    playback = context.playback
    open_paused(context, qtbot, lesson)
    assert abs(playback.duration_ms() - authored_dvd.duration_ms) <= 100
    for target_ms in (16_500, 3_000, 21_000, 7_000):  # part 2, part 1, part 2, part 1
        shown = playback.frames_shown
        playback.seek(target_ms)
        qtbot.waitUntil(lambda shown=shown: playback.frames_shown > shown, timeout=10000)
        qtbot.wait(300)  # the frame at the target, after any frame decoded on the way
        expected = colour_at(target_ms / 1000, authored_dvd.chapter_seconds)
        assert _nearest_colour(playback.current_image()) == expected
        assert abs(playback.position_ms() - target_ms) <= 600


def test_playing_across_the_boundary_goes_on_without_a_jump(  # type: ignore[no-untyped-def]
    context, qtbot, tmp_path, authored_dvd
) -> None:
    lesson = _title_lesson(context, authored_dvd, tmp_path)
    boundary_ms = lesson.title_parts[0].duration_us // 1000
    playback = context.playback
    open_paused(context, qtbot, lesson, start_ms=boundary_ms - 1500)
    seen: list[int] = []
    playback.play()

    def past_boundary() -> bool:
        seen.append(playback.position_ms())
        return playback.position_ms() > boundary_ms + 1500

    qtbot.waitUntil(past_boundary, timeout=15000)
    playback.pause()
    assert min(seen) < boundary_ms < max(seen)
    steps = [b - a for a, b in itertools.pairwise(seen)]
    assert all(step >= 0 for step in steps), "the timeline went back at the boundary"
    assert max(steps) < 1000, "the timeline jumped at the boundary"
    assert _nearest_colour(playback.current_image()) == colour_at(
        playback.position_ms() / 1000, authored_dvd.chapter_seconds
    )


def test_an_ab_loop_across_the_boundary_goes_back_into_the_first_part(  # type: ignore[no-untyped-def]
    context, qtbot, tmp_path, authored_dvd
) -> None:
    lesson = _title_lesson(context, authored_dvd, tmp_path)
    boundary_ms = lesson.title_parts[0].duration_us // 1000
    playback = context.playback
    open_paused(context, qtbot, lesson, start_ms=boundary_ms - 1000)
    assert playback.set_loop(boundary_ms - 1000, boundary_ms + 1000)
    seen: list[int] = []
    playback.play()

    def looped_back() -> bool:
        seen.append(playback.position_ms())
        return max(seen) > boundary_ms and seen[-1] < boundary_ms - 500

    qtbot.waitUntil(looped_back, timeout=15000)
    playback.pause()
    assert max(seen) <= boundary_ms + 1000 + 600, "the loop's end (in part 2) was not overrun"
    # the resume point follows the title's timeline, whichever part it lies in
    playback.seek(boundary_ms + 3000)
    playback.save_position()
    assert context.progress.get(lesson.fingerprint).position_ms == boundary_ms + 3000


def test_a_missing_later_part_is_named_when_the_title_is_opened(  # type: ignore[no-untyped-def]
    context, qtbot, tmp_path, authored_dvd
) -> None:
    lesson = _title_lesson(context, authored_dvd, tmp_path)
    second = lesson.path.parent / "VTS_01_2.VOB"
    second.unlink()
    with qtbot.waitSignal(context.playback.media_failed, timeout=5000) as failed:
        context.playback.open_lesson(lesson, autoplay=False)
    [message] = failed.args
    assert lesson.title in message and str(second) in message and "relink" in message
    assert context.playback.has_failed()
