"""Real-window scenarios: the app under Xvfb, driven with mouse and keys, checked on screen pixels."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from helpers.xvfb import Xvfb, run_window_driver

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
]

DRIVER = Path(__file__).with_name("window_scenarios.py")
ARTIFACTS = os.environ.get("SMRTPLAYER_TEST_ARTIFACTS")


def run_scenario(name: str, tmp_path: Path) -> dict[str, Any]:
    out = Path(ARTIFACTS) / name if ARTIFACTS else tmp_path / "out"
    return run_window_driver(DRIVER, [name, "--data-dir", str(tmp_path / "data")], out)


@pytest.mark.time_limit(180)
def test_body_map_click_opens_the_lesson_at_the_position(tmp_path: Path) -> None:
    result = run_scenario("body_map_to_position", tmp_path)
    assert result["clicked_region"] == "hips-sacrum"
    assert "Piriformis, counterstrain" in result["results"]
    assert "Subscapularis, supine" not in result["results"], "only the clicked region is listed"
    assert result["lesson"] == "Piriformis"
    assert 3000 <= result["position_ms"] < 5500, "playing from the position's start (3.0 s)"
    red, green, blue = result["video_rgb"]
    assert green > red and green > blue, "lesson 2's green picture is on screen"


@pytest.mark.time_limit(180)
def test_mirror_flips_the_picture_on_screen_and_shows_the_badge(tmp_path: Path) -> None:
    result = run_scenario("mirrored_frame_with_badge", tmp_path)
    assert result["mirror_action_checked"]
    assert result["badge_pixels"] > 50, "the MIRRORED badge is drawn over the video"
    assert result["mean_diff_vs_flipped"] < 20, "the screen shows the horizontally flipped frame"
    assert result["mean_diff_vs_unflipped"] > result["mean_diff_vs_flipped"] * 2


@pytest.mark.time_limit(180)
def test_table_mode_runs_a_two_step_sequence(tmp_path: Path) -> None:
    result = run_scenario("table_mode_two_step_sequence", tmp_path)
    # Readable from the table: the digits are at least a fifth of the screen's height.
    assert result["countdown_digit_rows"] >= result["screen_height"] / 5, result
    assert result["countdown_text"] in {"1", "2", "3", "4", "5"}
    events = result["events"]
    steps = [event for event in events if event.startswith("step:")]
    assert len(steps) == 2, events
    # The second step is demonstrated on the other side: the picture flips between the steps.
    second = events.index(steps[1])
    cues = [event.removeprefix("cue:") for event in events if event.startswith("cue:")]
    assert cues.count("done") == 2, cues
    for step_cues in _split(cues, "done"):
        if "halfway" in step_cues and "last" in " ".join(step_cues):
            assert step_cues.index("halfway") < next(
                i for i, c in enumerate(step_cues) if c.startswith("last")
            )
    assert result["finished"] == [True]
    assert result["logged"] == 2
    # The flip happens at the side change (after step 1's done, before step 2 starts).
    assert events.index("mirrored:True") < second
    assert events.index("mirrored:True") > events.index("cue:done")


@pytest.mark.time_limit(180)
def test_table_mode_runs_the_adductor_template_with_keys(tmp_path: Path) -> None:
    result = run_scenario("table_mode_adductor_template", tmp_path)
    assert result["reminder_text"] == "Drink 10–20 oz of water"
    assert result["waited_for_the_key"], "a reminder waits for its key"
    steps = [event for event in result["events"] if event.startswith("step:")]
    assert steps == [
        "step:reminder:",
        "step:roll:R",
        "step:tender-rest:R",
        "step:roll:L",
        "step:tender-rest:L",
        "step:reminder:",
    ]
    shown = result["shown"]
    assert [kind for _status, kind, _side in shown] == [
        "REMINDER",
        "ROLL",
        "REST ON A TENDER SPOT",
        "ROLL",
        "REST ON A TENDER SPOT",
        "REMINDER",
    ]
    assert [side for _status, _kind, side in shown][1:5] == [
        "CLIENT'S RIGHT",
        "CLIENT'S RIGHT",
        "CLIENT'S LEFT",
        "CLIENT'S LEFT",
    ]
    assert shown[0][0].endswith("REMINDER — SPACE WHEN DONE")
    cues = [event.removeprefix("cue:") for event in result["events"] if event.startswith("cue:")]
    events = result["events"]
    for index, event in enumerate(events):
        if event == "step:reminder:":  # the step's own cue sounds as it starts, just before it is shown
            assert events[index - 1] == "cue:move", events
    beats = [
        event for index, event in enumerate(events) if events[index + 1 : index + 2] != ["step:reminder:"]
    ]
    by_step = _split_at_steps(beats)
    for roll in (by_step[1], by_step[3]):
        assert roll.count("move") == 2, roll  # the move-along cue at 2 s and 4 s of a 5 s roll
        assert roll[-1] == "done"
    for rest in (by_step[2], by_step[4]):
        assert "move" not in rest and rest[-1] == "done"
    assert cues.count("done") == 4
    assert result["finished"] == [True]
    assert result["log_rows"] == [
        ["roll", "R", True, 5000],
        ["tender-rest", "R", True, 5000],
        ["roll", "L", True, 5000],
        ["tender-rest", "L", True, 5000],
    ]


def _split_at_steps(events: list[str]) -> list[list[str]]:
    """The cues heard during each step (a step's done cue comes before the next step starts)."""
    groups: list[list[str]] = []
    for event in events:
        if event.startswith("step:"):
            groups.append([])
        elif groups:
            groups[-1].append(event.removeprefix("cue:"))
    return groups


def _split(items: list[str], end: str) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for item in items:
        groups[-1].append(item)
        if item == end:
            groups.append([])
    return [group for group in groups if group]
