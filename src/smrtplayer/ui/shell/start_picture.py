"""The window's first moment: the picture where the lesson stopped, before the window is built.

A start takes ~300 ms on its GUI thread (the data layer, the window's modules, its widgets) and Qt
Multimedia as long again to open, seek and decode. The picture kept at the last close
(``player/resume_picture.py``) is painted first, in a window of the main window's size with the
picture where the main window's video will be; the main window opens over it at the same place,
shows the same picture in its video, and this window closes once the main window has painted. The
decoded frame then replaces the picture, which is the same frame.

This module loads nothing but Qt's widgets: it runs before the rest of the app is imported.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEventLoop,
    QRect,
    QSize,
    Qt,
    QTimer,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPaintEvent, QScreen
from PySide6.QtWidgets import QWidget

from smrtplayer import APP_NAME
from smrtplayer.player.resume_picture import ResumePicture, StartLayout

log = logging.getLogger(__name__)

#: the main window's first size, as a share of the screen: large enough for video, lessons and panels
WIDTH_SHARE, WIDTH_AT_MOST = 0.95, 1500
HEIGHT_SHARE, HEIGHT_AT_MOST = 0.92, 900
#: the main window normally covers this window within ~0.2 s; after this, it goes anyway
GONE_AT_THE_LATEST_MS = 4000
#: how long the start waits for the display server to show this window before it goes on regardless
WAIT_FOR_PAINT_MS = 500
WAKE_MS = 10


def start_size(available: QRect) -> QSize:
    """The main window's size at a start on a screen with this available area (before its minimum)."""
    return QSize(
        min(WIDTH_AT_MOST, round(available.width() * WIDTH_SHARE)),
        min(HEIGHT_AT_MOST, round(available.height() * HEIGHT_SHARE)),
    )


def fitted(picture: QSize, area: QRect) -> QRect:
    """``picture`` scaled into ``area``, aspect ratio kept, centred (as the video view draws a frame)."""
    size = picture.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(
        area.x() + (area.width() - size.width()) // 2,
        area.y() + (area.height() - size.height()) // 2,
        size.width(),
        size.height(),
    )


class StartPictureWindow(QWidget):
    """A window that only paints the kept picture, where the main window's video will be."""

    def __init__(self, picture: ResumePicture, image: QImage) -> None:
        super().__init__()
        self.setObjectName("startPictureWindow")
        # The main window's title, so that the title bar (and the task bar) does not change when it
        # takes over; the busy pointer says the window is not ready for input yet.
        self.setWindowTitle(picture.title or APP_NAME)
        self.setAccessibleName(picture.title or APP_NAME)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.picture = picture
        #: as decoded and as shown at the start (the mirror is not restored at a start)
        self.image = image
        self.painted = False
        screen = QGuiApplication.primaryScreen()
        #: the kept layout, when it is for this screen (else the picture fills the window)
        self.kept_layout = layout = _layout_for(picture.layout, screen)
        if layout is not None:
            self.resize(*layout.window)
            self.video_area = QRect(*layout.video)
            self.background = QColor(layout.background)
        else:  # another screen, or no layout kept: the picture fills the window
            self.resize(start_size(screen.availableGeometry()) if screen else QSize(1100, 680))
            self.video_area = QRect(0, 0, self.width(), self.height())
            self.background = QColor("black")
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self.close)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.background)
        painter.fillRect(self.video_area, QColor("black"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(fitted(self.image.size(), self.video_area), self.image)
        painter.end()
        if not self.painted:
            self.painted = True
            size = self.image.size()
            log.info("resume picture shown (%dx%d, kept at the last close)", size.width(), size.height())

    def show_now(self) -> None:
        """Show the window and paint it before returning: the event loop runs only once the app is
        built. What else arrives meanwhile waits: input (kept for the main window) and sockets (a
        second start's request to the instance guard, heard once the window is there to act on it)."""
        self.show()
        self._deadline.start(GONE_AT_THE_LATEST_MS)
        waker = QTimer(self)  # the display server's exposure wakes the loop; this, if it never comes
        waker.start(WAKE_MS)
        flags = (
            QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
            | QEventLoop.ProcessEventsFlag.ExcludeSocketNotifiers
            | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        )
        waited = QElapsedTimer()
        waited.start()
        while not self.painted and waited.elapsed() < WAIT_FOR_PAINT_MS:
            QCoreApplication.processEvents(flags)
        waker.stop()
        waker.deleteLater()

    def hand_over_to(self, window: QWidget, painted: SignalInstance) -> None:
        """``window`` opens where this one is, so the picture stays in place; this one closes once
        ``painted`` says the picture is on screen in ``window``, or after a few seconds at the latest."""
        if self.isVisible():
            window.move(self.pos())
        painted.connect(self._covered)

    @Slot()
    def _covered(self) -> None:
        # After this turn of the loop: the main window's paint is flushed to the screen by then.
        QTimer.singleShot(0, self, self.close)


def _layout_for(layout: StartLayout | None, screen: QScreen | None) -> StartLayout | None:
    if layout is None or screen is None:
        return None
    available = screen.availableGeometry()
    if (available.x(), available.y(), available.width(), available.height()) != layout.screen:
        return None
    video = QRect(*layout.video)
    if not QRect(0, 0, *layout.window).contains(video) or video.isEmpty():
        return None
    return layout


def load_picture(picture: ResumePicture, pixels: bytes) -> QImage:
    """The kept pixels as an image of its own (the bytes are not kept alive by it)."""
    width, height = picture.picture_size
    return QImage(pixels, width, height, picture.bytes_per_line, QImage.Format.Format_RGB32).copy()
