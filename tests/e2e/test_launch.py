"""The real start on a real X server: the resumed lesson first, then the whole window, and keys that
work from the first frame on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.player import add_course
from helpers.xvfb import Xvfb, run_window_driver
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.models.settings import AUTOPLAY_NEXT_S

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
]

DRIVER = Path(__file__).with_name("launch_driver.py")
ARTIFACTS = os.environ.get("SMRTPLAYER_TEST_ARTIFACTS")


@pytest.mark.time_limit(180)
def test_the_window_is_complete_after_the_first_frame_and_keys_work_from_it_on(media, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    context = AppContext.open(AppPaths.resolve(data))
    try:
        clip = media.clip(seconds=8.0, size=(320, 180), fps=25)
        lessons = add_course(context, tmp_path / "course", [("Shoulder", clip)], uid="launch")
        context.progress.save_position(lessons[0].fingerprint, 3000, 8000)  # stopped at 3 s, playing
        context.settings.set(AUTOPLAY_NEXT_S, 0)
    finally:
        context.close()
    out = Path(ARTIFACTS) / "launch" if ARTIFACTS else tmp_path / "out"
    result = run_window_driver(DRIVER, ["--data-dir", str(data)], out, window_manager=True)

    assert result["was_playing"], "it resumes playing, as it was left"
    assert result["lesson_title"].endswith("Shoulder"), "the lesson is named with its first frame"
    assert result["focus_on_video"], "the player's keys work from the start"
    assert not result["playing_after_space"], "Space right after the first frame pauses"
    assert result["mirrored_after_h"], "H right after the first frame mirrors"
    assert all(result["visible"].values()), result["visible"]
    assert result["note_panel_lesson"] == "Shoulder", "the panels built later follow the lesson"
    assert len(result["menus"]) >= 5, result["menus"]
    assert result["still_paused"] and result["still_mirrored"], "building the panels undid no key"
    assert result["playing_after_second_space"]
