"""The main window's wiring: context -> services -> signals -> widgets, offscreen with real media."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from smrtplayer.app.context import AppContext
from smrtplayer.library.scan import course_from_manifest
from smrtplayer.ui.shell.main_window import MainWindow


def _find_item(tree, title: str):  # type: ignore[no-untyped-def]
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        if title in item.text(0):
            return item
    raise AssertionError(f"no lesson {title!r}")


def test_window_lists_the_demo_and_opens_the_first_lesson(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.course_list.count() == 1
    assert "Demo" in window.course_list.item(0).text()
    assert [item.text(0) for item in window.lesson_items()] == [
        "1. Gluteus medius",
        "2. Piriformis",
        "3. Subscapularis",
    ]
    # The demo comes in two parts: each part's name heads its lessons, and cannot be chosen.
    rows = [window.lesson_tree.topLevelItem(row) for row in range(window.lesson_tree.topLevelItemCount())]
    headings = [item for item in rows if item not in window.lesson_items()]
    assert [item.text(0) for item in headings] == ["Hips & Sacrum", "Shoulder & Axilla"]
    assert all(not (item.flags() & Qt.ItemFlag.ItemIsSelectable) for item in headings)
    window.lesson_tree.itemActivated.emit(headings[0], 0)  # nothing to open: nothing happens

    window.start(autoplay=True)
    # A first run waits on the demo's first lesson; the user presses Play.
    qtbot.waitUntil(lambda: context.playback.frames_shown > 0, timeout=10000)
    assert not context.playback.is_playing()
    context.playback.play()
    qtbot.waitUntil(lambda: context.playback.position_ms() > 300, timeout=10000)
    qtbot.waitUntil(lambda: not context.playback.current_image().isNull(), timeout=5000)
    frame = window.video_view.grab().toImage()
    centre = frame.pixelColor(frame.width() // 2, frame.height() // 2 + 40)
    assert centre.blue() > centre.red(), "lesson 1 is drawn on blue"
    assert "Gluteus medius" in window.lesson_title.text()


def test_activating_a_lesson_switches_video(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    item = _find_item(window.lesson_tree, "Piriformis")
    window.lesson_tree.itemActivated.emit(item, 0)
    qtbot.waitUntil(lambda: context.playback.position_ms() > 300, timeout=10000)
    assert context.playback.lesson is not None
    assert context.playback.lesson.title == "Piriformis"
    image = context.playback.current_image()
    colour = image.pixelColor(5, image.height() - 5)
    assert colour.green() > colour.red() and colour.green() > colour.blue(), "lesson 2 is green"


def test_missing_lesson_file_shows_the_reason_in_place(
    context: AppContext, qtbot, tmp_path: Path, demo_course_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "course"
    shutil.copytree(demo_course_dir, copy)
    context.courses.save(course_from_manifest(copy, kind="linked", uid="copy-of-demo").course)
    (copy / "02 - Piriformis.mp4").unlink()
    course = context.library.find_course("copy-of-demo")
    assert course is not None
    lesson = next(item for item in context.library.lessons(course.id) if item.title == "Piriformis")

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(context.playback.media_failed, timeout=5000):
        context.playback.open_lesson(lesson)
    message = window.video_view.message()
    assert "cannot be found" in message and "relink" in message
    assert window.video_view.error_panel.isVisible()
    assert not window.error_area.isVisible(), "said once, in the video area, not again below it"
    assert window.error_area.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.qt_log_ignore("Could not open media")  # the expected complaint about the broken file
def test_corrupt_lesson_file_is_reported_not_fatal(
    context: AppContext, qtbot, tmp_path: Path, demo_course_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "course"
    shutil.copytree(demo_course_dir, copy)
    (copy / "03 - Subscapularis.mp4").write_bytes(b"this is not a video" * 100)
    context.courses.save(course_from_manifest(copy, kind="linked", uid="broken-demo").course)
    course = context.library.find_course("broken-demo")
    assert course is not None
    lesson = next(item for item in context.library.lessons(course.id) if item.title == "Subscapularis")
    window = MainWindow(context)
    qtbot.addWidget(window)
    with qtbot.waitSignal(context.playback.media_failed, timeout=10000) as failed:
        context.playback.open_lesson(lesson)
    assert "Subscapularis" in failed.args[0]
    # The app goes on: another lesson still plays afterwards.
    good = context.library.lessons(course.id)[0]
    context.playback.open_lesson(good)
    qtbot.waitUntil(lambda: context.playback.position_ms() > 200, timeout=10000)


def test_a_running_hold_stays_on_the_video_and_owns_the_mirror(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(context)  # with its panels: the hold badge and the mirror wiring live there
    qtbot.addWidget(window)
    window.show()
    window.start(autoplay=False)
    playback, video = context.playback, window.video_view
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    playback.seek(500)  # "posterior fibres", demonstrated on the client's right
    context.index.track_playhead(500)
    context.index.set_working_side("L")  # the therapist works the other side: mirrored
    assert video.is_mirrored()

    runner = context.holds.runner
    runner.hold_preset(30_000, "Gluteus medius")
    assert video.hold_badge_text().startswith("HOLD 0:30")
    assert not video.is_mirrored(), "the hold shows the side as demonstrated, as table mode does"
    context.index.track_playhead(3500)  # the playhead moves into the next position
    context.index.set_working_side("R")
    assert not video.is_mirrored(), "the working side does not flip the picture under a running hold"
    window.workspace.notes_dock.raise_()  # another panel in front: the countdown is still on the video
    assert video.hold_badge_text().startswith("HOLD")

    runner.stop()
    assert video.hold_badge_text() == ""
    assert video.is_mirrored() == context.index.mirror.mirrored, "the working side takes over again"
