"""Errors in place: the reason and what to do are shown in the video area; the app goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.media import MediaFactory
from helpers.player import add_course, open_window, unknown_codec_clip
from smrtplayer.common.errors import MediaError
from smrtplayer.player.media_source import local_media_path, missing_file_message


def _course(context, media: MediaFactory, tmp_path: Path, broken: Path):  # type: ignore[no-untyped-def]
    good = media.clip(seconds=1.0, size=(96, 54), fps=25, rgb=(40, 160, 60))
    return add_course(context, tmp_path / "course", [("Broken", broken), ("Good", good)], uid="errors")


def _fails_in_place_then_skips(context, qtbot, lessons, expected: str) -> str:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    playback = context.playback
    with qtbot.waitSignal(playback.media_failed, timeout=10000) as failed:
        playback.open_lesson(lessons[0], autoplay=True)
    message = failed.args[0]
    assert expected in message
    view = window.video_view
    assert view.message() == message and view.error_panel.isVisible()
    assert view.error_panel.label.textFormat().name == "PlainText"
    assert view.skip_button.isEnabled()
    assert not window.error_area.isVisible(), "said once, in the video area"
    playback.play()  # nothing to play: no hang, no crash
    assert not playback.is_playing()
    view.skip_button.click()
    assert playback.lesson.title == "Good"
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    assert not view.error_panel.isVisible()
    return message


@pytest.mark.qt_log_ignore("Could not open media")
def test_corrupt_file(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"garbage" * 500)
    lessons = _course(context, media, tmp_path, broken)
    message = _fails_in_place_then_skips(context, qtbot, lessons, "damaged")
    assert "skip to the next lesson" in message


@pytest.mark.qt_log_ignore("Could not open media")
def test_a_damaged_file_offers_the_check_its_message_asks_for(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypisom" + b"garbage" * 500)
    lessons = _course(context, media, tmp_path, broken)
    window = open_window(context, qtbot)
    with qtbot.waitSignal(context.playback.media_failed, timeout=10000) as failed:
        context.playback.open_lesson(lessons[0], autoplay=True)
    assert "Check files…" in failed.args[0]
    view = window.video_view
    assert view.check_files_button.isVisible() and view.retry_button.isVisible()
    assert not view.relink_button.isVisible(), "the file is there: nothing to relink"
    library = window.workspace.library_view
    view.check_files_button.click()
    assert len(library.dialogs) == 1
    dialog = library.dialogs[0]
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.job_done, timeout=10_000)
    course = context.library.course(lessons[0].course_id)
    assert course is not None and f"Checking “{course.title}”" in dialog.headline.text()
    dialog.close()


@pytest.mark.qt_log_ignore("No SW decoder found")
def test_unsupported_codec(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _course(context, media, tmp_path, unknown_codec_clip(tmp_path))
    message = _fails_in_place_then_skips(context, qtbot, lessons, "cannot decode")
    assert "H.264" in message


def test_missing_file_offers_retry_once_it_is_back(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=1.0, size=(96, 54), fps=25)
    lessons = _course(context, media, tmp_path, clip)
    hidden = lessons[0].path.with_suffix(".away")
    lessons[0].path.rename(hidden)
    window = open_window(context, qtbot)
    playback = context.playback
    with qtbot.waitSignal(playback.media_failed, timeout=5000) as failed:
        playback.open_lesson(lessons[0], autoplay=False)
    assert "cannot be found" in failed.args[0] and "relink" in failed.args[0]
    view = window.video_view
    assert view.error_panel.isVisible() and view.message() == failed.args[0]
    assert not window.error_area.isVisible(), "said once, in the video area, not again below it"
    assert not view.check_files_button.isVisible(), "a missing file is relinked, not checked"
    hidden.rename(lessons[0].path)  # the USB drive is plugged back in
    window.video_view.retry_button.click()
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    assert not playback.has_failed()


def test_non_file_urls_are_refused(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for url in ("https://example.com/lesson.mp4", "rtsp://camera/stream", "file://server/share/a.mp4"):
        with pytest.raises(MediaError, match="not a file on this computer"):
            local_media_path(url)
    assert local_media_path("file:///tmp/a.mp4") == Path("/tmp/a.mp4")
    assert local_media_path(Path("C:/courses/a.mp4")) == Path("C:/courses/a.mp4")

    lessons = _course(context, media, tmp_path, media.clip(seconds=1.0, size=(96, 54), fps=25))
    remote = lessons[0].__class__(**{**vars(lessons[0]), "path": "https://example.com/lesson.mp4"})
    window = open_window(context, qtbot)
    with qtbot.waitSignal(context.playback.media_failed, timeout=5000) as failed:
        context.playback.open_lesson(remote)
    assert "never plays from the network" in failed.args[0]
    assert window.video_view.error_panel.isVisible()


def test_a_moved_course_is_relinked_from_the_video_area(context, media, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    clip = media.clip(seconds=1.0, size=(96, 54), fps=25)
    lessons = _course(context, media, tmp_path, clip)
    moved = tmp_path / "moved course"
    (tmp_path / "course").rename(moved)
    window = open_window(context, qtbot)
    playback = context.playback
    with qtbot.waitSignal(playback.media_failed, timeout=5000):
        playback.open_lesson(lessons[0], autoplay=False)
    view = window.video_view
    assert view.relink_button.isVisible()
    path_line = view.error_panel.path_label
    assert path_line.isVisible() and view.error_panel.full_path == str(lessons[0].path)
    assert (
        path_line.toolTip() == str(lessons[0].path)
        and str(lessons[0].path) not in view.error_panel.label.text()
    )
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(moved))
    view.relink_button.click()
    qtbot.waitUntil(lambda: playback.frames_shown > 0, timeout=10000)
    assert Path(playback.lesson.path).parent == moved
    assert not view.error_panel.isVisible()
    said = f"Found: 2 lessons relinked in {moved}"
    assert window.statusBar().currentMessage() == said, "relinking says it worked"
    assert view.notice() == said


def test_the_error_box_fits_its_text_and_buttons_in_a_small_video_area(qtbot) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.player.video_view import VideoView

    view = VideoView()
    qtbot.addWidget(view)
    view.resize(520, 300)
    view.show()
    view.relink_button.show()
    path = "/media/usb/Shoulder & Axilla/Part 1/01 Supraspinatus release, the long way round.mp4"
    view.show_message(missing_file_message("Supraspinatus release", Path(path)))
    qtbot.waitUntil(lambda: view.error_panel.isVisible(), timeout=2000)
    panel, label = view.error_panel, view.error_panel.label
    assert label.height() >= label.heightForWidth(label.width()), "no line of the message is cut"
    assert (
        label.text().startswith("“Supraspinatus release” cannot be found at:")
        and "/media" not in label.text()
    )
    shown = panel.path_label
    assert shown.isVisible() and shown.toolTip() == path, "the whole path in the tooltip"
    assert "…" in shown.text() and shown.text().startswith("/media/") and shown.text().endswith(".mp4")
    assert shown.fontMetrics().horizontalAdvance(shown.text()) <= panel.contentsRect().width(), "one line"
    assert panel.rect().contains(shown.geometry())
    for button in (view.retry_button, view.relink_button, view.skip_button):
        if button.isVisible():
            assert panel.rect().contains(button.geometry()), f"{button.text()} is whole"
    assert view.rect().contains(panel.geometry())
