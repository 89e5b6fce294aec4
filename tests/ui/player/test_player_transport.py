"""Transport on real generated clips: play/pause, skips, seek bar, positions, lessons, volume,
full screen and the autoplay countdown."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from helpers.media import MediaFactory
from helpers.player import add_course, open_paused, open_window
from smrtplayer.models.settings import AUTOPLAY_NEXT_S, MUTED, VOLUME


def _lessons(context, media: MediaFactory, tmp_path):  # type: ignore[no-untyped-def]
    long_clip = media.clip(seconds=12.0, size=(96, 54), fps=10)
    short = media.clip(seconds=1.2, size=(96, 54), fps=25, rgb=(40, 160, 60))
    third = media.clip(seconds=1.0, size=(96, 54), fps=25, rgb=(180, 60, 40))
    return add_course(
        context,
        tmp_path / "course",
        [("Long", long_clip), ("Short", short), ("Third", third)],
        positions={"Long": ((0, 3000, "Prone"), (3000, 8000, "Supine"), (8000, 12000, "Side"))},
    )


def test_space_plays_and_pauses(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0])
    with qtbot.waitSignal(playback.playing_changed, timeout=5000) as started:
        qtbot.keyClick(window.video_view, Qt.Key.Key_Space)
    assert started.args == [True]
    qtbot.waitUntil(lambda: playback.position_ms() > 200, timeout=10000)
    with qtbot.waitSignal(playback.playing_changed, timeout=5000) as stopped:
        qtbot.keyClick(window.video_view, Qt.Key.Key_K)
    assert stopped.args == [False]
    assert window.transport.elapsed_label.text() == "0:00"


def test_skips_of_5_and_10_seconds(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=1000)
    qtbot.waitUntil(lambda: playback.position_ms() == 1000, timeout=5000)
    for key, expected in (
        (Qt.Key.Key_Right, 6000),
        (Qt.Key.Key_L, 12000),  # clamped to the end
        (Qt.Key.Key_J, 2000),
        (Qt.Key.Key_Left, 0),  # clamped to the start
    ):
        qtbot.keyClick(window.video_view, key)
        assert playback.position_ms() == expected, key
    assert context.progress.get(lessons[0].fingerprint).position_ms == 0, "a seek saves the position"


def test_seek_bar_shows_the_positions_and_seeks_on_click(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0])
    bar = window.transport.seek_bar
    qtbot.waitUntil(lambda: bar.mark_x(12000) > bar.mark_x(0), timeout=5000)
    image = bar.grab().toImage()
    tick = image.pixelColor(bar.mark_x(3000) + 1, bar.height() // 2 - 8)
    assert tick.blue() > tick.red(), "a position's start is marked on the bar"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.mark_x(9000), bar.height() // 2))
    assert abs(playback.position_ms() - 9000) <= 200


def test_previous_and_next_position_and_lesson(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=500)
    qtbot.keyClick(window.video_view, Qt.Key.Key_PageDown)
    assert playback.position_ms() == 3000
    qtbot.keyClick(window.video_view, Qt.Key.Key_PageDown)
    assert playback.position_ms() == 8000
    qtbot.keyClick(window.video_view, Qt.Key.Key_PageUp)
    assert playback.position_ms() == 3000
    qtbot.keyClick(window.video_view, Qt.Key.Key_PageUp)
    assert playback.position_ms() == 0
    qtbot.keyClick(window.video_view, Qt.Key.Key_N)
    assert playback.lesson.title == "Short"
    assert window.lesson_tree.currentItem().text(0).endswith("Short")
    qtbot.keyClick(window.video_view, Qt.Key.Key_P)
    assert playback.lesson.title == "Long"
    qtbot.keyClick(window.video_view, Qt.Key.Key_P)
    assert playback.lesson.title == "Long", "no lesson before the first"


def test_volume_and_mute_are_remembered(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    playback = context.playback
    playback.set_volume(0.5)
    qtbot.keyClick(window.video_view, Qt.Key.Key_Up)
    assert abs(playback.volume() - 0.55) < 1e-3
    assert window.transport.volume_slider.value() == 55
    qtbot.keyClick(window.video_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.video_view, Qt.Key.Key_Down)
    assert abs(playback.volume() - 0.45) < 1e-3
    qtbot.keyClick(window.video_view, Qt.Key.Key_M)
    assert playback.is_muted() and window.actions_by_id["mute"].isChecked()
    playback.shutdown()  # quitting writes the pending volume at once
    assert context.settings.get(VOLUME) == 0.45 and context.settings.get(MUTED) is True


def test_fullscreen_keeps_the_video_and_its_keys(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0])
    qtbot.keyClick(window.video_view, Qt.Key.Key_F)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    assert not window.left_panel.isVisible() and not window.menuBar().isVisible()
    assert window.video_view.isVisible() and window.transport.isVisible()
    qtbot.keyClick(window.video_view, Qt.Key.Key_H)
    assert window.video_view.is_mirrored(), "keys work without the menu bar"
    qtbot.keyClick(window.video_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
    assert window.left_panel.isVisible()


def test_next_lesson_starts_after_a_countdown(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    context.settings.set(AUTOPLAY_NEXT_S, 1)
    with qtbot.waitSignal(playback.countdown.started, timeout=10000) as started:
        playback.open_lesson(lessons[1], autoplay=True, start_ms=0)
    assert started.args[0].title == "Third"
    assert window.video_view.countdown_panel.isVisible()
    assert "Third" in window.video_view.countdown_panel.label.text()
    qtbot.waitUntil(lambda: playback.lesson.title == "Third", timeout=5000)
    assert not window.video_view.countdown_panel.isVisible()


def test_countdown_can_be_cancelled_and_switched_off(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    context.settings.set(AUTOPLAY_NEXT_S, 30)
    with qtbot.waitSignal(playback.countdown.started, timeout=10000):
        playback.open_lesson(lessons[1], autoplay=True, start_ms=0)
    with qtbot.waitSignal(playback.countdown.cancelled, timeout=2000):
        qtbot.keyClick(window.video_view, Qt.Key.Key_Escape)
    assert not playback.countdown.is_active() and playback.lesson.title == "Short"
    assert not window.video_view.countdown_panel.isVisible()

    window.autoplay_action.setChecked(False)
    assert context.settings.get(AUTOPLAY_NEXT_S) == 0
    finished: list[bool] = []
    playback.media_finished.connect(lambda: finished.append(True))
    playback.open_lesson(lessons[1], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    assert not playback.countdown.is_active()


def test_a_hold_cancels_autoplay(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    open_window(context, qtbot)
    playback, runner = context.playback, context.holds.runner
    context.settings.set(AUTOPLAY_NEXT_S, 30)
    with qtbot.waitSignal(playback.countdown.started, timeout=10000):
        playback.open_lesson(lessons[1], autoplay=True, start_ms=0)
    try:
        with qtbot.waitSignal(playback.countdown.cancelled, timeout=2000):
            runner.hold_preset(30_000)  # T near the end of the lesson
        assert not playback.countdown.is_active() and playback.lesson.title == "Short"

        # A hold running when a lesson ends: no countdown, the next lesson does not start under it.
        context.settings.set(AUTOPLAY_NEXT_S, 1)
        ended: list[object] = []
        playback.countdown.finished.connect(ended.append)
        with qtbot.waitSignal(playback.countdown.cancelled, timeout=10000):
            playback.open_lesson(lessons[1], autoplay=True, start_ms=0)
        qtbot.wait(1500)
        assert ended == [] and playback.lesson.title == "Short"
    finally:
        runner.stop()
