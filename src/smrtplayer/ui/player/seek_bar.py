"""SeekBar: the lesson's timeline, with its positions drawn on it as marks and the A-B loop shaded.

Dragging previews (seeks without saving); the press and the release are real seeks. Hovering says
which time is under the mouse (``hovered``); a picture of that frame given back (``show_preview``)
is shown above the bar, to find a boundary by eye before frame-stepping to it.

The groove, the played part and the handle take the palette's colours (mid tone, accent, base), so
the bar reads in the light and the dark theme; the marks keep their own colours, visible on both.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QWidget

from smrtplayer.common.timetext import clock_text
from smrtplayer.models.positions import Position
from smrtplayer.player.hover_frames import PREVIEW_WIDTH
from smrtplayer.ui.common.plain_text import plain_tooltip

MARK_COLOURS = (QColor("#4f8fd6"), QColor("#58b368"))
LOOP_COLOUR = QColor(255, 150, 0, 150)
NOTE_COLOUR = QColor("#f2c94c")
HANDLE_RADIUS = 8


class PreviewPopup(QLabel):
    """The frame under the mouse, just above the bar: a child of the bar's window drawn over it (a
    window of its own would need a window manager's help to stay on top)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seekPreview")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.at_ms: int | None = None


class SeekBar(QWidget):
    seek_requested = Signal(int)  # a real seek (press, release)
    scrubbed = Signal(int)  # a preview while dragging
    hovered = Signal(int)  # the time under the mouse
    hover_ended = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seekBar")
        self.setAccessibleName(self.tr("Seek"))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._duration = 0
        self._position = 0
        self._positions: list[Position] = []
        self._loop: tuple[int, int] | None = None
        self._note_marks: list[int] = []
        self._dragging = False
        self._hover_x = 0
        self._hovering = False
        self.preview = PreviewPopup()
        self.preview.hide()
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(400, 34)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 34)

    # ------------------------------------------------------------------------------ state
    def set_duration(self, duration_ms: int) -> None:
        self._duration = max(0, duration_ms)
        self._describe()
        self.update()

    def set_position(self, position_ms: int) -> None:
        """The playhead: the bar repaints only where the handle moved, and only once it moves a pixel
        (the player reports the time 20 times a second; an hour's lesson moves it a pixel in 5 s)."""
        if self._dragging:
            return
        before, after = self.mark_x(self._position), self.mark_x(position_ms)
        self._position = position_ms
        if before != after:
            reach = HANDLE_RADIUS + 2  # the handle and its outline, antialiased
            left = min(before, after) - reach
            self.update(QRect(left, 0, abs(after - before) + 2 * reach + 1, self.height()))

    def set_positions(self, positions: list[Position]) -> None:
        self._positions = list(positions)
        self._describe()
        self.update()

    def set_note_marks(self, times_ms: list[int]) -> None:
        """The times of the open lesson's notes, drawn as small triangles above the groove."""
        self._note_marks = sorted(int(ms) for ms in times_ms)
        self._describe()
        self.update()

    def note_marks(self) -> list[int]:
        return list(self._note_marks)

    def set_loop(self, a_ms: int | None, b_ms: int | None) -> None:
        self._loop = (a_ms, b_ms) if a_ms is not None and b_ms is not None else None
        self._describe()
        self.update()

    def position(self) -> int:
        return self._position

    def _describe(self) -> None:
        """What the marks on the bar show, in words for a screen reader (the picture has no text)."""
        parts = [self.tr("Length {length}").format(length=clock_text(self._duration))]
        if self._positions:
            marks = ", ".join(
                f"{position.title} {clock_text(position.start_ms)}–{clock_text(position.end_ms)}"
                for position in self._positions
            )
            parts.append(self.tr("Positions: {marks}").format(marks=marks))
        if self._loop is not None:
            start, end = (clock_text(ms) for ms in self._loop)
            parts.append(self.tr("Loop {start}–{end}").format(start=start, end=end))
        if self._note_marks:
            times = ", ".join(clock_text(ms) for ms in self._note_marks)
            parts.append(self.tr("Notes at {times}").format(times=times))
        self.setAccessibleDescription(". ".join(parts))

    def mark_x(self, ms: int) -> int:
        """The x coordinate of ``ms`` on the bar (for tests and tooltips)."""
        groove = self._groove()
        if self._duration <= 0:
            return groove.left()
        return groove.left() + round(groove.width() * min(max(ms, 0), self._duration) / self._duration)

    def ms_at(self, x: int) -> int:
        groove = self._groove()
        if self._duration <= 0 or groove.width() <= 0:
            return 0
        share = (x - groove.left()) / groove.width()
        return round(max(0.0, min(1.0, share)) * self._duration)

    def _groove(self) -> QRect:
        margin = 9
        return QRect(margin, self.height() // 2 - 4, max(1, self.width() - 2 * margin), 8)

    # ------------------------------------------------------------------------------ mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._duration <= 0:
            return
        self._dragging = True
        self._position = self.ms_at(round(event.position().x()))
        self.seek_requested.emit(self._position)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = round(event.position().x())
        if self._dragging:
            self._position = self.ms_at(x)
            self.scrubbed.emit(self._position)
            self.update()
        ms = self.ms_at(x)
        tip = clock_text(ms)
        for position in self._positions:
            if position.contains(ms):
                tip += f"  {position.title}"
        QToolTip.showText(self.mapToGlobal(QPoint(x, 0)), plain_tooltip(tip), self)
        self._hover_x, self._hovering = x, True
        if self._duration > 0:
            self.hovered.emit(ms)

    @Slot(int, QImage)
    def show_grabbed_preview(self, at_ms: int, image: QImage) -> None:
        self.show_preview(image, at_ms)

    def show_preview(self, image: QImage, at_ms: int) -> None:
        """Show ``image`` (the frame near ``at_ms``) above the bar where the mouse is."""
        if image.isNull() or not self._hovering:
            return
        pixmap = QPixmap.fromImage(image)
        # A picture decoded wider for a scaled screen is shown at the usual size, in device pixels.
        pixmap.setDevicePixelRatio(max(1.0, min(self.devicePixelRatioF(), image.width() / PREVIEW_WIDTH)))
        self.preview.setPixmap(pixmap)
        self.preview.at_ms = at_ms
        self.preview.adjustSize()
        above = self.mapToGlobal(
            QPoint(self._hover_x - self.preview.width() // 2, -self.preview.height() - 4)
        )
        self.preview.move(above)
        self.preview.show()

    def leaveEvent(self, event: QEvent) -> None:
        self._hovering = False
        self.preview.hide()
        self.preview.at_ms = None
        self.hover_ended.emit()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._dragging = False
            self.seek_requested.emit(self._position)

    # ------------------------------------------------------------------------------ paint
    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Accent)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        groove = self._groove()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(groove, 4, 4)
        if self._duration > 0:
            for index, position in enumerate(self._positions):
                left, right = self.mark_x(position.start_ms), self.mark_x(position.end_ms)
                colour = MARK_COLOURS[index % len(MARK_COLOURS)]
                painter.setBrush(colour)
                painter.drawRect(QRect(left, groove.bottom() + 3, max(2, right - left - 2), 5))
                painter.drawRect(QRect(left, groove.top() - 6, 3, groove.height() + 12))
            painter.setBrush(NOTE_COLOUR)
            painter.setPen(QPen(NOTE_COLOUR.darker(170), 1))  # yellow alone vanishes on a light window
            for ms in self._note_marks:
                x = self.mark_x(ms)
                top = groove.top() - 3
                painter.drawPolygon([QPoint(x - 5, top - 7), QPoint(x + 5, top - 7), QPoint(x, top)])
            painter.setPen(Qt.PenStyle.NoPen)
            if self._loop is not None:
                left, right = self.mark_x(self._loop[0]), self.mark_x(self._loop[1])
                painter.setBrush(LOOP_COLOUR)
                painter.drawRect(QRect(left, 2, max(2, right - left), self.height() - 4))
            played = self.mark_x(self._position)
            painter.setBrush(accent)
            painter.drawRoundedRect(QRect(groove.left(), groove.top(), played - groove.left(), 8), 4, 4)
            painter.setBrush(accent)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2))
            painter.drawEllipse(QPoint(played, groove.center().y()), HANDLE_RADIUS, HANDLE_RADIUS)
        painter.end()
