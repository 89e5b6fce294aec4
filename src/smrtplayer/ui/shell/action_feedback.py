"""On-screen feedback: each player action, by key, pedal or button, says briefly on the video what it
did ("Speed 0.75×", "Loop start set", "Mirrored", "−5 s", "Volume 40 %", "Paused").

It listens to the actions after the window's own handlers ran, and words the state they left, so the
text is true even where an action could not change anything (the slowest speed, the start of the
lesson). Actions that say something themselves (a capture, a loop's end or a position's loop,
subtitles bigger) or open a dialog are left to do so.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from smrtplayer.common.timetext import clock_text
from smrtplayer.player.controller import PlaybackController
from smrtplayer.ui.common.i18n import percent_text, rate_text
from smrtplayer.ui.player.video_view import OSD_MS, VideoView


class ActionFeedback(QObject):
    def __init__(
        self,
        playback: PlaybackController,
        view: VideoView,
        actions: dict[str, QAction],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._playback = playback
        self._view = view
        self._actions = actions
        texts = self._texts()
        for action_id, text in texts.items():
            actions[action_id].triggered.connect(lambda _checked=False, t=text: self._show(t))

    def _show(self, text: Callable[[], str | None]) -> None:
        shown = text()
        if shown:
            self._view.flash(shown, OSD_MS)

    def _at(self, words: str) -> Callable[[], str]:
        playback = self._playback
        return lambda: f"{words}  ·  {clock_text(playback.position_ms())}"

    def _checked(self, action_id: str, on: str, off: str) -> Callable[[], str]:
        action = self._actions[action_id]
        return lambda: on if action.isChecked() else off

    def _texts(self) -> dict[str, Callable[[], str | None]]:
        playback = self._playback
        loop = playback.loop_snapshot
        return {
            "play_pause": lambda: self.tr("Playing") if playback.is_playing() else self.tr("Paused"),
            "pause": lambda: self.tr("Paused"),
            "back_5": self._at(self.tr("−5 s")),
            "forward_5": self._at(self.tr("+5 s")),
            "back_10": self._at(self.tr("−10 s")),
            "forward_10": self._at(self.tr("+10 s")),
            "previous_position": self._at(self.tr("Previous position")),
            "next_position": self._at(self.tr("Next position")),
            "previous_lesson": lambda: self.tr("Previous lesson"),
            "next_lesson": lambda: self.tr("Next lesson"),
            "volume_up": self._volume,
            "volume_down": self._volume,
            "mute": lambda: self.tr("Muted") if playback.is_muted() else self._volume(),
            "fullscreen": self._checked("fullscreen", self.tr("Full screen"), self.tr("Full screen off")),
            "focus_mode": self._checked(
                "focus_mode", self.tr("Focus mode: Esc shows the panels again"), self.tr("Panels shown")
            ),
            "slower": self._rate,
            "faster": self._rate,
            "normal_speed": self._rate,
            "loop_a": lambda: self.tr("Loop start set") if loop().a_ms is not None else None,
            "loop_clear": lambda: self.tr("Loop cleared"),
            "frame_back": self._at(self.tr("Previous frame")),
            "frame_forward": self._at(self.tr("Next frame")),
            "mirror": self._checked("mirror", self.tr("Mirrored"), self.tr("Not mirrored")),
            "subtitles": lambda: (
                self.tr("Subtitles on") if playback.subtitles_enabled() else self.tr("Subtitles off")
            ),
            "watched": self._checked("watched", self.tr("Marked watched"), self.tr("Marked not watched")),
        }

    def _volume(self) -> str:
        return self.tr("Volume {percent}").format(percent=percent_text(self._playback.volume()))

    def _rate(self) -> str:
        return self.tr("Speed {rate}").format(rate=rate_text(self._playback.rate()))
