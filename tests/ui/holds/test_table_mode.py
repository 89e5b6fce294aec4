"""Table mode, offscreen at 1920x1080 with the real context, player and demo course.

The hold timer runs on a fake clock (``HoldServices.clock``) so a two-step sequence takes no real time;
the video is real: the demo lessons play in the background as they would on the table.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpers.clock import FakeClock
from helpers.fixtures import Advance
from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import rest_step, step_for_position
from smrtplayer.models.plans import Plan, PlanStep
from smrtplayer.models.positions import PositionDraft
from smrtplayer.ui.holds.table_mode import TableModeWindow

SCREEN = (1920, 1080)
#: the runner chains steps from its timer's wake-ups, so time passes here in QTimer-sized steps
STEP_MS = 200


def demo(context: AppContext) -> dict:  # type: ignore[type-arg]
    return {
        position.title: position
        for course in context.library.courses()
        for lesson in context.library.lessons(course.id)
        for position in context.library.positions(lesson)
    }


@pytest.fixture
def two_steps(context: AppContext) -> Plan:
    positions = demo(context)
    return Plan(
        title="Right hip",
        steps=(
            step_for_position(
                positions["Gluteus medius, posterior fibres"]
            ),  # filmed and treated on the right
            step_for_position(positions["Gluteus medius, anterior fibres"], side="R"),  # filmed on the left
        ),
    )


@pytest.fixture
def window(context: AppContext, hold_clock: FakeClock, two_steps: Plan, qtbot) -> Iterator[TableModeWindow]:  # type: ignore[no-untyped-def]
    view = TableModeWindow(context, two_steps)
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    qtbot.waitExposed(view)
    yield view
    context.holds.runner.stop()


# Self-care tries the system's speech engine; on this machine its plug-in cannot load and Qt says so.
# The name is then silently not spoken, which is what this profile must do without a voice.
@pytest.mark.qt_log_ignore("text-to-speech plug-in")
def test_a_two_step_sequence_on_the_table(
    context: AppContext, advance: Advance, window: TableModeWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    holds = context.holds
    holds.set_option("holds.cue_profile", "self_care")  # the profile with the most cues
    cues: list[str] = []
    holds.cues.cue_played.connect(cues.append)
    mirror_flips: list[bool] = []
    holds.runner.mirrored_changed.connect(mirror_flips.append)

    QTest.keyClick(window, Qt.Key.Key_Space)  # the pedal: start
    assert holds.runner.is_active()
    assert holds.keep_awake.is_held()
    window.grab()  # paint
    assert window.countdown.text() == "30"
    assert window.countdown.digit_rect.height() >= SCREEN[1] / 5, "readable from across the room"
    assert window.title.text() == "Gluteus medius, posterior fibres"
    assert window.side_badge.text() == "CLIENT'S RIGHT"
    assert "STEP 1 / 2" in window.status.text()
    assert window.next_label.text().startswith("Next: Gluteus medius, anterior fibres")
    assert not window.video.is_mirrored()

    advance(30_000, step_ms=STEP_MS)  # auto-advance on: straight into step 2
    assert mirror_flips == [True], "the anterior fibres were filmed on the left: treating the right flips"
    assert window.video.is_mirrored()
    assert window.side_badge.text() == "CLIENT'S RIGHT" and window.mirror_note.text() == (
        "Mirrored: the course shows the client's left"
    )
    assert "STEP 2 / 2" in window.status.text()

    advance(30_000, step_ms=STEP_MS)
    assert not holds.runner.is_active()
    assert mirror_flips == [True, False]
    assert not holds.keep_awake.is_held(), "the screen may sleep again once the sequence is over"
    assert window.status.text() == "SEQUENCE COMPLETE — SPACE TO RUN IT AGAIN"
    window.grab()
    assert window.countdown.text() == "", "no number that reads as time left"
    assert window.countdown.digit_rect.isEmpty(), "nothing drawn where the digits were"
    assert not window.side_badge.isVisible() and window.title.text() == "Sequence complete"
    one_hold = ["halfway", "last_seconds", "last_seconds", "last_seconds", "done"]
    assert cues == one_hold + one_hold

    rows = holds.practice.recent()
    assert [(row.title, row.side, row.planned_ms, row.actual_ms, row.completed) for row in rows] == [
        ("Gluteus medius, anterior fibres", "R", 30_000, 30_000, True),
        ("Gluteus medius, posterior fibres", "R", 30_000, 30_000, True),
    ]


def test_the_pedal_keys(context: AppContext, advance: Advance, window: TableModeWindow) -> None:
    runner, timer = context.holds.runner, context.holds.timer
    runner.auto_advance = False
    QTest.keyClick(window, Qt.Key.Key_Space)
    advance(5_000, step_ms=STEP_MS)
    QTest.keyClick(window, Qt.Key.Key_Up)  # +10 s
    assert timer.remaining_ms() == 35_000
    QTest.keyClick(window, Qt.Key.Key_Space)  # pause
    assert timer.is_paused() and "PAUSED" in window.status.text()
    QTest.keyClick(window, Qt.Key.Key_Space)
    QTest.keyClick(window, Qt.Key.Key_PageDown)  # next
    assert runner.index() == 1
    QTest.keyClick(window, Qt.Key.Key_PageUp)  # back
    assert runner.index() == 0 and timer.remaining_ms() == 30_000
    QTest.keyClick(window, Qt.Key.Key_Down)  # −10 s
    assert timer.remaining_ms() == 20_000
    advance(21_000, step_ms=STEP_MS)
    assert window.countdown.text() == "+1" and window.status.text().endswith("DONE — → NEXT")


def test_the_input_lock_ignores_pointer_but_not_keys(
    context: AppContext, window: TableModeWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    clicks: list[bool] = []
    window.video.clicked.connect(lambda: clicks.append(True))
    QTest.mouseClick(window.video, Qt.MouseButton.LeftButton)
    assert clicks == [True]
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and window.lock_label.isVisible()
    QTest.mouseClick(window.video, Qt.MouseButton.LeftButton)
    assert clicks == [True], "a brush of the screen does nothing while locked"
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert context.holds.runner.is_active(), "the pedal still works"
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible(), "Esc does not leave while locked"
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.locked


def test_the_clinic_flash_when_a_hold_ends(
    context: AppContext, advance: Advance, window: TableModeWindow
) -> None:
    assert context.holds.option("holds.cue_profile") == "clinic"
    QTest.keyClick(window, Qt.Key.Key_Space)
    advance(30_000, step_ms=STEP_MS)
    assert window.flash_overlay.flashes == 1


def test_a_missing_lesson_is_shown_and_skipped_with_the_next_key(
    context: AppContext, hold_clock: FakeClock, qtbot
) -> None:  # type: ignore[no-untyped-def]
    positions = demo(context)
    gone = PlanStep(
        kind="hold", hold_ms=30_000, title="Psoas", side="L", lesson_fingerprint="gone", end_ms=1000
    )
    plan = Plan(
        title="Gap", steps=(gone, rest_step(10_000), step_for_position(positions["Piriformis, prone"]))
    )
    view = TableModeWindow(context, plan)
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert view.message.isVisible() and "Psoas" in view.message.text()
    assert view.status.text().endswith("LESSON MISSING")
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert not view.message.isVisible()
    assert context.holds.runner.current().is_rest  # type: ignore[union-attr]
    context.holds.runner.stop()


def test_leaving_table_mode_keeps_the_sequence_running(
    context: AppContext, advance: Advance, two_steps: Plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    view = TableModeWindow(context, two_steps)  # not given to qtbot: it deletes itself on close
    view.resize(*SCREEN)
    view.show()
    QTest.keyClick(view, Qt.Key.Key_Space)
    with qtbot.waitSignal(view.destroyed, timeout=5000):
        QTest.keyClick(view, Qt.Key.Key_Escape)
    assert context.holds.runner.is_active()
    advance(1_000, step_ms=STEP_MS)  # the runner lives on without the window
    context.holds.runner.stop()


def test_leaving_table_mode_gives_the_keys_back_to_the_window_below(
    context: AppContext, hold_clock: FakeClock, two_steps: Plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QWidget

    from smrtplayer.ui.holds.table_mode import open_table_mode

    below = QWidget()
    qtbot.addWidget(below)
    with qtbot.waitActive(below):
        below.show()
        below.activateWindow()
    view = open_table_mode(context, two_steps, below)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    with qtbot.waitSignal(view.destroyed, timeout=5000):
        QTest.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is below)


def test_ready_shows_what_space_will_start_not_the_last_hold(
    context: AppContext, advance: Advance, two_steps: Plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    positions = demo(context)
    holds = context.holds
    holds.runner.hold_position(
        positions["Subscapularis, supine"], side="L", hold_ms=45_000, from_playback=False
    )
    advance(45_000, step_ms=STEP_MS)
    holds.runner.stop()
    assert not holds.runner.is_active() and holds.runner.current() is not None  # a leftover leg

    with_plan = TableModeWindow(context, two_steps)
    qtbot.addWidget(with_plan)
    with_plan.resize(*SCREEN)
    with_plan.show()
    with_plan.grab()
    assert with_plan.title.text() == "Gluteus medius, posterior fibres"
    assert with_plan.side_badge.text() == "CLIENT'S RIGHT" and with_plan.countdown.text() == "30"
    assert with_plan.status.text() == "READY — SPACE TO START"
    with_plan.close()

    # Without a plan Space holds the position on screen: its own side and time are shown.
    subscapularis = positions["Subscapularis, supine"]
    lesson = context.library.lesson_by_fingerprint(subscapularis.lesson_fingerprint)
    context.playback.open_lesson(lesson, autoplay=False, start_ms=subscapularis.start_ms + 500)
    qtbot.waitUntil(lambda: context.playback.position_ms() >= subscapularis.start_ms, timeout=10_000)
    without_plan = TableModeWindow(context, None)
    qtbot.addWidget(without_plan)
    without_plan.resize(*SCREEN)
    without_plan.show()
    without_plan.grab()
    here = holds.leg_here()
    assert here is not None and here.title == subscapularis.title
    assert without_plan.title.text() == subscapularis.title
    assert without_plan.countdown.text() == str(here.hold_ms // 1000) != "45"
    QTest.keyClick(without_plan, Qt.Key.Key_Space)
    assert holds.runner.is_active() and holds.runner.current().hold_ms == here.hold_ms


def test_table_mode_obeys_a_re_bound_pedal_key(
    context: AppContext, hold_clock: FakeClock, two_steps: Plan, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.common.shortcuts import ShortcutBindings

    keymap = ShortcutBindings(context.keymap)
    keymap.bind("hold_pause", ("F8",))  # a USB foot pedal that types F8
    keymap.bind("hold_next", ("F9",))
    view = TableModeWindow(context, two_steps, keymap=keymap)
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    runner, timer = context.holds.runner, context.holds.timer
    assert "F8 start/pause" in view.hints.text() and "F9" in view.hints.text()
    QTest.keyClick(view, Qt.Key.Key_F8)
    assert runner.is_active() and not timer.is_paused()
    QTest.keyClick(view, Qt.Key.Key_F8)
    assert timer.is_paused() and "PAUSED" in view.status.text()
    QTest.keyClick(view, Qt.Key.Key_F9)
    assert runner.index() == 1

    keymap.bind("hold_pause", ("F7",))  # re-bound while table mode is open: obeyed at once
    assert "F7 start/pause" in view.hints.text() and "F8" not in view.hints.text()
    was_paused = timer.is_paused()
    QTest.keyClick(view, Qt.Key.Key_F8)
    assert timer.is_paused() == was_paused, "the old key no longer does anything"
    QTest.keyClick(view, Qt.Key.Key_F7)
    assert timer.is_paused() != was_paused
    runner.stop()


def test_the_window_keys_for_holds_work_in_table_mode_too(
    context: AppContext, hold_clock: FakeClock, window: TableModeWindow
) -> None:
    runner, timer = context.holds.runner, context.holds.timer
    runner.auto_advance = False
    QTest.keyClick(window, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)  # the window's hold pause
    assert runner.is_active()
    QTest.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)  # the window's +10 s
    assert timer.remaining_ms() == 40_000
    QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ShiftModifier)  # the window's next
    assert runner.index() == 1
    QTest.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ShiftModifier)
    assert runner.index() == 0
    # A keyboard's media key (sent as the system sends it: QTest has no text for it and says so).
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_MediaTogglePlayPause, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, press)
    assert timer.is_paused()


def test_added_time_never_shrinks_the_digits(context: AppContext, advance: Advance, qtbot) -> None:  # type: ignore[no-untyped-def]
    piriformis = demo(context)["Piriformis, prone"]
    plan = Plan(title="Long", steps=(step_for_position(piriformis, hold_ms=90_000),))
    view = TableModeWindow(context, plan)
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    QTest.keyClick(view, Qt.Key.Key_Space)
    advance(8_000, step_ms=STEP_MS)
    QTest.keyClick(view, Qt.Key.Key_Space)  # paused at 82
    view.grab()
    assert view.countdown.text() == "82"
    before = view.countdown.digit_rect.height()
    QTest.keyClick(view, Qt.Key.Key_Up)  # past the planned 90 s: 100 s planned now
    view.grab()
    assert view.countdown.text() == "92"
    assert view.countdown.digit_rect.height() == pytest.approx(before, abs=2)
    context.holds.runner.stop()


def test_single_holds_have_no_step_counter(context: AppContext, hold_clock: FakeClock, qtbot) -> None:  # type: ignore[no-untyped-def]
    posterior = demo(context)["Gluteus medius, posterior fibres"]
    runner = context.holds.runner
    view = TableModeWindow(context, None)
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    runner.hold_position(posterior, side="R", hold_ms=30_000, from_playback=False)
    QTest.keyClick(view, Qt.Key.Key_H)  # other side: the window's mirror key means "other side" here
    assert runner.current().side == "L"  # type: ignore[union-attr]
    assert "STEP" not in view.status.text()
    runner.stop()


def test_other_side_shows_the_courses_own_demonstration_of_that_side(
    context: AppContext, hold_clock: FakeClock, qtbot
) -> None:  # type: ignore[no-untyped-def]
    posterior = demo(context)["Gluteus medius, posterior fibres"]
    left_uid = context.index.add_position(
        PositionDraft(
            lesson_fingerprint=posterior.lesson_fingerprint,
            start_ms=4000,
            end_ms=5500,
            title="Gluteus medius, posterior fibres, client's left",
            region="hips-sacrum",
            side="L",
        )
    )
    runner = context.holds.runner
    view = TableModeWindow(context, None)
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    runner.hold_position(posterior, side="R", hold_ms=30_000, from_playback=False)
    assert view.mirror_note.text() == "Course's right-side demonstration"
    QTest.keyClick(view, Qt.Key.Key_H)
    leg = runner.current()
    assert leg is not None and leg.step is not None and leg.step.position_uid == left_uid
    assert view.side_badge.text() == "CLIENT'S LEFT" and not view.video.is_mirrored()
    assert view.mirror_note.text() == "Course's left-side demonstration"
    runner.stop()
