"""The side panels as the user left them: the lessons panel's width (or collapsed), the docks' places,
widths and which are closed, kept per computer (``window.`` settings are never exported or merged).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QSplitter

from smrtplayer.app.settings import SettingsService
from smrtplayer.models.settings import WINDOW_DOCKS, WINDOW_SPLITTER

log = logging.getLogger(__name__)

#: the default widths, as shares of the window's width: the video takes the rest (≥ 65 % at 1920 px)
LESSONS_SHARE = 0.16
LESSONS_MIN_PX, LESSONS_MAX_PX = 270, 320
DOCKS_SHARE = 0.17
DOCKS_MIN_PX, DOCKS_MAX_PX = 280, 340


def lessons_width(window_width: int) -> int:
    return max(LESSONS_MIN_PX, min(LESSONS_MAX_PX, round(window_width * LESSONS_SHARE)))


def docks_width(window_width: int) -> int:
    return max(DOCKS_MIN_PX, min(DOCKS_MAX_PX, round(window_width * DOCKS_SHARE)))


def restore_splitter(splitter: QSplitter, settings: SettingsService) -> bool:
    """The lessons panel's width (or collapsed) as it was left; False when nothing was kept."""
    splitter_state = settings.get(WINDOW_SPLITTER)
    if not splitter_state:
        return False
    return splitter.restoreState(QByteArray.fromBase64(splitter_state.encode("ascii")))


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: SettingsService) -> bool:
    """Put the panels back as they were left; False when nothing was kept (or it was unreadable)."""
    restored = restore_splitter(splitter, settings)
    docks_state = settings.get(WINDOW_DOCKS)
    if docks_state:
        restored = window.restoreState(QByteArray.fromBase64(docks_state.encode("ascii"))) or restored
    return restored


def save_layout(window: QMainWindow, splitter: QSplitter, settings: SettingsService) -> None:
    try:
        settings.set_many(
            {
                WINDOW_SPLITTER: bytes(splitter.saveState().toBase64().data()).decode("ascii"),
                WINDOW_DOCKS: bytes(window.saveState().toBase64().data()).decode("ascii"),
            }
        )
    except Exception:  # closing goes on whatever the store says; the log keeps why
        log.warning("could not remember the panels' layout", exc_info=True)
