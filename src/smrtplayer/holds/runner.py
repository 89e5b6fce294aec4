"""The sequence runner: a plan's steps run one after another, each hold driven by the HoldTimer and
shown on the video; also the one-key "hold this position" and a bare preset countdown.

The runner is a small state machine:

    idle --run_plan/hold_position--> running --done--> (auto-advance: next leg, chained on the deadline)
                                        |               (otherwise: awaiting a choice, overtime counts)
                                        +--lesson file missing--> blocked (skip / stop / hold anyway)
    a reminder or a recheck leg --> waiting (for ``acknowledge`` or ``recheck(0-10)``) --> next leg

Passes and a roll's "move along" cue are beats on the same monotonic clock as the countdown
(``Beats``), started from the countdown's own origin. A recheck before any hold of the run is the
baseline (the next hold's tenderness before); after a hold it is that hold's tenderness after.

Every hold leg that ends, finished or abandoned, is written to the practice log. The player is driven
only through ``open_lesson``, ``play``, ``pause`` and ``seek`` (and ``set_mirrored`` where the
controller has it).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from smrtplayer.holds.beats import Beats
from smrtplayer.holds.legs import (
    Leg,
    expand,
    other_side,
    other_side_demonstration,
    single_leg,
    step_for_position,
    validate_plan,
)
from smrtplayer.holds.ports import LessonLookup, Player
from smrtplayer.holds.timer import HoldResult, HoldTimer
from smrtplayer.models.library import Lesson
from smrtplayer.models.plans import PASSES, RECHECK, REMINDER, ROLL, Plan, PlanStep
from smrtplayer.models.positions import Position
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.models.presets import HoldRejected, validate_hold_ms
from smrtplayer.store.practice import PracticeRepository

log = logging.getLogger(__name__)

LANDING_REPORTS = 6
#: How far before a position's end its paused demonstration is shown (a frame or two at 25-30 fps)
LAST_FRAME_BACK_MS = 80
LANDING_SLACK_MS = 300
LANDING_MAX_SEEKS = 3


class SequenceRunner(QObject):
    step_started = Signal(object)  # Leg
    step_finished = Signal(object, bool)  # Leg, completed (the countdown reached zero)
    sequence_finished = Signal(bool)  # True: ran to its end; False: stopped
    awaiting_choice = Signal(object)  # Leg whose hold is over: continue, other side or next
    lesson_missing = Signal(object, str)  # Leg, what is missing and where
    mirrored_changed = Signal(bool)
    active_changed = Signal(bool)
    logged = Signal(int)  # practice-log row written
    entry_changed = Signal(int)  # practice-log row given its tenderness after the hold
    waiting = Signal(object)  # Leg: a reminder to acknowledge or a recheck to answer
    beat = Signal(object, int, int)  # Leg, pass (or cue) number, how many
    rechecked = Signal(object, int)  # Leg, tenderness 0-10

    IDLE, RUNNING, AWAITING, BLOCKED, WAITING = "idle", "running", "awaiting", "blocked", "waiting"

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
        #: the length every position's hold takes this session (None: each position's own time)
        self.position_hold_ms: int | None = None
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
        #: the therapist's session the holds are logged in (None: no session)
        self.session_id: int | None = None
        self._recheck_entry_id: int | None = None  # the hold of this run a recheck would rate
        self.beats = Beats(timer.clock, self)
        self.beats.beat.connect(self._on_beat)
        timer.done.connect(self._on_done)
        timer.paused_changed.connect(self._on_paused)
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
        self._recheck_entry_id = None
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
        """Hold the same position on the other side next: with the course's own demonstration of
        that side when it has one, else the video flips."""
        leg = self.current()
        if leg is None or leg.is_rest or leg.side not in ("L", "R"):
            return
        side = other_side(leg.side)
        own = self._own_demonstration(leg, side)
        if own is not None and leg.step is not None:
            step = replace(
                leg.step,
                side=side,
                position_uid=own.uid,
                lesson_fingerprint=own.lesson_fingerprint,
                start_ms=own.start_ms,
                end_ms=own.end_ms,
                demo_side=own.side,
            )
            flipped = replace(leg, side=side, mirrored=False, step=step, own_demonstration=True)
        else:
            flipped = replace(leg, side=side, mirrored=not leg.mirrored, own_demonstration=False)
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

    def acknowledge(self) -> None:
        """The reminder on screen was seen and done: go on."""
        leg = self.current()
        if self._phase == self.WAITING and leg is not None and leg.kind == REMINDER:
            self._advance()

    def recheck(self, tenderness: int) -> None:
        """The answer to a recheck (0-10): the baseline before a hold, or the tenderness after it."""
        leg = self.current()
        if self._phase != self.WAITING or leg is None or leg.kind != RECHECK:
            return
        if isinstance(tenderness, bool) or not isinstance(tenderness, int) or not 0 <= tenderness <= 10:
            raise HoldRejected(f"Tenderness is a whole number from 0 to 10, not {tenderness!r}.")
        entry_id = self._recheck_entry_id
        if entry_id is None:
            self.tender_before = tenderness
        elif self._practice is not None:
            entry = self._practice.get(entry_id)
            if entry is not None:
                self._practice.set_tenderness(entry_id, before=entry.tender_before, after=tenderness)
                self.entry_changed.emit(entry_id)
            self._recheck_entry_id = None
        self.rechecked.emit(leg, tenderness)
        self._advance()

    def is_baseline_recheck(self) -> bool:
        """The recheck on screen comes before any hold of this run: it rates the point before."""
        leg = self.current()
        return (
            self._phase == self.WAITING
            and leg is not None
            and leg.kind == RECHECK
            and self._recheck_entry_id is None
        )

    def proposed_tenderness(self) -> int | None:
        """What a recheck offers before the user answers: 10 for a baseline (counterstrain rates the
        tender point 10 before treating it), nothing after a hold (the user says)."""
        return 10 if self.is_baseline_recheck() else None

    def confirm(self, tenderness: int | None = None) -> None:
        """The one "go on" of a waiting step: a reminder is done; a recheck takes ``tenderness`` (or
        the baseline's 10)."""
        leg = self.current()
        if self._phase != self.WAITING or leg is None:
            return
        if leg.kind == REMINDER:
            self.acknowledge()
            return
        value = tenderness if tenderness is not None else self.proposed_tenderness()
        if value is not None:
            self.recheck(value)

    def stop(self) -> None:
        if not self.is_active():
            return
        self._end_leg()
        self._finish(completed=False)

    def toggle_pause(self) -> None:
        if self._phase != self.RUNNING:
            return
        self.timer.toggle_pause()  # the beats follow through paused_changed
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

    def set_length(self, hold_ms: int) -> None:
        """Make the hold on screen ``hold_ms`` long in all (time already held counts; a length
        shorter than that ends it now)."""
        hold_ms = validate_hold_ms(hold_ms)
        if self._phase in (self.RUNNING, self.AWAITING) and self.timer.is_active():
            self.add_time(hold_ms - self.timer.planned_ms())

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
            self.entry_changed.emit(self.last_entry_id)

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
        self.beats.stop()
        if not leg.is_timed:
            self._set_mirrored(False)
            self._set_phase(self.WAITING)
            self.step_started.emit(leg)
            self.waiting.emit(leg)
            return
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
        self._start_beats(leg)

    def _start_beats(self, leg: Leg) -> None:
        step = leg.step
        deadline = self.timer.deadline_ns()
        if step is None or deadline is None or self.timer.subject is not leg:
            return
        origin = deadline - leg.hold_ms * 1_000_000
        if step.kind == PASSES and step.passes and step.cadence_ms:
            self.beats.start(
                interval_ms=step.cadence_ms, count=step.passes, origin_ns=origin, first_at_origin=True
            )
        elif step.kind == ROLL and step.cue_every_ms:
            count = (leg.hold_ms - 1) // step.cue_every_ms
            if count > 0:
                self.beats.start(
                    interval_ms=step.cue_every_ms, count=count, origin_ns=origin, first_at_origin=False
                )

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
        passes = self.beats.current if leg is not None and leg.kind == PASSES else 0
        self.beats.stop()
        result = self.timer.finish() if self.timer.is_active() else None
        if leg is None:
            return
        if result is not None:
            self._log(leg, result, passes)
            self.step_finished.emit(leg, result.completed)
        elif self._phase == self.BLOCKED:
            self.step_finished.emit(leg, False)

    def _log(self, leg: Leg, result: HoldResult, passes: int = 0) -> None:
        if leg.is_rest or not leg.is_timed or self._practice is None:
            return
        step = leg.step
        # A bare preset countdown names no side; a position's hold and every step of a plan do.
        sided = step is not None and (step.position_uid or not self._adhoc)
        entry = PracticeEntry(
            title=leg.title,
            kind=leg.kind,
            passes=passes,
            session_id=self.session_id,
            side=leg.side if sided and leg.side in ("L", "R", "both") else "",
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
        self._recheck_entry_id = self.last_entry_id
        self.tender_before = self.tender_after = None
        self.logged.emit(self.last_entry_id)

    def _own_demonstration(self, leg: Leg, side: str) -> Position | None:
        """The course's own demonstration of ``leg``'s position on ``side`` (see legs)."""
        step = leg.step
        if step is None or not step.position_uid or not step.has_video:
            return None
        lesson = self._lookup.lesson_by_fingerprint(step.lesson_fingerprint or "")
        if lesson is None:
            return None
        candidates: list[Position] = []
        for each in self._lookup.lessons(lesson.course_id):
            candidates.extend(self._lookup.positions(each))
        shown = next((p for p in candidates if p.uid == step.position_uid), None)
        if shown is None:
            return None
        return other_side_demonstration(shown, side, candidates)

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
        return single_leg(step_for_position(later[0], hold_ms=self.position_hold_ms))

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

    @Slot(int, int)
    def _on_beat(self, number: int, count: int) -> None:
        leg = self.current()
        if leg is not None and self._phase == self.RUNNING:
            self.beat.emit(leg, number, count)

    @Slot(bool)
    def _on_paused(self, paused: bool) -> None:
        if paused:
            self.beats.pause()
        else:
            self.beats.resume()

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
