"""The hold panel beside the video: presets, the one-key hold for the position on screen, the controls
while a hold runs, what to do when it ends, the client's tenderness, and the hold options.

It also owns the questions the hold features ask: what to do about a plan step whose lesson is missing
(when table mode is not the one asking), and whether to close the window while a hold runs
(``confirm_close_during_hold``, called from the main window's ``closeEvent``).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.holds.cues import CLINIC, SELF_CARE
from smrtplayer.holds.legs import Leg
from smrtplayer.holds.runner import SequenceRunner
from smrtplayer.models.plans import PASSES, RECHECK, REMINDER, Plan
from smrtplayer.models.presets import HoldRejected, parse_duration_ms
from smrtplayer.models.sessions import SessionRejected
from smrtplayer.ui.common.messages import message_box, show_problem
from smrtplayer.ui.common.plain_text import plain_label
from smrtplayer.ui.common.shortcuts import ShortcutBindings
from smrtplayer.ui.holds.demonstration import demonstration_note
from smrtplayer.ui.holds.dialogs import NO_VALUE
from smrtplayer.ui.holds.plan_editor import PlanEditor
from smrtplayer.ui.holds.practice_log_view import PracticeLogView, when_text
from smrtplayer.ui.holds.table_mode import open_table_mode
from smrtplayer.ui.holds.wording import kind_name, preset_name, session_summary_text

OPTIONS = (
    ("holds.pause_at_positions", QT_TRANSLATE_NOOP("HoldPanel", "Pause at each position and start its hold")),
    ("holds.loop_span", QT_TRANSLATE_NOOP("HoldPanel", "Loop the position's video while holding")),
    ("holds.auto_advance", QT_TRANSLATE_NOOP("HoldPanel", "Go on to the next step by itself")),
    ("holds.ticks", QT_TRANSLATE_NOOP("HoldPanel", "Tick every second")),
    ("holds.speak_names", QT_TRANSLATE_NOOP("HoldPanel", "Say the position's name (self-care)")),
)


def confirm_close_during_hold(parent: QWidget | None, context: AppContext) -> bool:
    """Ask before closing while a hold or a sequence runs; True when closing may go on."""
    holds = context.holds
    if not holds.is_holding():
        return True
    runner = holds.runner
    leg = runner.current()
    what = f"“{leg.label}”" if leg is not None else QCoreApplication.translate("HoldPanel", "A hold")
    left = runner.timer.display() if runner.timer.is_active() else ""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("HoldPanel", "A hold is running"),
        QCoreApplication.translate(
            "HoldPanel",
            "{what} is still running{left}. Close smrtplayer anyway? The hold will be logged as ended now.",
        ).format(
            what=what,
            left=QCoreApplication.translate("HoldPanel", " ({time} left)").format(time=left) if left else "",
        ),
    )
    close = box.addButton(QCoreApplication.translate("HoldPanel", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("HoldPanel", "Keep holding"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is close


def ask_about_missing_lesson(parent: QWidget | None, runner: SequenceRunner, leg: Leg, message: str) -> str:
    """Skip the step, hold it without its video, or stop the sequence; returns the choice made."""
    box = message_box(
        parent, QMessageBox.Icon.Warning, QCoreApplication.translate("HoldPanel", "Lesson missing"), message
    )
    skip = box.addButton(
        QCoreApplication.translate("HoldPanel", "Skip this step"), QMessageBox.ButtonRole.AcceptRole
    )
    hold = box.addButton(
        QCoreApplication.translate("HoldPanel", "Hold without the video"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(
        QCoreApplication.translate("HoldPanel", "Stop the sequence"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(skip)
    box.exec()
    if box.clickedButton() is skip:
        runner.skip_missing()
        return "skip"
    if box.clickedButton() is hold:
        runner.hold_without_video()
        return "hold"
    runner.stop()
    return "stop"


def _bold_centred(label: QLabel, *, pixel_size: int) -> QLabel:
    """A label read from across the room: centred, bold, ``pixel_size`` tall."""
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = QFont(label.font())
    font.setPixelSize(pixel_size)
    font.setBold(True)
    label.setFont(font)
    return label


class HoldPanel(QWidget):
    #: the panel asks its window to open these (the window decides how: dialog, full screen...)
    table_mode_requested = Signal(object)  # Plan | None

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, keymap: ShortcutBindings | None = None
    ) -> None:
        """``keymap``: the window's keys, which table mode obeys too."""
        super().__init__(parent)
        self.setObjectName("holdPanel")
        self.keymap = keymap
        self.context = context
        self.holds = context.holds
        self.runner = context.holds.runner
        self.timer = self.runner.timer
        self._table: QWidget | None = None  # table mode deletes itself on close: check isValid

        self.countdown = _bold_centred(plain_label("–", name="holdCountdown"), pixel_size=44)
        self.kind = _bold_centred(plain_label("", name="holdKind"), pixel_size=22)
        self.cue = QLabel("")
        self.cue.setObjectName("holdCue")
        self.cue.setTextFormat(Qt.TextFormat.PlainText)
        self.cue.setWordWrap(True)
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer_spin = QSpinBox()
        self.answer_spin.setObjectName("recheckValue")
        self.answer_spin.setAccessibleName(self.tr("Tenderness now"))
        self.answer_spin.setRange(0, 10)
        self.answer_spin.setToolTip(
            self.tr("How tender the point is now, 0 (none) to 10 (as before treatment)")
        )
        self.confirm_button = QPushButton(self.tr("Done"))
        self.confirm_button.setObjectName("confirmStep")
        self.what = QLabel(self.tr("No hold running"))
        self.what.setObjectName("holdWhat")
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setWordWrap(True)
        self.what.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.preset_combo = QComboBox()
        self.preset_combo.setObjectName("presetCombo")
        self.preset_combo.setAccessibleName(self.tr("Hold preset"))
        self.preset_combo.setAccessibleDescription(self.tr("A hold length by technique; Start begins it"))
        self.duration_edit = QLineEdit()
        self.duration_edit.setObjectName("durationEdit")
        self.duration_edit.setAccessibleName(self.tr("Hold length"))
        self.duration_edit.setAccessibleDescription(
            self.tr("Your own length instead of the preset's: 40, 1:30 or 2 min")
        )
        self.duration_edit.setPlaceholderText(self.tr("or type: 40, 1:30, 2 min"))
        self.duration_edit.setToolTip(
            self.tr("A length to start with Start, or, while a hold runs, its new length (Enter)")
        )
        self.preset_combo.setToolTip(
            self.tr("Chosen here, a length holds every position until you change it (T too)")
        )
        #: what T does with the length chosen above, in words
        self.hold_rule = plain_label("", name="holdRule")
        self.hold_rule.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start"))
        self.save_preset_button = QPushButton(self.tr("Save as preset…"))
        self.hold_position_button = QPushButton(self.tr("Hold this position (T)"))
        self.hold_position_button.setObjectName("holdPositionButton")
        self.hold_position_button.setToolTip(
            self.tr("Start the hold for the position on screen, with its own hold time")
        )

        self.pause_button = QPushButton(self.tr("Pause"))
        self.minus_button = QPushButton("−10 s")
        self.plus_button = QPushButton("+10 s")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.continue_button = QPushButton(self.tr("Continue the lesson"))
        self.other_side_button = QPushButton(self.tr("Other side"))
        self.next_button = QPushButton(self.tr("Next"))

        self.before_spin = _tenderness_spin("tenderBefore")
        self.after_spin = _tenderness_spin("tenderAfter")
        self.reduction = QLabel("")
        self.reduction.setTextFormat(Qt.TextFormat.PlainText)

        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("cueProfile")
        self.profile_combo.setAccessibleName(self.tr("Cues"))
        self.profile_combo.setAccessibleDescription(self.tr("How the end of a hold is announced"))
        self.profile_combo.addItem(self.tr("Clinic: soft chime and screen flash"), CLINIC)
        self.profile_combo.addItem(self.tr("Self-care: louder, counts down, may speak"), SELF_CARE)
        self.option_boxes: dict[str, QCheckBox] = {}

        self.session_button = QPushButton(self.tr("Start a session…"))
        self.session_button.setObjectName("sessionButton")
        self.session_button.setToolTip(
            self.tr("Group the holds of one treatment; a client label (initials or a pseudonym) is optional")
        )
        self.session_info = QLabel("")
        self.session_info.setObjectName("sessionInfo")
        self.session_info.setTextFormat(Qt.TextFormat.PlainText)
        self.session_info.setWordWrap(True)

        self.plans_button = QPushButton(self.tr("Plans…"))
        self.table_button = QPushButton(self.tr("Table mode"))
        self.log_button = QPushButton(self.tr("Practice log…"))

        self._build_layout()
        self._describe_controls()
        self._connect()
        self.reload_presets()
        self._load_options()
        self.refresh()

    # ---------------------------------------------------------------------------------- layout
    def _build_layout(self) -> None:
        start_row = QHBoxLayout()
        start_row.addWidget(self.preset_combo, 1)
        start_row.addWidget(self.start_button)
        typed_row = QHBoxLayout()
        typed_row.addWidget(self.duration_edit, 1)
        typed_row.addWidget(self.save_preset_button)
        controls = QGridLayout()
        controls.addWidget(self.pause_button, 0, 0)
        controls.addWidget(self.minus_button, 0, 1)
        controls.addWidget(self.plus_button, 0, 2)
        controls.addWidget(self.stop_button, 0, 3)
        after = QHBoxLayout()
        for button in (self.continue_button, self.other_side_button, self.next_button):
            after.addWidget(button)
        tender = QFormLayout()
        tender.addRow(self.tr("Tenderness before (0–10)"), self.before_spin)
        self.before_spin.setToolTip(self.tr("How tender the spot is before this hold; kept with it"))
        self.after_spin.setToolTip(
            self.tr(
                "How tender the spot is after the hold: the one running now, or, when none runs, the one "
                "just ended"
            )
        )
        tender.addRow(self.tr("Tenderness after (0–10)"), self.after_spin)
        tender.addRow("", self.reduction)
        options = QGroupBox(self.tr("Options"))
        options_layout = QVBoxLayout(options)
        options_layout.addWidget(self.profile_combo)
        for key, text in OPTIONS:
            box = QCheckBox(self.tr(text))
            box.setObjectName(key.replace("holds.", "option_"))
            self.option_boxes[key] = box
            options_layout.addWidget(box)
        windows = QHBoxLayout()
        for button in (self.plans_button, self.table_button, self.log_button):
            windows.addWidget(button)

        answer = QHBoxLayout()
        answer.addWidget(self.answer_spin)
        answer.addWidget(self.confirm_button, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.countdown)
        layout.addWidget(self.what)
        layout.addWidget(self.cue)
        layout.addLayout(answer)
        layout.addWidget(self.hold_position_button)
        layout.addLayout(start_row)
        layout.addWidget(self.hold_rule)
        layout.addLayout(typed_row)
        layout.addLayout(controls)
        layout.addLayout(after)
        layout.addLayout(tender)
        layout.addWidget(options)
        layout.addWidget(self.session_button)
        layout.addWidget(self.session_info)
        layout.addLayout(windows)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.start_button.clicked.connect(self.start_preset)
        self.duration_edit.returnPressed.connect(self._typed_length)
        self.preset_combo.activated.connect(self._choose_length)
        self.holds.position_hold_changed.connect(self.reload_presets)
        self.save_preset_button.clicked.connect(self.save_preset)
        self.hold_position_button.clicked.connect(self.hold_this_position)
        self.pause_button.clicked.connect(self.runner.toggle_pause)
        self.minus_button.clicked.connect(lambda: self.runner.add_time(-10_000))
        self.plus_button.clicked.connect(lambda: self.runner.add_time(10_000))
        self.stop_button.clicked.connect(self.runner.stop)
        self.continue_button.clicked.connect(self.runner.continue_video)
        self.other_side_button.clicked.connect(self.runner.other_side)
        self.next_button.clicked.connect(self.runner.next)
        self.confirm_button.clicked.connect(self.confirm_step)
        self.before_spin.valueChanged.connect(self._on_before)
        self.after_spin.valueChanged.connect(self._on_after)
        self.profile_combo.currentIndexChanged.connect(
            lambda _i: self.holds.set_option("holds.cue_profile", self.profile_combo.currentData())
        )
        for key, box in self.option_boxes.items():
            box.toggled.connect(lambda checked, key=key: self.holds.set_option(key, checked))
        self.session_button.clicked.connect(self.toggle_session)
        self.plans_button.clicked.connect(self.open_plans)
        self.table_button.clicked.connect(lambda: self.open_table_mode(None))
        self.log_button.clicked.connect(self.open_log)
        # Bound slots: Qt drops them with this panel, and the service outlives it.
        self.holds.presets_changed.connect(self.reload_presets)
        self.holds.practice_log_changed.connect(self.refresh)

        timer, runner = self.timer, self.runner
        for signal in (timer.tick, timer.overtime, timer.adjusted, timer.started, timer.paused_changed):
            signal.connect(lambda *_args: self.refresh())
        timer.done.connect(self.refresh)
        for signal in (
            runner.step_started,
            runner.awaiting_choice,
            runner.sequence_finished,
            runner.logged,
            runner.beat,
            runner.entry_changed,
        ):
            signal.connect(lambda *_args: self.refresh())
        runner.waiting.connect(self._on_waiting)
        runner.lesson_missing.connect(self._on_lesson_missing)
        runner.logged.connect(self._on_logged)

    def _load_options(self) -> None:
        self.profile_combo.blockSignals(True)
        index = self.profile_combo.findData(self.holds.option("holds.cue_profile"))
        self.profile_combo.setCurrentIndex(max(0, index))
        self.profile_combo.blockSignals(False)
        for key, box in self.option_boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(self.holds.option(key)))
            box.blockSignals(False)

    @Slot()
    def reload_presets(self) -> None:
        """The presets, after "Each position's own time", showing the length chosen for this session."""
        chosen = self.holds.position_hold()
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(self.tr("Each position's own time"), None)
        for preset in self.holds.all_presets():
            self.preset_combo.addItem(preset_name(preset), (preset.name, preset.hold_ms))
        index = next(
            (i for i in range(self.preset_combo.count()) if self.preset_combo.itemData(i) == chosen), 0
        )
        self.preset_combo.setCurrentIndex(index)
        self.preset_combo.blockSignals(False)
        if chosen is None:
            self.hold_rule.setText(self.tr("T holds each position for its own time."))
        else:
            name, hold_ms = chosen
            self.hold_rule.setText(
                self.tr("T holds every position for {length} ({name}) until you change it.").format(
                    length=clock_text(hold_ms), name=QCoreApplication.translate("Presets", name)
                )
            )

    @Slot(int)
    def _choose_length(self, index: int) -> None:
        """A length chosen in the box holds every position this session, and the one held now."""
        data = self.preset_combo.itemData(index)
        try:
            if data is None:
                self.holds.set_position_hold("", None)
            else:
                name, hold_ms = data
                self.holds.set_position_hold(name, hold_ms)
        except HoldRejected as error:
            show_problem(self, self.tr("Cannot use this length"), str(error))

    @Slot()
    def _typed_length(self) -> None:
        """Enter in the length box: the running hold's new length, or a new countdown."""
        typed = self.duration_edit.text().strip()
        if not typed or self.runner.phase not in (SequenceRunner.RUNNING, SequenceRunner.AWAITING):
            self.start_preset()
            return
        try:
            self.runner.set_length(parse_duration_ms(typed))
        except HoldRejected as error:
            show_problem(self, self.tr("Cannot set this length"), str(error))
            return
        self.duration_edit.clear()

    # -------------------------------------------------------------------------------- actions
    def hold_this_position(self) -> None:
        if self.holds.hold_current_position() is None:
            show_problem(
                self,
                self.tr("No position here"),
                self.tr(
                    "This lesson has no marked positions to hold. Choose a preset and press Start instead."
                ),
            )

    def start_preset(self) -> None:
        typed = self.duration_edit.text().strip()
        try:
            if typed:
                hold_ms, title = parse_duration_ms(typed), self.tr("Hold")
            elif self.preset_combo.currentData() is None:  # each position's own time: T's hold
                self.hold_this_position()
                return
            else:
                title, hold_ms = self.preset_combo.currentData()
            self.runner.hold_preset(hold_ms, title)
        except HoldRejected as error:
            show_problem(self, self.tr("Cannot start this hold"), str(error))

    def save_preset(self) -> None:
        typed = self.duration_edit.text().strip()
        try:
            hold_ms = parse_duration_ms(typed)
        except HoldRejected as error:
            show_problem(self, self.tr("Cannot save this preset"), str(error))
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save as preset"),
            self.tr("Name of the preset:"),
            text=self.tr("My hold {typed}").format(typed=typed),
        )
        if not ok:
            return
        try:
            self.holds.save_preset(name, hold_ms)
        except HoldRejected as error:
            show_problem(self, self.tr("Cannot save this preset"), str(error))
            return
        saved = self.preset_combo.findText(" ".join(name.split()))
        if saved >= 0:
            self._choose_length(saved)  # the length just saved is the one wanted now
        self.duration_edit.clear()

    def toggle_session(self) -> None:
        if self.holds.current_session() is not None:
            self.holds.end_session()
            self.session_button.setText(self.tr("Start a session…"))
            self.session_info.setText("")
            return
        label, ok = QInputDialog.getText(
            self,
            self.tr("Start a session"),
            self.tr("Client label (optional: initials or a pseudonym, never a full name):"),
        )
        if ok:
            self.start_session(label)

    def start_session(self, client_label: str) -> bool:
        """Start a session and show "last time with this client" when there was one."""
        try:
            session, last_time = self.holds.start_session(client_label)
        except SessionRejected as error:
            show_problem(self, self.tr("Cannot start this session"), str(error))
            return False
        if session.client_label:
            text = self.tr(
                "Session with {client} running: its holds are grouped in the practice log."
            ).format(client=session.client_label)
        else:
            text = self.tr("Session running: its holds are grouped in the practice log.")
        if last_time is not None:
            when = when_text(last_time.session.started_at)
            text += "\n" + self.tr("Last time with this client ({when}): {summary}").format(
                when=when, summary=session_summary_text(last_time)
            )
        self.session_info.setText(text)
        self.session_button.setText(self.tr("End the session"))
        return True

    def confirm_step(self) -> None:
        """The reminder is done, or the recheck's figure is recorded."""
        leg = self.runner.current()
        self.runner.confirm(self.answer_spin.value() if leg is not None and leg.kind == RECHECK else None)

    def _on_waiting(self, leg: Leg) -> None:
        proposed = self.runner.proposed_tenderness()
        self.answer_spin.setValue(proposed if proposed is not None else 0)
        self.refresh()
        if leg.kind == RECHECK:
            self.answer_spin.setFocus()
            self.answer_spin.selectAll()

    def _on_before(self, value: int) -> None:
        self.runner.set_tenderness_before(None if value == NO_VALUE else value)

    def _on_after(self, value: int) -> None:
        self.runner.set_tenderness_after(None if value == NO_VALUE else value)
        self.refresh()

    def _on_logged(self, _entry_id: int) -> None:
        # "Before" went with the hold just logged; "after" is asked afresh for it.
        for spin in (self.before_spin, self.after_spin):
            spin.blockSignals(True)
            spin.setValue(NO_VALUE)
            spin.blockSignals(False)

    def _on_lesson_missing(self, leg: Leg, message: str) -> None:
        table = self._table
        if table is not None and shiboken6.isValid(table) and table.isVisible():
            return  # table mode shows it and takes the answer from its keys
        ask_about_missing_lesson(self.window(), self.runner, leg, message)

    # ------------------------------------------------------------------------------- windows
    def _describe_controls(self) -> None:
        """What each control does, beyond its name, for a screen reader."""
        descriptions: dict[QWidget, str] = {
            self.confirm_button: self.tr("Records the step waiting on screen and goes on"),
            self.start_button: self.tr("Starts a hold of the preset's or the typed length"),
            self.save_preset_button: self.tr("Keeps the typed length as a preset of your own"),
            self.pause_button: self.tr("Stops the countdown until pressed again"),
            self.minus_button: self.tr("Takes 10 seconds off the hold"),
            self.plus_button: self.tr("Adds 10 seconds to the hold"),
            self.stop_button: self.tr("Ends the hold or the sequence now"),
            self.continue_button: self.tr("Plays the lesson on from the position held"),
            self.other_side_button: self.tr("The same hold on the client's other side, the picture mirrored"),
            self.next_button: self.tr("Goes on to the next step of the sequence"),
            self.plans_button: self.tr("Treatment plans: sequences of holds to run"),
            self.table_button: self.tr("Full screen, readable from the treatment table"),
            self.log_button: self.tr("The holds you did, with tenderness before and after"),
        }
        details = {
            "holds.pause_at_positions": self.tr(
                "While a lesson plays, each position stops it and starts a hold"
            ),
            "holds.loop_span": self.tr("The demonstration repeats until the hold ends"),
            "holds.auto_advance": self.tr("A finished step starts the next without a key"),
            "holds.ticks": self.tr("A soft tick each second of the hold"),
            "holds.speak_names": self.tr("The computer's voice says each position as it starts"),
        }
        for key, box in self.option_boxes.items():
            descriptions[box] = details[key]
        for widget, description in descriptions.items():
            widget.setAccessibleDescription(description)

    def open_table_mode(self, plan: Plan | None = None) -> QWidget:
        window = open_table_mode(self.context, plan, self.window(), keymap=self.keymap)
        self._table = window
        self.table_mode_requested.emit(plan)
        return window

    def open_plans(self) -> QWidget:
        editor = PlanEditor(self.context, self.window())
        editor.run_requested.connect(self.open_table_mode)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.show()
        return editor

    def open_log(self) -> QWidget:
        view = PracticeLogView(self.context, self.window())
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    # -------------------------------------------------------------------------------- repaint
    @Slot()
    def refresh(self) -> None:
        runner, timer = self.runner, self.timer
        leg = runner.current() if runner.is_active() else None
        waiting = runner.phase == SequenceRunner.WAITING and leg is not None
        self.countdown.setText(timer.display() if timer.is_active() else "–")
        self.kind.setText(kind_name(leg.kind).upper() if leg is not None else "")
        if leg is not None and leg.kind == PASSES and runner.beats.count:
            self.kind.setText(
                self.tr("PASS {current} / {count}").format(
                    current=runner.beats.current, count=runner.beats.count
                )
            )
        self.cue.setText(leg.step.text if leg is not None and leg.step is not None else "")
        self.cue.setVisible(bool(self.cue.text()))
        self.answer_spin.setVisible(waiting and leg is not None and leg.kind == RECHECK)
        self.confirm_button.setVisible(waiting)
        if waiting and leg is not None:
            self.confirm_button.setText(
                self.tr("Done (Shift+Enter)")
                if leg.kind == REMINDER
                else self.tr("Record the tenderness (0–9 keys)")
            )
        if runner.phase == SequenceRunner.BLOCKED:
            state = self.tr("waiting: lesson missing")
        elif timer.is_paused():
            state = self.tr("paused")
        elif timer.is_overtime():
            state = self.tr("done")
        else:
            state = ""
        shown = demonstration_note(leg)
        self.what.setText(
            " · ".join(
                part for part in ((leg.label if leg else self.tr("No hold running")), shown, state) if part
            )
        )
        active = runner.is_active()
        self.pause_button.setText(self.tr("Resume") if timer.is_paused() else self.tr("Pause"))
        for button in (self.pause_button, self.minus_button, self.plus_button, self.stop_button):
            button.setEnabled(active and runner.phase != SequenceRunner.BLOCKED)
        self.continue_button.setEnabled(
            active and runner.is_adhoc() and bool(leg and leg.step and leg.step.has_video)
        )
        # Treating the other side is decided at any time, mid-hold too (as in table mode).
        working = active and runner.phase != SequenceRunner.BLOCKED
        self.other_side_button.setEnabled(
            working and bool(leg and not leg.is_rest and leg.side in ("L", "R"))
        )
        self.next_button.setEnabled(active)
        with_video = bool(leg and leg.step and leg.step.has_video)
        self.next_button.setText(
            (self.tr("Next position") if with_video else self.tr("Finish"))
            if runner.is_adhoc()
            else self.tr("Next step")
        )
        entry = self.holds.last_entry()
        if entry is not None and entry.reduction is not None:
            change = entry.reduction
            if change > 0:
                words = self.tr("down {points}").format(points=change)
            elif change < 0:
                words = self.tr("up {points}").format(points=-change)
            else:
                words = self.tr("no change")
            percent = entry.reduction_percent
            if percent is not None and entry.is_counterstrain:
                under = self.tr(", under 70 %") if entry.below_target else ""
                words += self.tr(" ({percent} % less{under})").format(percent=percent, under=under)
            self.reduction.setText(
                self.tr("Last hold: tenderness {tender_before} → {tender_after}, {words}").format(
                    tender_before=entry.tender_before, tender_after=entry.tender_after, words=words
                )
            )
        else:
            self.reduction.setText("")


def _tenderness_spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(NO_VALUE, 10)
    spin.setSpecialValueText("–")
    spin.setValue(NO_VALUE)
    return spin
