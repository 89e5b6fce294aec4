"""Cues for a hold: tones made in code, a screen flash, and (self-care only) the position's name spoken.

* Tones are synthesised here (sine partials with a soft attack and an exponential decay) and written
  once as small WAV files in the cache folder: nothing to license, nothing to ship.
* They play through ``QSoundEffect`` objects made once per process and reused, never created and
  destroyed per cue (re-creating audio outputs is where QtMultimedia deadlocks). Where there is no
  audio device at all (a headless machine, a clinic PC with the speakers unplugged) no sound object is
  made; the cue signals still fire, so the screen flash and the log work the same.
* Speech goes through QtTextToSpeech when the system has an engine with a voice; where it has none the
  name is silently not spoken.

Profiles: **clinic** is quiet (a soft chime at halfway and at the end, plus a screen flash; never a
voice); **self-care** is louder, counts down the last three seconds and may speak the position's name.
"""

from __future__ import annotations

import logging
import math
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal, Slot

if TYPE_CHECKING:
    import array

    from smrtplayer.holds.timer import HoldTimer

log = logging.getLogger(__name__)

CLINIC = "clinic"
SELF_CARE = "self_care"
PROFILES = (CLINIC, SELF_CARE)
#: "pass": each Active Release pass begins; "move": a roll's move-along cue, or a step's own cue (a
#: reminder, the slow return to neutral).
KINDS = ("tick", "halfway", "last_seconds", "done", "pass", "move")
SAMPLE_RATE = 44_100

# A note: ((frequency Hz, relative amplitude) partials, start s, decay time constant s, length s).
_Note = tuple[tuple[tuple[float, float], ...], float, float, float]
_BELL = ((1.0, 1.0), (2.0, 0.18), (3.01, 0.06))
_PURE = ((1.0, 1.0),)


def _note(
    frequency: float,
    start: float,
    decay: float,
    length: float,
    partials: tuple[tuple[float, float], ...] = _BELL,
) -> _Note:
    return (tuple((frequency * ratio, amplitude) for ratio, amplitude in partials), start, decay, length)


# profile -> kind -> (peak amplitude 0..1, notes)
_DESIGN: dict[str, dict[str, tuple[float, tuple[_Note, ...]]]] = {
    CLINIC: {
        "tick": (0.10, (_note(1000.0, 0.0, 0.006, 0.03, _PURE),)),
        "halfway": (0.22, (_note(587.33, 0.0, 0.35, 0.9),)),
        "last_seconds": (0.12, (_note(784.0, 0.0, 0.03, 0.09, _PURE),)),
        "done": (0.30, (_note(659.25, 0.0, 0.45, 1.3), _note(880.0, 0.18, 0.55, 1.3))),
        "pass": (0.20, (_note(1318.5, 0.0, 0.02, 0.08, _PURE),)),
        "move": (0.20, (_note(523.25, 0.0, 0.12, 0.3), _note(523.25, 0.16, 0.12, 0.3))),
    },
    SELF_CARE: {
        "tick": (0.25, (_note(1000.0, 0.0, 0.008, 0.04, _PURE),)),
        "halfway": (0.45, (_note(698.46, 0.0, 0.3, 0.8),)),
        "last_seconds": (0.45, (_note(880.0, 0.0, 0.05, 0.13, ((1.0, 1.0), (2.0, 0.2))),)),
        "done": (
            0.55,
            (_note(523.25, 0.0, 0.35, 1.2), _note(659.25, 0.15, 0.35, 1.2), _note(783.99, 0.30, 0.5, 1.4)),
        ),
        "pass": (0.40, (_note(1318.5, 0.0, 0.025, 0.1, _PURE),)),
        "move": (0.40, (_note(587.33, 0.0, 0.12, 0.3), _note(587.33, 0.16, 0.12, 0.3))),
    },
}


def synthesize(kind: str, profile: str = CLINIC) -> array.array[int]:
    """16-bit mono PCM samples for one cue."""
    import array  # imported at first use: not needed while a lesson plays

    peak, notes = _DESIGN[profile][kind]
    length_s = max(start + length for _partials, start, _decay, length in notes)
    count = int(length_s * SAMPLE_RATE)
    mix = [0.0] * count
    attack = int(0.004 * SAMPLE_RATE)
    for partials, start_s, decay_s, note_length_s in notes:
        first = int(start_s * SAMPLE_RATE)
        last = min(count, first + int(note_length_s * SAMPLE_RATE))
        steps = [(2 * math.pi * frequency / SAMPLE_RATE, amplitude) for frequency, amplitude in partials]
        for index in range(first, last):
            n = index - first
            envelope = math.exp(-n / (decay_s * SAMPLE_RATE))
            if n < attack:
                envelope *= n / attack
            mix[index] += envelope * sum(amplitude * math.sin(step * n) for step, amplitude in steps)
    loudest = max(1e-9, max(abs(value) for value in mix))
    fade = int(0.01 * SAMPLE_RATE)
    scale = peak * 32767 / loudest
    samples = array.array("h", (int(value * scale) for value in mix))
    for index in range(1, min(fade, count) + 1):  # end at exactly zero: no click
        samples[count - index] = int(samples[count - index] * (index - 1) / fade)
    return samples


def write_wav(path: Path, samples: array.array[int]) -> Path:
    import wave  # imported at first use: not needed while a lesson plays

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with wave.open(str(partial), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples.tobytes())
    partial.replace(path)
    return path


def cue_files(folder: Path) -> dict[tuple[str, str], Path]:
    """Make (once) and return the WAV file of every (profile, kind)."""
    files: dict[tuple[str, str], Path] = {}
    for profile in PROFILES:
        for kind in KINDS:
            path = folder / f"v1-{profile}-{kind}.wav"
            if not path.is_file():
                write_wav(path, synthesize(kind, profile))
            files[(profile, kind)] = path
    return files


def audio_output_present() -> bool:
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


class _SoundBank:
    """The process's sound effects: made once (when an audio device exists), never destroyed."""

    _effects: dict[tuple[str, str], object] | None = None

    @classmethod
    def effects(cls, folder: Path) -> dict[tuple[str, str], object]:
        if cls._effects is None:
            if not audio_output_present():
                return {}
            from PySide6.QtMultimedia import QSoundEffect

            keeper = QCoreApplication.instance()
            effects: dict[tuple[str, str], object] = {}
            for key, path in _tone_files(folder).items():
                effect = QSoundEffect(keeper)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effects[key] = effect
            cls._effects = effects
        return cls._effects


def _tone_files(folder: Path) -> dict[tuple[str, str], Path]:
    """The tones' files, in ``folder`` if the disk lets them be written there, else in a temporary
    folder: a full or read-only cache must not silence the end of a hold, nor stop the hold's cue
    (this runs from the hold timer's slot)."""
    try:
        return cue_files(folder)
    except OSError as error:
        log.warning("the cue tones cannot be kept in %s (%s); made in a temporary folder", folder, error)
    try:
        return cue_files(Path(tempfile.mkdtemp(prefix="smrtplayer-cues-")))
    except OSError as error:
        log.warning("the cue tones cannot be written anywhere (%s); holds end without a tone", error)
        return {}


class Speaker(QObject):
    """Speaks short texts where the system has a text-to-speech voice; silent otherwise."""

    spoken = Signal(str)

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine_name = engine
        self._tts: object | None = None
        self._unavailable = False

    def available(self) -> bool:
        return self._voice() is not None

    def say(self, text: str) -> bool:
        tts = self._voice()
        if tts is None or not text:
            return False
        tts.say(text)  # type: ignore[attr-defined]
        self.spoken.emit(text)
        return True

    def _voice(self) -> object | None:
        if self._unavailable:
            return None
        if self._tts is None:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech
            except ImportError:
                self._unavailable = True
                return None
            engines = list(QTextToSpeech.availableEngines())
            if self._engine_name:
                names = [self._engine_name] if self._engine_name in engines else []
            else:
                names = [name for name in engines if name != "mock"]  # Qt's test engine says nothing
            for name in names:
                tts = QTextToSpeech(name, self)
                if tts.state() != QTextToSpeech.State.Error and tts.availableVoices():
                    self._tts = tts
                    break
                tts.deleteLater()
            if self._tts is None:
                log.info("no text-to-speech voice on this system; names will not be spoken")
                self._unavailable = True
        return self._tts


class CuePlayer(QObject):
    """Turns the hold timer's events into sounds, flashes and speech, according to the profile.

    ``cue_played(kind)`` fires for every cue of the profile whether or not a sound could be made;
    ``flash_requested(kind)`` asks the table-mode screen to flash (clinic profile).
    """

    cue_played = Signal(str)
    flash_requested = Signal(str)

    def __init__(
        self,
        cache_dir: Path,
        *,
        profile: str = CLINIC,
        ticks: bool = False,
        speak_names: bool = True,
        speech_engine: str | None = None,
        sound: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder = cache_dir / "cues"
        self.profile = profile if profile in PROFILES else CLINIC
        self.ticks = ticks
        self.speak_names = speak_names
        self.sound = sound
        self.speaker = Speaker(speech_engine, self)
        self.sounds_made = 0

    def set_profile(self, profile: str) -> None:
        self.profile = profile if profile in PROFILES else CLINIC

    def attach(self, timer: HoldTimer) -> None:
        timer.tick.connect(self._on_tick)
        timer.halfway.connect(self._on_halfway)
        timer.last_seconds.connect(self._on_last_seconds)
        timer.done.connect(self._on_done)

    # Which cues a profile uses: the clinic stays quiet in the last seconds (the flash says it).
    def _wanted(self, kind: str) -> bool:
        if kind == "tick":
            return self.ticks
        if kind == "last_seconds":
            return self.profile == SELF_CARE
        return True

    @Slot(int)
    def _on_tick(self, _remaining_ms: int) -> None:
        self.play("tick")

    @Slot()
    def _on_halfway(self) -> None:
        self.play("halfway")

    @Slot(int)
    def _on_last_seconds(self, _seconds: int) -> None:
        self.play("last_seconds")

    @Slot()
    def _on_done(self) -> None:
        self.play("done")
        if self.profile == CLINIC:
            self.flash_requested.emit("done")

    def play(self, kind: str) -> None:
        if not self._wanted(kind):
            return
        if self.sound:
            effect = _SoundBank.effects(self._folder).get((self.profile, kind))
            if effect is not None:
                effect.play()  # type: ignore[attr-defined]
                self.sounds_made += 1
        self.cue_played.emit(kind)

    def announce(self, text: str) -> bool:
        """Speak a position's name at the start of its hold (self-care profile only)."""
        if self.profile != SELF_CARE or not self.speak_names:
            return False
        return self.speaker.say(text)
