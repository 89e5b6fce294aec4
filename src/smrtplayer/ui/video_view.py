"""VideoView: paints decoded frames itself, so the picture can be mirrored, overlaid and grabbed.

QVideoWidget draws through its own GL surface, which a grab shows as grey and which cannot carry
overlays; painting the sink's frames with QPainter has none of those limits.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class VideoView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoView")
        self.setAccessibleName("Video")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._image = QImage()
        self._message = ""
        self._placeholder = "Choose a lesson to play"

    def show_frame(self, image: QImage) -> None:
        self._image = image
        self._message = ""
        self.update()

    def show_message(self, message: str) -> None:
        """An error (or hint) drawn in the video area as plain text."""
        self._message = message
        self._image = QImage()
        self.update()

    def clear(self, placeholder: str = "") -> None:
        self._image = QImage()
        self._message = ""
        if placeholder:
            self._placeholder = placeholder
        self.update()

    def message(self) -> str:
        return self._message

    def video_rect(self) -> QRect:
        """Where the frame is drawn: scaled to fit, centred, aspect ratio kept."""
        if self._image.isNull():
            return QRect()
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        if not self._image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.video_rect()), self._image)
        else:
            text = self._message or self._placeholder
            font = QFont(self.font())
            font.setPointSizeF(max(11.0, self.height() / 30))
            painter.setFont(font)
            painter.setPen(QColor("#ffb4a8") if self._message else QColor("#bbbbbb"))
            margin = self.width() // 10
            painter.drawText(
                self.rect().adjusted(margin, 0, -margin, 0),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                text,
            )
        painter.end()
