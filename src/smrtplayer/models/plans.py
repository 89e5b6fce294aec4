"""Treatment plans as values: ordered steps (a position held on one side or both, some number of
times, or a rest) and the plan's size in holds and time."""

from __future__ import annotations

from dataclasses import dataclass, replace

from smrtplayer.common.wording import counted

SIDES = ("L", "R", "both")
MAX_REPEATS = 20


@dataclass(frozen=True)
class PlanStep:
    """One step of a plan: hold a position (on one side or both, some number of times) or rest."""

    kind: str  # "hold" | "rest"
    hold_ms: int
    title: str = ""
    side: str = "both"  # the side to treat; "both" runs the demonstrated side first, then the other
    repeats: int = 1
    technique: str = ""
    position_uid: str | None = None
    lesson_fingerprint: str | None = None
    start_ms: int = 0
    end_ms: int = 0
    demo_side: str = "both"  # the side the video demonstrates; the other side is shown mirrored
    id: int | None = None

    @property
    def is_rest(self) -> bool:
        return self.kind == "rest"

    @property
    def has_video(self) -> bool:
        return self.lesson_fingerprint is not None and self.end_ms > self.start_ms


@dataclass(frozen=True)
class Plan:
    title: str
    steps: tuple[PlanStep, ...] = ()
    notes: str = ""
    id: int | None = None
    updated_at: str = ""

    def with_steps(self, steps: tuple[PlanStep, ...] | list[PlanStep]) -> Plan:
        return replace(self, steps=tuple(steps))

    def total_ms(self) -> int:
        return sum(step.hold_ms * _timed_count(step) for step in self.steps)

    def timed_count(self) -> int:
        """Holds and rests timed one by one: a "both sides" step is two, each repeat one more."""
        return sum(_timed_count(step) for step in self.steps)

    def length_text(self) -> str:
        """The plan's size in one wording for the editor, table mode and the handout:
        "3 steps (4 timed holds and rests), 23 s" or "5 steps, about 4 min"."""
        steps = len(self.steps)
        text = counted(steps, "step")
        timed = self.timed_count()
        if timed != steps:
            text += f" ({timed} timed holds and rests)"
        total = self.total_ms()
        duration = f"{round(total / 1000)} s" if total < 60_000 else f"about {round(total / 60_000)} min"
        return f"{text}, {duration}"


def _timed_count(step: PlanStep) -> int:
    return (2 if step.side == "both" and not step.is_rest else 1) * step.repeats
