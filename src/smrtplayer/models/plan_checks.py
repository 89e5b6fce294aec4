"""The checks every plan and template step goes through before it is stored or run: a clear message
for an unknown kind, a duration that cannot be held, a cadence of 0 or far too many steps."""

from __future__ import annotations

from smrtplayer.common.controlchars import has_unsafe
from smrtplayer.models.plans import (
    KIND_NAMES,
    MAX_CADENCE_MS,
    MAX_PASSES,
    MAX_REPEATS,
    MAX_STEPS,
    MIN_CADENCE_MS,
    PASSES,
    REMINDER,
    ROLL,
    SIDE_ORDERS,
    SIDES,
    STEP_KINDS,
    Plan,
    PlanStep,
)
from smrtplayer.models.presets import HoldRejected, validate_hold_ms

MAX_STEP_TEXT = 300


def check_step(step: PlanStep, what: str = "A step") -> PlanStep:
    """Return ``step`` if it can run, else raise ``HoldRejected`` saying what to fix."""
    if step.kind not in STEP_KINDS:
        raise HoldRejected(
            f"{what}: “{step.kind}” is not a kind of step. Use one of: {', '.join(STEP_KINDS)}."
        )
    if step.side not in SIDES or step.demo_side not in SIDES:
        raise HoldRejected(f"{what}: the side must be L, R or both, not “{step.side}”.")
    if isinstance(step.repeats, bool) or not isinstance(step.repeats, int):
        raise HoldRejected(f"{what}: repeats must be a whole number.")
    if not 1 <= step.repeats <= MAX_REPEATS:
        raise HoldRejected(f"{what}: repeat it 1 to {MAX_REPEATS} times, not {step.repeats}.")
    if len(step.title) > MAX_STEP_TEXT or len(step.text) > MAX_STEP_TEXT:
        raise HoldRejected(f"{what}: its name or text is longer than {MAX_STEP_TEXT} characters.")
    if has_unsafe(step.title) or has_unsafe(step.text):
        raise HoldRejected(f"{what}: its name or text holds control characters.")
    name = KIND_NAMES[step.kind].lower()
    if step.kind == PASSES:
        _check_passes(step, what)
    elif step.is_timed:
        validate_hold_ms(step.hold_ms, what=f"{what}: a {name}")
    elif step.hold_ms != 0:
        raise HoldRejected(
            f"{what}: a {name} waits for you and has no duration (give 0, not {step.hold_ms})."
        )
    if step.kind == REMINDER and not step.text.strip():
        raise HoldRejected(f"{what}: a reminder needs its text (for example “Drink 10–20 oz of water”).")
    if step.cue_every_ms:
        if step.kind != ROLL:
            raise HoldRejected(f"{what}: only a roll has a cue every few seconds.")
        if not MIN_CADENCE_MS <= step.cue_every_ms < step.hold_ms:
            raise HoldRejected(
                f"{what}: the move-along cue comes every {step.cue_every_ms / 1000:g} s; choose at least "
                f"{MIN_CADENCE_MS // 1000} s and less than the roll itself."
            )
    return step


def _check_passes(step: PlanStep, what: str) -> None:
    if (
        isinstance(step.passes, bool)
        or not isinstance(step.passes, int)
        or not 1 <= step.passes <= MAX_PASSES
    ):
        raise HoldRejected(f"{what}: give 1 to {MAX_PASSES} passes, not {step.passes}.")
    if isinstance(step.cadence_ms, bool) or not isinstance(step.cadence_ms, int):
        raise HoldRejected(f"{what}: the cadence needs a whole number of milliseconds.")
    if not MIN_CADENCE_MS <= step.cadence_ms <= MAX_CADENCE_MS:
        raise HoldRejected(
            f"{what}: a cadence of {step.cadence_ms / 1000:g} s per pass is not possible: choose "
            f"{MIN_CADENCE_MS // 1000} to {MAX_CADENCE_MS // 1000} s."
        )
    if step.hold_ms != step.passes * step.cadence_ms:
        raise HoldRejected(
            f"{what}: its length must be passes × cadence ({step.passes * step.cadence_ms} ms)."
        )
    validate_hold_ms(step.hold_ms, what=f"{what}: {step.passes} passes")


def check_steps(plan: Plan) -> Plan:
    """What every stored plan must satisfy, even one still being built: known kinds, sensible
    durations, a bounded number of steps, a plain-text name."""
    if has_unsafe(plan.title):
        raise HoldRejected("A plan's name cannot hold control characters.")
    if plan.side_order not in SIDE_ORDERS:
        raise HoldRejected(f"“{plan.title}”: the side order is “each” or “all”, not “{plan.side_order}”.")
    if len(plan.steps) > MAX_STEPS:
        raise HoldRejected(
            f"“{plan.title}” has {len(plan.steps):,} steps; a plan holds at most {MAX_STEPS}. Split it."
        )
    for number, step in enumerate(plan.steps, start=1):
        check_step(step, f"Step {number} ({step.title or step.kind})")
    return plan


def check_plan(plan: Plan) -> Plan:
    """Refuse a plan that cannot run, with a message that says what to fix."""
    if not plan.title.strip():
        raise HoldRejected("A plan needs a name.")
    if not plan.steps:
        raise HoldRejected(f"“{plan.title}” has no steps yet: add at least one position to hold.")
    if all(step.is_rest for step in plan.steps):
        raise HoldRejected(f"“{plan.title}” has only rests: add at least one position to hold.")
    return check_steps(plan)
