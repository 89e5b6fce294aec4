"""Cue tones made in code, which cues each profile plays and in what order, speech where a voice exists.

This machine has no audio device, which is the case the code must survive: the cue signals fire and
nothing fails. The sound-playing path is checked with stand-in sound effects.
"""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from helpers.clock import MS, FakeClock
from smrtplayer.holds import cues
from smrtplayer.holds.cues import (
    CLINIC,
    KINDS,
    PROFILES,
    SAMPLE_RATE,
    SELF_CARE,
    CuePlayer,
    cue_files,
    synthesize,
)
from smrtplayer.holds.timer import HoldTimer


def run_hold(timer: HoldTimer, clock: FakeClock, hold_ms: int) -> None:
    timer.start(hold_ms)
    for _ in range(hold_ms // 100 + 5):
        clock.now += 100 * MS
        timer.poll()


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", KINDS)
def test_tones_are_short_clean_and_within_range(profile: str, kind: str) -> None:
    samples = synthesize(kind, profile)
    seconds = len(samples) / SAMPLE_RATE
    assert 0.02 < seconds < 2.0
    assert max(abs(value) for value in samples) <= 32767 * 0.6
    assert samples[0] == 0 and samples[-1] == 0, "starts and ends silent: no click"
    assert synthesize(kind, profile) == samples, "the same tone every time"


def test_the_clinic_is_quieter_than_self_care() -> None:
    for kind in KINDS:
        assert max(synthesize(kind, CLINIC)) < max(synthesize(kind, SELF_CARE))


def test_cue_files_are_plain_wavs_made_once(tmp_path: Path) -> None:
    files = cue_files(tmp_path)
    assert len(files) == len(PROFILES) * len(KINDS)
    done = files[(CLINIC, "done")]
    with wave.open(str(done)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, SAMPLE_RATE)
        assert wav.getnframes() == len(synthesize("done", CLINIC))
    stamp = done.stat().st_mtime_ns
    cue_files(tmp_path)
    assert done.stat().st_mtime_ns == stamp


def recorded(player: CuePlayer) -> tuple[list[str], list[str]]:
    played: list[str] = []
    flashes: list[str] = []
    player.cue_played.connect(played.append)
    player.flash_requested.connect(flashes.append)
    return played, flashes


def test_clinic_cues_a_soft_chime_at_halfway_and_the_end_with_a_flash(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(0)
    timer = HoldTimer(clock)
    player = CuePlayer(tmp_path, profile=CLINIC)
    player.attach(timer)
    played, flashes = recorded(player)
    run_hold(timer, clock, 20_000)
    assert played == ["halfway", "done"]
    assert flashes == ["done"]


def test_self_care_counts_down_the_last_three_seconds(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock(0)
    timer = HoldTimer(clock)
    player = CuePlayer(tmp_path, profile=SELF_CARE, ticks=True)
    player.attach(timer)
    played, flashes = recorded(player)
    run_hold(timer, clock, 6_000)
    assert played == [
        "tick",  # 5
        "tick",  # 4
        "tick",  # 3
        "halfway",
        "last_seconds",
        "tick",
        "last_seconds",
        "tick",
        "last_seconds",
        "done",
    ]
    assert flashes == []


def test_without_an_audio_device_cues_still_fire_and_nothing_fails(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if cues.audio_output_present():
        pytest.skip("this machine has an audio device")
    player = CuePlayer(tmp_path)
    played, _ = recorded(player)
    player.play("done")
    assert played == ["done"] and player.sounds_made == 0


def test_tones_the_cache_folder_refuses_are_made_elsewhere_and_the_cue_still_fires(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6 import QtMultimedia

    class DeviceEffect:
        """What plays a tone on a sound device (this machine has none); the tone files are real."""

        def __init__(self, _parent: object) -> None:
            self.source = QUrl()

        def setSource(self, source: QUrl) -> None:
            self.source = source

        def play(self) -> None:
            assert Path(self.source.toLocalFile()).is_file()

    monkeypatch.setattr(cues, "audio_output_present", lambda: True)
    monkeypatch.setattr(QtMultimedia, "QSoundEffect", DeviceEffect)
    monkeypatch.setattr(cues._SoundBank, "_effects", None)
    (tmp_path / "cues").write_bytes(b"")  # a file where the folder of tones would go
    player = CuePlayer(tmp_path)
    played, flashes = recorded(player)
    clock = FakeClock(0)
    timer = HoldTimer(clock)
    player.attach(timer)
    run_hold(timer, clock, 6000)  # the cues play from the timer's slots: no error may escape them
    assert played == ["halfway", "done"] and flashes == ["done"]
    assert player.sounds_made == 2
    effects = cues._SoundBank._effects
    assert effects is not None and len(effects) == len(PROFILES) * len(KINDS)
    sources = {Path(effect.source.toLocalFile()) for effect in effects.values()}  # type: ignore[attr-defined]
    assert all(path.is_file() and path.parent != tmp_path / "cues" for path in sources)


def test_sound_effects_are_made_once_and_reused(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    class FakeEffect:
        plays = 0

        def play(self) -> None:
            self.plays += 1

    bank = {(profile, kind): FakeEffect() for profile in PROFILES for kind in KINDS}
    monkeypatch.setattr(cues._SoundBank, "_effects", bank)
    first = CuePlayer(tmp_path)
    second = CuePlayer(tmp_path)  # e.g. a second context in the same process
    first.play("done")
    second.play("done")
    second.play("halfway")
    assert bank[(CLINIC, "done")].plays == 2 and bank[(CLINIC, "halfway")].plays == 1
    assert first.sounds_made == 1 and second.sounds_made == 2
    muted = CuePlayer(tmp_path, sound=False)
    muted.play("done")
    assert bank[(CLINIC, "done")].plays == 2


def test_self_care_speaks_the_position_name_where_a_voice_exists(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    player = CuePlayer(tmp_path, profile=SELF_CARE, speech_engine="mock")  # Qt's test engine
    spoken: list[str] = []
    player.speaker.spoken.connect(spoken.append)
    assert player.announce("Piriformis, right")
    assert spoken == ["Piriformis, right"]
    player.set_profile(CLINIC)
    assert not player.announce("Piriformis, left"), "the clinic profile never speaks"
    player.set_profile(SELF_CARE)
    player.speak_names = False
    assert not player.announce("Piriformis, left")
    assert spoken == ["Piriformis, right"]


def test_with_no_voice_the_name_is_silently_skipped(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    player = CuePlayer(tmp_path, profile=SELF_CARE, speech_engine="no-such-engine")
    assert not player.speaker.available()
    assert not player.announce("Psoas")
    assert not player.announce("Psoas"), "and it does not try again for every hold"


# The engines this system lists may fail to load (speechd without its library, or no voice): Qt logs
# that, which is the situation under test; the app must carry on silently.
@pytest.mark.qt_log_ignore("text-to-speech plug-in", "Text-to-speech plug-in", "Text to speech")
def test_the_systems_own_engines_are_tried_and_failures_are_silent(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    player = CuePlayer(tmp_path, profile=SELF_CARE)
    available = player.speaker.available()
    assert player.announce("Psoas") is available


def test_the_services_announce_each_hold_but_not_rests(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.holds.legs import Leg

    holds = context.holds
    holds.set_option("holds.cue_profile", SELF_CARE)
    runner = holds.runner
    holds.cues.speaker._engine_name = "mock"
    spoken: list[str] = []
    holds.cues.speaker.spoken.connect(spoken.append)
    runner.step_started.emit(Leg(step_index=0, kind="hold", title="Psoas", side="R", hold_ms=30_000))
    runner.step_started.emit(Leg(step_index=1, kind="rest", title="Rest", side="", hold_ms=10_000))
    assert spoken == ["Psoas, right"]
