"""Sequences: plans expand into legs (sides, repeats, rests), run step by step on a fake clock against a
stand-in player, write the practice log, and handle a missing lesson the way the user chooses.

The store, the library and the demo course are real (the ``context`` fixture); only the clock and the
media player are stand-ins, so no test waits for real time or decodes video.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal

from helpers.clock import MS, FakeClock, advance_clock
from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import Leg, expand, rest_step, step_for_position, validate_plan
from smrtplayer.holds.runner import SequenceRunner
from smrtplayer.holds.timer import HoldTimer
from smrtplayer.holds.watcher import PositionWatcher
from smrtplayer.library.scan import course_from_manifest
from smrtplayer.models.library import Lesson
from smrtplayer.models.plans import Plan, PlanStep
from smrtplayer.models.positions import Position, PositionDraft, position_near
from smrtplayer.models.presets import HoldRejected


class FakePlayer(QObject):
    """Records what the runner asks of the player; reports positions when the test says so."""

    position_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.lesson: Lesson | None = None
        self.calls: list[tuple[str, Any]] = []
        self.mirrored = False
        self.playing = False
        self.at_ms = 0

    def open_lesson(self, lesson: Lesson, *, autoplay: bool = True, start_ms: int | None = None) -> None:
        self.lesson = lesson
        self.playing = autoplay
        self.at_ms = start_ms or 0
        self.calls.append(("open", (lesson.title, start_ms)))

    def play(self) -> None:
        self.playing = True
        self.calls.append(("play", None))

    def pause(self) -> None:
        self.playing = False
        self.calls.append(("pause", None))

    def seek(self, position_ms: int) -> None:
        self.at_ms = position_ms
        self.calls.append(("seek", position_ms))

    def position_ms(self) -> int:
        return self.at_ms

    def is_playing(self) -> bool:
        return self.playing

    def set_mirrored(self, mirrored: bool) -> None:
        self.mirrored = mirrored
        self.calls.append(("mirror", mirrored))

    def report(self, position_ms: int) -> None:
        self.at_ms = position_ms
        self.position_changed.emit(position_ms)


class Harness:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.clock = FakeClock(1_000 * MS)
        self.timer = HoldTimer(self.clock)
        self.player = FakePlayer()
        self.runner = SequenceRunner(self.timer, self.player, context.library, context.holds.practice)
        self.log: list[tuple[str, Any]] = []
        self.runner.step_started.connect(lambda leg: self.log.append(("started", (leg.title, leg.side))))
        self.runner.step_finished.connect(lambda leg, ok: self.log.append(("finished", (leg.title, ok))))
        self.runner.sequence_finished.connect(lambda ok: self.log.append(("sequence", ok)))
        self.runner.awaiting_choice.connect(lambda leg: self.log.append(("awaiting", leg.title)))
        self.runner.lesson_missing.connect(lambda leg, msg: self.log.append(("missing", msg)))
        self.runner.mirrored_changed.connect(lambda on: self.log.append(("mirrored", on)))

    def advance(self, ms: int, step_ms: int = 250) -> None:
        """Let ``ms`` pass, waking the timer every ``step_ms`` as its QTimer would (a little late)."""
        advance_clock(self.clock, self.timer, ms, step_ms=step_ms)

    def names(self) -> list[str]:
        return [name for name, _ in self.log]


def demo_positions(context: AppContext) -> dict[str, tuple[Lesson, Position]]:
    found = {}
    for course in context.library.courses():
        for lesson in context.library.lessons(course.id):
            for position in context.library.positions(lesson):
                found[position.title] = (lesson, position)
    return found


@pytest.fixture
def harness(context: AppContext) -> Harness:
    return Harness(context)


@pytest.fixture
def positions(context: AppContext) -> dict[str, tuple[Lesson, Position]]:
    return demo_positions(context)


def two_step_plan(positions: dict[str, tuple[Lesson, Position]]) -> Plan:
    _, posterior = positions["Gluteus medius, posterior fibres"]
    _, anterior = positions["Gluteus medius, anterior fibres"]
    return Plan(
        title="Hip balance",
        steps=(step_for_position(posterior), rest_step(10_000), step_for_position(anterior, side="R")),
    )


# --------------------------------------------------------------------------------------- plans
def test_a_position_step_takes_the_positions_own_hold_time(positions: dict) -> None:  # type: ignore[type-arg]
    _, piriformis = positions["Piriformis, counterstrain"]
    step = step_for_position(piriformis)
    assert step.hold_ms == 90_000 and step.technique == "Strain-Counterstrain"
    assert step.side == "L" and step.demo_side == "L"
    assert step_for_position(piriformis, hold_ms=120_000).hold_ms == 120_000


def test_both_sides_and_repeats_expand_into_legs_with_the_mirror_on_the_other_side(positions: dict) -> None:  # type: ignore[type-arg]
    _, posterior = positions["Gluteus medius, posterior fibres"]  # demonstrated on the right
    step = PlanStep(**{**step_for_position(posterior).__dict__, "side": "both", "repeats": 2})
    legs = expand(Plan(title="x", steps=(step, rest_step(15_000))))
    assert [(leg.side, leg.mirrored, leg.repeat) for leg in legs] == [
        ("R", False, 1),
        ("L", True, 1),
        ("R", False, 2),
        ("L", True, 2),
        ("", False, 1),
    ]
    assert legs[1].label == "Gluteus medius, posterior fibres, left"
    assert legs[-1].is_rest and legs[-1].label == "Rest"


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (Plan(title="Empty"), "no steps"),
        (Plan(title="Rests", steps=(PlanStep(kind="rest", hold_ms=30_000),)), "only rests"),
        (Plan(title="Zero", steps=(PlanStep(kind="hold", hold_ms=0, title="x"),)), "not possible"),
        (Plan(title="Negative", steps=(PlanStep(kind="hold", hold_ms=-30_000, title="x"),)), "not possible"),
        (Plan(title="Absurd", steps=(PlanStep(kind="hold", hold_ms=86_400_000, title="x"),)), "longest"),
        (Plan(title="Loops", steps=(PlanStep(kind="hold", hold_ms=30_000, repeats=99),)), "repeat"),
        (Plan(title="  ", steps=(PlanStep(kind="hold", hold_ms=30_000),)), "name"),
    ],
)
def test_plans_that_cannot_run_are_refused_with_a_message(plan: Plan, message: str, harness: Harness) -> None:
    with pytest.raises(HoldRejected, match=message):
        validate_plan(plan)
    with pytest.raises(HoldRejected):
        harness.runner.run_plan(plan)
    assert not harness.runner.is_active()


def test_plans_are_saved_reordered_duplicated_and_deleted(context: AppContext, positions: dict) -> None:  # type: ignore[type-arg]
    plans = context.holds.plans
    first = plans.save(two_step_plan(positions))
    second = plans.save(Plan(title="Piriformis both sides", steps=(rest_step(20_000),)))
    assert [plan.title for plan in plans.all()] == ["Hip balance", "Piriformis both sides"]
    saved = plans.get(first)
    assert saved is not None and len(saved.steps) == 3
    assert saved.steps[0].position_uid == positions["Gluteus medius, posterior fibres"][1].uid
    assert saved.steps[1].is_rest and saved.steps[1].hold_ms == 10_000

    # Reordering steps is editing the plan and saving it again.
    reordered = saved.with_steps([saved.steps[2], saved.steps[1], saved.steps[0]])
    plans.save(reordered)
    again = plans.get(first)
    assert again is not None
    assert [step.title for step in again.steps] == [
        "Gluteus medius, anterior fibres",
        "Rest",
        "Gluteus medius, posterior fibres",
    ]

    plans.move(second, -1)
    assert [plan.id for plan in plans.all()] == [second, first]
    copy = plans.duplicate(first)
    duplicated = plans.get(copy)
    assert duplicated is not None and duplicated.title == "Hip balance (copy)"
    assert [step.title for step in duplicated.steps] == [step.title for step in again.steps]
    plans.delete(first)
    assert plans.get(first) is None
    assert [plan.id for plan in plans.all()] == [second, copy]


def test_custom_presets_are_saved_by_name(context: AppContext) -> None:
    presets = context.holds.presets
    preset = presets.save("  Psoas   long ", 75_000, "SMRT")
    assert preset.name == "Psoas long" and not preset.builtin
    presets.save("Psoas long", 80_000)
    assert [(p.name, p.hold_ms) for p in presets.all()] == [("Psoas long", 80_000)]
    with pytest.raises(HoldRejected):
        presets.save("Too long", 10**8)
    with pytest.raises(HoldRejected):
        presets.save("   ", 30_000)
    names = [p.name for p in context.holds.all_presets()]
    assert "SMRT 30 s" in names and "Psoas long" in names
    assert preset.id is not None
    presets.delete(preset.id)
    assert presets.all() == []


# -------------------------------------------------------------------------------------- running
def test_a_two_step_plan_runs_on_its_own_and_logs_each_hold(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    runner, player = harness.runner, harness.player
    plan = two_step_plan(positions)
    runner.run_plan(plan)
    assert runner.is_active()
    assert player.calls[:2] == [("mirror", False), ("open", ("Gluteus medius", 0))]
    first_deadline = harness.timer.deadline_ns()

    harness.advance(30_000 + 10_000 + 30_000 + 1_000)
    assert harness.log == [
        ("started", ("Gluteus medius, posterior fibres", "R")),
        ("finished", ("Gluteus medius, posterior fibres", True)),
        ("started", ("Rest", "")),
        ("finished", ("Rest", True)),
        ("mirrored", True),  # the anterior fibres were filmed on the left: the right side is mirrored
        ("started", ("Gluteus medius, anterior fibres", "R")),
        ("finished", ("Gluteus medius, anterior fibres", True)),
        ("mirrored", False),
        ("sequence", True),
    ]
    assert not runner.is_active()
    assert ("seek", 3000) in player.calls, "same lesson: the player seeks instead of reopening"
    assert first_deadline is not None

    rows = harness.context.holds.practice.recent()
    assert [(row.title, row.side, row.planned_ms, row.actual_ms, row.completed) for row in rows] == [
        ("Gluteus medius, anterior fibres", "R", 30_000, 30_000, True),
        ("Gluteus medius, posterior fibres", "R", 30_000, 30_000, True),
    ]


def test_auto_advance_chains_deadlines_so_a_sequence_never_drifts(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    runner = harness.runner
    plan = two_step_plan(positions)
    runner.run_plan(plan)
    start = harness.timer.deadline_ns() - 30_000 * MS  # type: ignore[operator]
    deadlines = []
    harness.timer.started.connect(lambda _ms: deadlines.append(harness.timer.deadline_ns()))
    harness.advance(71_000, step_ms=437)  # wake-ups land late, at odd instants
    assert deadlines == [start + 40_000 * MS, start + 70_000 * MS]


def test_without_auto_advance_the_hold_waits_in_overtime_for_the_next_key(
    harness: Harness, positions: dict
) -> None:  # type: ignore[type-arg]
    runner = harness.runner
    runner.auto_advance = False
    runner.run_plan(two_step_plan(positions))
    harness.advance(35_000)
    assert runner.phase == runner.AWAITING
    assert harness.timer.is_overtime() and harness.timer.display() == "+0:05"
    runner.next()
    assert runner.current() is not None and runner.current().is_rest  # type: ignore[union-attr]
    rows = harness.context.holds.practice.recent()
    assert rows[0].completed and rows[0].actual_ms == 35_000, "overtime is part of the time held"


def test_back_restarts_the_previous_leg_and_stop_logs_an_abandoned_hold(
    harness: Harness, positions: dict
) -> None:  # type: ignore[type-arg]
    runner = harness.runner
    runner.run_plan(two_step_plan(positions))
    harness.advance(31_000)  # into the rest
    runner.back()
    assert runner.index() == 0 and harness.timer.remaining_ms() == 30_000
    harness.advance(12_000)
    runner.stop()
    assert harness.log[-1] == ("sequence", False)
    rows = harness.context.holds.practice.recent()
    assert rows[0].completed is False and rows[0].actual_ms == 12_000


def test_pause_and_plus_ten_seconds(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    runner = harness.runner
    runner.run_plan(two_step_plan(positions))
    harness.advance(5_000)
    runner.toggle_pause()
    harness.advance(60_000)
    assert harness.timer.remaining_ms() == 25_000 and runner.current().title.startswith("Gluteus")  # type: ignore[union-attr]
    runner.toggle_pause()
    runner.add_time(10_000)
    assert harness.timer.remaining_ms() == 35_000


def test_a_missing_lesson_is_named_and_can_be_skipped(
    context: AppContext,
    harness: Harness,
    positions: dict,
    tmp_path: Path,
    demo_course_dir: Path,  # type: ignore[type-arg]
) -> None:
    copy = tmp_path / "course"
    shutil.copytree(demo_course_dir, copy)
    (copy / "02 - Piriformis.mp4").write_bytes(b"changed")  # a different fingerprint from the demo's
    context.courses.save(course_from_manifest(copy, kind="linked", uid="copy").course)
    course = context.library.find_course("copy")
    assert course is not None
    lesson = next(item for item in context.library.lessons(course.id) if item.title == "Piriformis")
    piriformis = context.library.positions(lesson)[0]
    (copy / "02 - Piriformis.mp4").unlink()

    _, posterior = positions["Gluteus medius, posterior fibres"]
    plan = Plan(title="With a gap", steps=(step_for_position(piriformis), step_for_position(posterior)))
    assert len(harness.runner.missing_lessons(plan)) == 1
    harness.runner.run_plan(plan)
    assert harness.runner.phase == harness.runner.BLOCKED
    name, message = harness.log[-1]
    assert name == "missing"
    assert "Piriformis" in message and str(copy / "02 - Piriformis.mp4") in message
    assert not harness.timer.is_active(), "nothing counts down while the user decides"

    harness.runner.skip_missing()
    assert harness.log[-1] == ("started", ("Gluteus medius, posterior fibres", "R"))
    harness.runner.stop()


def test_a_lesson_gone_from_the_library_can_stop_the_sequence(harness: Harness) -> None:
    step = PlanStep(
        kind="hold",
        hold_ms=30_000,
        title="Psoas",
        side="R",
        lesson_fingerprint="gone",
        start_ms=0,
        end_ms=1000,
    )
    harness.runner.run_plan(Plan(title="Old plan", steps=(step,)))
    assert "no longer in the library" in harness.log[-1][1]
    harness.runner.stop()
    assert harness.log[-1] == ("sequence", False)
    assert harness.context.holds.practice.count() == 0


def test_a_missing_lesson_can_be_held_without_its_video(harness: Harness) -> None:
    step = PlanStep(
        kind="hold", hold_ms=30_000, title="Psoas", lesson_fingerprint="gone", start_ms=0, end_ms=9
    )
    harness.runner.run_plan(Plan(title="Old plan", steps=(step,)))
    harness.runner.hold_without_video()
    assert harness.timer.is_running()
    assert not any(name == "open" for name, _ in harness.player.calls)


# ------------------------------------------------------------------------------- bound to the video
def test_hold_this_position_then_other_side_then_next_position(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    runner, player = harness.runner, harness.player
    runner.auto_advance = True  # a single hold always waits for the user's choice
    lesson, posterior = positions["Gluteus medius, posterior fibres"]
    player.open_lesson(lesson, start_ms=1200)
    player.calls.clear()
    runner.hold_position(posterior)
    assert player.calls == [("mirror", False), ("pause", None)], "the video stops where it is"
    harness.advance(30_000)
    assert harness.log[-1] == ("awaiting", "Gluteus medius, posterior fibres")

    runner.other_side()
    leg = runner.current()
    assert leg is not None and leg.side == "L" and leg.mirrored and player.mirrored
    harness.advance(30_000)
    runner.next()  # the lesson's next position
    leg = runner.current()
    assert leg is not None and leg.title == "Gluteus medius, anterior fibres" and not player.mirrored
    assert ("seek", 3000) in player.calls
    runner.next()  # no position after it: the single hold ends
    assert harness.log[-1] == ("sequence", True)
    sides = [(row.title, row.side, row.completed) for row in harness.context.holds.practice.recent()]
    assert sides == [
        ("Gluteus medius, anterior fibres", "L", False),
        ("Gluteus medius, posterior fibres", "L", True),
        ("Gluteus medius, posterior fibres", "R", True),
    ]


def _add_left_posterior_demonstration(context: AppContext) -> str:
    """The course's own client's-left demonstration of the posterior fibres, in the Piriformis lesson."""
    course = context.library.courses()[0]
    piriformis = next(lesson for lesson in context.library.lessons(course.id) if lesson.title == "Piriformis")
    return context.index.add_position(
        PositionDraft(
            lesson_fingerprint=piriformis.fingerprint,
            start_ms=1000,
            end_ms=2500,
            title="Gluteus medius, posterior fibres, client's left",
            region="hips-sacrum",
            muscles=("gluteus medius",),
            side="L",
        )
    )


def test_other_side_prefers_the_courses_own_demonstration_of_that_side(
    harness: Harness, positions: dict
) -> None:  # type: ignore[type-arg]
    runner, player = harness.runner, harness.player
    left_uid = _add_left_posterior_demonstration(harness.context)
    lesson, posterior = positions["Gluteus medius, posterior fibres"]
    player.open_lesson(lesson, start_ms=0)
    runner.hold_position(posterior)
    player.calls.clear()

    runner.other_side()
    leg = runner.current()
    assert leg is not None and leg.step is not None
    assert leg.side == "L" and not leg.mirrored and leg.own_demonstration and not player.mirrored
    assert leg.step.position_uid == left_uid and leg.step.demo_side == "L"
    assert player.lesson is not None and player.lesson.title == "Piriformis", "the left side's own lesson"
    assert ("open", ("Piriformis", 1000)) in player.calls

    runner.other_side()  # and back: the right side's own demonstration, never the mirrored left
    leg = runner.current()
    assert leg is not None and leg.step is not None
    assert leg.side == "R" and not leg.mirrored and leg.step.position_uid == posterior.uid
    runner.stop()


def test_other_side_mirrors_when_the_course_has_no_demonstration_of_that_side(
    harness: Harness, positions: dict
) -> None:  # type: ignore[type-arg]
    lesson, anterior = positions["Gluteus medius, anterior fibres"]  # only on the left; the posterior
    harness.player.open_lesson(lesson, start_ms=3000)  # fibres on the right are another structure
    harness.runner.hold_position(anterior)
    harness.runner.other_side()
    leg = harness.runner.current()
    assert leg is not None and leg.step is not None
    assert leg.side == "R" and leg.mirrored and not leg.own_demonstration
    assert leg.step.position_uid == anterior.uid and harness.player.mirrored
    harness.runner.stop()


def test_continue_plays_the_lesson_on_after_the_position(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    lesson, posterior = positions["Gluteus medius, posterior fibres"]
    harness.player.open_lesson(lesson, start_ms=500)
    harness.runner.hold_position(posterior)
    harness.advance(31_000)
    harness.player.calls.clear()
    harness.runner.continue_video()
    assert harness.player.calls[-2:] == [("seek", 3000), ("play", None)]
    assert not harness.runner.is_active()


def test_the_span_loops_while_the_hold_runs_when_asked(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    runner, player = harness.runner, harness.player
    runner.loop_span = True
    runner.run_plan(two_step_plan(positions))
    player.calls.clear()
    for at in range(0, 3_000, 200):
        player.report(at)
    player.report(3_010)
    assert player.calls == [("seek", 0)]
    harness.advance(31_000)  # the rest leg: no looping
    player.calls.clear()
    player.report(3_020)
    assert player.calls == []


def test_without_looping_the_demonstration_plays_once_then_holds_its_last_frame(
    harness: Harness, positions: dict
) -> None:  # type: ignore[type-arg]
    runner, player = harness.runner, harness.player
    runner.run_plan(two_step_plan(positions))
    player.calls.clear()
    for at in range(0, 3_000, 200):
        player.report(at)
    player.report(3_010)
    player.report(3_050)
    assert player.calls == [("pause", None), ("seek", 2_920)], "paused on the demonstration, not after it"


def test_reaching_a_position_while_watching_pauses_and_starts_its_hold(
    harness: Harness, positions: dict
) -> None:  # type: ignore[type-arg]
    lesson, _ = positions["Gluteus medius, anterior fibres"]
    watcher = PositionWatcher(harness.runner, harness.player, harness.context.library)
    watcher.enabled = True
    harness.player.open_lesson(lesson, start_ms=0)
    harness.player.report(2_800)
    harness.player.report(2_950)
    assert not harness.runner.is_active()
    harness.player.report(3_040)
    assert harness.runner.is_active()
    assert harness.runner.current().title == "Gluteus medius, anterior fibres"  # type: ignore[union-attr]
    assert harness.player.calls[-1] == ("pause", None) and not harness.player.playing
    harness.runner.stop()
    harness.player.report(8_000)  # a jump (seek) over a position start does not trigger it
    harness.player.playing = True
    harness.player.report(1_000)
    harness.player.report(3_500)
    assert not harness.runner.is_active()


def test_position_near_prefers_the_span_under_the_playhead(positions: dict) -> None:  # type: ignore[type-arg]
    _, posterior = positions["Gluteus medius, posterior fibres"]
    _, anterior = positions["Gluteus medius, anterior fibres"]
    both = [posterior, anterior]
    assert position_near(both, 100) == posterior
    assert position_near(both, 3000) == anterior
    assert position_near(both, 9000) == anterior
    assert position_near([], 0) is None


# ------------------------------------------------------------------------------------ the log
def test_tenderness_before_and_after_is_kept_with_the_hold(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    lesson, subscap = positions["Subscapularis, supine"]
    harness.player.open_lesson(lesson)
    harness.runner.set_tenderness_before(7)
    harness.runner.hold_position(subscap)
    harness.advance(20_000)
    harness.runner.next()
    harness.runner.set_tenderness_after(3)
    row = harness.context.holds.practice.recent()[0]
    assert (row.tender_before, row.tender_after, row.reduction) == (7, 3, 4)
    assert row.technique == "SMRT" and row.position_uid == subscap.uid


def test_tenderness_after_given_during_a_hold_goes_with_that_hold(harness: Harness, positions: dict) -> None:  # type: ignore[type-arg]
    """The therapist presses the spot as the hold ends and types "after" before pressing Stop: it
    belongs to this hold, not to the one logged before it."""
    lesson, subscap = positions["Subscapularis, supine"]
    harness.player.open_lesson(lesson)
    harness.runner.hold_position(subscap, side="R")
    harness.advance(20_000)
    harness.runner.next()  # the first hold, logged without tenderness
    harness.runner.set_tenderness_before(6)
    harness.runner.hold_position(subscap, side="L")
    harness.advance(10_000)
    harness.runner.set_tenderness_after(3)  # still holding
    harness.runner.stop()
    second, first = harness.context.holds.practice.recent()[:2]
    assert (second.side, second.tender_before, second.tender_after, second.reduction) == ("L", 6, 3, 3)
    assert (first.side, first.tender_before, first.tender_after) == ("R", None, None)


def test_a_preset_hold_without_a_position_is_logged_too(harness: Harness) -> None:
    harness.runner.hold_preset(60_000, "Foam rolling 60 s per muscle")
    harness.advance(60_000)
    harness.runner.next()
    row = harness.context.holds.practice.recent()[0]
    assert row.title == "Foam rolling 60 s per muscle" and row.completed and row.position_uid is None


def test_closing_the_app_mid_hold_logs_it_as_abandoned(app_paths, qapp, positions) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(app_paths)
    try:
        clock = FakeClock(1_000 * MS)
        harness = Harness(context)
        harness.clock = clock
        context.holds._runner = harness.runner  # the services' runner, on a fake clock
        harness.runner.hold_preset(30_000)
        assert context.holds.is_holding()
    finally:
        context.close()
    reopened = AppContext.open(app_paths)
    try:
        rows = reopened.holds.practice.recent()
        assert len(rows) == 1 and not rows[0].completed
    finally:
        reopened.close()


def test_hold_options_are_remembered(context: AppContext) -> None:
    holds = context.holds
    assert holds.option("holds.cue_profile") == "clinic"
    holds.set_option("holds.auto_advance", False)
    holds.set_option("holds.cue_profile", "self_care")
    assert holds.option("holds.auto_advance") is False
    with pytest.raises(KeyError):
        holds.set_option("holds.nonsense", 1)


def test_legs_are_plain_values() -> None:
    leg = Leg(step_index=0, kind="hold", title="Psoas", side="L", hold_ms=30_000)
    assert leg.label == "Psoas, left" and not leg.is_rest


def test_a_start_position_lost_while_switching_lessons_is_sought_again(
    harness: Harness, positions: dict
) -> None:  # type: ignore[type-arg]
    """Opening another lesson at a position: if the player comes up at 0, the runner seeks once more."""
    lesson, _ = positions["Gluteus medius, posterior fibres"]
    _, counterstrain = positions["Piriformis, counterstrain"]  # lesson 2, 3000..6000
    harness.player.open_lesson(lesson, start_ms=3800)
    harness.runner.run_plan(Plan(title="p", steps=(step_for_position(counterstrain),)))
    assert harness.player.calls[-1] == ("open", ("Piriformis", 3000))
    harness.player.calls.clear()
    harness.player.report(3800)  # a late report from the outgoing lesson: inside the span, ignored
    harness.player.report(0)  # the new lesson started from its beginning: the start was lost
    assert harness.player.calls == [("seek", 3000)]
    for at in (3000, 3040, 3080, 3120, 3160, 3200, 3240):
        harness.player.report(at)
    harness.player.report(100)  # once it has landed, a later jump is the user's business
    assert harness.player.calls == [("seek", 3000)]


def test_a_plan_says_its_length_the_same_way_everywhere() -> None:
    from smrtplayer.models.plans import Plan, PlanStep

    both = PlanStep(kind="hold", hold_ms=6_000, title="Gluteus medius", side="both")
    left = PlanStep(kind="hold", hold_ms=6_000, title="Subscapularis", side="L")
    short = Plan(title="Hip session", steps=(both, rest_step(5_000), left))
    assert short.timed_count() == 4 and short.total_ms() == 23_000
    assert short.length_text() == "3 steps (4 timed holds and rests), 23 s", "not 'about 0 min'"
    long = Plan(
        title="Full",
        steps=tuple(PlanStep(kind="hold", hold_ms=90_000, title=f"P{n}", side="R") for n in range(5)),
    )
    assert long.length_text() == "5 steps, about 8 min"
    one = Plan(title="One", steps=(left,))
    assert one.length_text() == "1 step, 6 s"
