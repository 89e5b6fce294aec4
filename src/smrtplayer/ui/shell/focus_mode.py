"""Focus mode: only the video. Every panel, the menu and status bars are hidden; the transport too,
until the mouse moves or a key is pressed (then it shows for a moment). Esc or the focus key leaves,
and everything hidden comes back as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import QCursor, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

#: how long the transport stays after the mouse last moved or a key was pressed
TRANSPORT_SHOWN_MS = 2500
#: what brings the transport back (a key that is a shortcut arrives as ShortcutOverride, not KeyPress)
WAKING_KEYS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
#: a pointer that moved less than this (pixels) has not moved: Qt also sends moves at the same place
#: when the widgets under a resting pointer change, as they do when the panels hide
STILL_PX = 3


class FocusMode(QObject):
    changed = Signal(bool)

    def __init__(self, window: QWidget, transport: QWidget, panels: Callable[[], list[QWidget]]) -> None:
        super().__init__(window)
        self._window = window
        self._transport = transport
        self._panels = panels
        self._hidden: list[QWidget] = []
        self._active = False
        self._pointer = QPointF()
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(TRANSPORT_SHOWN_MS)
        self._hide_timer.timeout.connect(self._hide_transport)

    def is_active(self) -> bool:
        return self._active

    def set_active(self, active: bool) -> None:
        if active == self._active:
            return
        self._active = active
        app = QApplication.instance()
        if active:
            self._pointer = QPointF(QCursor.pos())
            self._hidden = [panel for panel in self._panels() if panel.isVisible()]
            for panel in self._hidden:
                panel.hide()
            self._hide_transport()
            if app is not None:
                app.installEventFilter(self)
        else:
            if app is not None:
                app.removeEventFilter(self)
            self._hide_timer.stop()
            for panel in self._hidden:
                panel.show()
            self._hidden = []
            self._transport.show()
        self.changed.emit(active)

    def _hide_transport(self) -> None:
        if self._active and not self._pointer_on_transport() and QApplication.activePopupWidget() is None:
            self._transport.hide()
        elif self._active:
            self._hide_timer.start()  # a menu of the transport is open, or the pointer rests on it

    def _pointer_on_transport(self) -> bool:
        transport = self._transport
        return transport.isVisible() and transport.rect().contains(transport.mapFromGlobal(QCursor.pos()))

    def _reveal_transport(self) -> None:
        self._transport.show()
        self._hide_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._in_window(watched):
            return False
        if event.type() in WAKING_KEYS:
            self._reveal_transport()
        elif event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            moved = event.globalPosition() - self._pointer
            if abs(moved.x()) + abs(moved.y()) >= STILL_PX:
                self._pointer = event.globalPosition()
                self._reveal_transport()
        return False

    def _in_window(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and watched.window() is self._window
