"""Plan steps and the legs they expand into: one timed hold (or rest, reminder, recheck...) per side
and repeat.

A "both sides" step runs the side the video demonstrates first (the right when there is no video),
then the other, shown mirrored. With the plan's side order "all", each run of consecutive two-sided
steps is done whole on the first side, then whole on the other (roll, then rest on the tender spot,
on the right; then both on the left).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication

from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.models.plan_checks import check_plan
from smrtplayer.models.plans import KIND_NAMES, REST, Plan, PlanStep
from smrtplayer.models.positions import Position
from smrtplayer.models.presets import default_hold_ms, validate_hold_ms
from smrtplayer.models.regions import fold, tokens

SIDE_WORDS = {
    "L": QT_TRANSLATE_NOOP("Holds", "left"),
    "R": QT_TRANSLATE_NOOP("Holds", "right"),
    "both": QT_TRANSLATE_NOOP("Holds", "both sides"),
    "": "",
}


def other_side(side: str) -> str:
    return {"L": "R", "R": "L"}.get(side, side)


#: Words of a position's name that say its side: "Gluteus medius, client's left" and "Gluteus medius
#: (R)" name the same structure.
_SIDE_NAME_WORDS = frozenset({"right", "left", "r", "l", "rt", "lt", "client", "clients", "side", "sides"})


def name_without_side(title: str) -> tuple[str, ...]:
    return tuple(word for word in tokens(title) if word not in _SIDE_NAME_WORDS)


def other_side_demonstration(shown: Position, side: str, candidates: Sequence[Position]) -> Position | None:
    """The course's own demonstration of ``shown`` on ``side``: a position of the same region and the
    same name but for its side words, filmed on that side; one in the same lesson first. None: there
    is none, and the other side is shown mirrored."""
    name = name_without_side(shown.title)
    if side not in ("L", "R") or not name:
        return None
    region = fold(shown.region)
    matches = [
        candidate
        for candidate in candidates
        if candidate.side == side
        and candidate.uid != shown.uid
        and fold(candidate.region) == region
        and name_without_side(candidate.title) == name
    ]
    matches.sort(key=lambda candidate: (candidate.lesson_fingerprint != shown.lesson_fingerprint,))
    return matches[0] if matches else None


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


def link_to_position(step: PlanStep, candidates: Sequence[Position]) -> PlanStep:
    """The step shown with a course position's demonstration when one fits it: a position of the
    same name, else (for a static hold) one of the same side. Its kind, name and time stay the step's."""
    if step.position_uid or not step.is_sided or not candidates:
        return step
    title = step.title.casefold()
    named = [position for position in candidates if position.title.casefold() == title]
    sided = [position for position in candidates if step.kind == "hold" and position.side == step.side]
    best = named[0] if named else sided[0] if sided else None
    if best is None:
        return step
    return replace(
        step,
        position_uid=best.uid,
        lesson_fingerprint=best.lesson_fingerprint,
        start_ms=best.start_ms,
        end_ms=best.end_ms,
        demo_side=best.side,
        technique=step.technique or best.technique,
    )


def rest_step(hold_ms: int) -> PlanStep:
    return PlanStep(
        kind=REST,
        hold_ms=validate_hold_ms(hold_ms, what=QCoreApplication.translate("Presets", "A rest")),
        title="Rest",
        side="both",
    )


def validate_plan(plan: Plan) -> Plan:
    """Refuse a plan that cannot run, with a message that says what to fix."""
    return check_plan(plan)


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
    #: "Other side" found the course's own demonstration of this side (rather than mirroring)
    own_demonstration: bool = False

    @property
    def is_rest(self) -> bool:
        return self.kind == REST

    @property
    def is_timed(self) -> bool:
        return self.step.is_timed if self.step is not None else True

    @property
    def kind_name(self) -> str:
        source = KIND_NAMES.get(self.kind)
        return QCoreApplication.translate("StepKind", source) if source else self.kind

    @property
    def label(self) -> str:
        """The leg in words for the window and the spoken cue, in the window's language."""
        if self.is_rest:
            return QCoreApplication.translate("StepKind", self.title or "Rest")
        side = SIDE_WORDS.get(self.side, "")
        if not side or self.side == "both":
            return self.title
        return f"{self.title}, {QCoreApplication.translate('Holds', side)}"


def _mirrored(side: str, demo_side: str) -> bool:
    return side in ("L", "R") and demo_side in ("L", "R") and side != demo_side


def _sides(step: PlanStep) -> list[str]:
    if not step.is_sided:
        return [""]
    if step.side == "both":
        first = step.demo_side if step.demo_side in ("L", "R") else "R"
        return [first, other_side(first)]
    return [step.side]


def _legs_of(index: int, step: PlanStep, sides: list[str]) -> list[Leg]:
    return [
        Leg(
            step_index=index,
            kind=step.kind,
            title=step.title or KIND_NAMES.get(step.kind, "Hold"),
            side=side,
            hold_ms=step.hold_ms,
            repeat=repeat,
            repeats=step.repeats,
            mirrored=_mirrored(side, step.demo_side),
            step=step,
        )
        for repeat in range(1, step.repeats + 1)
        for side in sides
    ]


def expand(plan: Plan) -> list[Leg]:
    legs: list[Leg] = []
    steps = list(enumerate(plan.steps))
    position = 0
    while position < len(steps):
        index, step = steps[position]
        two_sided = step.is_sided and step.side == "both"
        if plan.side_order != "all" or not two_sided:
            legs.extend(_legs_of(index, step, _sides(step)))
            position += 1
            continue
        run_end = position
        while run_end < len(steps) and steps[run_end][1].is_sided and steps[run_end][1].side == "both":
            run_end += 1
        run = steps[position:run_end]
        first = _sides(step)[0]
        for side in (first, other_side(first)):
            for run_index, run_step in run:
                legs.extend(_legs_of(run_index, run_step, [side]))
        position = run_end
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
