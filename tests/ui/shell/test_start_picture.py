"""The picture where the lesson stopped: taken at close only when the next start opens there, shown
first by a window that the main window replaces in place, and never taken for the decoded frame."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from helpers.player import add_course, bar_x, open_paused, open_window
from smrtplayer.player.resume_picture import FileStamp, ResumePicture, StartLayout
from smrtplayer.ui.shell.main_window import MainWindow
from smrtplayer.ui.shell.start_picture import StartPictureWindow, fitted, load_picture, start_size


def _two_lessons(context, media, tmp_path: Path):  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=6.0, size=(320, 180), fps=10)
    return add_course(context, tmp_path / "course", [("Shoulder", clip), ("Hip", clip)], uid="pictures")


def test_closing_takes_the_frame_on_screen_for_the_saved_resume_point(
    context, media, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0], start_ms=2000)
    qtbot.keyClick(window.video_view, Qt.Key.Key_H)  # mirrored now; a start shows it as decoded
    decoded = window.video_view.image()

    window.close()

    taken = window.taken_picture
    assert taken is not None
    saved = context.progress.get(lessons[0].fingerprint)
    assert saved is not None
    assert taken.picture.lesson_fingerprint == lessons[0].fingerprint
    assert taken.picture.position_ms == saved.position_ms, "the time the next start computes"
    assert taken.picture.title == window.windowTitle() and "Shoulder" in taken.picture.title
    assert taken.picture.media == FileStamp.of(lessons[0].path)
    picture = load_picture(taken.picture, taken.pixels)
    assert not picture.isNull() and picture.width() <= decoded.width()
    assert abs(bar_x(picture, 200) / picture.width() - bar_x(decoded) / decoded.width()) < 0.03, "unmirrored"


def test_no_picture_is_taken_when_the_next_start_opens_another_lesson(
    context, media, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0], start_ms=5950)  # at its end: "Continue" goes to the next
    window.close()
    assert window.taken_picture is None


def test_no_picture_is_taken_when_the_frame_on_screen_is_not_at_the_resume_point(
    context, media, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0], start_ms=1000)
    context.playback.seek(5000)  # closed before the jump's frame is decoded: 1 s still on screen
    window.close()
    assert window.taken_picture is None


def test_no_picture_is_taken_over_an_error(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    window = open_window(context, qtbot)
    lessons[0].path.unlink()
    context.playback.open_lesson(lessons[0], autoplay=False, start_ms=2000)
    qtbot.waitUntil(lambda: bool(window.video_view.message()), timeout=5000)
    window.close()
    assert window.taken_picture is None


def test_the_kept_picture_stays_until_its_frame_is_decoded_and_is_not_the_first_frame(
    context, media, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    lessons = _two_lessons(context, media, tmp_path)
    context.progress.save_position(lessons[0].fingerprint, 2000, 6000)  # where the start opens
    kept = QImage(320, 180, QImage.Format.Format_RGB32)
    kept.fill(QColor("magenta"))
    window = MainWindow(context, start_picture=(kept, 2000))
    qtbot.addWidget(window)
    first_frames: list[bool] = []
    window.video_view.first_frame_painted.connect(lambda: first_frames.append(True))
    view = window.video_view
    window.show()
    window.start(autoplay=False)  # opens the lesson: its picture is not cleared for "Loading…"
    assert view.shows_start_picture()
    assert view.grab().toImage().pixelColor(view.width() // 2, view.height() // 2) == QColor("magenta")
    assert not view.shows_decoded_frame() and not first_frames, "the kept picture is not the first frame"

    qtbot.waitUntil(lambda: view.shows_decoded_frame() and first_frames == [True], timeout=5000)
    assert not view.shows_start_picture()
    assert view.painted_frame_ms >= 1900, "the decoded frame replaced it"

    window.playback.open_lesson(lessons[1], autoplay=False)  # a later opening shows "Loading…" as before
    assert not view.has_picture()


def _picture(layout: StartLayout | None) -> ResumePicture:
    return ResumePicture(
        lesson_fingerprint="fp1-abc",
        position_ms=2000,
        media_path="/nowhere.mp4",
        media=FileStamp(1, 1),
        database=(None, None),
        title="Shoulder — smrtplayer",
        picture_size=(160, 90),
        bytes_per_line=640,
        picture_crc32=0,
        layout=layout,
    )


def _half_red_image() -> QImage:
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("blue"))
    for x in range(80):
        for y in range(90):
            image.setPixelColor(x, y, QColor("red"))
    return image


def _available() -> tuple[int, int, int, int]:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    rect = screen.availableGeometry()
    return rect.x(), rect.y(), rect.width(), rect.height()


def test_the_start_window_puts_the_picture_where_the_video_was_on_the_same_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    layout = StartLayout(
        screen=_available(), window=(700, 500), video=(200, 40, 480, 300), background="#f4f5f7"
    )
    window = StartPictureWindow(_picture(layout), _half_red_image())
    qtbot.addWidget(window)
    assert window.size() == QSize(700, 500) and window.video_area == QRect(200, 40, 480, 300)
    shown = window.grab().toImage()
    assert shown.pixelColor(100, 250) == QColor("#f4f5f7"), "the window's colour beside the video"
    picture = fitted(QSize(160, 90), window.video_area)
    assert picture.width() == 480 and picture.height() == 270
    # As decoded, as the main window shows it at a start (the mirror is not restored).
    assert shown.pixelColor(picture.left() + 40, picture.center().y()) == QColor("red")
    assert shown.pixelColor(picture.right() - 40, picture.center().y()) == QColor("blue")
    assert shown.pixelColor(picture.center().x(), window.video_area.top() + 5) == QColor("black"), "bars"
    assert window.windowTitle() == "Shoulder — smrtplayer", "the main window's title: nothing changes"
    assert window.cursor().shape() == Qt.CursorShape.BusyCursor, "not ready for input yet"


def test_on_another_screen_the_start_window_fills_a_window_of_the_start_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    layout = StartLayout(
        screen=(0, 0, 5, 5), window=(700, 500), video=(200, 40, 480, 300), background="#f4f5f7"
    )
    window = StartPictureWindow(_picture(layout), _half_red_image())
    qtbot.addWidget(window)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    assert window.size() == start_size(screen.availableGeometry())
    assert window.video_area == QRect(0, 0, window.width(), window.height())
    for broken in (
        StartLayout(screen=_available(), window=(700, 500), video=(600, 400, 480, 300), background="#000000"),
        None,
    ):
        other = StartPictureWindow(_picture(broken), _half_red_image())
        qtbot.addWidget(other)
        assert other.video_area == QRect(0, 0, other.width(), other.height()), "a video area off the window"


class _Painted(QObject):
    painted = Signal()


def test_the_start_window_hands_over_in_place_and_closes_once_covered(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = StartPictureWindow(_picture(None), _half_red_image())
    window.show_now()
    assert window.painted, "painted before show_now returns"
    window.move(40, 30)
    qtbot.waitUntil(lambda: window.pos().x() == 40, timeout=3000)
    main = QWidget()
    qtbot.addWidget(main)
    signal = _Painted()
    window.hand_over_to(main, signal.painted)
    assert main.pos() == window.pos()
    closed: list[bool] = []
    window.destroyed.connect(lambda: closed.append(True))
    signal.painted.emit()
    qtbot.waitUntil(lambda: closed == [True], timeout=3000)


def test_the_start_window_goes_by_itself_if_nothing_covers_it(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("smrtplayer.ui.shell.start_picture.GONE_AT_THE_LATEST_MS", 50)
    window = StartPictureWindow(_picture(None), _half_red_image())
    closed: list[bool] = []
    window.destroyed.connect(lambda: closed.append(True))
    window.show_now()
    qtbot.waitUntil(lambda: closed == [True], timeout=3000)
