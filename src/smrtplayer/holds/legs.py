"""Plan steps and the legs they expand into: one timed hold (or rest) per side and repeat.

A "both sides" step runs the side the video demonstrates first, then the other, shown mirrored.
"""

from __future__ import annotations

from dataclasses import dataclass

from smrtplayer.models.plans import MAX_REPEATS, Plan, PlanStep
from smrtplayer.models.positions import Position
from smrtplayer.models.presets import HoldRejected, default_hold_ms, validate_hold_ms

SIDE_WORDS = {"L": "left", "R": "right", "both": "both sides", "": ""}


def other_side(side: str) -> str:
    return {"L": "R", "R": "L"}.get(side, side)


def step_for_position(position: Position, *, side: str | None = None, hold_ms: int | None = None) -> PlanStep:
    """A plan step for ``position``; its own hold time is the default."""
    return PlanStep(
        kind="hold",
        hold_ms=validate_hold_ms(hold_ms if hold_ms is not None else default_hold_ms(position)),
        title=position.title,
        side=side or position.side,
        technique=position.technique,
        position_uid=position.uid,
        lesson_fingerprint=position.lesson_fingerprint,
        start_ms=position.start_ms,
        end_ms=position.end_ms,
        demo_side=position.side,
    )


def rest_step(hold_ms: int) -> PlanStep:
    return PlanStep(kind="rest", hold_ms=validate_hold_ms(hold_ms, what="A rest"), title="Rest", side="both")


def validate_plan(plan: Plan) -> Plan:
    """Refuse a plan that cannot run, with a message that says what to fix."""
    if not plan.title.strip():
        raise HoldRejected("A plan needs a name.")
    if not plan.steps:
        raise HoldRejected(f"“{plan.title}” has no steps yet: add at least one position to hold.")
    if all(step.is_rest for step in plan.steps):
        raise HoldRejected(f"“{plan.title}” has only rests: add at least one position to hold.")
    for number, step in enumerate(plan.steps, start=1):
        what = f"Step {number} ({step.title or step.kind})"
        validate_hold_ms(step.hold_ms, what=f"{what}: a {'rest' if step.is_rest else 'hold'}")
        if not 1 <= step.repeats <= MAX_REPEATS:
            raise HoldRejected(f"{what}: repeat it 1 to {MAX_REPEATS} times, not {step.repeats}.")
    return plan


@dataclass(frozen=True)
class Leg:
    """One timed hold (or rest) as it runs: a step on one side, one repeat."""

    step_index: int
    kind: str
    title: str
    side: str  # L, R, or "both" when the step names no single side; "" for a rest
    hold_ms: int
    repeat: int = 1
    repeats: int = 1
    mirrored: bool = False
    step: PlanStep | None = None

    @property
    def is_rest(self) -> bool:
        return self.kind == "rest"

    @property
    def label(self) -> str:
        if self.is_rest:
            return "Rest"
        side = SIDE_WORDS.get(self.side, "")
        return f"{self.title}, {side}" if side and self.side != "both" else self.title


def _mirrored(side: str, demo_side: str) -> bool:
    return side in ("L", "R") and demo_side in ("L", "R") and side != demo_side


def expand(plan: Plan) -> list[Leg]:
    legs: list[Leg] = []
    for index, step in enumerate(plan.steps):
        if step.is_rest:
            sides = [""]
        elif step.side == "both":
            first = step.demo_side if step.demo_side in ("L", "R") else "R"
            sides = [first, other_side(first)]
        else:
            sides = [step.side]
        for repeat in range(1, step.repeats + 1):
            for side in sides:
                legs.append(
                    Leg(
                        step_index=index,
                        kind=step.kind,
                        title=step.title or ("Rest" if step.is_rest else "Hold"),
                        side=side,
                        hold_ms=step.hold_ms,
                        repeat=repeat,
                        repeats=step.repeats,
                        mirrored=_mirrored(side, step.demo_side),
                        step=step,
                    )
                )
    return legs


def single_leg(step: PlanStep) -> Leg:
    """The one leg of a hold started on its own: its side as given ("both" stays "both")."""
    return Leg(
        step_index=0,
        kind=step.kind,
        title=step.title or "Hold",
        side=step.side,
        hold_ms=step.hold_ms,
        mirrored=_mirrored(step.side, step.demo_side),
        step=step,
    )
