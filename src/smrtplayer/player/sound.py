"""Volume, mute and speed: applied at once, remembered (volume for the app, speed per course).

The volume is written a moment after the last change, not at every step of a slider drag.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from smrtplayer.models.settings import MUTED, VOLUME, SettingsAccess
from smrtplayer.store.playback_state import PlaybackStateRepository

RATES = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
VOLUME_SAVE_DELAY_MS = 400

#: stores a choice, telling the user when it cannot (``ResumeKeeper.keep_choice``)
KeepChoice = Callable[[str, Callable[[], object]], bool]


class Sound(QObject):
    volume_changed = Signal(float)
    muted_changed = Signal(bool)
    rate_changed = Signal(float)

    def __init__(
        self,
        player: QMediaPlayer,
        audio: QAudioOutput,
        state: PlaybackStateRepository | None,
        settings: SettingsAccess | None,
        keep_choice: KeepChoice,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._audio = audio
        self._state = state
        self._settings = settings
        self._keep_choice = keep_choice
        self._volume_timer = QTimer(self)
        self._volume_timer.setSingleShot(True)
        self._volume_timer.setInterval(VOLUME_SAVE_DELAY_MS)
        self._volume_timer.timeout.connect(self.save_volume)

    def reset(self) -> None:
        """Normal speed, and the volume the user left the app with."""
        self._player.setPlaybackRate(1.0)
        self._enable_pitch_compensation()
        settings = self._settings
        self._audio.setVolume(settings.get(VOLUME) if settings is not None else VOLUME.default_value())
        self._audio.setMuted(settings.get(MUTED) if settings is not None else MUTED.default_value())

    # -------------------------------------------------------------------------------- volume
    def volume(self) -> float:
        return float(self._audio.volume())

    def is_muted(self) -> bool:
        return bool(self._audio.isMuted())

    def set_volume(self, volume: float) -> None:
        self._audio.setVolume(max(0.0, min(1.0, volume)))
        if self.is_muted() and volume > 0:
            self.set_muted(False)
        self._volume_timer.start()
        self.volume_changed.emit(self.volume())

    def set_muted(self, muted: bool) -> None:
        self._audio.setMuted(muted)
        self._volume_timer.start()
        self.muted_changed.emit(muted)

    @Slot()
    def save_volume(self) -> None:
        settings = self._settings
        if settings is not None:
            volume, muted = round(self.volume(), 3), self.is_muted()
            self._keep_choice("The volume", lambda: settings.set_many({VOLUME: volume, MUTED: muted}))

    def flush(self) -> None:
        """Write a volume change still waiting for its delay (the app is closing)."""
        if self._volume_timer.isActive():
            self._volume_timer.stop()
            self.save_volume()

    # --------------------------------------------------------------------------------- speed
    def rate(self) -> float:
        return float(self._player.playbackRate())

    def pitch_kept(self) -> bool:
        """Whether speech keeps its natural pitch when slowed down or sped up."""
        availability = self._player.pitchCompensationAvailability()
        if availability == QMediaPlayer.PitchCompensationAvailability.AlwaysOn:
            return True
        return availability == QMediaPlayer.PitchCompensationAvailability.Available and bool(
            self._player.pitchCompensation()
        )

    def set_rate(self, rate: float, course_id: int | None) -> None:
        """Play at the step nearest ``rate``, and remember it for the course ``course_id``."""
        rate = min(RATES, key=lambda step: abs(step - rate))
        self._apply_rate(rate)
        state = self._state
        if course_id is not None and state is not None:
            self._keep_choice("The speed", lambda: state.set_course_rate(course_id, rate))

    def faster_step(self) -> float:
        return next((step for step in RATES if step > self.rate() + 1e-6), RATES[-1])

    def slower_step(self) -> float:
        return next((step for step in reversed(RATES) if step < self.rate() - 1e-6), RATES[0])

    def follow_course(self, course_id: int) -> None:
        """Another course opens: play at the speed last chosen for it."""
        rate = self._state.course_rate(course_id) if self._state else None
        self._apply_rate(rate if rate in RATES else 1.0)

    def _apply_rate(self, rate: float) -> None:
        self._enable_pitch_compensation()
        if abs(self.rate() - rate) > 1e-6:
            self._player.setPlaybackRate(rate)
        self.rate_changed.emit(rate)

    def _enable_pitch_compensation(self) -> None:
        if (
            self._player.pitchCompensationAvailability()
            == QMediaPlayer.PitchCompensationAvailability.Available
        ):
            self._player.setPitchCompensation(True)
