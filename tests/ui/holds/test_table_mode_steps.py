"""Table mode with step kinds, offscreen at 1920x1080 on the real context: the kind as large as the
side, the pass count, a reminder acknowledged with a key, a recheck answered with a digit key (a key
of the window's keymap) and the counterstrain reduction in the log."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from helpers.clock import MS, FakeClock
from smrtplayer.app.context import AppContext
from smrtplayer.models.plans import Plan
from smrtplayer.ui.common.shortcuts import ShortcutBindings
from smrtplayer.ui.holds.table_mode import TableModeWindow

SCREEN = (1920, 1080)


def advance(context: AppContext, hold_clock: FakeClock, ms: int, step_ms: int = 100) -> None:
    runner = context.holds.runner
    target = hold_clock.now + ms * MS
    while hold_clock.now < target:
        hold_clock.now = min(target, hold_clock.now + step_ms * MS)
        runner.timer.poll()
        runner.beats.poll()


def template(context: AppContext, key: str) -> Plan:
    return next(plan for plan in context.holds.templates() if plan.key == key)


def open_window(context: AppContext, plan: Plan, qtbot) -> TableModeWindow:  # type: ignore[no-untyped-def]
    # The keys as the window binds them (the user's own bindings included), as the window hands them over.
    bindings = ShortcutBindings(context.keymap)
    view = TableModeWindow(context, plan, key_action=bindings.owner_of)
    qtbot.addWidget(view)
    view.resize(*SCREEN)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def stop_after(context: AppContext) -> Iterator[None]:
    yield
    context.holds.runner.stop()


def test_passes_show_the_count_large_with_the_client_moves_cue(
    context: AppContext, hold_clock: FakeClock, qtbot, stop_after: None
) -> None:  # type: ignore[no-untyped-def]
    view = open_window(context, template(context, "active-release-passes"), qtbot)
    played: list[str] = []
    context.holds.cues.cue_played.connect(played.append)
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert view.pass_count.text() == "PASS 1 / 8"
    assert view.step_cue.text() == "CLIENT MOVES"
    assert view.kind_badge.text() == "PASSES" and view.side_badge.text() == "CLIENT'S RIGHT"
    assert view.kind_badge.font().pixelSize() == view.side_badge.font().pixelSize(), "as large as the side"
    advance(context, hold_clock, 8_000)
    assert view.pass_count.text() == "PASS 3 / 8"
    assert played == ["pass"] * 3, "a tone for each pass, the first with the step's start"
    assert view.flash_overlay.flashes >= 2


def test_the_counterstrain_routine_on_the_table(
    context: AppContext, hold_clock: FakeClock, qtbot, stop_after: None
) -> None:  # type: ignore[no-untyped-def]
    view = open_window(context, template(context, "counterstrain-tender-point"), qtbot)
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert view.status.text().startswith("STEP 1 / 4   ·   RECHECK")
    assert view.countdown.text() == "10", "the baseline offers 10"
    QTest.keyClick(view, Qt.Key.Key_Space)  # the tender point is 10
    assert view.runner.current().title == "Position of ease"  # type: ignore[union-attr]
    advance(context, hold_clock, 90_000)
    assert view.runner.current().title == "Slow return to neutral"  # type: ignore[union-attr]
    assert view.step_cue.text() == "Return the body slowly and passively to neutral"
    advance(context, hold_clock, 6_000)
    assert view.countdown.text() == "?", "after a hold the user says how tender"
    QTest.keyClick(view, Qt.Key.Key_Space)
    assert view.runner.phase == view.runner.WAITING, "Space alone records nothing"
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.countdown.text() == "3"
    QTest.keyClick(view, Qt.Key.Key_2)  # a digit records at once
    entry = context.holds.log_entries(1)[0]
    assert (entry.tender_before, entry.tender_after, entry.reduction_percent) == (10, 2, 80)
    assert not entry.below_target
    assert not view.runner.is_active()
