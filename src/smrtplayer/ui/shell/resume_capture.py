"""At close: the frame on screen, as the picture the next start shows first (``start_picture.py``).

Taken only when it is the picture of where the next start opens: the lesson on screen is the one
"Continue" goes to, at the time just saved, and the view shows a decoded frame (not a still, not an
error). The picture is kept at the size it had on screen (a 1080p frame in a 1100-pixel view: ~80 KB
of JPEG), unmirrored, with the mirroring in the record.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget

from smrtplayer.common.errors import MediaError
from smrtplayer.common.wholefile import image_bytes
from smrtplayer.player.controller import PlaybackController
from smrtplayer.player.media_source import local_media_path
from smrtplayer.player.resume_picture import FileStamp, ResumePicture, StartLayout
from smrtplayer.ui.player.video_view import VideoView

log = logging.getLogger(__name__)

JPEG_QUALITY = 85


@dataclass(frozen=True)
class TakenPicture:
    """A picture taken at close, to be kept once the database is closed (its stamp is known then)."""

    picture: ResumePicture
    jpeg: bytes


def take_resume_picture(
    playback: PlaybackController, view: VideoView, layout: StartLayout | None
) -> TakenPicture | None:
    """The picture for the next start, or None when there is none to take (the reason is logged)."""
    lesson = playback.lesson
    target = playback.saved_continue_target()
    if lesson is None or target is None or target[0].id != lesson.id:
        log.info("no resume picture taken: the next start opens another lesson")
        return None
    if not view.shows_decoded_frame():
        log.info("no resume picture taken: no decoded frame on screen")
        return None
    try:
        media = local_media_path(lesson.path).resolve()
    except (MediaError, OSError):
        return None
    stamp = FileStamp.of(media)
    if stamp is None:
        return None
    jpeg = _jpeg(view, layout)
    if not jpeg:
        log.info("no resume picture taken: the frame could not be encoded")
        return None
    return TakenPicture(
        ResumePicture(
            lesson_fingerprint=lesson.fingerprint,
            position_ms=target[1],
            media_path=str(media),
            media=stamp,
            database=(None, None),  # stamped once the database is closed
            mirrored=view.is_mirrored(),
            picture_digest="",  # computed as it is written
            layout=layout,
        ),
        jpeg,
    )


def layout_now(window: QWidget, view: VideoView) -> StartLayout | None:
    """Where the window has its video now (taken as the first frame is painted, before the panels)."""
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


def _jpeg(view: VideoView, layout: StartLayout | None) -> bytes:
    """The frame at the size it is shown, or at the start's larger video area (the side panels are
    built after the first frame), never larger than decoded."""
    image = view.image()
    if image.isNull():
        return b""
    area = view.video_rect().size()
    if layout is not None:
        area = area.expandedTo(QSize(layout.video[2], layout.video[3]))
    ratio = view.devicePixelRatioF()
    wanted = image.size().scaled(
        QSize(round(area.width() * ratio), round(area.height() * ratio)), Qt.AspectRatioMode.KeepAspectRatio
    )
    if 0 < wanted.width() < image.width():
        image = image.scaled(
            wanted, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image_bytes(image, b"jpeg", JPEG_QUALITY)
