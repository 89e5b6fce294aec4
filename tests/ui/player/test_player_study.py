"""Learning controls on real generated clips: loop, frame step, mirror, capture, speed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

from helpers.media import MediaFactory
from helpers.player import add_course, bar_x, open_paused, open_window
from smrtplayer.models.settings import LOOP_REPEATS


def _lessons(context, media: MediaFactory, tmp_path: Path):  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=3.0, size=(160, 90), fps=25)
    other = media.clip(seconds=2.0, size=(160, 90), fps=25, rgb=(40, 160, 60))
    return add_course(
        context,
        tmp_path / "course",
        [("Gluteus", clip), ("Piriformis", other)],
        positions={"Gluteus": ((0, 1000, "Prone"), (1000, 2200, "Supine"), (2200, 3000, "Side"))},
    )


def test_loop_really_returns_to_a(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=300)
    assert playback.set_loop(500, 1300)
    reports: list[tuple[int, int]] = []  # (position, frame start) while playing
    playback.position_changed.connect(lambda ms: reports.append((ms, playback.frame_start_ms())))
    playback.play()

    def came_back() -> bool:
        crossed = next((i for i, (ms, _) in enumerate(reports) if ms >= 1300), None)
        return crossed is not None and any(ms < 1000 for ms, _ in reports[crossed + 1 :])

    qtbot.waitUntil(came_back, timeout=10000)
    crossed = next(i for i, (ms, _) in enumerate(reports) if ms >= 1300)
    back = [ms for ms, _ in reports[crossed + 1 :] if ms < 1000]
    assert min(back) >= 450, "playback went back to A, not before it"
    assert max(ms for ms, _ in reports) < 1300 + 500, "playback never ran on past B"
    qtbot.waitUntil(lambda: 500 <= playback.frame_start_ms() < 1000, timeout=5000)
    playback.pause()


def test_loop_repeat_count_and_pause_between_passes(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=0)
    playback.set_loop_options(repeats=2, pause_ms=300)
    assert playback.set_loop(200, 800)
    states: list[bool] = []
    playback.playing_changed.connect(states.append)
    playback.play()
    # The first pass ends at B: a pause, then A again; after the second pass the loop is gone.
    qtbot.waitUntil(lambda: playback.loop.passes_done == 1 and not playback.is_playing(), timeout=8000)
    qtbot.waitUntil(lambda: not playback.loop.is_set, timeout=8000)
    qtbot.waitUntil(lambda: playback.position_ms() > 1200, timeout=8000)
    assert states[:3] == [True, False, True], "one pause between the two passes"
    assert context.settings.get(LOOP_REPEATS) == 2
    playback.pause()


def test_loop_points_and_the_position_key(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=1500)
    qtbot.keyClick(window.video_view, Qt.Key.Key_R)  # loop the position being demonstrated
    assert (playback.loop.a_ms, playback.loop.b_ms) == (1000, 2200)
    assert "Loop 0:01–0:02" in window.video_view.loop_text()
    qtbot.keyClick(window.video_view, Qt.Key.Key_X)
    assert not playback.loop.is_set and window.video_view.loop_text() == ""
    playback.pause()
    playback.seek(400)
    qtbot.waitUntil(lambda: 360 <= playback.frame_start_ms() <= 400, timeout=5000)
    qtbot.keyClick(window.video_view, Qt.Key.Key_A)
    playback.seek(1600)
    qtbot.waitUntil(lambda: 1560 <= playback.frame_start_ms() <= 1600, timeout=5000)
    qtbot.keyClick(window.video_view, Qt.Key.Key_B)
    assert playback.loop.is_set
    assert abs(playback.loop.a_ms - 400) <= 40 and abs(playback.loop.b_ms - 1600) <= 40


def test_frame_step_really_changes_the_frame(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=1000)
    qtbot.waitUntil(lambda: playback.frame_start_ms() >= 0, timeout=5000)
    start = playback.frame_start_ms()
    before = QImage(playback.current_image())

    qtbot.keyClick(window.video_view, Qt.Key.Key_Period)
    qtbot.waitUntil(lambda: playback.frame_start_ms() == start + 40, timeout=5000)
    after = playback.current_image()
    assert after != before
    assert bar_x(after) > bar_x(before), "the bar moved on by one frame"

    qtbot.keyClick(window.video_view, Qt.Key.Key_Comma)
    qtbot.keyClick(window.video_view, Qt.Key.Key_Comma)
    qtbot.waitUntil(lambda: playback.frame_start_ms() == start - 40, timeout=5000)
    assert bar_x(playback.current_image()) < bar_x(before)
    assert not playback.is_playing()


def test_frame_step_pauses_playback_first(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    playback = context.playback
    playback.open_lesson(lessons[0], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: playback.position_ms() > 300, timeout=10000)
    playback.step_frame(+1)
    assert not playback.is_playing()


def test_mirror_really_flips_the_pixels(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0], start_ms=400)
    view = window.video_view
    qtbot.waitUntil(view.has_picture, timeout=5000)
    plain = view.grab().toImage()
    target = view.video_rect()
    x_plain = bar_x(plain.copy(target)) / target.width()

    qtbot.keyClick(view, Qt.Key.Key_H)
    assert view.is_mirrored() and window.actions_by_id["mirror"].isChecked()
    flipped = view.grab().toImage()
    x_flipped = bar_x(flipped.copy(target)) / target.width()
    assert x_plain < 0.4 and abs((1 - x_plain) - x_flipped) < 0.03
    # The badge says so, in the corner a viewer looks at first (its size follows the view's, which
    # is shorter while the first launch's "what's here" is shown above it: sample its own edge).
    corner = view.badge_rects["mirrored"]
    assert corner.left() <= 20 and corner.top() <= 20, corner
    badge = flipped.pixelColor(corner.left() + 3, corner.center().y())
    assert badge.red() > 200 and badge.blue() < 60, "orange MIRRORED badge"

    qtbot.keyClick(view, Qt.Key.Key_H)
    assert not view.is_mirrored()


def test_capture_writes_a_file_and_fills_the_clipboard(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0], start_ms=1200)
    qtbot.waitUntil(window.video_view.has_picture, timeout=5000)
    qtbot.keyClick(window.video_view, Qt.Key.Key_H)
    qtbot.keyClick(window.video_view, Qt.Key.Key_S)
    assert window.last_capture is not None
    saved = Path(window.last_capture)
    assert saved.parent == context.paths.data / "captures"
    assert saved.name.startswith("Gluteus 00m01.") and "mirrored" in saved.name
    image = QImage(str(saved))
    assert (image.width(), image.height()) == (160, 90)
    assert bar_x(image) > 80, "saved as the viewer saw it: mirrored"
    clip = QGuiApplication.clipboard().image()
    assert (clip.width(), clip.height()) == (160, 90)

    qtbot.keyClick(window.video_view, Qt.Key.Key_S)
    assert Path(window.last_capture) != saved and Path(window.last_capture).is_file()


def test_speed_steps_keep_pitch_and_are_remembered_per_course(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context, media, tmp_path)
    demo_course = next(course for course in context.library.courses() if course.kind == "builtin")
    demo = context.library.lessons(demo_course.id)[0]
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0])
    for key, rate in ((Qt.Key.Key_BracketRight, 1.25), (Qt.Key.Key_BracketLeft, 1.0)):
        qtbot.keyClick(window.video_view, key)
        assert playback.rate() == rate
    for _ in range(5):
        qtbot.keyClick(window.video_view, Qt.Key.Key_BracketLeft)
    assert playback.rate() == 0.25, "0.25x is the slowest step"
    qtbot.keyClick(window.video_view, Qt.Key.Key_BracketRight)
    assert playback.rate() == 0.5
    assert window.transport.speed_button.text() == "0.5×"
    assert window.video_view.notice() == "Speed 0.5×", "the key's feedback on the video"
    assert playback.pitch_kept(), "the FFmpeg backend keeps the pitch natural"

    playback.open_lesson(demo, autoplay=False)
    assert playback.rate() == 1.0, "another course has its own speed"
    assert window.video_view.notice() == "Speed 1×", "said as the course opens at another speed"
    playback.open_lesson(lessons[1], autoplay=False)
    assert playback.rate() == 0.5, "back in this course: its speed again"
    assert window.video_view.notice() == "Speed 0.5×"
    window.video_view.flash("")
    playback.open_lesson(lessons[0], autoplay=False)
    assert window.video_view.notice() == "", "the same speed again: nothing to say"
    qtbot.keyClick(window.video_view, Qt.Key.Key_Backspace)
    assert playback.rate() == 1.0
    for _ in range(9):
        qtbot.keyClick(window.video_view, Qt.Key.Key_BracketRight)
    assert playback.rate() == 2.0
