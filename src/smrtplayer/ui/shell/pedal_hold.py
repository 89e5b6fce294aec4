"""Hold the pedal to play, release it to pause: an option of the keymap for foot pedals.

A QAction only hears a key go down; this filter hears it go up too. While the option is on, the
play / pause keys are taken from the shortcut system (their ShortcutOverride is accepted, so the key
reaches the filter as a key press and a key release): down plays, up pauses, and the keyboard's
auto-repeat while the pedal is held changes nothing. Only while the main window is the active one:
table mode has keys of its own meaning.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from smrtplayer.player.controller import PlaybackController
from smrtplayer.ui.common.shortcuts import ShortcutBindings

OPTION = "pedal_hold_to_play"
_KEY_EVENTS = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease)


class PedalHoldToPlay(QObject):
    def __init__(self, window: QWidget, bindings: ShortcutBindings, playback: PlaybackController) -> None:
        super().__init__(window)
        self._window = window
        self._bindings = bindings
        self._playback = playback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS or not isinstance(event, QKeyEvent):
            return False
        if not self._bindings.option(OPTION) or not self._window.isActiveWindow():
            return False
        key = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
        if self._bindings.owner_of(key) != "play_pause":
            return False
        event.accept()
        if event.isAutoRepeat():
            return True
        if event.type() == QEvent.Type.KeyPress:
            self._playback.play()
        elif event.type() == QEvent.Type.KeyRelease:
            self._playback.pause()
        return True
