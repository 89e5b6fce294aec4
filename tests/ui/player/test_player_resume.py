"""Resume that sticks (closed, reopened, killed) and watched state from what was really played."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from helpers.media import MediaFactory
from helpers.player import add_course, open_paused, open_window, truncated_copy
from smrtplayer.app.context import AppContext
from smrtplayer.models.settings import AUTOPLAY_NEXT_S
from smrtplayer.player.resume import SAVE_EVERY_MS


def _course(context, media: MediaFactory, tmp_path: Path):  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=4.0, size=(96, 54), fps=25)
    short = media.clip(seconds=1.5, size=(96, 54), fps=25, rgb=(40, 160, 60))
    return add_course(context, tmp_path / "course", [("Four", clip), ("Short", short)], uid="resume")


def test_resume_after_the_app_is_closed_and_reopened(app_paths, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = AppContext.open(app_paths)
    lessons = _course(first, media, tmp_path)
    window = open_window(first, qtbot)
    first.playback.open_lesson(lessons[0], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: first.playback.position_ms() > 200, timeout=10000)
    first.playback.seek(2300)
    qtbot.waitUntil(lambda: first.playback.position_ms() >= 2300, timeout=5000)
    qtbot.waitUntil(lambda: first.playback.position_ms() > 2400, timeout=5000)  # plays on after it
    window.close()  # quitting saves where the user is
    first.close()

    second = AppContext.open(app_paths)
    try:
        reopened = open_window(second, qtbot)
        assert reopened.continue_button.isVisible()
        assert "Continue: Four at 0:02" in reopened.continue_button.text()
        reopened.start(autoplay=False)
        playback = second.playback
        qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
        assert playback.lesson.title == "Four"
        assert 2400 <= playback.position_ms() <= 3500
        assert 2300 <= playback.frame_start_ms() <= 3500, "the resumed frame is on screen"
        assert not playback.is_playing()
    finally:
        second.close()


def _start_window(context, qtbot):  # type: ignore[no-untyped-def]
    """The window as the app's start makes it: panels after the first frame, the file opened early."""
    from smrtplayer.ui.shell.main_window import MainWindow

    window = MainWindow(context, panels_after_first_frame=True)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("loaded_before_start", [False, True], ids=["at-once", "loaded-already"])
def test_the_start_window_opens_the_file_early_and_still_resumes_where_it_stopped(  # type: ignore[no-untyped-def]
    app_paths, media, qtbot, tmp_path, loaded_before_start: bool
) -> None:
    """The app's start builds its window while the last lesson's file opens: the lesson still comes
    back at its saved point, whether the file finished opening before start() or after."""
    first = AppContext.open(app_paths)
    lessons = _course(first, media, tmp_path)
    first.playback.open_lesson(lessons[0], autoplay=False, start_ms=0)
    first.playback.seek(2300)
    first.close()

    second = AppContext.open(app_paths)
    try:
        window = _start_window(second, qtbot)
        playback = second.playback
        assert playback.lesson is None, "nothing is announced before start()"
        assert playback._player.source().fileName() == Path(lessons[0].path).name, "the file is opened"
        if loaded_before_start:
            qtbot.waitUntil(lambda: not playback.is_loading(), timeout=10000)
        window.start(autoplay=False)
        qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
        assert playback.lesson.title == "Four"
        assert 2240 <= playback.frame_start_ms() <= 2600, "the resumed frame (25 fps), not the first one"
        assert window.lesson_title.text().endswith("Four")
        assert not playback.is_playing()
    finally:
        second.close()


def _decoded_before_the_window(context, qtbot):  # type: ignore[no-untyped-def]
    """As the app starts: the last lesson's file opened, sought and decoded before any widget exists."""
    from smrtplayer.ui.shell.app import _start_opening_the_last_lesson
    from smrtplayer.ui.shell.main_window import hear_the_backend

    _start_opening_the_last_lesson(context)
    preload = context.playback._preload
    assert preload is not None, "the file opens before the window is built"

    def heard() -> bool:
        hear_the_backend()  # as the window's construction does between its steps
        return preload.frame is not None or preload.error is not None

    qtbot.waitUntil(heard, timeout=10000)
    assert context.playback.lesson is None, "nothing is announced before the window starts"
    return preload


@pytest.mark.parametrize("autoplay", [False, True], ids=["paused", "playing"])
def test_a_frame_decoded_before_the_window_exists_is_shown_with_all_the_lesson_told(  # type: ignore[no-untyped-def]
    app_paths, media, qtbot, tmp_path, autoplay: bool
) -> None:
    """The resumed frame, the length and the subtitle tracks the backend reported before any widget
    listened reach the window when it starts the lesson: the frame is not decoded a second time."""
    first = AppContext.open(app_paths)
    clip = media.clip(seconds=4.0, size=(96, 54), fps=25)
    lessons = add_course(first, tmp_path / "course", [("Four", clip)], uid="resume")
    subtitles = Path(lessons[0].path).with_suffix(".srt")
    subtitles.write_text("1\n00:00:00,000 --> 00:00:04,000\nSlow breath out\n")
    first.playback.open_lesson(lessons[0], autoplay=False, start_ms=0)
    first.playback.seek(2300)
    first.close()

    second = AppContext.open(app_paths)
    try:
        playback = second.playback
        preload = _decoded_before_the_window(second, qtbot)
        assert preload.frame is not None and 2240 <= preload.frame.startTime() // 1000 <= 2600
        window = _start_window(second, qtbot)
        with qtbot.waitSignal(window.video_view.first_frame_painted, timeout=10000):
            window.start(autoplay=autoplay)
        assert playback.frames_shown >= 1
        assert 2240 <= playback.frame_start_ms() <= 2600, "the resumed frame is on screen"
        assert window.transport.seek_bar._duration == pytest.approx(4000, abs=100), "the length is known"
        assert window.transport.total_label.text() == "0:04"
        assert window.actions_by_id["subtitles"].isEnabled(), "the subtitle file is offered"
        if autoplay:
            qtbot.waitUntil(lambda: playback.position_ms() > 2700, timeout=5000)
            assert playback.is_playing()
        else:
            qtbot.wait(200)
            assert not playback.is_playing() and 2240 <= playback.position_ms() <= 2600
    finally:
        second.close()


@pytest.mark.qt_log_ignore("Could not open media")  # the expected complaint about the broken file
def test_a_file_refused_before_the_window_exists_is_still_said_in_the_window(  # type: ignore[no-untyped-def]
    app_paths, media, qtbot, tmp_path
) -> None:
    """A lesson whose file went bad since the last run: the backend refuses it while the window is
    being built, and the window says so once it starts, as for any lesson that will not play."""
    first = AppContext.open(app_paths)
    lessons = _course(first, media, tmp_path)
    first.playback.open_lesson(lessons[0], autoplay=False, start_ms=0)
    first.playback.seek(2300)
    first.close()
    Path(lessons[0].path).write_bytes(b"not a video at all " * 200)

    second = AppContext.open(app_paths)
    try:
        _decoded_before_the_window(second, qtbot)
        window = _start_window(second, qtbot)
        window.start(autoplay=True)
        qtbot.waitUntil(lambda: bool(window.video_view.message()), timeout=5000)
        assert "“Four” cannot be played" in window.video_view.message(), "named, as any lesson that fails"
        assert second.playback.has_failed() and not second.playback.is_playing()
    finally:
        second.close()


def test_the_panels_built_after_the_first_frame_take_up_the_lesson_already_playing(  # type: ignore[no-untyped-def]
    app_paths, media, qtbot, tmp_path
) -> None:
    """At start the side panels follow the first frame, after the lesson was announced: its notes,
    the note marks, the index's tracking and the study time still follow the lesson that plays."""
    first = AppContext.open(app_paths)
    lessons = _course(first, media, tmp_path)
    first.notes.create(lessons[0].fingerprint, time_ms=1500, body="elbow stays soft")
    first.notes.flush()
    first.playback.open_lesson(lessons[0], autoplay=False, start_ms=0)
    first.playback.seek(800)
    first.close()

    second = AppContext.open(app_paths)
    try:
        window = _start_window(second, qtbot)
        window.start(autoplay=True)
        qtbot.waitUntil(lambda: window._workspace is not None, timeout=10000)
        notes = window.workspace.notes_panel
        assert notes.lesson is not None and notes.lesson.title == "Four"
        assert notes.new_button.isEnabled(), "a note can be added to the lesson on screen"
        assert [card.note.body for card in notes.cards] == ["elbow stays soft"]
        assert window.transport.seek_bar.note_marks() == [1500]
        with qtbot.waitSignal(second.study_time.recorded, timeout=5000) as recorded:
            qtbot.wait(300)
            second.playback.pause()
        assert recorded.args[0] > 0, "the time played before the panels existed counts"
    finally:
        second.close()


def test_a_lesson_watched_to_its_end_opens_on_the_next_one_at_the_next_start(  # type: ignore[no-untyped-def]
    app_paths, media, qtbot, tmp_path
) -> None:
    first = AppContext.open(app_paths)
    lessons = _course(first, media, tmp_path)
    first.settings.set(AUTOPLAY_NEXT_S, 0)  # no countdown: the window closes at the end
    with qtbot.waitSignal(first.playback.media_finished, timeout=10000):
        first.playback.open_lesson(lessons[0], autoplay=True, start_ms=3400)
    first.close()

    second = AppContext.open(app_paths)
    try:
        window = open_window(second, qtbot)
        assert "Continue: Short at 0:00" in window.continue_button.text()
        window.start(autoplay=False)
        qtbot.waitUntil(lambda: second.playback.frames_shown > 0, timeout=10000)
        assert second.playback.lesson.title == "Short", "the next lesson, as Continue says"
        assert second.playback.frame_start_ms() < 200
    finally:
        second.close()


def test_position_is_saved_on_pause_seek_and_lesson_switch(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _course(context, media, tmp_path)
    playback = context.playback
    saved = lambda: context.progress.get(lessons[0].fingerprint).position_ms  # noqa: E731
    open_paused(context, qtbot, lessons[0])
    playback.seek(1500)
    assert saved() == 1500
    playback.play()
    qtbot.waitUntil(lambda: playback.position_ms() > 1700, timeout=5000)
    playback.pause()
    assert saved() == playback.position_ms() > 1700
    playback.play()
    qtbot.waitUntil(lambda: playback.position_ms() > 2100, timeout=5000)
    playback.open_lesson(lessons[1], autoplay=False)
    assert saved() > 2100
    assert SAVE_EVERY_MS <= 5000, "and at least every 5 s while playing"


def test_continue_opens_the_last_lesson_where_it_stopped(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _course(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0])
    playback.seek(1200)
    demo_course = next(course for course in context.library.courses() if course.kind == "builtin")
    other = context.library.lessons(demo_course.id)[0]
    playback.open_lesson(other, autoplay=False, start_ms=0)
    context.progress.save_position(lessons[0].fingerprint, 1200)  # the last one opened again
    window._update_continue()
    assert "Four at 0:01" in window.continue_button.text()
    qtbot.keyClick(window.video_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert playback.lesson.title == "Four"
    qtbot.waitUntil(lambda: playback.position_ms() >= 1200, timeout=10000)
    playback.pause()


def test_watched_when_really_played_and_marked_by_hand(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _course(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    context.settings.set(AUTOPLAY_NEXT_S, 0)
    with qtbot.waitSignal(playback.watched_changed, timeout=10000) as watched:
        playback.open_lesson(lessons[1], autoplay=True, start_ms=0)
    assert watched.args == [lessons[1].fingerprint, True]
    assert window.actions_by_id["watched"].isChecked()
    assert any(item.text(0).startswith("✓ 2.") for item in window.lesson_items())
    qtbot.keyClick(window.video_view, Qt.Key.Key_W)
    assert not playback.is_watched() and context.playback_state.spans(lessons[1].fingerprint) == []
    qtbot.keyClick(window.video_view, Qt.Key.Key_W)
    assert playback.is_watched()


def test_skipping_through_a_lesson_does_not_make_it_watched(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _course(context, media, tmp_path)
    playback = context.playback
    context.settings.set(AUTOPLAY_NEXT_S, 0)
    finished: list[bool] = []
    playback.media_finished.connect(lambda: finished.append(True))
    playback.open_lesson(lessons[0], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: playback.position_ms() > 500, timeout=10000)
    playback.seek(3000)  # skips half the lesson
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
    assert not playback.is_watched()
    covered = sum(b - a for a, b in context.playback_state.spans(lessons[0].fingerprint))
    assert 500 <= covered <= 2500


@pytest.mark.qt_log_ignore("Failed to seek")  # the cut-off file cannot seek back to its start
def test_truncated_file_ends_early_is_not_watched_and_says_why(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=4.0, size=(160, 90), fps=25, rgb=(200, 200, 40), keyframe_every=25)
    cut = truncated_copy(clip, tmp_path / "cut.mp4", keep=0.4)
    lessons = add_course(context, tmp_path / "course", [("Cut", cut)], uid="cut")
    window = open_window(context, qtbot)
    playback = context.playback
    with qtbot.waitSignal(playback.media_failed, timeout=15000) as failed:
        playback.open_lesson(lessons[0], autoplay=True, start_ms=0)
    assert "incomplete" in failed.args[0] and "of 0:04" in failed.args[0]
    assert window.video_view.error_panel.isVisible()
    assert not playback.is_watched()
    assert not playback.countdown.is_active()


DRIVER = """
import sys
from smrtplayer.__main__ import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


@pytest.mark.time_limit(60)
def test_resume_survives_the_app_being_killed(app_paths, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    setup = AppContext.open(app_paths)
    clip = media.clip(seconds=20.0, size=(96, 54), fps=10)
    lessons = add_course(setup, tmp_path / "course", [("Long", clip)], uid="killed")
    setup.progress.save_position(lessons[0].fingerprint, 0)  # the lesson the app resumes
    setup.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(app_paths.data)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    database = f"{app_paths.database.as_uri()}?mode=ro"

    def saved_position() -> int:
        with sqlite3.connect(database, uri=True, timeout=5) as conn:
            row = conn.execute(
                "SELECT position_ms FROM lesson_progress WHERE lesson_fingerprint = ?",
                [lessons[0].fingerprint],
            ).fetchone()
        return int(row[0]) if row else 0

    try:
        deadline = time.monotonic() + 40
        while saved_position() < 3000 and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)  # the periodic save (every 5 s while playing) lands
        assert app.poll() is None, "the app is still running"
        at_kill = saved_position()
        assert at_kill >= 3000
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(10)
    assert app.returncode == -signal.SIGKILL

    reopened = AppContext.open(app_paths)
    try:
        window = open_window(reopened, qtbot)
        window.start(autoplay=False)
        playback = reopened.playback
        qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
        assert playback.lesson.title == "Long"
        assert abs(playback.position_ms() - at_kill) <= 200
    finally:
        reopened.close()


def test_continue_follows_the_lesson_on_screen_and_goes_on_after_a_finished_one(
    context, media, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    lessons = _course(context, media, tmp_path)  # "Four" (4 s) then "Short" (1.5 s)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[1])
    qtbot.waitUntil(lambda: "Continue: Short" in window.continue_button.text(), timeout=5000)
    open_paused(context, qtbot, lessons[0])
    qtbot.waitUntil(lambda: "Continue: Four" in window.continue_button.text(), timeout=5000)

    playback.seek(3900)  # watched to its end
    qtbot.waitUntil(lambda: playback.position_ms() >= 3800, timeout=5000)
    window._update_continue()
    assert "Continue: Short at 0:00" in window.continue_button.text()
    context.progress.save_position(lessons[1].fingerprint, 1450, 1500)  # Short was finished before
    window._update_continue()
    assert "Continue: Short at 0:00" in window.continue_button.text(), "a finished lesson starts again"
    qtbot.keyClick(window.video_view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert playback.lesson.title == "Short"
    playback.pause()


@pytest.mark.parametrize("autoplay", [False, True], ids=["paused", "playing"])
def test_opening_the_lesson_on_screen_at_a_time_goes_to_that_time(  # type: ignore[no-untyped-def]
    context, media, qtbot, tmp_path, autoplay: bool
) -> None:
    """A search hit or a note in the lesson already playing: the same file, a new time."""
    lessons = _course(context, media, tmp_path)
    playback = context.playback
    open_paused(context, qtbot, lessons[0])
    playback.play()
    qtbot.waitUntil(lambda: playback.position_ms() > 300, timeout=5000)
    playback.open_lesson(lessons[0], autoplay=autoplay, start_ms=2200)
    qtbot.waitUntil(lambda: 2100 <= playback.frame_start_ms() <= 2800, timeout=5000)
    assert playback.is_playing() == autoplay
    assert context.progress.get(lessons[0].fingerprint).position_ms == 2200


def test_continue_names_the_time_on_screen_not_a_stale_one(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Opened at a note's time, the button says that time at once, and then follows the clock
    between the saves (every few seconds)."""
    lessons = _course(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    playback.open_lesson(lessons[0], autoplay=False, start_ms=2300)
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    qtbot.waitUntil(lambda: "Continue: Four at 0:02" in window.continue_button.text(), timeout=3000)
    playback.seek(500)
    playback.play()
    qtbot.waitUntil(lambda: playback.position_ms() >= 1100, timeout=5000)
    assert playback.is_playing(), "no pause, and no periodic save yet (every 4 s)"
    qtbot.waitUntil(lambda: "Continue: Four at 0:01" in window.continue_button.text(), timeout=1000)
    playback.pause()


def test_a_lesson_paused_at_quit_reopens_paused_and_a_playing_one_plays(
    app_paths, media, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    first = AppContext.open(app_paths)
    lessons = _course(first, media, tmp_path)
    window = open_window(first, qtbot)
    first.playback.open_lesson(lessons[0], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: first.playback.position_ms() > 300, timeout=10000)
    first.playback.pause()
    window.close()
    first.close()

    second = AppContext.open(app_paths)
    try:
        reopened = open_window(second, qtbot)
        reopened.start(autoplay=True)
        qtbot.waitUntil(lambda: second.playback.frames_shown > 0, timeout=10000)
        qtbot.wait(500)
        assert not second.playback.is_playing(), "paused at quit: reopened paused"
        second.playback.play()
        qtbot.waitUntil(second.playback.is_playing, timeout=5000)
        reopened.close()  # quit while playing
    finally:
        second.close()

    third = AppContext.open(app_paths)
    try:
        again = open_window(third, qtbot)
        again.start(autoplay=True)
        qtbot.waitUntil(third.playback.is_playing, timeout=10000)
    finally:
        third.close()


def test_the_first_run_opens_the_demo_paused_on_its_first_lesson(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    window.start(autoplay=True)
    playback = context.playback
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    qtbot.wait(800)
    demo = context.library.courses()[0]
    assert playback.lesson == context.library.lessons(demo.id)[0]
    assert not playback.is_playing() and playback.position_ms() < 100


def test_playing_on_after_a_long_pause_goes_back_a_few_seconds(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=12.0, size=(96, 54), fps=10)
    lessons = add_course(context, tmp_path / "course", [("Twelve", clip)], uid="rewind")
    open_window(context, qtbot)
    playback = context.playback
    now = [1000.0]
    playback.clock = lambda: now[0]
    open_paused(context, qtbot, lessons[0], start_ms=6000)
    playback.play()
    qtbot.waitUntil(lambda: playback.position_ms() > 6200, timeout=10000)
    playback.pause()
    paused_at = playback.position_ms()
    now[0] += 10  # a short pause: plays on from where it stopped
    playback.play()
    qtbot.waitUntil(playback.is_playing, timeout=5000)
    assert playback.position_ms() >= paused_at - 200
    playback.pause()
    paused_at = playback.position_ms()
    now[0] += 45  # a long pause: 3 s back first (the default)
    playback.play()
    qtbot.waitUntil(lambda: playback.position_ms() <= paused_at - 2500, timeout=5000)
    assert playback.position_ms() >= paused_at - 3600
    playback.pause()
