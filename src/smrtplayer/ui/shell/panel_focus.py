"""F6 and Shift+F6: the keyboard moves to the next or previous panel of the window, as in most
desktop programs: the lessons (library, home), the video, then each open side panel.

A panel gets the keyboard back where it last had it (the lesson list, the search field...), or at
its first control. A side panel stacked under another's tab comes to the front. The focus is given
with ``ShortcutFocusReason``, which Qt counts as a keyboard move: the focused control draws its ring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

#: no focus chain is this long; the walk stops rather than loop on a broken one
_CHAIN_LIMIT = 5000


@dataclass(frozen=True)
class Panel:
    name: str
    #: the widget whose controls take the keyboard
    area: QWidget
    #: the side panel holding it, raised when its tab is behind another's
    dock: QDockWidget | None = None
    #: what counts as inside the panel when larger than ``area`` (the tabs above a page)
    frame: QWidget | None = None

    def holds(self, widget: QWidget) -> bool:
        container = self.dock or self.frame or self.area
        return widget is container or container.isAncestorOf(widget)

    def is_open(self) -> bool:
        if self.dock is not None:
            return not self.dock.isHidden()
        return self.area.isVisible()


class PanelFocus(QObject):
    """Moves the keyboard between ``panels()`` (in their order on screen)."""

    def __init__(self, parent: QObject, panels: Callable[[], list[Panel]]) -> None:
        super().__init__(parent)
        self._panels = panels

    def current(self) -> Panel | None:
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        return next((panel for panel in self._panels() if panel.holds(focus)), None)

    def next(self) -> Panel | None:
        return self._move(+1)

    def previous(self) -> Panel | None:
        return self._move(-1)

    def _move(self, step: int) -> Panel | None:
        panels = [panel for panel in self._panels() if panel.is_open()]
        if not panels:
            return None
        current = self.current()
        start = next((i for i, panel in enumerate(panels) if panel == current), None)
        if start is None:
            start = -1 if step > 0 else 0
        for offset in range(1, len(panels) + 1):
            panel = panels[(start + offset * step) % len(panels)]
            if panel.dock is not None:
                panel.dock.raise_()  # behind another panel's tab: to the front
            target = focus_target(panel.area)
            if target is not None:
                target.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return panel
        return None


def focus_target(area: QWidget) -> QWidget | None:
    """Where the keyboard goes in ``area``: where it was last, else the first control that takes it."""
    remembered = area.focusWidget()
    inside = remembered is not None and (remembered is area or area.isAncestorOf(remembered))
    if remembered is not None and inside and _takes_focus(remembered):
        return remembered
    if _takes_focus(area):
        return area
    widget: QWidget | None = area.nextInFocusChain()
    for _step in range(_CHAIN_LIMIT):
        if widget is None or widget is area:
            break
        if area.isAncestorOf(widget) and _takes_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


def _takes_focus(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
        and widget.focusProxy() is None
    )
