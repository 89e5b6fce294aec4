"""Treatment sequences: a plan's steps run one after another, each hold driven by the HoldTimer and
shown on the video; plus the one-key "hold this position" and the option that starts a hold when the
video reaches a position.

The runner is a small state machine:

    idle --run_plan/hold_position--> running --done--> (auto-advance: next leg, chained on the deadline)
                                        |               (otherwise: awaiting a choice, overtime counts)
                                        +--lesson file missing--> blocked (skip / stop / hold anyway)

A plan step expands into *legs*: one per side and repeat ("both" runs the side the video demonstrates
first, then the other, shown mirrored). Every hold leg that ends, finished or abandoned, is written to
the practice log. The player is driven only through ``open_lesson``, ``play``, ``pause`` and ``seek``
(and ``set_mirrored`` where the controller has it).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from time import monotonic_ns
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal, Slot

from smrtplayer.holds.timer import Clock, HoldResult, HoldTimer
from smrtplayer.models.library import Lesson, Position
from smrtplayer.models.presets import HoldRejected, default_hold_ms, validate_hold_ms
from smrtplayer.store.plans import MAX_REPEATS, Plan, PlanStep
from smrtplayer.store.practice import PracticeEntry, PracticeRepository

if TYPE_CHECKING:
    from smrtplayer.app.context import AppContext
    from smrtplayer.holds.cues import CuePlayer
    from smrtplayer.holds.keepawake import KeepAwake

log = logging.getLogger(__name__)

SIDE_WORDS = {"L": "left", "R": "right", "both": "both sides", "": ""}
# A position reached by normal playback, not by a jump: the playhead moved forward less than this.
WATCH_MAX_STEP_MS = 1500
LANDING_REPORTS = 6
#: How far before a position's end its paused demonstration is shown (a frame or two at 25-30 fps)
LAST_FRAME_BACK_MS = 80
LANDING_SLACK_MS = 300
LANDING_MAX_SEEKS = 3


class LessonLookup(Protocol):
    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None: ...

    def positions(self, lesson: Lesson) -> list[Position]: ...


class Player(Protocol):
    """The parts of PlaybackController the runner uses."""

    position_changed: Any  # Signal(int)

    @property
    def lesson(self) -> Lesson | None: ...

    def open_lesson(self, lesson: Lesson, *, autoplay: bool = True, start_ms: int | None = None) -> None: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def seek(self, position_ms: int) -> None: ...

    def position_ms(self) -> int: ...

    def is_playing(self) -> bool: ...


# ---------------------------------------------------------------------------------------- plans
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


# --------------------------------------------------------------------------------------- runner
class SequenceRunner(QObject):
    step_started = Signal(object)  # Leg
    step_finished = Signal(object, bool)  # Leg, completed (the countdown reached zero)
    sequence_finished = Signal(bool)  # True: ran to its end; False: stopped
    awaiting_choice = Signal(object)  # Leg whose hold is over: continue, other side or next
    lesson_missing = Signal(object, str)  # Leg, what is missing and where
    mirrored_changed = Signal(bool)
    active_changed = Signal(bool)
    logged = Signal(int)  # practice-log row written

    IDLE, RUNNING, AWAITING, BLOCKED = "idle", "running", "awaiting", "blocked"

    def __init__(
        self,
        timer: HoldTimer,
        player: Player | None,
        lookup: LessonLookup,
        practice: PracticeRepository | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timer = timer
        self._player = player
        self._lookup = lookup
        self._practice = practice
        self.auto_advance = True
        self.loop_span = False
        self._legs: list[Leg] = []
        self._index = -1
        self._plan: Plan | None = None
        self._adhoc = False
        self._phase = self.IDLE
        self._mirrored = False
        self._span_over = False
        self._video_leg: Leg | None = None
        self._landing = 0  # reports still to check that a newly opened lesson really starts at the span
        self._landing_seeks = 0
        self.tender_before: int | None = None
        self.tender_after: int | None = None  # given while the hold still runs: logged with it
        self.last_entry_id: int | None = None
        timer.done.connect(self._on_done)
        if player is not None:
            player.position_changed.connect(self._on_position)

    # ---------------------------------------------------------------------------------- queries
    @property
    def phase(self) -> str:
        return self._phase

    @property
    def plan(self) -> Plan | None:
        return self._plan

    def is_active(self) -> bool:
        return self._phase != self.IDLE

    def is_adhoc(self) -> bool:
        return self._adhoc

    def legs(self) -> list[Leg]:
        return list(self._legs)

    def index(self) -> int:
        return self._index

    def current(self) -> Leg | None:
        return self._legs[self._index] if 0 <= self._index < len(self._legs) else None

    def upcoming(self) -> Leg | None:
        nxt = self._index + 1
        return self._legs[nxt] if 0 <= nxt < len(self._legs) else None

    def mirrored(self) -> bool:
        return self._mirrored

    def missing_lessons(self, plan: Plan) -> list[str]:
        """One line per step whose lesson cannot be played now (for a warning before running)."""
        lines = []
        for number, step in enumerate(plan.steps, start=1):
            problem = self._lesson_problem(step)[1] if step.has_video else None
            if problem:
                lines.append(f"Step {number}: {problem}")
        return lines

    # --------------------------------------------------------------------------------- starting
    def run_plan(self, plan: Plan) -> None:
        validate_plan(plan)
        self._start_run(expand(plan), plan=plan, adhoc=False)

    def hold_position(
        self,
        position: Position,
        *,
        side: str | None = None,
        hold_ms: int | None = None,
        from_playback: bool = True,
    ) -> None:
        """Start the hold for ``position`` (its own hold time unless ``hold_ms`` is given).

        ``from_playback``: the video is already showing this lesson, so it is paused where it is
        (or, with span looping on, loops the position) instead of being reopened.
        """
        leg = single_leg(step_for_position(position, side=side, hold_ms=hold_ms))
        self._start_run([leg], plan=None, adhoc=True, keep_video=from_playback)

    def hold_preset(self, hold_ms: int, title: str = "Hold") -> None:
        """A bare countdown not tied to a position (still logged)."""
        step = PlanStep(kind="hold", hold_ms=validate_hold_ms(hold_ms), title=title, side="both")
        self._start_run([single_leg(step)], plan=None, adhoc=True)

    def _start_run(
        self, legs: list[Leg], *, plan: Plan | None, adhoc: bool, keep_video: bool = False
    ) -> None:
        if not legs:
            raise HoldRejected("There is nothing to hold: the sequence is empty.")
        if self.is_active():
            self._end_leg()
        self._legs = legs
        self._plan = plan
        self._adhoc = adhoc
        self._set_phase(self.RUNNING)
        self._begin(0, keep_video=keep_video)

    # ----------------------------------------------------------------------------------- moving
    def next(self) -> None:
        """End this leg and go on (in a single hold: to the lesson's next position)."""
        if not self.is_active():
            return
        self._end_leg()
        self._advance()

    def back(self) -> None:
        """Start the previous leg again (the first leg restarts itself)."""
        if not self.is_active():
            return
        self._end_leg()
        self._set_phase(self.RUNNING)
        self._begin(max(0, self._index - 1))

    def other_side(self) -> None:
        """Hold the same position on the other side next (the video flips)."""
        leg = self.current()
        if leg is None or leg.is_rest or leg.side not in ("L", "R"):
            return
        flipped = replace(leg, side=other_side(leg.side), mirrored=not leg.mirrored)
        self._end_leg()
        self._legs.insert(self._index + 1, flipped)
        self._set_phase(self.RUNNING)
        self._begin(self._index + 1)

    def continue_video(self) -> None:
        """End the hold and let the lesson play on from the end of the position."""
        leg = self.current()
        self.stop()
        if leg is not None and leg.step is not None and leg.step.has_video and self._player is not None:
            self._player.seek(leg.step.end_ms)
            self._player.play()

    def stop(self) -> None:
        if not self.is_active():
            return
        self._end_leg()
        self._finish(completed=False)

    def toggle_pause(self) -> None:
        if self._phase != self.RUNNING:
            return
        self.timer.toggle_pause()
        if self._player is not None and self._video_leg is not None and self.loop_span:
            if self.timer.is_paused():
                self._player.pause()
            elif not self._span_over:
                self._player.play()

    def add_time(self, delta_ms: int) -> None:
        if self._phase in (self.RUNNING, self.AWAITING):
            was_awaiting = self._phase == self.AWAITING
            self.timer.add_ms(delta_ms)
            if was_awaiting and self.timer.remaining_ms() > 0:
                self._set_phase(self.RUNNING)

    # ----------------------------------------------------------------------- a missing lesson
    def skip_missing(self) -> None:
        if self._phase == self.BLOCKED:
            self._advance()

    def hold_without_video(self) -> None:
        if self._phase == self.BLOCKED:
            self._set_phase(self.RUNNING)
            self._begin(self._index, video=False)

    # ------------------------------------------------------------------------------ tenderness
    def set_tenderness_before(self, value: int | None) -> None:
        self.tender_before = value

    def set_tenderness_after(self, value: int | None) -> None:
        """How tender the spot is after the hold: the one running (or done and counting over its
        time), logged with it when it ends; with no hold running, the hold just logged."""
        if self.is_active():
            self.tender_after = value
            return
        if self._practice is None or self.last_entry_id is None:
            return
        entry = self._practice.get(self.last_entry_id)
        if entry is not None:
            self._practice.set_tenderness(self.last_entry_id, before=entry.tender_before, after=value)

    # ------------------------------------------------------------------------------- internals
    def _advance(self, origin_ns: int | None = None) -> None:
        following = self._index + 1
        if following >= len(self._legs) and self._adhoc:
            extra = self._next_position_leg()
            if extra is not None:
                self._legs.append(extra)
        if following >= len(self._legs):
            self._finish(completed=True)
            return
        self._set_phase(self.RUNNING)
        self._begin(following, origin_ns=origin_ns)

    def _begin(
        self, index: int, *, origin_ns: int | None = None, keep_video: bool = False, video: bool = True
    ) -> None:
        self._index = index
        leg = self._legs[index]
        self._video_leg = None
        self._span_over = False
        self._landing = 0
        if not leg.is_rest and video and leg.step is not None and leg.step.has_video:
            lesson, problem = self._lesson_problem(leg.step)
            if problem is not None or lesson is None:
                self._set_mirrored(False)
                self._set_phase(self.BLOCKED)
                self.lesson_missing.emit(leg, problem or "The lesson is missing.")
                return
            self._show(leg, lesson, keep_video=keep_video)
        self.timer.start(leg.hold_ms, subject=leg, origin_ns=origin_ns)
        self.step_started.emit(leg)

    def _show(self, leg: Leg, lesson: Lesson, *, keep_video: bool) -> None:
        player = self._player
        step = leg.step
        if player is None or step is None:
            return
        self._set_mirrored(leg.mirrored)
        self._video_leg = leg
        same_lesson = player.lesson is not None and player.lesson.fingerprint == lesson.fingerprint
        if keep_video and same_lesson:
            if self.loop_span:
                player.seek(step.start_ms)
                player.play()
            else:
                player.pause()
                self._span_over = True
            return
        if same_lesson:
            player.seek(step.start_ms)
            player.play()
        else:
            player.open_lesson(lesson, autoplay=True, start_ms=step.start_ms)
            self._landing = LANDING_REPORTS
            self._landing_seeks = 0

    def _lesson_problem(self, step: PlanStep) -> tuple[Lesson | None, str | None]:
        fingerprint = step.lesson_fingerprint or ""
        lesson = self._lookup.lesson_by_fingerprint(fingerprint)
        title = step.title or "this position"
        if lesson is None:
            return None, (
                f"“{title}” comes from a lesson that is no longer in the library (its course was "
                "removed). Re-import the course, or skip this step."
            )
        path = Path(lesson.path)
        if not path.is_file():
            return lesson, (
                f"“{title}” needs the lesson “{lesson.title}”, whose file is missing: {path}. "
                "Reconnect the drive or relink the course, or skip this step."
            )
        return lesson, None

    def _end_leg(self) -> None:
        """Stop the current leg's countdown and log it (a hold, finished or abandoned)."""
        leg = self.current()
        result = self.timer.finish() if self.timer.is_active() else None
        if leg is None:
            return
        if result is not None:
            self._log(leg, result)
            self.step_finished.emit(leg, result.completed)
        elif self._phase == self.BLOCKED:
            self.step_finished.emit(leg, False)

    def _log(self, leg: Leg, result: HoldResult) -> None:
        if leg.is_rest or self._practice is None:
            return
        step = leg.step
        entry = PracticeEntry(
            title=leg.title,
            side=leg.side
            if step is not None and step.position_uid and leg.side in ("L", "R", "both")
            else "",
            technique=step.technique if step else "",
            position_uid=step.position_uid if step else None,
            lesson_fingerprint=step.lesson_fingerprint if step else None,
            plan_id=self._plan.id if self._plan is not None else None,
            planned_ms=result.planned_ms,
            actual_ms=result.actual_ms,
            completed=result.completed,
            tender_before=self.tender_before,
            tender_after=self.tender_after,
            started_at=result.started_at,
            ended_at=result.ended_at,
        )
        try:
            self.last_entry_id = self._practice.add(entry)
        except Exception:  # the log must never break a treatment in progress
            log.exception("could not write the practice log")
            return
        self.tender_before = self.tender_after = None
        self.logged.emit(self.last_entry_id)

    def _next_position_leg(self) -> Leg | None:
        leg = self.current()
        if leg is None or leg.step is None or not leg.step.has_video:
            return None
        lesson = self._lookup.lesson_by_fingerprint(leg.step.lesson_fingerprint or "")
        if lesson is None:
            return None
        later = [p for p in self._lookup.positions(lesson) if p.start_ms > leg.step.start_ms]
        if not later:
            return None
        return single_leg(step_for_position(later[0]))

    def _finish(self, *, completed: bool) -> None:
        self._set_phase(self.IDLE)
        self._video_leg = None
        self._set_mirrored(False)
        self.sequence_finished.emit(completed)

    def _set_phase(self, phase: str) -> None:
        was_active = self.is_active()
        self._phase = phase
        if self.is_active() != was_active:
            self.active_changed.emit(self.is_active())

    def _set_mirrored(self, mirrored: bool) -> None:
        if self._player is not None and hasattr(self._player, "set_mirrored"):
            self._player.set_mirrored(mirrored)
        if mirrored != self._mirrored:
            self._mirrored = mirrored
            self.mirrored_changed.emit(mirrored)

    @Slot()
    def _on_done(self) -> None:
        if self._phase != self.RUNNING or self.timer.subject is not self.current():
            return
        has_next = self._index + 1 < len(self._legs)
        if self.auto_advance and not self._adhoc:
            # Chain on the deadline, not on "now": the next leg's countdown starts exactly where this
            # one reached zero, however late this slot runs, so a long sequence never drifts.
            deadline = self.timer.deadline_ns()
            self._end_leg()
            if has_next:
                self._advance(origin_ns=deadline)
            else:
                self._finish(completed=True)
            return
        self._set_phase(self.AWAITING)
        if self._player is not None and self._video_leg is not None and self.loop_span:
            self._player.pause()
            self._span_over = True
        self.awaiting_choice.emit(self.current())

    @Slot(int)
    def _on_position(self, position_ms: int) -> None:
        leg = self._video_leg
        player = self._player
        if leg is None or player is None or leg.step is None or self._span_over:
            return
        if player.lesson is None or player.lesson.fingerprint != leg.step.lesson_fingerprint:
            return
        if self._landing:
            # A start position given to open_lesson can be lost when another lesson was loaded
            # (the outgoing media's status change takes it); a stray report from that media may
            # still arrive, so the new one is watched for a few reports before trusting it.
            if position_ms < leg.step.start_ms - LANDING_SLACK_MS or position_ms > leg.step.end_ms:
                self._landing_seeks += 1
                self._landing = LANDING_REPORTS if self._landing_seeks < LANDING_MAX_SEEKS else 0
                player.seek(leg.step.start_ms)
                return
            self._landing -= 1
        if position_ms >= leg.step.end_ms and self._phase == self.RUNNING:
            if self.loop_span and not self.timer.is_paused():
                player.seek(leg.step.start_ms)
            else:
                self._span_over = True  # played the demonstration once: hold its last frame
                player.pause()
                # The frame at end_ms is already the next position's first (its title card, often):
                # step back to a frame of this demonstration.
                player.seek(max(leg.step.start_ms, leg.step.end_ms - LAST_FRAME_BACK_MS))


# ------------------------------------------------------------------------------ video binding
class PositionWatcher(QObject):
    """Optionally pauses the video as it reaches a position and starts that position's hold."""

    def __init__(self, runner: SequenceRunner, player: Player, lookup: LessonLookup) -> None:
        super().__init__(runner)
        self.enabled = False
        self._runner = runner
        self._player = player
        self._lookup = lookup
        self._previous_ms: int | None = None
        self._positions: list[Position] = []
        self._positions_of: str | None = None
        player.position_changed.connect(self._on_position)

    def _current_positions(self) -> list[Position]:
        lesson = self._player.lesson
        if lesson is None:
            return []
        if self._positions_of != lesson.fingerprint:
            self._positions = self._lookup.positions(lesson)
            self._positions_of = lesson.fingerprint
            self._previous_ms = None
        return self._positions

    @Slot(int)
    def _on_position(self, position_ms: int) -> None:
        positions = self._current_positions()
        previous, self._previous_ms = self._previous_ms, position_ms
        if not self.enabled or self._runner.is_active() or previous is None:
            return
        if not 0 < position_ms - previous <= WATCH_MAX_STEP_MS or not self._player.is_playing():
            return
        for position in positions:
            if previous < position.start_ms <= position_ms:
                self._player.pause()
                self._runner.hold_position(position, from_playback=True)
                return


def position_at(positions: Sequence[Position], position_ms: int) -> Position | None:
    """The position under the playhead, else the last one before it, else the first after it."""
    inside = [p for p in positions if p.start_ms <= position_ms < p.end_ms]
    if inside:
        return inside[-1]
    before = [p for p in positions if p.start_ms <= position_ms]
    if before:
        return before[-1]
    return positions[0] if positions else None


# ------------------------------------------------------------------------------------ services
SETTING_DEFAULTS: dict[str, Any] = {
    "holds.cue_profile": "clinic",
    "holds.auto_advance": True,
    "holds.loop_span": False,
    "holds.pause_at_positions": False,
    "holds.ticks": False,
    "holds.speak_names": True,
}


class HoldServices:
    """The hold features as one service on the context. Repositories are made at once (cheap, no
    Qt); the timer, runner, cues and keep-awake on first use, so headless commands never load
    QtMultimedia or QtDBus."""

    def __init__(self, context: AppContext) -> None:
        from smrtplayer.store.plans import PlanRepository, PresetRepository

        self._context = context
        self.plans = PlanRepository(context.store)
        self.presets = PresetRepository(context.store)
        self.practice = PracticeRepository(context.store)
        #: the monotonic clock the hold timer will use (tests set a fake one before first use)
        self.clock: Clock = monotonic_ns
        self._runner: SequenceRunner | None = None
        self._cues: CuePlayer | None = None
        self._keep_awake: KeepAwake | None = None
        self._watcher: PositionWatcher | None = None

    # --------------------------------------------------------------------------------- options
    def option(self, key: str) -> Any:
        return self._context.settings.get(key, SETTING_DEFAULTS[key])

    def set_option(self, key: str, value: Any) -> None:
        if key not in SETTING_DEFAULTS:
            raise KeyError(key)
        self._context.settings.set(key, value)
        self._apply_options()

    def _apply_options(self) -> None:
        if self._runner is not None:
            self._runner.auto_advance = bool(self.option("holds.auto_advance"))
            self._runner.loop_span = bool(self.option("holds.loop_span"))
        if self._cues is not None:
            self._cues.set_profile(str(self.option("holds.cue_profile")))
            self._cues.ticks = bool(self.option("holds.ticks"))
            self._cues.speak_names = bool(self.option("holds.speak_names"))
        if self._watcher is not None:
            self._watcher.enabled = bool(self.option("holds.pause_at_positions"))

    # -------------------------------------------------------------------------------- services
    @property
    def runner(self) -> SequenceRunner:
        if self._runner is None:
            from smrtplayer.holds.cues import CuePlayer
            from smrtplayer.holds.keepawake import KeepAwake

            player = self._context.playback
            timer = HoldTimer(self.clock)
            # The cues are connected before the runner: at zero the tone plays first, then the runner
            # logs the hold and moves on (a log write waits for the disk; the tone must not).
            cues = CuePlayer(self._context.paths.cache)
            cues.attach(timer)
            runner = SequenceRunner(timer, player, self._context.library, self.practice)
            timer.setParent(runner)
            cues.setParent(runner)
            self._cues = cues
            runner.step_started.connect(self._announce)
            self._keep_awake = KeepAwake(parent=runner)
            runner.active_changed.connect(self._keep_awake.set_held)
            self._watcher = PositionWatcher(runner, player, self._context.library)
            self._runner = runner
            self._apply_options()
        return self._runner

    @property
    def timer(self) -> HoldTimer:
        return self.runner.timer

    @property
    def cues(self) -> CuePlayer:
        self.runner  # noqa: B018 - builds the cues with the runner
        assert self._cues is not None
        return self._cues

    @property
    def keep_awake(self) -> KeepAwake:
        self.runner  # noqa: B018
        assert self._keep_awake is not None
        return self._keep_awake

    def _announce(self, leg: Leg) -> None:
        if self._cues is not None and not leg.is_rest:
            self._cues.announce(leg.label)

    def all_presets(self) -> list[Any]:
        from smrtplayer.models.presets import BUILTIN_PRESETS

        return [*BUILTIN_PRESETS, *self.presets.all()]

    def position_here(self) -> Position | None:
        """The position under the playhead of the lesson on screen, if any."""
        player = self._context.playback
        lesson = player.lesson
        if lesson is None:
            return None
        return position_at(self._context.library.positions(lesson), player.position_ms())

    def leg_here(self) -> Leg | None:
        """What ``hold_current_position`` would start now (its side and hold time), to show it."""
        position = self.position_here()
        return single_leg(step_for_position(position)) if position is not None else None

    def hold_current_position(self) -> Position | None:
        """The one-key "start the hold for this position": the position under the playhead."""
        position = self.position_here()
        if position is not None:
            self.runner.hold_position(position, from_playback=True)
        return position

    def is_holding(self) -> bool:
        return self._runner is not None and self._runner.is_active()

    def close(self) -> None:
        """Called by the context before the store closes: a hold still running is logged as ended."""
        if self._runner is not None:
            self._runner.stop()
        if self._keep_awake is not None:
            self._keep_awake.release()
