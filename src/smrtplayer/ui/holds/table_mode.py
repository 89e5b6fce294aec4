"""Table mode: the screen a therapist glances at from the table, two or three metres away.

Full screen, black in the dark theme and white in the light one (``TABLE_COLOURS``: every colour reads
at ≥ 4.5:1 on its background), the demonstration on the left and on the right, from top to bottom: which
step this is, the position's name, the kind of step and a coloured side badge (as large as each other),
the pass count and the step's cue (Active Release: "PASS 3 / 8", "Client moves"), the countdown (more
than a fifth of the screen high, drawn to fill its box) with a progress bar, and what comes next.

A reminder waits for Space (or the "reminder done" key); a recheck shows the tenderness to record,
large: a digit key records it, or ↑/↓ then Space (a baseline offers 10). Digits and the confirm key
are the window's actions too.

Table mode obeys the window's one keymap (ui/common/shortcuts.py): a key does here what its action
means at the table (``TABLE_MEANING``: the key that plays starts or pauses the hold, the key that goes
to the next position goes to the next step...), so a pedal or clicker re-bound in the ``?`` sheet
works here too. An input lock
ignores mouse and touch, so brushing the screen or the trackpad with an elbow changes nothing; the
keys still work. Leaving table mode does not stop a running sequence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from smrtplayer.app.context import AppContext
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.holds.legs import Leg, expand
from smrtplayer.holds.runner import SequenceRunner
from smrtplayer.holds.timer import HoldTimer, format_countdown
from smrtplayer.models.plans import PASSES, RECHECK, REMINDER, Plan
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.shortcuts import TABLE_MEANING, ShortcutBindings, key_text, table_hint_keys
from smrtplayer.ui.holds.demonstration import demonstration_note
from smrtplayer.ui.holds.table_colours import table_colours
from smrtplayer.ui.holds.wording import kind_name, plan_length_text
from smrtplayer.ui.player.video_view import VideoView

SIDE_STYLE = {
    "L": (QT_TRANSLATE_NOOP("TableModeWindow", "CLIENT'S LEFT"), "#ff9800", "#000000"),
    "R": (QT_TRANSLATE_NOOP("TableModeWindow", "CLIENT'S RIGHT"), "#29b6f6", "#000000"),
    "both": (QT_TRANSLATE_NOOP("TableModeWindow", "BOTH SIDES"), "#e0e0e0", "#000000"),
}
ADD_MS = 10_000
ARROWS = {"Right": "→", "Left": "←", "Up": "↑", "Down": "↓"}
# What the key hints under the video name, in this order (each with the keys bound to it).
HINTED = (
    ("start_pause", QT_TRANSLATE_NOOP("TableModeWindow", "start/pause")),
    ("next", QT_TRANSLATE_NOOP("TableModeWindow", "next")),
    ("back", QT_TRANSLATE_NOOP("TableModeWindow", "back")),
    ("more", "+10 s"),
    ("less", "−10 s"),
    ("other_side", QT_TRANSLATE_NOOP("TableModeWindow", "other side")),
    ("lock", QT_TRANSLATE_NOOP("TableModeWindow", "lock")),
    ("leave", QT_TRANSLATE_NOOP("TableModeWindow", "leave")),
)
_POINTER_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.ContextMenu,
}


def _plain_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label


class CountdownView(QWidget):
    """The remaining seconds, drawn as large as the box allows, and a progress bar under them."""

    def __init__(self, timer: HoldTimer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAccessibleName(self.tr("Hold time left"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._timer = timer
        self.is_rest = False
        self.idle_ms = 0
        self.shown_text = ""  # shown instead of the time while a step waits (a recheck's figure)
        self.digit_rect = QRectF()  # where the digits were last drawn (tests measure it)
        # The digits' size is chosen from the hold's length when it starts; time added later
        # (paused, +10 s past 99) must not shrink the number the therapist is reading.
        self._size_digits = 2
        self.colours = table_colours()
        timer.started.connect(self._remember_size)

    def _remember_size(self, *_args: object) -> None:
        self._size_digits = max(2, len(str(-(-self._timer.planned_ms() // 1000))))

    def text(self) -> str:
        """The seconds to show (or a waiting step's figure); empty when there is nothing to count."""
        if self.shown_text:
            return self.shown_text
        if not self._timer.is_active():
            return format_countdown(self.idle_ms, seconds_only=True) if self.idle_ms else ""
        return self._timer.display(seconds_only=True)

    def spoken(self) -> str:
        """The digits and their state in words, for a screen reader: "25 s left, paused"."""
        timer = self._timer
        if self.shown_text:
            return self.shown_text
        if not timer.is_active():
            if not self.idle_ms:
                return self.tr("No hold")
            return self.tr("%n s, not started", "", -(-self.idle_ms // 1000))
        remaining = timer.remaining_ms()
        if remaining > 0:
            text = self.tr("%n s left", "", -(-remaining // 1000))
        else:
            text = self.tr("%n s over", "", -remaining // 1000)
        return text + self.tr(", paused") if timer.is_paused() else text

    def colour(self) -> QColor:
        return QColor(self._colour_name())

    def _colour_name(self) -> str:
        timer, colours = self._timer, self.colours
        if self.shown_text:
            return colours.last_seconds
        if not timer.is_active():
            return colours.soft
        if timer.is_paused():
            return colours.paused
        remaining = timer.remaining_ms()
        if remaining <= 0:
            return colours.overtime
        if self.is_rest:
            return colours.rest
        return colours.last_seconds if remaining <= 3000 else colours.text

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.text()
        bar_height = max(8, self.height() // 28)
        box = QRectF(self.rect()).adjusted(0, 0, 0, -bar_height * 2)
        if not text:  # a finished sequence: no number, no bar that could be read as time left
            self.digit_rect = QRectF()
            painter.end()
            return
        # Size the font for the hold's digits as it started (or "+" and two), so it does not jump as
        # the count shrinks, nor when time is added.
        idle_digits = len(str(-(-self.idle_ms // 1000)))
        size_digits = self._size_digits if self._timer.is_active() else idle_digits
        template = "+88" if text.startswith("+") else "8" * max(2, len(text), size_digits)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(100)
        sample = QFontMetricsF(font).tightBoundingRect(template)
        scale = min(
            box.width() * 0.96 / max(1.0, sample.width()), box.height() * 0.98 / max(1.0, sample.height())
        )
        font.setPixelSize(max(10, int(100 * scale)))
        metrics = QFontMetricsF(font)
        tight = metrics.tightBoundingRect(text)
        x = box.center().x() - tight.width() / 2 - tight.left()
        y = box.center().y() - tight.height() / 2 - tight.top()
        painter.setFont(font)
        painter.setPen(self.colour())
        painter.drawText(int(x), int(y), text)
        self.digit_rect = QRectF(x + tight.left(), y + tight.top(), tight.width(), tight.height())

        timer = self._timer
        planned = timer.planned_ms() if timer.is_active() else 0
        bar = QRectF(0, self.height() - bar_height, self.width(), bar_height)
        painter.fillRect(bar, QColor(self.colours.groove))
        if planned > 0:
            done = min(1.0, max(0.0, timer.elapsed_ms() / planned))
            painter.fillRect(QRectF(bar.left(), bar.top(), bar.width() * done, bar.height()), self.colour())
        painter.end()


class FlashOverlay(QWidget):
    """A white flash over the whole screen when a hold ends (clinic cue): seen without looking."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.flashes = 0
        self._alpha = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(900)
        self._animation.setKeyValueAt(0.0, 0.0)
        self._animation.setKeyValueAt(0.15, 0.85)
        self._animation.setKeyValueAt(0.35, 0.2)
        self._animation.setKeyValueAt(0.55, 0.75)
        self._animation.setKeyValueAt(1.0, 0.0)
        self._animation.valueChanged.connect(self._set_alpha)
        self._animation.finished.connect(self.hide)
        self.hide()

    def flash(self) -> None:
        self.flashes += 1
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self._animation.stop()
        self._animation.start()

    def _set_alpha(self, value: float) -> None:  # the animation's key values are floats
        self._alpha = value
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(255, 255, 255, int(255 * self._alpha)))
        painter.end()


#: the id of the window action a key (in Qt's portable text) triggers, or None
KeyAction = Callable[[str], str | None]


class TableModeWindow(QWidget):
    def __init__(
        self,
        context: AppContext,
        plan: Plan | None = None,
        parent: QWidget | None = None,
        keymap: ShortcutBindings | None = None,
        *,
        key_action: KeyAction | None = None,
    ) -> None:
        """``keymap``: the window's keys (re-bound in its sheet); the stored keymap when not given.
        ``key_action``: what action a key (portable text) gives, when not the keymap's."""
        super().__init__(parent)
        #: the window to give the keyboard back to when this one closes
        self.return_keys_to: QWidget | None = parent
        self.locked = False  # first: event() reads it while the widget is still being set up
        self.setObjectName("tableMode")
        self.setWindowTitle(self.tr("Table mode — smrtplayer"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.context = context
        self.holds = context.holds
        self.runner: SequenceRunner = context.holds.runner
        self.timer = self.runner.timer
        self.playback = context.playback
        self.plan = plan
        self.keymap = keymap if keymap is not None else ShortcutBindings(context.keymap, self)

        self.video = VideoView()
        self.video.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.video.clear(self.tr("The demonstration plays here when a step starts"))
        image = self.playback.current_image()
        if not image.isNull():
            self.video.show_image(image)

        self.status = _plain_label("status")
        self.title = _plain_label("positionTitle")
        self.title.setWordWrap(True)
        self.side_badge = _plain_label("sideBadge")
        self.side_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kind_badge = _plain_label("kindBadge")
        self.kind_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pass_count = _plain_label("passCount")
        self.step_cue = _plain_label("stepCue")
        self.step_cue.setWordWrap(True)
        self.key_action: KeyAction = key_action or self.keymap.owner_of
        #: the tenderness a recheck will record on Space (moved with ↑/↓)
        self.pending_tenderness: int | None = None
        self.mirror_note = _plain_label("mirrorNote")
        self.countdown = CountdownView(self.timer)
        self.next_label = _plain_label("nextStep")
        self.next_label.setWordWrap(True)
        self.message = _plain_label("tableMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { background: #ffd54f; color: black; padding: 16px; }")
        self.message.hide()
        self.hints = _plain_label("keyHints")
        self.hints.setWordWrap(True)
        self._show_hints()
        self.keymap.changed.connect(self._show_hints)
        self.lock_label = _plain_label("lockState")

        badge_row = QHBoxLayout()
        badge_row.setSpacing(24)
        badge_row.addWidget(self.kind_badge)
        badge_row.addWidget(self.side_badge)
        badge_row.addWidget(self.mirror_note, 1)
        panel = QVBoxLayout()
        panel.setSpacing(12)
        panel.addWidget(self.status)
        panel.addWidget(self.title)
        panel.addLayout(badge_row)
        panel.addWidget(self.pass_count)
        panel.addWidget(self.step_cue)
        panel.addWidget(self.countdown, 1)
        panel.addWidget(self.message)
        panel.addWidget(self.next_label)
        panel.setContentsMargins(0, 20, 0, 20)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 32, 0)
        layout.setSpacing(28)
        left = QVBoxLayout()
        left.setContentsMargins(0, 20, 0, 20)
        left.addWidget(self.video, 1)
        left.addWidget(self.hints)
        left.addWidget(self.lock_label)
        layout.addLayout(left, 56)
        layout.addLayout(panel, 44)
        self.flash_overlay = FlashOverlay(self)
        self._apply_colours()

        self.playback.frame_ready.connect(self.video.show_frame)
        for signal in (self.timer.tick, self.timer.overtime, self.timer.adjusted, self.timer.started):
            signal.connect(self._on_time)
        self.timer.done.connect(self.refresh)
        self.timer.paused_changed.connect(self._on_time)
        self.runner.step_started.connect(self._on_step)
        self.runner.awaiting_choice.connect(self._on_step)
        self.runner.sequence_finished.connect(self._on_finished)
        self.runner.lesson_missing.connect(self._on_missing)
        self.runner.mirrored_changed.connect(self._on_mirrored)
        self.runner.beat.connect(self._on_beat)
        self.runner.waiting.connect(self._on_waiting)
        self.holds.cues.flash_requested.connect(self._on_flash)
        self.video.set_mirrored(self.runner.mirrored())
        self._finished_text = ""
        self.refresh()
        name_controls(self)

    # ------------------------------------------------------------------------------- keys
    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        owner = self.return_keys_to
        if owner is not None:
            # Once this window is gone: the window below takes the keys again, with no click first.
            QTimer.singleShot(0, owner, owner.activateWindow)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.runner.phase == SequenceRunner.WAITING and self._answer(event):
            event.accept()
            self.refresh()
            return
        command = self.command_for(event)
        if command is None or (command == "leave" and self.locked):
            super().keyPressEvent(event)
            return
        event.accept()
        self.run_command(command)
        self.refresh()

    def _answer(self, event: QKeyEvent) -> bool:
        """Keys that answer a waiting reminder or recheck; False for keys that mean what they always do."""
        action = self.key_action(_portable(event))
        command = TABLE_MEANING.get(action) if action is not None else None
        leg = self.runner.current()
        recheck = leg is not None and leg.kind == RECHECK
        if action is not None and action.startswith("tenderness_"):
            if recheck:
                self.runner.recheck(int(action.removeprefix("tenderness_")))
            return True
        if action == "hold_confirm" or command == "start_pause":
            self.runner.confirm(self.pending_tenderness if recheck else None)
            return True
        if recheck and command in ("more", "less"):
            start = self.pending_tenderness if self.pending_tenderness is not None else 5
            self.pending_tenderness = max(0, min(10, start + (1 if command == "more" else -1)))
            return True
        return False

    def command_for(self, event: QKeyEvent) -> str | None:
        """What a key does here, read from the one keymap (so a re-bound pedal key works here too)."""
        if event.key() in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            return None
        action_id = self.key_action(_portable(event))
        return TABLE_MEANING.get(action_id) if action_id is not None else None

    def run_command(self, command: str) -> None:
        runner = self.runner
        blocked = runner.phase == SequenceRunner.BLOCKED
        if command == "start_pause":
            if blocked:
                runner.hold_without_video()
            else:
                self.start_or_pause()
        elif command == "next":
            self.next_step()
        elif command == "back":
            runner.back()
        elif command in ("more", "less"):
            runner.add_time(ADD_MS if command == "more" else -ADD_MS)
        elif command == "other_side":
            runner.other_side()
        elif command == "stop":
            runner.stop()
        elif command == "lock":
            self.set_locked(not self.locked)
        elif command == "leave":
            self.close()

    def keys_for(self, command: str) -> str:
        """The keys bound to a table-mode command, as the platform writes them ("—" if none)."""
        keys = table_hint_keys(self.keymap, command)
        return " / ".join(ARROWS.get(key, key_text((key,))) for key in keys) or "—"

    def _show_hints(self) -> None:
        self.hints.setText(
            " · ".join(f"{self.keys_for(command)} {self.tr(what)}" for command, what in HINTED)
        )
        self.setAccessibleDescription(self.hints.text())  # the window's keys, said when it opens

    def start_or_pause(self) -> None:
        runner = self.runner
        if runner.is_active():
            runner.toggle_pause()
        elif self.plan is not None:
            self._finished_text = ""
            runner.run_plan(self.plan)
        else:
            self.holds.hold_current_position()

    def next_step(self) -> None:
        if self.runner.phase == SequenceRunner.BLOCKED:
            self.runner.skip_missing()
        else:
            self.runner.next()

    # ------------------------------------------------------------------------------- lock
    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.refresh()

    def event(self, event: QEvent) -> bool:
        if self.locked and event.type() in _POINTER_EVENTS:
            event.accept()
            return True
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._apply_colours()  # the theme changed
        return super().event(event)

    def _apply_colours(self) -> None:
        colours = self.colours = self.countdown.colours = table_colours()
        self.setStyleSheet(
            f"QWidget#tableMode {{ background: {colours.background}; }} QLabel {{ color: {colours.text}; }}"
        )
        self.kind_badge.setStyleSheet(
            f"QLabel {{ background: {colours.kind_badge_bg}; color: {colours.kind_badge_text};"
            " border-radius: 10px; padding: 4px 28px; }"
        )
        self.status.setStyleSheet(f"QLabel {{ color: {colours.soft}; }}")
        self.next_label.setStyleSheet(f"QLabel {{ color: {colours.next_text}; }}")
        self.hints.setStyleSheet(f"QLabel {{ color: {colours.hints}; padding-left: 24px; }}")
        self.lock_label.setStyleSheet(f"QLabel {{ color: {colours.last_seconds}; padding-left: 24px; }}")
        self.countdown.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.locked and event.type() in _POINTER_EVENTS:
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: object) -> None:
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)
        self.setFocus()

    # ------------------------------------------------------------------------------ repaint
    def _on_time(self, *_args: object) -> None:
        self.countdown.update()
        self._update_status()

    def _on_step(self, _leg: object = None) -> None:
        self.message.hide()
        self.refresh()

    def _on_waiting(self, _leg: Leg) -> None:
        self.pending_tenderness = self.runner.proposed_tenderness()
        self.refresh()

    def _on_beat(self, leg: Leg, number: int, count: int) -> None:
        self.refresh()
        if leg.kind == PASSES and self.isVisible():
            self.flash_overlay.flash()  # each pass seen as well as heard

    def _on_finished(self, completed: bool) -> None:
        self._finished_text = self.tr("Sequence complete") if completed else self.tr("Stopped")
        self.refresh()

    def _on_missing(self, leg: Leg, message: str) -> None:
        self.message.setText(
            self.tr(
                "{message}\n\n{keys_for}  skip this step     {keys_for2}  hold without the video     "
                "{keys_for3}  stop"
            ).format(
                message=message,
                keys_for=self.keys_for("next"),
                keys_for2=self.keys_for("start_pause"),
                keys_for3=self.keys_for("stop"),
            )
        )
        self.message.show()
        self.refresh()

    def _on_mirrored(self, mirrored: bool) -> None:
        self.video.set_mirrored(mirrored)
        self.refresh()

    def _on_flash(self, _kind: str) -> None:
        if self.isVisible():
            self.flash_overlay.flash()

    def _leg_for_display(self) -> Leg | None:
        """The hold running, else exactly what Space would start (never the last hold's leftovers);
        nothing once a sequence ended, so no number can be read as time left."""
        if self.runner.is_active():
            return self.runner.current()
        if self._finished_text:
            return None
        if self.plan is not None:
            legs = expand(self.plan) if self.plan.steps else []
            return legs[0] if legs else None
        return self.holds.leg_here()

    def refresh(self) -> None:
        runner = self.runner
        leg = self._leg_for_display()
        active = runner.is_active()
        self.countdown.is_rest = bool(leg and leg.is_rest)
        self.countdown.idle_ms = leg.hold_ms if (leg and not self.timer.is_active()) else 0
        waiting = active and runner.phase == SequenceRunner.WAITING
        self.countdown.shown_text = ""
        if waiting and leg is not None and leg.kind == RECHECK:
            pending = self.pending_tenderness
            self.countdown.shown_text = "?" if pending is None else str(pending)
        elif waiting:
            self.countdown.shown_text = "✓"
        self.kind_badge.setText(kind_name(leg.kind).upper() if leg is not None and leg.kind != "hold" else "")
        self.kind_badge.setVisible(bool(self.kind_badge.text()))
        passes = bool(active and leg is not None and leg.kind == PASSES and runner.beats.count)
        self.pass_count.setText(
            self.tr("PASS {current} / {count}").format(current=runner.beats.current, count=runner.beats.count)
            if passes
            else ""
        )
        self.pass_count.setVisible(passes)
        cue = leg.step.text if leg is not None and leg.step is not None else ""
        self.step_cue.setText(cue.upper() if leg is not None and leg.kind == PASSES else cue)
        self.step_cue.setVisible(bool(cue))
        self.title.setText(leg.title if leg else (self._finished_text or self.tr("No hold running")))
        side = leg.side if leg and not leg.is_rest else ""
        text, background, foreground = SIDE_STYLE.get(
            side,
            (QT_TRANSLATE_NOOP("TableModeWindow", "REST") if leg and leg.is_rest else "", "#333", "#fff"),
        )
        self.side_badge.setText(self.tr(text) if text else "")
        self.side_badge.setVisible(bool(text))
        self.side_badge.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; border-radius: 10px;"
            " padding: 4px 28px; }"
        )
        resting = bool(leg and leg.is_rest)  # no side to work on: the note would only distract
        self.mirror_note.setText(demonstration_note(leg) if (active and not resting) else "")
        self.next_label.setText(self._next_text())
        self.lock_label.setText(
            self.tr("LOCKED — touch and mouse ignored · {keys_for} unlocks").format(
                keys_for=self.keys_for("lock")
            )
            if self.locked
            else ""
        )
        self.lock_label.setVisible(self.locked)
        self._update_status(ready=leg is not None)
        self.countdown.update()

    def _update_status(self, *, ready: bool | None = None) -> None:
        """``ready``: whether Space has something to start (refresh knows; else looked up)."""
        runner, timer = self.runner, self.timer
        leg = runner.current()
        if runner.phase == SequenceRunner.BLOCKED:
            status = self.tr("LESSON MISSING")
        elif runner.phase == SequenceRunner.WAITING and leg is not None and leg.kind == REMINDER:
            status = self.tr("REMINDER — SPACE WHEN DONE")
        elif runner.phase == SequenceRunner.WAITING:
            status = self.tr("RECHECK — TENDERNESS 0–10: A DIGIT, OR ↑ ↓ THEN SPACE")
        elif not runner.is_active():
            start_keys = self.keys_for("start_pause").upper()
            if self._finished_text:
                again = self.tr(" — {keys} TO RUN IT AGAIN").format(keys=start_keys)
                status = self._finished_text.upper() + (again if self.plan else "")
            else:
                if ready is None:
                    ready = self._leg_for_display() is not None
                status = (
                    self.tr("READY — {keys} TO START").format(keys=start_keys) if ready else self.tr("READY")
                )
        elif timer.is_paused():
            status = self.tr("PAUSED — {keys} TO GO ON").format(keys=self.keys_for("start_pause").upper())
        elif timer.is_overtime():
            more_to_do = runner.upcoming() or runner.is_adhoc()
            status = (
                self.tr("DONE — {keys} NEXT").format(keys=self.keys_for("next").upper())
                if more_to_do
                else self.tr("DONE")
            )
        else:
            status = kind_name(leg.kind).upper() if leg is not None else self.tr("HOLD")
        # Single holds grow as "other side" or "next" add one: only a planned sequence has a count.
        legs = runner.legs() if runner.is_active() and not runner.is_adhoc() else []
        if len(legs) > 1:
            step = self.tr("STEP {number} / {count}").format(number=runner.index() + 1, count=len(legs))
            status = f"{step}   ·   {status}"
        if leg is not None and leg.repeats > 1 and runner.is_active():
            status += "   ·   " + self.tr("ROUND {number} / {count}").format(
                number=leg.repeat, count=leg.repeats
            )
        self.status.setText(status)
        self.countdown.setAccessibleDescription(f"{self.countdown.spoken()}. {status.capitalize()}")

    def _next_text(self) -> str:
        runner = self.runner
        if not runner.is_active():
            if self.plan is None or not self.plan.steps:
                return ""
            return f"{self.plan.title}: {plan_length_text(self.plan)}"
        upcoming = runner.upcoming()
        if upcoming is None:
            return (
                self.tr(
                    "Next: continue the lesson, other side ({side_keys}) or next position ({next_keys})"
                ).format(side_keys=self.keys_for("other_side"), next_keys=self.keys_for("next"))
                if runner.is_adhoc()
                else self.tr("Last step")
            )
        seconds = upcoming.hold_ms // 1000
        if upcoming.is_rest:
            return self.tr("Next: rest {seconds} s").format(seconds=seconds)
        kind = kind_name(upcoming.kind).lower()
        if not upcoming.is_timed:
            return self.tr("Next: {kind}: {title}").format(kind=kind, title=upcoming.title)
        side_source = SIDE_STYLE.get(upcoming.side, ("",))[0]
        side = self.tr(side_source) if side_source else ""
        what = f"{kind}: {upcoming.title}" if upcoming.kind != "hold" else upcoming.title
        return self.tr("Next: {what}  ·  {side}  ·  {seconds} s").format(
            what=what, side=side, seconds=seconds
        )

    # ------------------------------------------------------------------------------- layout
    def resizeEvent(self, event: object) -> None:
        height = max(480, self.height())
        for label, factor, bold in (
            (self.status, 0.032, True),
            (self.title, 0.056, True),
            (self.side_badge, 0.06, True),
            (self.kind_badge, 0.06, True),
            (self.pass_count, 0.06, True),
            (self.step_cue, 0.04, True),
            (self.mirror_note, 0.03, False),
            (self.next_label, 0.036, False),
            (self.message, 0.03, False),
            (self.hints, 0.02, False),
            (self.lock_label, 0.026, True),
        ):
            font = QFont(self.font())
            font.setPixelSize(round(height * factor))
            font.setBold(bold)
            label.setFont(font)
        self.countdown.setMinimumHeight(round(height * 0.34))
        self.flash_overlay.setGeometry(self.rect())


def open_table_mode(
    context: AppContext,
    plan: Plan | None = None,
    parent: QWidget | None = None,
    *,
    keymap: ShortcutBindings | None = None,
) -> TableModeWindow:
    """Show table mode full screen (a top-level window, even when given a parent to stay above)."""
    window = TableModeWindow(context, plan, keymap=keymap)
    window.return_keys_to = parent
    if parent is not None:
        window.setWindowFlag(Qt.WindowType.Window)
    # Cover the screen the main window is on even where no window manager honours "full screen"
    # (kiosk setups, bare X): the geometry is set first, then the full-screen state is asked for.
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.showFullScreen()
    window.activateWindow()
    return window


def _portable(event: QKeyEvent) -> str:
    """A key press in Qt's portable text, as the keymap stores keys ("Shift+PgDown", "F8")."""
    return QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
