"""The app icon (assets/icons/smrtplayer.svg), drawn by Qt's SVG icon engine at any size."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from smrtplayer.common.resources import asset

ICON_ASSET = "icons/smrtplayer.svg"


def app_icon() -> QIcon:
    return QIcon(str(asset(ICON_ASSET)))
