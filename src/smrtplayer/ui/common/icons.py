"""Icons from the Phosphor set (MIT), coloured from the current palette and repainted when it changes.

The glyphs are Phosphor's icon font and charmap as the qtawesome package ships them (``ph.`` names,
e.g. ``icon("ph.play-fill")``). They are drawn here with a small icon engine instead of through
qtawesome's own API: importing qtawesome loads QtPy, whose star imports of QtCore, QtGui and QtWidgets
cost ~100 ms on the way to the first frame, while the font and its charmap load in ~7 ms.

A glyph has no colour of its own: each icon is painted in the palette's ButtonText colour (greyed for a
disabled button), read when it is painted, so a theme switched at run time recolours it. ``IconKeeper``
sets the icons of actions and buttons again on a palette change so their cached pixmaps follow.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractButton, QWidget

from smrtplayer.common.resources import asset

log = logging.getLogger(__name__)

PHOSPHOR_FONT = "phosphor-1.3.0.ttf"
PHOSPHOR_CHARMAP = "phosphor-charmap-1.3.0.json"
PREFIX = "ph."
#: the glyph's share of the icon's square (Phosphor draws to the edge of its em box)
GLYPH_SCALE = 0.9
CAPTION_SCALE = 0.42


def _fonts_folder() -> Path:
    """The bundle keeps the font in its assets (build/pyinstaller.spec); elsewhere qtawesome's folder."""
    bundled = asset("fonts")
    if (bundled / PHOSPHOR_FONT).is_file():
        return bundled
    spec = importlib.util.find_spec("qtawesome")  # found without running the package
    if spec is None or not spec.submodule_search_locations:
        return bundled
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


@cache
def _phosphor() -> tuple[str, dict[str, str]]:
    """The font family Qt registered for Phosphor, and each icon name's character."""
    folder = _fonts_folder()
    font_id = QFontDatabase.addApplicationFont(str(folder / PHOSPHOR_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("the icon font %s could not be loaded: buttons show their text", folder / PHOSPHOR_FONT)
        return "", {}
    codes: dict[str, str] = json.loads((folder / PHOSPHOR_CHARMAP).read_text(encoding="utf-8"))
    return families[0], {name: chr(int(code, 16)) for name, code in codes.items()}


def has_icon(name: str) -> bool:
    return name.removeprefix(PREFIX) in _phosphor()[1]


class _GlyphEngine(QIconEngine):
    def __init__(self, family: str, glyph: str, palette_of: Callable[[], QPalette], caption: str) -> None:
        super().__init__()
        self._family = family
        self._glyph = glyph
        self._palette_of = palette_of
        self._caption = caption
        # Styles ask for a pixmap at each repaint of a button; the glyph is drawn once per size, mode and
        # colour (the colour is in the key, so a theme change draws anew).
        self._pixmaps: dict[tuple[int, int, int, int, int], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        font = QFont(self._family)
        font.setPixelSize(max(1, round(min(rect.width(), rect.height()) * GLYPH_SCALE)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(self._colour(mode))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self._glyph)
        if self._caption:
            # Inside a round arrow: "10" in ↺ reads as "back 10 s" without a second icon per step.
            small = QFont(QGuiApplication.font())
            small.setPixelSize(max(1, round(min(rect.width(), rect.height()) * CAPTION_SCALE)))
            small.setBold(True)
            painter.setFont(small)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self._caption)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        colour = self._colour(mode).rgba()
        key = (size.width(), size.height(), mode.value, state.value, colour)
        cached = self._pixmaps.get(key)
        if cached is None:
            cached = QPixmap(size)
            cached.fill(Qt.GlobalColor.transparent)
            painter = QPainter(cached)
            self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
            painter.end()
            self._pixmaps[key] = cached
        return cached

    def _colour(self, mode: QIcon.Mode) -> QColor:
        group = QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
        role = (
            QPalette.ColorRole.HighlightedText
            if mode == QIcon.Mode.Selected
            else QPalette.ColorRole.ButtonText
        )
        return self._palette_of().color(group, role)

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self._family, self._glyph, self._palette_of, self._caption)


def _application_palette() -> QPalette:
    return QGuiApplication.palette()


def icon(name: str, palette_of: Callable[[], QPalette] = _application_palette, *, caption: str = "") -> QIcon:
    """The Phosphor icon ``name`` ("ph.play-fill"), painted in ``palette_of()``'s ButtonText colour
    (the application palette by default), with a short ``caption`` in its middle ("10" in a round
    arrow). An unknown name gives an empty icon and a log line."""
    family, glyphs = _phosphor()
    glyph = glyphs.get(name.removeprefix(PREFIX))
    if glyph is None:
        if family:
            log.warning("no icon named %s", name)
        return QIcon()
    return QIcon(_GlyphEngine(family, glyph, palette_of, caption))


class IconKeeper(QObject):
    """Gives actions and buttons their icons, and gives them again when the palette changes (a theme
    switched at run time), so that no cached pixmap keeps the old colour.

    Install one on the widget that shows them; ``set_icon`` may be called again to change a target's
    icon (play ↔ pause), and the keeper remembers the latest one."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._names: dict[QAction | QAbstractButton, tuple[str, str]] = {}
        widget.installEventFilter(self)

    def set_icon(self, target: QAction | QAbstractButton, name: str, *, caption: str = "") -> None:
        self._names[target] = (name, caption)
        target.setIcon(icon(name, self._widget.palette, caption=caption))

    def name_of(self, target: QAction | QAbstractButton) -> str | None:
        entry = self._names.get(target)
        return entry[0] if entry else None

    def refresh(self) -> None:
        for target, (name, caption) in list(self._names.items()):
            try:
                target.setIcon(icon(name, self._widget.palette, caption=caption))
            except RuntimeError:  # the target was deleted with its own parent
                del self._names[target]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.refresh()
        return False
