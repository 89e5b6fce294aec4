"""How a decoded frame reaches the screen in the video view: converted and scaled once, then copied.

The frame is converted from YUV straight to the size it is drawn at (``FrameScaler``), into an image
reused from frame to frame, and the painter copies it 1:1 (mirrored by the painter's transform, which
at 1:1 moves pixels without filtering). A repaint of the same frame (a badge, a notice, a subtitle)
draws the same pixels again without converting. Frames the scaler does not handle are left to the
caller, which converts them with Qt and lets the painter scale.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtMultimedia import QVideoFrame

from smrtplayer.player.frame_scaler import FrameScaler


class VideoSurface:
    def __init__(self) -> None:
        self._scaler = FrameScaler()
        #: (frame serial, pixel width, pixel height) of what the scaler's image holds now
        self._holds: tuple[int, int, int] | None = None
        #: frames converted so far (a repaint of the same frame at the same size converts nothing)
        self.conversions = 0

    def draw(self, painter: QPainter, frame: QVideoFrame, serial: int, target: QRect, mirrored: bool) -> bool:
        """Draw ``frame`` (``serial`` tells one frame from the next) into ``target``; False when this
        frame has to be drawn another way."""
        ratio = painter.device().devicePixelRatioF()
        width, height = round(target.width() * ratio), round(target.height() * ratio)
        if self._holds != (serial, width, height):
            self._holds = None
            if self._scaler.scale(frame, width, height) is None:
                return False
            self._holds = (serial, width, height)
            self.conversions += 1
        image = self._scaler.image
        source = QRectF(0, 0, width, height)
        painter.save()
        if mirrored:
            painter.translate(target.x() + target.width(), target.y())
            painter.scale(-1, 1)
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image, source)
        else:
            painter.drawImage(QRectF(target), image, source)
        painter.restore()
        return True
