"""A focus ring for widgets the style draws none on: the video, scroll areas without a frame.

Fusion draws a ring on buttons, fields and lists; a widget that paints itself (the video) or a bare
container shows nothing when the keyboard reaches it. ``FocusRing`` lays a ring over such a widget in
the palette's highlight colour while it has the focus from the keyboard (Tab, Shift+Tab, F6), and
not after a click, as Fusion does for its own controls. Hidden, it costs the widget's paint nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QMainWindow, QPushButton, QTabBar, QToolButton, QWidget

RING_PX = 3
#: Focus that came from the keyboard: the ring shows for these.
KEYBOARD_REASONS = frozenset(
    {Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason}
)


class FocusRing(QWidget):
    """Draws a ring inside ``target``'s edge while ``target`` has keyboard focus."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("focusRing")
        # No Python reference to the target: Qt may delete it (a dock's tab bar), and a wrapper kept
        # past its object lets a later object at the same address lose its own.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        target = self.parentWidget()
        if target is not None and watched is target:
            kind = event.type()
            if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
                self._show_if(event.reason() in KEYBOARD_REASONS)
            elif kind == QEvent.Type.FocusOut:
                self.hide()
            elif kind == QEvent.Type.Resize and self.isVisible():
                self.setGeometry(target.rect())
            elif kind == QEvent.Type.MouseButtonPress:
                self.hide()  # a click takes over: no ring, as on Fusion's own controls
        return False

    def _show_if(self, shown: bool) -> None:
        target = self.parentWidget()
        if not shown or target is None:
            self.hide()
            return
        self.setGeometry(target.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_PX)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = RING_PX / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 4, 4)
        painter.end()


def add_focus_rings(root: QWidget) -> None:
    """A ring on each widget under ``root`` that takes the keyboard but whose focus Fusion hardly shows:
    a frameless scroll area shows none, a list marks only its current row (an empty one showed
    nothing), Fusion's focus line on a tab darkens the window colour (which a dark palette hides), a
    flat tool button shows none, and a default button already wears the highlight it would get."""
    widgets: list[QWidget] = [
        *root.findChildren(QAbstractScrollArea),
        # The side panels' tab bars are the main window's to make and drop as panels move (a ring laid
        # on one upset it); they take no focus (``MainWindow.childEvent``): F6 brings a panel forward.
        *(bar for bar in root.findChildren(QTabBar) if not isinstance(bar.parentWidget(), QMainWindow)),
        *(button for button in root.findChildren(QToolButton) if button.autoRaise()),
        *(button for button in root.findChildren(QPushButton) if button.isDefault() or button.isFlat()),
    ]
    for widget in widgets:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.findChild(FocusRing, options=Qt.FindChildOption.FindDirectChildrenOnly) is None:
            FocusRing(widget)
