"""VideoView: paints decoded frames itself, so the picture can be mirrored, overlaid and grabbed.

QVideoWidget draws through its own GL surface, which a grab shows as grey and which cannot carry
overlays; painting the sink's frames with QPainter has none of those limits. A frame is converted to
an image only when it is painted, so frames that arrive faster than the screen repaints cost nothing.

Everything drawn over the picture is for someone two metres away: the MIRRORED badge whenever the
picture is flipped, the speed when it is not 1x, the loop, subtitles, and short notices. The video
and everything over it stay dark in either theme: the view keeps the dark palette for itself.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, QTimer, QVariantAnimation, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtMultimedia import QVideoFrame
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.ui.common.flow_layout import FlowLayout
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.common.theme import dark_palette
from smrtplayer.ui.player.video_surface import VideoSurface

log = logging.getLogger(__name__)

NOTICE_MS = 1600
#: on-screen feedback for a key: shown this long, the last FADE_MS of it fading out
OSD_MS = 1200
FADE_MS = 300
#: a frame this far before a jump's target was decoded before the jump: it does not replace the still
STALE_FRAME_MS = 250
#: how long a still waits for its frame (a seek can be dropped while paused)
STILL_TIMEOUT_MS = 2000
BADGE_BG = QColor(230, 120, 0, 235)
BLACK = QColor("black")


_PRESS_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}


class _Panel(QFrame):
    """A message with buttons, centred over the picture (errors, the autoplay countdown)."""

    def __init__(self, parent: QWidget, object_name: str) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(
            f"QFrame#{object_name} {{ background: rgb(28, 28, 28); border: 2px solid #888;"
            " border-radius: 8px; }"
            f" QFrame#{object_name} QLabel {{ color: white; }}"
            f" QFrame#{object_name} QPushButton {{ padding: 8px 16px; }}"
        )
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The buttons wrap onto a second line in a small video area instead of being cut.
        self.buttons = FlowLayout(spacing=8)
        layout = self.column_layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.label)
        #: a path the message names, on one line, elided in the middle (the whole in its tooltip)
        self.path_label = QLabel(self)
        self.path_label.setObjectName(f"{object_name}Path")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.path_label.hide()
        self.full_path = ""
        layout.addWidget(self.path_label)
        layout.addLayout(self.buttons)
        self.hide()

    def set_message(self, message: str) -> None:
        """The message; a line of its own that is an absolute path goes on the path line."""
        lines = message.split("\n")
        paths = [line for line in lines if _is_path_line(line)]
        self.full_path = paths[0] if paths else ""
        self.label.setText("\n".join(line for line in lines if line != self.full_path))
        self.path_label.setToolTip(plain_tooltip(self.full_path) if self.full_path else "")
        self.path_label.setVisible(bool(self.full_path))
        self.elide_path()

    def elide_path(self) -> None:
        if self.full_path:
            metrics = QFontMetrics(self.path_label.font())
            width = max(40, self.width() - 44)
            self.path_label.setText(metrics.elidedText(self.full_path, Qt.TextElideMode.ElideMiddle, width))

    def add_button(self, text: str, object_name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(object_name)
        # Tab reaches the buttons; a click does not keep the keyboard on them (Space stays play/pause).
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.installEventFilter(self)
        self.buttons.addWidget(button)
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A button reached with Tab takes Space and Enter for itself, before the player's keys.
        if not isinstance(watched, QPushButton) or not isinstance(event, QKeyEvent):
            return False
        pressing = Qt.Key(event.key()) in _PRESS_KEYS and not event.modifiers()
        if event.type() == QEvent.Type.ShortcutOverride and pressing:
            event.accept()
        elif event.type() == QEvent.Type.KeyPress and pressing and event.key() != Qt.Key.Key_Space:
            watched.click()  # Space is the button's own key; Enter is given the same meaning
            return True
        return False


def _is_path_line(line: str) -> bool:
    text = line.strip()
    return bool(text) and text == line and Path(text).is_absolute() and len(Path(text).parts) > 1


class VideoView(QWidget):
    #: a click on the picture (the window toggles play/pause)
    clicked = Signal()
    double_clicked = Signal()
    #: a frame was painted after the view was empty (start-up, after ``clear``)
    first_frame_painted = Signal()
    still_painted = Signal()  # a jump's cached picture is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoView")
        self.setAccessibleName(self.tr("Video"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setPalette(dark_palette())  # its panels and their buttons too
        self._frame = QVideoFrame()
        self._frame_serial = 0
        self._surface = VideoSurface()
        self._image = QImage()
        self._image_stale = False
        self._frame_unpainted = False
        #: a jump's still is shown until a frame at or after this time arrives (None: no still)
        self._still_ms: int | None = None
        self._still_unpainted = False
        self.stills_painted = 0
        #: the still is the picture kept at the last close (``show_start_picture``)
        self._start_picture = False
        self._still_timeout = QTimer(self)
        self._still_timeout.setSingleShot(True)
        self._still_timeout.setInterval(STILL_TIMEOUT_MS)
        self._still_timeout.timeout.connect(self._forget_still)
        self._message = ""
        self._placeholder = "Choose a lesson to play"
        self._mirrored = False
        self._subtitle = ""
        self._subtitle_scale = 1.0
        self._rate = 1.0
        self._loop_text = ""
        self._hold_text = ""
        #: where each badge was last drawn ("mirrored", "rate", "loop", "hold", "notice")
        self.badge_rects: dict[str, QRect] = {}
        self._hold_colour = QColor(0, 0, 0, 200)
        self._notice = ""
        #: distinct frames painted (a frame repainted for an overlay counts once)
        self.frames_painted = 0
        self._first_paint_logged = False
        #: start time of the frame painted last (-1 when unknown)
        self.painted_frame_ms = -1
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self._fade_notice)
        self._notice_opacity = 1.0
        self._notice_fade = QVariantAnimation(self)
        self._notice_fade.setStartValue(1.0)
        self._notice_fade.setEndValue(0.0)
        self._notice_fade.setDuration(FADE_MS)
        self._notice_fade.valueChanged.connect(self._set_notice_opacity)
        self._notice_fade.finished.connect(self._clear_notice)

        self.error_panel = _Panel(self, "errorPanel")
        self.retry_button = self.error_panel.add_button(self.tr("Try again"), "retryButton")
        # For a damaged or incomplete file the message says to check its files: the check is here.
        self.check_files_button = self.error_panel.add_button(self.tr("Check files…"), "checkFilesButton")
        self.check_files_button.hide()
        self.relink_button = self.error_panel.add_button(self.tr("Find the course folder…"), "relinkButton")
        self.skip_button = self.error_panel.add_button(self.tr("Skip to next lesson"), "skipButton")

        self.countdown_panel = _Panel(self, "countdownPanel")
        self.play_next_button = self.countdown_panel.add_button(self.tr("Play now"), "playNextButton")
        self.cancel_next_button = self.countdown_panel.add_button(self.tr("Cancel (Esc)"), "cancelNextButton")

    # ------------------------------------------------------------------------------ picture
    def show_frame(self, frame: QVideoFrame) -> None:
        if self._still_ms is not None:
            start = frame.startTime()
            if start >= 0 and start // 1000 < self._still_ms - STALE_FRAME_MS:
                return  # decoded before the jump: the still stays until the jump's own frame
            self._still_ms = None
        self._start_picture = False
        self._frame = frame
        self._frame_serial += 1
        self._image = QImage()  # a still or an older frame's picture: made again from this frame if asked
        self._image_stale = True
        self._frame_unpainted = True
        if self._message:
            self._message = ""
            self.error_panel.hide()
        self.update()

    @Slot(QImage, int)
    def show_still(self, image: QImage, at_ms: int) -> None:
        """A jump began: show the cached picture of its frame until the decoder's frame arrives."""
        self.show_image(image)
        self._still_ms = at_ms
        self._still_unpainted = True
        self._still_timeout.start()
        if self.isVisible():
            self.repaint()  # now, not after the seek's work queued on the event loop

    def show_start_picture(self, image: QImage, at_ms: int) -> None:
        """The picture kept at the last close, of the frame at ``at_ms`` where the start resumes: shown
        until that frame is decoded. It is not the first frame (``first_frame_painted`` waits for that)."""
        self.show_still(image, at_ms)
        self._start_picture = True

    def show_image(self, image: QImage) -> None:
        """Show a still picture (used where no video frame exists)."""
        self._still_ms = None
        self._start_picture = False
        self._frame = QVideoFrame()
        self._image = image
        self._image_stale = False
        self._frame_unpainted = False
        self.update()

    @property
    def frames_scaled(self) -> int:
        """Frames converted straight to the size drawn (see ``video_surface``)."""
        return self._surface.conversions

    def frame_ms(self) -> int:
        """The start time of the decoded frame held (-1: none, or not known)."""
        start = self._frame.startTime() if self._frame.isValid() else -1
        return start // 1000 if start >= 0 else -1

    def shows_start_picture(self) -> bool:
        """The picture kept at the last close is on screen, its frame not decoded yet."""
        return self._start_picture

    def shows_decoded_frame(self) -> bool:
        """A frame from the decoder is on screen (not a still, a kept picture or a message)."""
        return self._frame.isValid() and self._still_ms is None and not self._message

    def has_picture(self) -> bool:
        return self._image_stale or not self._image.isNull()

    def image(self) -> QImage:
        """The current frame at its own resolution, as decoded (not mirrored)."""
        if self._image_stale:
            self._image = self._frame.toImage()
            self._image_stale = False
        return self._image

    def displayed_image(self) -> QImage:
        """The current frame as the viewer sees it: mirrored when the view is."""
        image = self.image()
        if image.isNull() or not self._mirrored:
            return image
        return image.flipped(Qt.Orientation.Horizontal)

    def show_message(self, message: str) -> None:
        """An error drawn in the video area as plain text, with what the user can do about it."""
        self._message = message
        self._start_picture = False
        self._frame = QVideoFrame()
        self._image = QImage()
        self._image_stale = False
        self._frame_unpainted = False
        self.error_panel.set_message(message)
        self.countdown_panel.hide()
        self.error_panel.show()
        self._place_panels()
        self.update()

    def clear(self, placeholder: str = "") -> None:
        self._first_paint_logged = False
        self._start_picture = False
        self._still_unpainted = False  # a still cleared before it was painted was never on screen
        self._frame = QVideoFrame()
        self._image = QImage()
        self._image_stale = False
        self._frame_unpainted = False
        self._message = ""
        self._subtitle = ""
        self.error_panel.hide()
        if placeholder:
            self._placeholder = placeholder
        self.update()

    def message(self) -> str:
        return self._message

    # ----------------------------------------------------------------------------- overlays
    def set_mirrored(self, mirrored: bool) -> None:
        self._mirrored = mirrored
        self.update()

    def is_mirrored(self) -> bool:
        return self._mirrored

    def set_subtitle(self, text: str) -> None:
        self._subtitle = text
        self.update()

    def subtitle(self) -> str:
        return self._subtitle

    def set_subtitle_scale(self, scale: float) -> None:
        self._subtitle_scale = max(0.5, min(3.0, scale))
        self.update()

    def subtitle_scale(self) -> float:
        return self._subtitle_scale

    def set_rate(self, rate: float) -> None:
        self._rate = rate
        self.update()

    def rate(self) -> float:
        return self._rate

    def set_hold_badge(self, text: str, colour: QColor | None) -> None:
        """A running hold's countdown, large, top left ("" hides it)."""
        if (text, colour) == (self._hold_text, self._hold_colour):
            return
        self._hold_text = text
        if colour is not None:
            self._hold_colour = colour
        self.update()

    def hold_badge_text(self) -> str:
        return self._hold_text

    def set_loop_text(self, text: str) -> None:
        self._loop_text = text
        self.update()

    def loop_text(self) -> str:
        return self._loop_text

    def flash(self, text: str, duration_ms: int = NOTICE_MS) -> None:
        """A short notice on the picture (speed changed, frame captured, "−5 s"...): it replaces the
        one shown, stays ``duration_ms`` and fades out during the last moment of it."""
        self._notice = text
        self._notice_fade.stop()
        self._notice_opacity = 1.0
        self._notice_timer.start(max(0, duration_ms - FADE_MS))
        self.update()

    def notice(self) -> str:
        return self._notice

    def _fade_notice(self) -> None:
        self._notice_fade.start()

    @Slot(object)
    def _set_notice_opacity(self, value: object) -> None:
        self._notice_opacity = float(value)  # type: ignore[arg-type]  # the animation's floats
        self.update()

    def _clear_notice(self) -> None:
        self._notice = ""
        self._notice_opacity = 1.0
        self.update()

    def show_countdown(self, text: str) -> None:
        self.countdown_panel.label.setText(text)
        self.countdown_panel.show()
        self._place_panels()

    def hide_countdown(self) -> None:
        self.countdown_panel.hide()

    # ------------------------------------------------------------------------------ geometry
    def video_rect(self) -> QRect:
        """Where the frame is drawn: scaled to fit, centred, aspect ratio kept."""
        size = self._frame.size() if self._image_stale else self._image.size()
        if size.isEmpty():
            return QRect()
        size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) // 2
        y = (self.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    def _place_panels(self) -> None:
        for panel in (self.error_panel, self.countdown_panel):
            width = min(self.width() - 40, max(360, self.width() * 2 // 3))
            panel.setFixedWidth(max(200, width))
            font = QFont(self.font())
            font.setPointSizeF(max(11.0, min(20.0, self.height() / 28)))
            panel.label.setFont(font)
            panel.path_label.setFont(font)
            panel.elide_path()
            # As tall as the wrapped text and the (wrapped) buttons need at this width, within the
            # picture: adjustSize() would keep the width's single-line height and cut the text.
            needed = panel.column_layout.totalHeightForWidth(panel.width())
            panel.setFixedHeight(max(60, min(needed, self.height() - 16)))
            panel.move((self.width() - panel.width()) // 2, (self.height() - panel.height()) // 2)

    def resizeEvent(self, event: object) -> None:
        self._place_panels()

    def mousePressEvent(self, event: object) -> None:
        self.setFocus()
        self.clicked.emit()

    def mouseDoubleClickEvent(self, event: object) -> None:
        self.double_clicked.emit()

    # -------------------------------------------------------------------------------- paint
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        target = self.video_rect()
        # Black beside the picture only: the picture covers its own rect, which filled black first
        # would be written twice for every frame.
        for bar in _bars_around(self.rect(), target):
            painter.fillRect(bar, BLACK)
        # A frame goes to the screen converted and scaled in one pass; a still, or a frame in a format
        # the surface does not take, is converted by Qt (only once) and scaled by the painter.
        drawn = self._frame.isValid() and self._surface.draw(
            painter, self._frame, self._frame_serial, target, self._mirrored
        )
        shown = self._frame.size() if drawn else self._draw_image(painter, target)
        if not shown.isEmpty():
            if self._still_unpainted:
                self._still_unpainted = False
                self.stills_painted += 1
                self.still_painted.emit()
            if self._frame_unpainted:
                self._frame_unpainted = False
                self.frames_painted += 1
                self.painted_frame_ms = self._frame.startTime() // 1000
            if not self._first_paint_logged and not self._start_picture:
                self._first_paint_logged = True
                log.info("first frame shown (%dx%d)", shown.width(), shown.height())
                self.first_frame_painted.emit()
            self._paint_subtitle(painter, target)
        else:
            painter.fillRect(target, BLACK)
        if shown.isEmpty() and not self._message:
            self._paint_centred_text(
                painter, self._placeholder, self.palette().color(QPalette.ColorRole.PlaceholderText)
            )
        self._paint_badges(painter)
        painter.end()

    def _draw_image(self, painter: QPainter, target: QRect) -> QSize:
        """Draw the picture as a QImage scaled by the painter; its size (empty: nothing to draw)."""
        image = self.image()
        if image.isNull():
            return QSize()
        # A jump's still is up for a fraction of a second: drawn at once rather than smoothly.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._still_ms is None)
        if self._mirrored:
            painter.save()
            painter.translate(target.x() + target.width(), target.y())
            painter.scale(-1, 1)
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
            painter.restore()
        else:
            painter.drawImage(QRectF(target), image)
        return image.size()

    @Slot()
    def _forget_still(self) -> None:
        """No frame came for the jump (a paused seek that the backend dropped): take what comes."""
        self._still_ms = None

    def _big_font(self, factor: float) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(12, round(self.height() * factor)))
        font.setBold(True)
        return font

    def _paint_centred_text(self, painter: QPainter, text: str, colour: QColor) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(11.0, self.height() / 30))
        painter.setFont(font)
        painter.setPen(colour)
        margin = self.width() // 10
        painter.drawText(
            self.rect().adjusted(margin, 0, -margin, 0),
            int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
            text,
        )

    def _paint_badges(self, painter: QPainter) -> None:
        """The badges, laid out so that none covers another and none runs off the picture: the
        mirror badge top left, speed and loop top right (on the next row when the row is full),
        the hold's countdown under them (its font shrinks until its whole text fits), the notice
        last. ``badge_rects`` keeps where each was drawn."""
        self.badge_rects = {}
        shown = (self._mirrored, abs(self._rate - 1.0) > 1e-6, self._loop_text, self._hold_text, self._notice)
        if not any(shown):
            return  # nothing to lay out: no font measured on every frame of plain playback
        margin = max(8, self.height() // 40)
        font = self._big_font(0.055)
        room = self.width() - 2 * margin
        metrics = _fitting_metrics(font, "MIRRORED  L ⇄ R", room)
        painter.setFont(metrics.font)
        row_top, row_bottom = margin, margin
        left_end = margin
        if self._mirrored:
            rect = self._badge(painter, metrics.qt, margin, row_top, "MIRRORED  L ⇄ R", BADGE_BG)
            self.badge_rects["mirrored"] = rect
            left_end, row_bottom = rect.right() + margin, rect.bottom()
        right_texts = []
        if abs(self._rate - 1.0) > 1e-6:
            right_texts.append(("rate", f"{self._rate:g}×"))
        if self._loop_text:
            right_texts.append(("loop", self._loop_text))
        if right_texts:
            pad = _badge_pad(metrics.qt)
            needed = sum(metrics.qt.horizontalAdvance(text) + 2 * pad + margin for _, text in right_texts)
            top = row_top
            if self.width() - needed < left_end:  # no room beside the mirror badge: a row of their own
                top = row_bottom + margin if self._mirrored else row_top
            x = self.width() - margin
            for name, text in right_texts:
                width = metrics.qt.horizontalAdvance(text) + 2 * pad
                x -= width
                rect = self._badge(painter, metrics.qt, max(margin, x), top, text, QColor(0, 0, 0, 190))
                self.badge_rects[name] = rect
                row_bottom = max(row_bottom, rect.bottom())
                x -= margin
        below = row_bottom + margin if self.badge_rects else margin
        if self._hold_text:
            # Larger than the other badges: it is read from the treatment table, two metres away.
            hold = _fitting_metrics(self._big_font(0.085), self._hold_text, room)
            painter.setFont(hold.font)
            rect = self._badge(painter, hold.qt, margin, below, self._hold_text, self._hold_colour)
            self.badge_rects["hold"] = rect
            below = rect.bottom() + margin
            painter.setFont(metrics.font)
        if self._notice:
            notice = _fitting_metrics(metrics.font, self._notice, room)
            painter.setFont(notice.font)
            width = notice.qt.horizontalAdvance(self._notice) + 2 * _badge_pad(notice.qt)
            painter.setOpacity(self._notice_opacity)
            rect = self._badge(
                painter, notice.qt, (self.width() - width) // 2, below, self._notice, QColor(0, 0, 0, 200)
            )
            painter.setOpacity(1.0)
            self.badge_rects["notice"] = rect

    def _badge(
        self, painter: QPainter, metrics: QFontMetrics, x: int, y: int, text: str, background: QColor
    ) -> QRect:
        pad = _badge_pad(metrics)
        rect = QRect(x, y, metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(QColor("white"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        return rect

    def _paint_subtitle(self, painter: QPainter, target: QRect) -> None:
        if not self._subtitle:
            return
        font = QFont(self.font())
        font.setPixelSize(max(12, round(target.height() * 0.05 * self._subtitle_scale)))
        font.setBold(True)
        metrics = QFontMetrics(font)
        area = target.adjusted(target.width() // 20, 0, -target.width() // 20, -target.height() // 18)
        flags = int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.AlignmentFlag.AlignBottom)
        flags |= int(Qt.TextFlag.TextWordWrap)
        bounds = metrics.boundingRect(area, flags, self._subtitle)
        backdrop = bounds.adjusted(-10, -4, 10, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 170))
        painter.drawRoundedRect(backdrop, 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(area, flags, self._subtitle)


def _bars_around(whole: QRect, picture: QRect) -> list[QRect]:
    """The parts of ``whole`` outside ``picture`` (all of it when there is no picture)."""
    if picture.isEmpty():
        return [whole]
    width = whole.width()
    bars = [
        QRect(0, 0, width, picture.top()),
        QRect(0, picture.bottom() + 1, width, whole.height() - picture.bottom() - 1),
        QRect(0, picture.top(), picture.left(), picture.height()),
        QRect(picture.right() + 1, picture.top(), width - picture.right() - 1, picture.height()),
    ]
    return [bar for bar in bars if not bar.isEmpty()]


class _Metrics:
    def __init__(self, font: QFont) -> None:
        self.font = font
        self.qt = QFontMetrics(font)


def _badge_pad(metrics: QFontMetrics) -> int:
    return max(6, metrics.height() // 4)


def _fitting_metrics(font: QFont, text: str, room: int) -> _Metrics:
    """``font``, made smaller until ``text`` in its badge fits ``room`` pixels (never cut)."""
    fitted = QFont(font)
    while fitted.pixelSize() > 9:
        metrics = QFontMetrics(fitted)
        if metrics.horizontalAdvance(text) + 2 * _badge_pad(metrics) <= room:
            break
        fitted.setPixelSize(fitted.pixelSize() - 1)
    return _Metrics(fitted)
