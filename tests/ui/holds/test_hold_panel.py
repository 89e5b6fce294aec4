"""The hold panel, the close-during-a-hold question and the missing-lesson question, offscreen.

Modal questions are answered by a stand-in message box (the real one would block the test); the
hold timer runs on a fake clock.
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from helpers.clock import FakeClock
from helpers.fixtures import Advance
from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import Leg
from smrtplayer.models.plans import Plan, PlanStep
from smrtplayer.models.positions import PositionDraft
from smrtplayer.ui.common import messages
from smrtplayer.ui.holds import hold_panel
from smrtplayer.ui.holds.hold_panel import HoldPanel, ask_about_missing_lesson, confirm_close_during_hold


class FakeBox:
    """Answers a question with the button whose text is ``answer``; records what was asked."""

    asked: ClassVar[list[str]] = []
    answer = ""

    def __init__(self, _parent: object, _icon: object, title: str, text: str) -> None:
        FakeBox.asked.append(f"{title}: {text}")
        self._buttons: list[tuple[str, object]] = []
        self._clicked: object = None

    def addButton(self, text: object, role: object = None) -> object:
        button = object()
        self._buttons.append((str(text), button))
        return button

    def setDefaultButton(self, button: object) -> None:
        pass

    def exec(self) -> int:
        for text, button in self._buttons:
            if text == FakeBox.answer:
                self._clicked = button
        return 0

    def clickedButton(self) -> object:
        return self._clicked


@pytest.fixture
def box(monkeypatch: pytest.MonkeyPatch) -> type[FakeBox]:
    FakeBox.asked = []
    monkeypatch.setattr(hold_panel, "message_box", FakeBox)
    return FakeBox


@pytest.fixture
def panel(context: AppContext, hold_clock: FakeClock, qtbot) -> HoldPanel:  # type: ignore[no-untyped-def]
    widget = HoldPanel(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def choose(panel: HoldPanel, text: str) -> None:
    """Choose an entry of the length box with the keyboard, as a user does."""
    combo = panel.preset_combo
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_a_preset_hold_from_the_panel(context: AppContext, advance: Advance, panel: HoldPanel) -> None:
    assert panel.preset_combo.currentText() == "Each position's own time"
    choose(panel, "SMRT 30 s")
    names = [panel.preset_combo.itemText(i) for i in range(panel.preset_combo.count())]
    assert "Strain-Counterstrain, ribs 120 s" in names and "Foam roller: rest on a tender spot 45 s" in names
    QTest.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert context.holds.runner.is_active() and panel.countdown.text() == "0:30"
    advance(12_000)
    assert panel.countdown.text() == "0:18"
    QTest.mouseClick(panel.plus_button, Qt.MouseButton.LeftButton)
    assert panel.countdown.text() == "0:28"
    QTest.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.pause_button.text() == "Resume" and "paused" in panel.what.text()
    QTest.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert not context.holds.runner.is_active()
    row = context.holds.practice.recent()[0]
    assert row.title == "SMRT 30 s" and not row.completed and row.actual_ms == 12_000


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("0", "not possible"), ("-20", "not possible"), ("3 h", "not a duration"), ("99999", "longest")],
)
def test_bad_durations_are_refused_with_a_message(
    context: AppContext, panel: HoldPanel, problems: list[str], typed: str, expected: str
) -> None:
    panel.duration_edit.setText(typed)
    QTest.keyClick(panel.duration_edit, Qt.Key.Key_Return)
    assert not context.holds.runner.is_active()
    assert len(problems) == 1 and expected in problems[0]


def test_a_typed_duration_can_be_saved_as_a_preset(
    context: AppContext, panel: HoldPanel, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(hold_panel.QInputDialog, "getText", lambda *args, **kwargs: ("Psoas long", True))
    panel.duration_edit.setText("1:15")
    panel.save_preset()
    assert [(p.name, p.hold_ms) for p in context.holds.presets.all()] == [("Psoas long", 75_000)]
    assert panel.preset_combo.currentText() == "Psoas long"


def test_a_preset_saved_elsewhere_is_offered_at_once(context: AppContext, panel: HoldPanel) -> None:
    context.holds.save_preset("Rib point", 120_000)
    assert panel.preset_combo.findText("Rib point") >= 0


def test_hold_this_position_uses_the_positions_own_time_and_side(
    context: AppContext, advance: Advance, panel: HoldPanel
) -> None:
    lesson = next(
        lesson
        for course in context.library.courses()
        for lesson in context.library.lessons(course.id)
        if lesson.title == "Piriformis"
    )
    context.playback.open_lesson(lesson, autoplay=False, start_ms=0)
    QTest.mouseClick(panel.hold_position_button, Qt.MouseButton.LeftButton)
    leg = context.holds.runner.current()
    assert leg is not None and leg.title == "Piriformis, prone" and leg.hold_ms == 45_000 and leg.side == "R"
    advance(45_000)
    assert panel.other_side_button.isEnabled() and panel.next_button.text() == "Next position"
    QTest.mouseClick(panel.other_side_button, Qt.MouseButton.LeftButton)
    assert context.holds.runner.current().side == "L"  # type: ignore[union-attr]
    context.holds.runner.stop()


def test_tenderness_before_and_after(context: AppContext, advance: Advance, panel: HoldPanel) -> None:
    panel.before_spin.setValue(8)
    choose(panel, "SMRT 30 s")
    QTest.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    advance(30_000)
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.before_spin.value() == hold_panel.NO_VALUE, "asked afresh for the next hold"
    panel.after_spin.setValue(3)
    row = context.holds.practice.recent()[0]
    assert (row.tender_before, row.tender_after, row.reduction) == (8, 3, 5)
    assert panel.reduction.text() == "Last hold: tenderness 8 → 3, down 5"


def test_options_are_kept(context: AppContext, panel: HoldPanel) -> None:
    panel.option_boxes["holds.loop_span"].setChecked(True)
    panel.option_boxes["holds.pause_at_positions"].setChecked(True)
    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData("self_care"))
    holds = context.holds
    assert holds.option("holds.loop_span") is True and holds.runner.loop_span
    assert holds.option("holds.pause_at_positions") is True
    assert holds.cues.profile == "self_care"
    again = HoldPanel(context)
    assert again.option_boxes["holds.loop_span"].isChecked()
    assert again.profile_combo.currentData() == "self_care"


def test_closing_during_a_hold_asks_first(context: AppContext, panel: HoldPanel, box: type[FakeBox]) -> None:
    assert confirm_close_during_hold(None, context), "nothing running: no question"
    assert box.asked == []
    context.holds.runner.hold_preset(30_000, "Psoas")
    box.answer = "Keep holding"
    assert not confirm_close_during_hold(None, context)
    assert "Psoas" in box.asked[0] and "0:30 left" in box.asked[0]
    box.answer = "Close"
    assert confirm_close_during_hold(None, context)
    context.holds.runner.stop()


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [("Skip this step", "skip"), ("Hold without the video", "hold"), ("Stop the sequence", "stop")],
)
def test_a_missing_lesson_asks_skip_hold_or_stop(
    context: AppContext,
    hold_clock: FakeClock,
    panel: HoldPanel,
    box: type[FakeBox],
    answer: str,
    outcome: str,
) -> None:
    gone = PlanStep(
        kind="hold", hold_ms=30_000, title="Psoas", side="L", lesson_fingerprint="gone", end_ms=1000
    )
    plan = Plan(title="Gap", steps=(gone, PlanStep(kind="hold", hold_ms=20_000, title="Iliacus", side="L")))
    box.answer = answer
    runner = context.holds.runner
    runner.run_plan(plan)  # the panel hears lesson_missing and asks
    assert "Psoas" in box.asked[0]
    leg: Leg | None = runner.current()
    if outcome == "skip":
        assert leg is not None and leg.title == "Iliacus"
    elif outcome == "hold":
        assert leg is not None and leg.title == "Psoas" and context.holds.timer.is_running()
    else:
        assert not runner.is_active()
    runner.stop()


def test_table_mode_answers_the_missing_lesson_itself(
    context: AppContext, panel: HoldPanel, box: type[FakeBox], qtbot
) -> None:  # type: ignore[no-untyped-def]
    gone = PlanStep(
        kind="hold", hold_ms=30_000, title="Psoas", side="L", lesson_fingerprint="gone", end_ms=1000
    )
    window = panel.open_table_mode(Plan(title="Gap", steps=(gone,)))
    qtbot.addWidget(window)
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert box.asked == [] and window.message.isVisible()  # type: ignore[attr-defined]
    context.holds.runner.stop()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)


def test_direct_question_helper(context: AppContext, box: type[FakeBox]) -> None:
    runner = context.holds.runner
    leg = Leg(step_index=0, kind="hold", title="x", side="L", hold_ms=30_000)
    box.answer = "Stop the sequence"
    assert ask_about_missing_lesson(None, runner, leg, "gone") == "stop"


def test_message_boxes_show_plain_text(qapp) -> None:  # type: ignore[no-untyped-def]
    message = messages.message_box(None, QMessageBox.Icon.Warning, "t", "<b>not bold</b>")
    assert message.textFormat() == Qt.TextFormat.PlainText


def test_the_system_ending_the_app_closes_without_asking(  # type: ignore[no-untyped-def]
    context: AppContext, hold_clock: FakeClock, box: type[FakeBox], qtbot
) -> None:
    from helpers.player import open_window

    window = open_window(context, qtbot)
    context.holds.runner.hold_preset(30_000, "Psoas")
    box.answer = "Keep holding"
    window.close()
    assert window.isVisible(), "the user may keep holding"
    window.setProperty("closing_without_questions", True)  # what a log-out or SIGTERM sets
    window.close()
    assert not window.isVisible()
    assert len(box.asked) == 1, "nobody is asked when the system ends the app"
    context.holds.runner.stop()


def test_the_hold_time_keys_add_and_take_ten_seconds(
    context: AppContext, hold_clock: FakeClock, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from helpers.player import open_window

    window = open_window(context, qtbot)
    context.holds.runner.hold_preset(60_000, "Foam rolling")
    timer = context.holds.timer
    assert timer.remaining_ms() == 60_000
    QTest.keyClick(window.video_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert timer.remaining_ms() == 70_000
    QTest.keyClick(window.video_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(window.video_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert timer.remaining_ms() == 50_000
    context.holds.runner.stop()


def test_other_side_works_during_a_hold(context: AppContext, advance: Advance, panel: HoldPanel) -> None:
    positions = {
        position.title: position
        for course in context.library.courses()
        for lesson in context.library.lessons(course.id)
        for position in context.library.positions(lesson)
    }
    runner = context.holds.runner
    runner.hold_position(
        positions["Gluteus medius, posterior fibres"], side="R", hold_ms=30_000, from_playback=False
    )
    advance(5_000)
    assert not context.holds.timer.is_overtime()
    assert panel.other_side_button.isEnabled(), "mid-hold, as in table mode"
    QTest.mouseClick(panel.other_side_button, Qt.MouseButton.LeftButton)
    assert runner.current().side == "L"  # type: ignore[union-attr]
    runner.stop()
    assert not panel.other_side_button.isEnabled()


def test_other_side_says_whether_it_shows_the_courses_demonstration_or_mirrors(
    context: AppContext, advance: Advance, panel: HoldPanel
) -> None:
    positions = {
        position.title: position
        for course in context.library.courses()
        for lesson in context.library.lessons(course.id)
        for position in context.library.positions(lesson)
    }
    runner = context.holds.runner
    posterior = positions["Gluteus medius, posterior fibres"]
    runner.hold_position(posterior, hold_ms=30_000, from_playback=False)
    assert "Course's right-side demonstration" in panel.what.text()
    QTest.mouseClick(panel.other_side_button, Qt.MouseButton.LeftButton)
    assert "Mirrored: the course shows the client's right" in panel.what.text()
    runner.stop()

    context.index.add_position(
        PositionDraft(
            lesson_fingerprint=posterior.lesson_fingerprint,
            start_ms=4000,
            end_ms=5500,
            title="Gluteus medius (L), posterior fibres",
            region="hips-sacrum",
            side="L",
        )
    )
    runner.hold_position(posterior, hold_ms=30_000, from_playback=False)
    QTest.mouseClick(panel.other_side_button, Qt.MouseButton.LeftButton)
    leg = runner.current()
    assert leg is not None and leg.side == "L" and not runner.mirrored()
    assert "Course's left-side demonstration" in panel.what.text()
    runner.stop()


def _open_piriformis(context: AppContext, at_ms: int) -> None:
    lesson = next(
        lesson
        for course in context.library.courses()
        for lesson in context.library.lessons(course.id)
        if lesson.title == "Piriformis"
    )
    context.playback.open_lesson(lesson, autoplay=False, start_ms=at_ms)


def test_a_length_chosen_in_the_box_holds_every_position_until_changed(
    context: AppContext, advance: Advance, panel: HoldPanel
) -> None:
    runner = context.holds.runner
    assert panel.hold_rule.text() == "T holds each position for its own time."
    choose(panel, "SMRT 30 s")
    assert panel.hold_rule.text() == "T holds every position for 0:30 (SMRT 30 s) until you change it."
    _open_piriformis(context, 0)
    QTest.mouseClick(panel.hold_position_button, Qt.MouseButton.LeftButton)
    leg = runner.current()
    assert leg is not None and leg.title == "Piriformis, prone" and leg.hold_ms == 30_000  # its own: 45 s
    advance(30_000)
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)  # the lesson's next position
    leg = runner.current()
    assert leg is not None and leg.title == "Piriformis, counterstrain" and leg.hold_ms == 30_000  # own: 90 s
    runner.stop()
    assert context.holds.leg_here() is not None and context.holds.leg_here().hold_ms == 30_000  # type: ignore[union-attr]

    again = HoldPanel(context)  # the choice is the session's, not one panel's
    assert again.preset_combo.currentText() == "SMRT 30 s"
    choose(panel, "Each position's own time")
    assert panel.hold_rule.text() == "T holds each position for its own time."
    QTest.mouseClick(panel.hold_position_button, Qt.MouseButton.LeftButton)
    assert runner.current().hold_ms == 45_000  # type: ignore[union-attr]
    runner.stop()


def test_a_holds_length_is_set_in_one_step(
    context: AppContext, advance: Advance, panel: HoldPanel, qtbot
) -> None:  # type: ignore[no-untyped-def]
    runner, timer = context.holds.runner, context.holds.timer
    _open_piriformis(context, 3500)
    qtbot.waitUntil(lambda: context.playback.position_ms() >= 3000, timeout=5000)
    QTest.mouseClick(panel.hold_position_button, Qt.MouseButton.LeftButton)
    assert runner.current().title == "Piriformis, counterstrain" and timer.planned_ms() == 90_000  # type: ignore[union-attr]
    advance(5_000)
    choose(panel, "SMRT 30 s")  # one choice, not six presses of -10 s
    assert timer.planned_ms() == 30_000 and timer.remaining_ms() == 25_000
    panel.duration_edit.setText("45")
    QTest.keyClick(panel.duration_edit, Qt.Key.Key_Return)  # typed while it runs: its new length
    assert timer.planned_ms() == 45_000 and timer.remaining_ms() == 40_000
    assert runner.current().title == "Piriformis, counterstrain" and panel.duration_edit.text() == ""  # type: ignore[union-attr]
    runner.stop()
