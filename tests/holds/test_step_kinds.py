"""Step kinds beyond the static hold: rolling with a move-along cue, resting on a tender spot, Active
Release passes counted at a cadence, reminders acknowledged with a key, rechecks that log tenderness;
the side order; the built-in templates; and the plan checks that refuse bad input whole.

The store, the library and the runner are real; only the clock is a stand-in (no test waits)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from helpers.clock import MS, FakeClock
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.holds.legs import expand
from smrtplayer.holds.runner import SequenceRunner
from smrtplayer.holds.timer import HoldTimer
from smrtplayer.models.plan_checks import check_plan
from smrtplayer.models.plans import STEP_KINDS, Plan, PlanStep
from smrtplayer.models.presets import HoldRejected
from smrtplayer.models.templates import TemplateError, as_user_plan, builtin_templates, parse_templates
from smrtplayer.store.exchange.exportfile import ExportFileError


class Run:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.clock = FakeClock(1_000 * MS)
        self.timer = HoldTimer(self.clock)
        self.runner = SequenceRunner(self.timer, None, context.library, context.holds.practice)
        self.events: list[tuple[str, Any]] = []
        self.runner.step_started.connect(lambda leg: self.events.append(("started", (leg.kind, leg.side))))
        self.runner.waiting.connect(lambda leg: self.events.append(("waiting", leg.kind)))
        self.runner.beat.connect(lambda leg, n, count: self.events.append(("beat", (leg.kind, n, count))))
        self.runner.sequence_finished.connect(lambda ok: self.events.append(("finished", ok)))

    def advance(self, ms: int, step_ms: int = 50) -> None:
        """Let ``ms`` pass, waking the timer and the beats every ``step_ms``, as their QTimers would."""
        target = self.clock.now + ms * MS
        while self.clock.now < target:
            self.clock.now = min(target, self.clock.now + step_ms * MS)
            self.timer.poll()
            self.runner.beats.poll()

    def beats(self) -> list[tuple[str, int, int]]:
        return [value for name, value in self.events if name == "beat"]


@pytest.fixture
def run(context: AppContext) -> Run:
    return Run(context)


def template(key: str) -> Plan:
    return next(each.plan for each in builtin_templates() if each.key == key)


# ---------------------------------------------------------------------------------- passes
def test_passes_are_counted_at_their_cadence_on_the_hold_clock(run: Run) -> None:
    passes = PlanStep(kind="passes", hold_ms=8 * 3_000, passes=8, cadence_ms=3_000, side="R", title="ART")
    run.runner.run_plan(Plan("Passes", (passes,)))
    assert run.beats() == [("passes", 1, 8)], "the first pass starts with the step"
    origin = run.runner.beats.instant_ns(1)
    run.advance(2_999)
    assert len(run.beats()) == 1
    run.advance(1)
    assert run.beats()[-1] == ("passes", 2, 8)
    run.advance(5_000)  # at 8 s: pass 3 began at 6 s
    assert run.beats()[-1] == ("passes", 3, 8) and run.runner.beats.current == 3
    # A late wake-up emits the passes it missed, in order, and the next ones stay on the grid.
    run.advance(6_500, step_ms=6_500)  # at 14.5 s
    assert [n for _kind, n, _count in run.beats()] == [1, 2, 3, 4, 5]
    assert run.runner.beats.instant_ns(6) == origin + 15_000 * MS
    run.advance(9_500)
    assert [n for _kind, n, _count in run.beats()] == list(range(1, 9))
    assert ("finished", True) in run.events
    entry = run.context.holds.practice.recent(1)[0]
    assert (entry.kind, entry.passes, entry.side, entry.completed) == ("passes", 8, "R", True)


def test_pausing_holds_the_next_pass_back_by_the_pause(run: Run) -> None:
    passes = PlanStep(kind="passes", hold_ms=4 * 5_000, passes=4, cadence_ms=5_000, side="L", title="ART")
    run.runner.run_plan(Plan("Passes", (passes,)))
    run.advance(2_000)
    run.runner.toggle_pause()
    run.advance(10_000)
    assert len(run.beats()) == 1, "no pass while paused"
    run.runner.toggle_pause()
    run.advance(2_999)
    assert len(run.beats()) == 1
    run.advance(1)
    assert run.beats()[-1] == ("passes", 2, 4)


def test_stopping_during_passes_logs_the_passes_done(run: Run) -> None:
    passes = PlanStep(kind="passes", hold_ms=10 * 2_000, passes=10, cadence_ms=2_000, side="R", title="ART")
    run.runner.run_plan(Plan("Passes", (passes,)))
    run.advance(4_500)
    run.runner.stop()
    entry = run.context.holds.practice.recent(1)[0]
    assert (entry.passes, entry.completed) == (3, False)


def test_a_roll_gives_a_move_along_cue_every_so_often(run: Run) -> None:
    roll = PlanStep(kind="roll", hold_ms=90_000, cue_every_ms=30_000, side="R", title="Roll")
    run.runner.run_plan(Plan("Roll", (roll,)))
    run.advance(89_000)
    assert run.beats() == [("roll", 1, 2), ("roll", 2, 2)], "at 30 s and 60 s, none at the end"


# --------------------------------------------------------------------- reminders and rechecks
def test_the_adductor_template_runs_in_order_with_water_reminders(run: Run) -> None:
    plan = template("adductors-smr")
    run.runner.run_plan(plan)
    assert run.events[:2] == [("started", ("reminder", "")), ("waiting", "reminder")]
    run.advance(60_000)
    assert run.runner.phase == run.runner.WAITING, "a reminder waits for its key"
    run.runner.acknowledge()
    for _leg in range(4):
        run.advance(run.runner.current().hold_ms)  # type: ignore[union-attr]
    run.runner.acknowledge()
    started = [value for name, value in run.events if name == "started"]
    assert started == [
        ("reminder", ""),
        ("roll", "R"),
        ("tender-rest", "R"),
        ("roll", "L"),
        ("tender-rest", "L"),
        ("reminder", ""),
    ]
    assert run.events[-1] == ("finished", True)
    rows = [(e.kind, e.side, e.completed) for e in reversed(run.context.holds.practice.recent(10))]
    assert rows == [
        ("roll", "R", True),
        ("tender-rest", "R", True),
        ("roll", "L", True),
        ("tender-rest", "L", True),
    ]


def test_each_step_right_then_left_is_the_other_order(run: Run) -> None:
    plan = replace(template("adductors-smr"), side_order="each")
    legs = [(leg.kind, leg.side) for leg in expand(plan)]
    assert legs[1:5] == [("roll", "R"), ("roll", "L"), ("tender-rest", "R"), ("tender-rest", "L")]


@pytest.mark.parametrize(("after", "percent", "flagged"), [(2, 80, False), (3, 70, False), (5, 50, True)])
def test_the_counterstrain_routine_logs_the_recheck_with_its_reduction(
    run: Run, after: int, percent: int, flagged: bool
) -> None:
    plan = template("counterstrain-tender-point")
    assert [step.kind for step in plan.steps] == ["recheck", "hold", "rest", "recheck"]
    assert plan.steps[1].hold_ms == 90_000
    run.runner.run_plan(plan)
    assert run.runner.phase == run.runner.WAITING
    run.runner.recheck(10)  # the baseline: the tender point is 10
    run.advance(90_000)  # the position of ease
    assert run.runner.current().title == "Slow return to neutral"  # type: ignore[union-attr]
    run.advance(6_000)
    assert run.runner.current().kind == "recheck"  # type: ignore[union-attr]
    run.runner.recheck(after)
    entry = run.context.holds.practice.recent(1)[0]
    assert (entry.title, entry.tender_before, entry.tender_after) == ("Position of ease", 10, after)
    assert (entry.reduction_percent, entry.below_target) == (percent, flagged)
    assert run.context.holds.practice.count() == 1, "the rest and the rechecks are not holds"
    assert run.events[-1] == ("finished", True)


def test_a_recheck_refuses_a_figure_outside_0_to_10(run: Run) -> None:
    run.runner.run_plan(template("counterstrain-tender-point"))
    with pytest.raises(HoldRejected, match="0 to 10"):
        run.runner.recheck(11)
    assert run.runner.phase == run.runner.WAITING, "still waiting for a good answer"


# --------------------------------------------------------------------------------- templates
def test_the_four_templates_load_with_their_kinds() -> None:
    templates = {each.key: each.plan for each in builtin_templates()}
    assert len(templates) == 4
    kinds = {step.kind for plan in templates.values() for step in plan.steps}
    assert kinds == set(STEP_KINDS)
    hip = templates["hip-gluteus-medius-minimus"]
    assert [(step.structure, step.side) for step in hip.steps][:3] == [
        ("gluteus-medius", "R"),
        ("gluteus-minimus", "R"),
        ("gluteus-medius", "L"),
    ]
    assert hip.steps[-1].structure == "piriformis"
    assert all(step.hold_ms == 30_000 for step in hip.steps)


def test_a_template_copied_into_a_plan_can_be_changed_and_saved(context: AppContext) -> None:
    copy = as_user_plan(builtin_templates()[0])
    assert not copy.template and copy.id is None
    changed = copy.with_steps([replace(copy.steps[1], title="Roll the inner thigh slowly"), *copy.steps[2:]])
    plan_id = context.holds.save_plan(changed)
    stored = context.holds.plan(plan_id)
    assert stored is not None and stored.side_order == "all"
    assert stored.steps == tuple(
        replace(step, id=stored_step.id)
        for step, stored_step in zip(changed.steps, stored.steps, strict=True)
    )


TEMPLATE_HEAD = 'templates_version = 1\n[[templates]]\nkey = "t"\nname = "T"\n'


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ('{ kind = "stretch", name = "S", duration_ms = 30000 }', "not a kind of step"),
        ('{ kind = "hold", name = "H", duration_ms = 0 }', "not possible"),
        ('{ kind = "roll", name = "R", duration_ms = -60000 }', "not possible"),
        ('{ kind = "passes", name = "P", passes = 8, cadence_ms = 0 }', "cadence of 0 s"),
        (
            '{ kind = "hold", name = "H", duration_ms = 30000, structure = "gluteus maximum" }',
            "not a structure",
        ),
        ('{ kind = "hold", name = "H", duration_ms = 30000, colour = "red" }', "colour"),
        ('{ kind = "reminder", name = "Water" }', "needs its text"),
    ],
)
def test_a_bad_template_is_refused_with_a_message(steps: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_templates((TEMPLATE_HEAD + f"steps = [{steps}]\n").encode(), source="mine.toml")


def test_a_template_of_ten_thousand_steps_is_refused() -> None:
    step = '{ kind = "hold", name = "H", duration_ms = 30000 }, '
    with pytest.raises(TemplateError, match="10,000 steps"):
        parse_templates((TEMPLATE_HEAD + f"steps = [{step * 10_000}]\n").encode())


# ------------------------------------------------------------------------------ plan checks
GOOD = PlanStep(kind="hold", hold_ms=30_000, title="Hold")


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (replace(GOOD, kind="stretch"), "not a kind of step"),
        (replace(GOOD, hold_ms=0), "not possible"),
        (replace(GOOD, kind="roll", hold_ms=-5), "not possible"),
        (PlanStep(kind="passes", hold_ms=0, passes=8, cadence_ms=0), "cadence of 0 s"),
        (PlanStep(kind="passes", hold_ms=24_000, passes=0, cadence_ms=3_000), "1 to 100 passes"),
        (replace(GOOD, title="Glute\x1b[31m med"), "control characters"),
        (PlanStep(kind="recheck", hold_ms=30_000), "no duration"),
    ],
)
def test_plans_with_bad_steps_are_refused_and_nothing_is_half_saved(
    context: AppContext, step: PlanStep, message: str
) -> None:
    plan = Plan("Bad", (GOOD, step))
    with pytest.raises(HoldRejected, match=message):
        check_plan(plan)
    before = len(context.holds.all_plans())
    with pytest.raises(HoldRejected, match=message):
        context.holds.save_plan(plan)
    assert len(context.holds.all_plans()) == before


def test_a_plan_of_ten_thousand_steps_is_refused_whole(context: AppContext) -> None:
    with pytest.raises(HoldRejected, match="10,000 steps"):
        context.holds.save_plan(Plan("Huge", (GOOD,) * 10_000))
    assert context.holds.all_plans() == []


def test_every_kind_survives_export_and_import(context: AppContext, tmp_path: Path) -> None:
    for each in builtin_templates():
        context.holds.save_plan(as_user_plan(each))
    before = [
        (plan.title, plan.side_order, [replace(s, id=None) for s in plan.steps])
        for plan in context.holds.all_plans()
    ]
    out = context.data_transfer.export_to(tmp_path / "data.smrtdata").path
    for plan in context.holds.all_plans():
        context.holds.delete_plan(plan.id or 0)
    context.store.conn.execute("DELETE FROM deletions")
    context.data_transfer.import_from(out)
    after = [
        (plan.title, plan.side_order, [replace(s, id=None) for s in plan.steps])
        for plan in context.holds.all_plans()
    ]
    assert after == before


def _resign(data: bytes, change: Any) -> bytes:
    """Edit an export's payload and fix its checksum, as someone who knew the format could."""
    envelope = json.loads(data)
    change(envelope["payload"])
    payload = json.dumps(envelope["payload"]).encode()
    head = json.dumps(
        {
            "format": envelope["format"],
            "format_version": envelope["format_version"],
            "checksum": "sha256:" + hashlib.sha256(payload).hexdigest(),
            "payload": "@@",
        }
    )
    return head.replace('"@@"', payload.decode()).encode()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda step: step.update(cadence_ms=0), "cadence of 0 s"),
        (lambda step: step.update(kind="stretch"), "Invalid enum value 'stretch'"),
        (lambda step: step.update(hold_ms=0, passes=0), "1 to 100 passes"),
    ],
)
def test_an_imported_plan_with_a_step_that_cannot_run_is_refused_whole(
    context: AppContext,
    tmp_path: Path,
    edit: Any,
    message: str,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    context.holds.copy_template("active-release-passes")
    good = context.data_transfer.export_to(tmp_path / "good.smrtdata").path
    bad = tmp_path / "bad.smrtdata"
    bad.write_bytes(_resign(good.read_bytes(), lambda p: edit(p["sections"]["plans"][0]["steps"][0])))
    other = AppContext.open(AppPaths.resolve(tmp_path / "other"))
    try:
        with pytest.raises(ExportFileError, match=message):
            other.data_transfer.import_from(bad)
        assert other.holds.all_plans() == [], "nothing half-saved"
    finally:
        other.close()
