"""Treatment plans as values: ordered steps of several kinds (a static hold, rolling, resting on a
tender spot, Active Release passes, a rest, a reminder, a tenderness recheck), each done on one side or
both, some number of times, and the plan's size in holds and time."""

from __future__ import annotations

from dataclasses import dataclass, replace

from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.common.wording import counted

SIDES = ("L", "R", "both")
MAX_REPEATS = 20
#: More steps than any treatment has; a file with thousands is refused rather than half-run.
MAX_STEPS = 200
MAX_PASSES = 100
MIN_CADENCE_MS = 1_000
MAX_CADENCE_MS = 60_000

#: Step kinds as they are named in JSON, templates and the database.
HOLD, ROLL, TENDER_REST, PASSES, REST, REMINDER, RECHECK = (
    "hold",
    "roll",
    "tender-rest",
    "passes",
    "rest",
    "reminder",
    "recheck",
)
STEP_KINDS = (HOLD, ROLL, TENDER_REST, PASSES, REST, REMINDER, RECHECK)
#: Kinds worked on a side of the body (a "both sides" step runs once per side).
SIDED_KINDS = frozenset({HOLD, ROLL, TENDER_REST, PASSES})
#: Kinds that wait for the user (a key, a tenderness figure) instead of counting down.
UNTIMED_KINDS = frozenset({REMINDER, RECHECK})
KIND_NAMES = {
    HOLD: QT_TRANSLATE_NOOP("StepKind", "Hold"),
    ROLL: QT_TRANSLATE_NOOP("StepKind", "Roll"),
    TENDER_REST: QT_TRANSLATE_NOOP("StepKind", "Rest on a tender spot"),
    PASSES: QT_TRANSLATE_NOOP("StepKind", "Passes"),
    REST: QT_TRANSLATE_NOOP("StepKind", "Rest"),
    REMINDER: QT_TRANSLATE_NOOP("StepKind", "Reminder"),
    RECHECK: QT_TRANSLATE_NOOP("StepKind", "Recheck"),
}
#: How the sides of "both sides" steps are ordered: each step right then left, or, for each run of
#: two-sided steps, all of them on the right and then all on the left.
SIDE_ORDERS = ("each", "all")


@dataclass(frozen=True)
class PlanStep:
    """One step of a plan: one of ``STEP_KINDS``, on one side or both, some number of times.

    A step may come from a course position (it then shows the demonstration), a preset or a structure
    of the taxonomy; its ``title`` is always the user's to edit."""

    kind: str
    hold_ms: int  # the countdown; for passes, passes × cadence; 0 for a reminder or a recheck
    title: str = ""
    side: str = "both"  # the side to treat; "both" runs the demonstrated side first, then the other
    repeats: int = 1
    technique: str = ""
    position_uid: str | None = None
    lesson_fingerprint: str | None = None
    start_ms: int = 0
    end_ms: int = 0
    demo_side: str = "both"  # the side the video demonstrates; the other side is shown mirrored
    passes: int = 0
    cadence_ms: int = 0
    cue_every_ms: int = 0  # a roll's "move along" cue; 0 for none
    text: str = ""  # a reminder's words, or a cue's ("Client moves")
    structure: str = ""  # a taxonomy structure id, when the step names one
    preset_key: str = ""
    id: int | None = None

    @property
    def is_rest(self) -> bool:
        return self.kind == REST

    @property
    def is_sided(self) -> bool:
        return self.kind in SIDED_KINDS

    @property
    def is_timed(self) -> bool:
        return self.kind not in UNTIMED_KINDS

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
    side_order: str = "each"
    template: bool = False
    key: str = ""  # a built-in template's key

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
    if not step.is_timed:
        return 0
    return (2 if step.side == "both" and step.is_sided else 1) * step.repeats
