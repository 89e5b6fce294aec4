"""HoldServices: the hold features as one service, and the widgets' only door to plans, presets and
the practice log. Every write goes through a repository and is announced with a signal
(``plans_changed``, ``presets_changed``, ``practice_log_changed``) that widgets repaint on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from time import monotonic_ns
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from smrtplayer.holds.legs import Leg, link_to_position, single_leg, step_for_position
from smrtplayer.holds.ports import LessonLookup, Player
from smrtplayer.holds.runner import SequenceRunner
from smrtplayer.holds.timer import Clock, HoldTimer
from smrtplayer.holds.watcher import PositionWatcher
from smrtplayer.models.plans import PASSES, Plan, PlanStep
from smrtplayer.models.positions import Position, position_near
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.models.presets import BUILTIN_PRESETS, Preset, validate_hold_ms
from smrtplayer.models.sessions import Session, SessionRecord, SessionRejected, clean_client_label
from smrtplayer.models.settings import (
    HOLD_AUTO_ADVANCE,
    HOLD_CUE_PROFILE,
    HOLD_LOOP_SPAN,
    HOLD_OPTIONS,
    HOLD_PAUSE_AT_POSITIONS,
    HOLD_SPEAK_NAMES,
    HOLD_TICKS,
    SettingsAccess,
)
from smrtplayer.store.plans import PlanRepository, PresetRepository
from smrtplayer.store.practice import PracticeRepository
from smrtplayer.store.sessions import SessionRepository, backups_holding_client

if TYPE_CHECKING:
    from smrtplayer.holds.cues import CuePlayer
    from smrtplayer.holds.keepawake import KeepAwake


class HoldServices(QObject):
    """The timer, runner, cues and keep-awake are made on first use, so headless commands never load
    QtMultimedia or QtDBus; ``player`` is asked for the player only then, for the same reason."""

    plans_changed = Signal()
    presets_changed = Signal()
    practice_log_changed = Signal()
    sessions_changed = Signal()
    #: the length chosen for every position's hold this session changed (see ``set_position_hold``)
    position_hold_changed = Signal()

    def __init__(
        self,
        *,
        settings: SettingsAccess,
        plans: PlanRepository,
        presets: PresetRepository,
        practice: PracticeRepository,
        sessions: SessionRepository,
        backup_files: Callable[[], list[Path]],
        lessons: LessonLookup,
        player: Callable[[], Player],
        positions_for_structure: Callable[[str], list[Position]] = lambda _structure: [],
        cache_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        # The repositories stay reachable for the data exchange and the tests; widgets use the named
        # operations below, which announce what they change.
        self.plans = plans
        self.presets = presets
        self.practice = practice
        self.sessions = sessions
        self._backup_files = backup_files
        self._session_id: int | None = None
        self._lessons = lessons
        self._positions_for_structure = positions_for_structure
        self._player = player
        self._cache_dir = cache_dir
        #: the monotonic clock the hold timer will use (tests set a fake one before first use)
        self.clock: Clock = monotonic_ns
        self._runner: SequenceRunner | None = None
        self._cues: CuePlayer | None = None
        self._keep_awake: KeepAwake | None = None
        self._watcher: PositionWatcher | None = None
        self._position_hold: tuple[str, int] | None = None

    # ------------------------------------------------------------------ the length of a hold
    def position_hold(self) -> tuple[str, int] | None:
        """(preset name, length) that every position's hold takes this session; None: each its own."""
        return self._position_hold

    def set_position_hold(self, name: str, hold_ms: int | None) -> None:
        """Hold every position for ``hold_ms`` from now until changed (None: each for its own time).

        A position's hold running now takes the new length at once: one choice sets it, instead of
        a press of "-10 s" for every ten seconds.
        """
        if hold_ms is not None:
            hold_ms = validate_hold_ms(hold_ms)
        self._position_hold = (name, hold_ms) if hold_ms is not None else None
        runner = self.runner
        runner.position_hold_ms = hold_ms
        leg = runner.current() if runner.is_active() else None
        if hold_ms is not None and leg is not None and leg.step is not None and leg.step.position_uid:
            runner.set_length(hold_ms)
        self.position_hold_changed.emit()

    # --------------------------------------------------------------------------------- options
    def option(self, key: str) -> Any:
        """A hold option by its name (``holds.ticks``...); an unknown name raises KeyError."""
        return self._settings.get(HOLD_OPTIONS[key])

    def set_option(self, key: str, value: Any) -> None:
        """Change a hold option (a value it does not take raises SettingError) and apply it now."""
        self._settings.set(HOLD_OPTIONS[key], value)
        self._apply_options()

    def _apply_options(self) -> None:
        if self._runner is not None:
            self._runner.auto_advance = self._settings.get(HOLD_AUTO_ADVANCE)
            self._runner.loop_span = self._settings.get(HOLD_LOOP_SPAN)
        if self._cues is not None:
            self._cues.set_profile(self._settings.get(HOLD_CUE_PROFILE))
            self._cues.ticks = self._settings.get(HOLD_TICKS)
            self._cues.speak_names = self._settings.get(HOLD_SPEAK_NAMES)
        if self._watcher is not None:
            self._watcher.enabled = self._settings.get(HOLD_PAUSE_AT_POSITIONS)

    # ----------------------------------------------------------------------------------- plans
    def all_plans(self) -> list[Plan]:
        return self.plans.all()

    def plan(self, plan_id: int) -> Plan | None:
        return self.plans.get(plan_id)

    def save_plan(self, plan: Plan) -> int:
        """Insert a new plan or replace a stored one; returns its id."""
        plan_id = self.plans.save(plan)
        self.plans_changed.emit()
        return plan_id

    def templates(self) -> list[Plan]:
        """The built-in templates (``template=True``), checked when first read."""
        from smrtplayer.models.templates import builtin_templates

        return [template.plan for template in builtin_templates()]

    def copy_template(self, key: str, title: str | None = None) -> int:
        """Make a plan of the user's own from the template ``key``; returns its id."""
        from smrtplayer.models.templates import as_user_plan, builtin_templates

        template = next((each for each in builtin_templates() if each.key == key), None)
        if template is None:
            raise KeyError(key)
        plan = as_user_plan(template, title)
        return self.save_plan(plan.with_steps([self.linked(step) for step in plan.steps]))

    def linked(self, step: PlanStep) -> PlanStep:
        """``step`` with the demonstration of a course position on its structure, when one fits."""
        if not step.structure or step.position_uid:
            return step
        return link_to_position(step, self._positions_for_structure(step.structure))

    def find_plan(self, key: str) -> Plan | None:
        """A plan or template by id, template key or name (any case); a user's plan first."""
        plans = self.all_plans()
        if key.isdigit():
            found = self.plan(int(key))
            if found is not None:
                return found
        folded = key.casefold()
        for plan in [*plans, *self.templates()]:
            if plan.title.casefold() == folded or (plan.template and plan.key == key):
                return plan
        return None

    def duplicate_plan(self, plan_id: int) -> int:
        copy_id = self.plans.duplicate(plan_id)
        self.plans_changed.emit()
        return copy_id

    def delete_plan(self, plan_id: int) -> None:
        self.plans.delete(plan_id)
        self.plans_changed.emit()

    def move_plan(self, plan_id: int, delta: int) -> None:
        """Move a plan up (negative) or down (positive) in the list."""
        self.plans.move(plan_id, delta)
        self.plans_changed.emit()

    # --------------------------------------------------------------------------------- presets
    def all_presets(self) -> list[Preset]:
        return [*BUILTIN_PRESETS, *self.presets.all()]

    def save_preset(self, name: str, hold_ms: int) -> Preset:
        """Save a preset of the user's own (an existing name gets the new duration)."""
        preset = self.presets.save(name, hold_ms)
        self.presets_changed.emit()
        return preset

    # ---------------------------------------------------------------------------- practice log
    def log_entries(self, limit: int = 500) -> list[PracticeEntry]:
        """Newest first."""
        return self.practice.recent(limit)

    def log_entry(self, entry_id: int) -> PracticeEntry | None:
        return self.practice.get(entry_id)

    def last_entry(self) -> PracticeEntry | None:
        """The hold logged last in this session, if any."""
        entry_id = self._runner.last_entry_id if self._runner is not None else None
        return self.practice.get(entry_id) if entry_id else None

    def set_entry_tenderness(self, entry_id: int, *, before: int | None, after: int | None) -> None:
        self.practice.set_tenderness(entry_id, before=before, after=after)
        self.practice_log_changed.emit()

    def delete_entry(self, entry_id: int) -> None:
        self.practice.delete(entry_id)
        self.practice_log_changed.emit()

    def export_log_csv(self, destination: Path) -> int:
        """Write the whole log as CSV; returns the number of holds written."""
        return self.practice.export_csv(destination)

    # -------------------------------------------------------------------------------- sessions
    # The client label is client data: it goes to the database and the screen, never to a log line.
    def start_session(self, client_label: str = "") -> tuple[Session, SessionRecord | None]:
        """Begin a session (ending one still open); returns it and the client's previous session,
        with its entries, for "last time with this client"."""
        self.end_session()
        session_id = self.sessions.start(client_label)
        session = self.sessions.get(session_id)
        assert session is not None
        self._session_id = session_id
        if self._runner is not None:
            self._runner.session_id = session_id
        previous = self.sessions.last_for_client(session.client_label, before=session_id)
        self.sessions_changed.emit()
        return session, self.session_record(previous.id) if previous is not None else None

    def end_session(self) -> None:
        if self._session_id is None:
            return
        self.sessions.end(self._session_id)
        self._session_id = None
        if self._runner is not None:
            self._runner.session_id = None
        self.sessions_changed.emit()

    def current_session(self) -> Session | None:
        return self.sessions.get(self._session_id) if self._session_id is not None else None

    def all_sessions(self) -> list[Session]:
        """Newest first."""
        return self.sessions.all()

    def session_record(self, session_id: int) -> SessionRecord | None:
        session = self.sessions.get(session_id)
        if session is None:
            return None
        return SessionRecord(session, tuple(self.practice.in_session(session_id)))

    def write_session_summary(self, session_id: int, destination: Path) -> Path:
        """The one-page PDF summary of a session, for the therapist's own records."""
        from smrtplayer.holds.session_summary import write_session_pdf

        record = self.session_record(session_id)
        if record is None:
            raise SessionRejected(f"There is no session {session_id}.")
        return write_session_pdf(record, destination)

    def delete_client(self, client_label: str) -> tuple[int, int, list[Path]]:
        """Delete all of one client's sessions and their log rows in one action; returns the sessions
        and rows deleted and the backups that still hold them (to delete too, if the user wants)."""
        current = self.current_session()
        if current is not None and current.client_label == clean_client_label(client_label):
            self.end_session()
        sessions, rows, _first = self.sessions.delete_client(client_label)
        if not sessions:
            raise SessionRejected("No session has this client label: nothing was deleted.")
        holding = backups_holding_client(self._backup_files(), client_label)
        self.sessions_changed.emit()
        self.practice_log_changed.emit()
        return sessions, rows, holding

    # -------------------------------------------------------------------------------- services
    @property
    def runner(self) -> SequenceRunner:
        if self._runner is None:
            from smrtplayer.holds.cues import CuePlayer
            from smrtplayer.holds.keepawake import KeepAwake

            player = self._player()
            timer = HoldTimer(self.clock)
            # The cues are connected before the runner: at zero the tone plays first, then the runner
            # logs the hold and moves on (a log write waits for the disk; the tone must not).
            cues = CuePlayer(self._cache_dir)
            cues.attach(timer)
            runner = SequenceRunner(timer, player, self._lessons, self.practice)
            runner.session_id = self._session_id
            timer.setParent(runner)
            cues.setParent(runner)
            self._cues = cues
            runner.step_started.connect(self._announce)
            runner.beat.connect(self._on_beat)
            runner.logged.connect(self.practice_log_changed)
            runner.entry_changed.connect(self.practice_log_changed)
            self._keep_awake = KeepAwake(parent=runner)
            runner.active_changed.connect(self._keep_awake.set_held)
            self._watcher = PositionWatcher(runner, player, self._lessons)
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
        if self._cues is None:
            return
        if not leg.is_timed or (leg.is_rest and leg.step is not None and leg.step.text):
            self._cues.play("move")  # a reminder, a recheck, the slow return: look at the screen
        if not leg.is_rest:
            self._cues.announce(leg.label)

    def _on_beat(self, leg: Leg, _number: int, _count: int) -> None:
        if self._cues is not None:
            self._cues.play("pass" if leg.kind == PASSES else "move")

    def position_here(self) -> Position | None:
        """The position under the playhead of the lesson on screen, if any."""
        player = self._player()
        lesson = player.lesson
        if lesson is None:
            return None
        return position_near(self._lessons.positions(lesson), player.position_ms())

    def leg_here(self) -> Leg | None:
        """What ``hold_current_position`` would start now (its side and hold time), to show it."""
        position = self.position_here()
        if position is None:
            return None
        hold = self._position_hold
        return single_leg(step_for_position(position, hold_ms=hold[1] if hold else None))

    def hold_current_position(self) -> Position | None:
        """The one-key "start the hold for this position": the position under the playhead."""
        position = self.position_here()
        if position is not None:
            hold = self._position_hold
            self.runner.hold_position(position, hold_ms=hold[1] if hold else None, from_playback=True)
        return position

    def is_holding(self) -> bool:
        return self._runner is not None and self._runner.is_active()

    def close(self) -> None:
        """Called by the context before the store closes: a hold still running is logged as ended."""
        if self._runner is not None:
            self._runner.stop()
        self.end_session()
        if self._keep_awake is not None:
            self._keep_awake.release()
