"""At close: the frame on screen, as the picture the next start shows first (``start_picture.py``).

Taken only when it is the picture of where the next start opens: the lesson on screen is the one
"Continue" goes to, at the time just saved, and the view shows a decoded frame (not a still, not an
error). The picture is kept at the size it is shown (~835 x 470 pixels in a 1920 x 1080 screen's
window), as 32-bit pixels, as decoded: the mirror is not restored at a start (a side depends on the
position being worked), so the next start shows the lesson unmirrored until the side panels are
built, and its picture with it. The layout kept with it is the window's at close, which the next
start repeats from its first paint (``MainWindow.keep_room_for_the_panels``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from smrtplayer.common.errors import MediaError
from smrtplayer.player.controller import PlaybackController
from smrtplayer.player.media_source import local_media_path
from smrtplayer.player.resume_picture import MAX_PICTURE_SIZE, FileStamp, ResumePicture, StartLayout
from smrtplayer.ui.player.video_view import VideoView

log = logging.getLogger(__name__)

#: the frame on screen and the resume point: within a few frames (a close saves the frame's own time)
FRAME_NEAR_THE_RESUME_POINT_MS = 150


@dataclass(frozen=True)
class TakenPicture:
    """A picture taken at close, to be kept once the database is closed (its stamp is known then)."""

    picture: ResumePicture
    pixels: bytes


def take_resume_picture(
    window: QWidget, playback: PlaybackController, view: VideoView, layout: StartLayout | None
) -> TakenPicture | None:
    """The picture for the next start, or None when there is none to take (the reason is logged);
    ``layout`` is the window's now (``layout_now``), None when the next start cannot repeat it."""
    lesson = playback.lesson
    target = playback.saved_continue_target()
    if lesson is None or target is None or target[0].id != lesson.id:
        log.info("no resume picture taken: the next start opens another lesson")
        return None
    if not view.shows_decoded_frame():
        log.info("no resume picture taken: no decoded frame on screen")
        return None
    if abs(view.frame_ms() - target[1]) > FRAME_NEAR_THE_RESUME_POINT_MS:
        # A jump not shown yet, or a resume point that could not be saved: another time's frame.
        log.info("no resume picture taken: the frame on screen is not at the resume point")
        return None
    try:
        media = local_media_path(lesson.path).resolve()
    except (MediaError, OSError):
        return None
    stamp = FileStamp.of(media)
    if stamp is None:
        return None
    image = _picture(view)
    if image.isNull():
        log.info("no resume picture taken: the frame could not be converted")
        return None
    return TakenPicture(
        ResumePicture(
            lesson_fingerprint=lesson.fingerprint,
            position_ms=target[1],
            media_path=str(media),
            media=stamp,
            database=(None, None),  # stamped once the database is closed
            title=window.windowTitle(),
            picture_size=(image.width(), image.height()),
            bytes_per_line=image.bytesPerLine(),
            picture_crc32=0,  # computed as it is written
            layout=layout,
        ),
        bytes(image.constBits())[: image.sizeInBytes()],
    )


def layout_now(window: QWidget, view: VideoView) -> StartLayout | None:
    """Where the window has its video now, and its colour (the theme's at close)."""
    screen = window.screen()
    if screen is None or window.isFullScreen() or window.isMaximized():
        return None
    available = screen.availableGeometry()
    origin = view.mapTo(window, view.rect().topLeft())
    return StartLayout(
        screen=(available.x(), available.y(), available.width(), available.height()),
        window=(window.width(), window.height()),
        video=(origin.x(), origin.y(), view.width(), view.height()),
        background=window.palette().window().color().name(),
    )


def _picture(view: VideoView) -> QImage:
    """The frame at the size it is shown, never larger than decoded nor than ``MAX_PICTURE_SIZE``."""
    image = view.image()
    if image.isNull():
        return image
    area = view.video_rect().size()
    ratio = view.devicePixelRatioF()
    wanted = QSize(round(area.width() * ratio), round(area.height() * ratio)).boundedTo(
        QSize(*MAX_PICTURE_SIZE)
    )
    fitted = image.size().scaled(wanted, Qt.AspectRatioMode.KeepAspectRatio)
    if 0 < fitted.width() < image.width():
        image = image.scaled(
            fitted, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image.convertToFormat(QImage.Format.Format_RGB32)
