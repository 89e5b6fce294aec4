"""Scenarios run inside the real app window on a real X server (Xvfb), driven like a user would.

Run as ``python window_scenarios.py NAME --data-dir DIR --out DIR`` with DISPLAY set; the test in
``test_window_scenarios.py`` starts it. Each scenario builds the same window ``smrtplayer`` opens,
clicks and types with QTest into it, captures the whole X screen (``QScreen.grabWindow(0)``, which
sees the real video pixels) and writes what it observed to ``result.json`` beside the screenshots.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.ui.shell.main_window import MainWindow

SCENARIOS: dict[str, Callable[[MainWindow, Path], dict[str, Any]]] = {}


def scenario(function: Callable[[MainWindow, Path], dict[str, Any]]) -> Callable[..., Any]:
    SCENARIOS[function.__name__] = function
    return function


def wait_until(predicate: Callable[[], bool], timeout_s: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if predicate():
            return True
        QTest.qWait(30)
    return False


def screen_shot(out: Path, name: str) -> QImage:
    QApplication.processEvents()
    QTest.qWait(150)  # let the compositor-less X server catch up with the last paint
    pixmap = QGuiApplication.primaryScreen().grabWindow(0)
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)
    image.save(str(out / f"{name}.png"))
    return image


def region_of(window: MainWindow, widget: Any) -> QRect:
    top_left = widget.mapTo(window, QPoint(0, 0)) + window.geometry().topLeft()
    return QRect(top_left, widget.size())


def mean_rgb(image: QImage, rect: QRect) -> tuple[float, float, float]:
    total = [0.0, 0.0, 0.0]
    count = 0
    for y in range(rect.top(), rect.bottom(), 6):
        for x in range(rect.left(), rect.right(), 6):
            colour = image.pixelColor(x, y)
            total[0] += colour.red()
            total[1] += colour.green()
            total[2] += colour.blue()
            count += 1
    return (total[0] / count, total[1] / count, total[2] / count) if count else (0.0, 0.0, 0.0)


# ------------------------------------------------------------------------------------ scenarios
@scenario
def body_map_to_position(window: MainWindow, out: Path) -> dict[str, Any]:
    """Click Hips & Sacrum on the body map, double-click a result: the lesson plays from there.

    Paused, as a first start opens the demo: playing, the demo would move on to the Piriformis lesson
    by itself and reach 3 s however the double-click went (which once hid that it did nothing).
    """
    playback = window.playback
    playback.pause()
    assert wait_until(lambda: not playback.is_playing())
    panel = window.workspace.index_panel
    window.workspace.index_dock.raise_()
    canvas = panel.body_map.canvas
    assert wait_until(lambda: canvas.isVisible() and canvas.anchor("hips-sacrum") is not None)
    anchor = canvas.anchor("hips-sacrum")
    clicked_region = canvas.region_at(anchor) if anchor is not None else None
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, anchor)
    model = panel.results.model()
    assert wait_until(lambda: model.rowCount() > 0)
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    wanted = titles.index("Piriformis, counterstrain")
    index = model.index(wanted, 0)
    panel.results.scrollTo(index)
    centre = panel.results.visualRect(index).center()
    viewport = panel.results.viewport()
    # A double-click as the X server delivers it: press, release, then the press Qt turns into a
    # double-click. (QTest.mouseDClick sends the double-click event alone; the view takes one
    # without the press before it as a first press, and opens nothing.)
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert wait_until(
        lambda: (
            playback.lesson is not None
            and playback.lesson.title == "Piriformis"
            and playback.is_playing()
            and playback.position_ms() >= 3100
        ),
        5,
    )
    opened_at = playback.position_ms()
    image = screen_shot(out, "body-map-result-playing")
    return {
        "clicked_region": clicked_region,
        "results": titles,
        "lesson": playback.lesson.title if playback.lesson else None,
        "position_ms": opened_at,
        "video_rgb": mean_rgb(image, region_of(window, window.video_view).adjusted(20, 60, -20, -60)),
    }


@scenario
def mirrored_frame_with_badge(window: MainWindow, out: Path) -> dict[str, Any]:
    """Pause on a frame, press H: the picture on screen is flipped and the badge says so."""
    playback = window.playback
    assert wait_until(lambda: playback.is_playing() and playback.position_ms() > 1500)
    playback.pause()
    assert wait_until(lambda: not playback.is_playing())
    QTest.qWait(300)
    view = region_of(window, window.video_view)
    frame_rect = window.video_view.video_rect().translated(view.topLeft())
    before = screen_shot(out, "before-mirror").copy(frame_rect)
    window.video_view.setFocus()
    QTest.keyClick(window, Qt.Key.Key_H)
    assert wait_until(window.video_view.is_mirrored)
    after_full = screen_shot(out, "mirrored-with-badge")
    after = after_full.copy(frame_rect)
    flipped = before.flipped(Qt.Orientation.Horizontal)
    # Compare the lower two thirds (the badge sits at the top) pixel by pixel, sampled.
    height, width = after.height(), after.width()
    diffs: list[int] = []
    unflipped: list[int] = []
    for y in range(height // 3, height - 4, 5):
        for x in range(4, width - 4, 5):
            a, b, c = after.pixelColor(x, y), flipped.pixelColor(x, y), before.pixelColor(x, y)
            diffs.append(abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()))
            unflipped.append(abs(a.red() - c.red()) + abs(a.green() - c.green()) + abs(a.blue() - c.blue()))
    badge_pixels = sum(
        1
        for y in range(view.top(), view.top() + 120, 2)
        for x in range(view.left(), view.right(), 2)
        if _is_badge_orange(after_full.pixelColor(x, y))
    )
    return {
        "mean_diff_vs_flipped": sum(diffs) / len(diffs),
        "mean_diff_vs_unflipped": sum(unflipped) / len(unflipped),
        "badge_pixels": badge_pixels,
        "mirror_action_checked": window.actions_by_id["mirror"].isChecked(),
    }


@scenario
def table_mode_two_step_sequence(window: MainWindow, out: Path) -> dict[str, Any]:
    """Table mode runs a two-step plan: large countdown, cues in order, mirror flip, log rows."""
    from smrtplayer.holds.legs import step_for_position
    from smrtplayer.models.plans import Plan

    context = window.context
    window.playback.pause()
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    positions = context.library.positions(lesson)
    steps = (
        step_for_position(positions[0], side="R", hold_ms=5000),
        # Demonstrated on the client's left, treated on the right: shown mirrored.
        step_for_position(positions[1], side="R", hold_ms=5000),
    )
    holds = context.holds
    plan_id = holds.plans.save(Plan("Right hip, two steps", steps=steps))
    plan = holds.plans.get(plan_id)
    logged_before = holds.practice.count()
    events: list[str] = []
    holds.cues.cue_played.connect(lambda kind: events.append(f"cue:{kind}"))
    holds.runner.step_started.connect(lambda leg: events.append(f"step:{leg.title}"))
    holds.runner.mirrored_changed.connect(lambda mirrored: events.append(f"mirrored:{mirrored}"))
    finished: list[bool] = []
    holds.runner.sequence_finished.connect(finished.append)

    table = window.workspace.hold_panel.open_table_mode(plan)
    assert wait_until(table.isVisible, 10)
    table.activateWindow()
    assert wait_until(table.isActiveWindow, 5)
    QTest.keyClick(table, Qt.Key.Key_Space)  # the pedal's start key
    assert wait_until(lambda: holds.runner.timer.is_active() and holds.runner.timer.remaining_ms() < 3500, 10)
    screen = screen_shot(out, "table-mode-countdown")
    countdown = region_of(table, table.countdown) if table.isWindow() else region_of(window, table.countdown)
    countdown_text = table.countdown.text()
    digits_height = _bright_rows(screen, countdown)
    assert wait_until(lambda: bool(finished), 30)
    screen_shot(out, "table-mode-finished")
    rows = holds.practice.recent(10)
    table.close()
    return {
        "screen_height": screen.height(),
        "countdown_widget_height": countdown.height(),
        "countdown_digit_rows": digits_height,
        "countdown_text": countdown_text,
        "events": events,
        "finished": finished,
        "logged": holds.practice.count() - logged_before,
        "logged_titles": [row.title for row in rows[:2]],
        "table_mirrored_at_end": table.video.is_mirrored(),
    }


@scenario
def table_mode_adductor_template(window: MainWindow, out: Path) -> dict[str, Any]:
    """The adductor template copied into a plan (holds shortened to 5 s), run in table mode with keys:
    the water reminder acknowledged with a key, roll and rest on the spot on each side, in order."""
    from dataclasses import replace

    context = window.context
    window.playback.pause()
    holds = context.holds
    plan_id = holds.copy_template("adductors-smr", "Inner thigh, short")
    copied = holds.plan(plan_id)
    assert copied is not None
    short = [
        replace(step, hold_ms=5000, cue_every_ms=2000 if step.kind == "roll" else 0)
        if step.is_timed
        else step
        for step in copied.steps
    ]
    holds.save_plan(copied.with_steps(short))
    plan = holds.plan(plan_id)
    events: list[str] = []
    shown: list[tuple[str, str, str]] = []
    holds.cues.cue_played.connect(lambda kind: events.append(f"cue:{kind}"))
    holds.runner.step_started.connect(lambda leg: events.append(f"step:{leg.kind}:{leg.side}"))
    finished: list[bool] = []
    holds.runner.sequence_finished.connect(finished.append)

    table = window.workspace.hold_panel.open_table_mode(plan)
    assert wait_until(table.isVisible, 10)
    table.activateWindow()
    assert wait_until(table.isActiveWindow, 5)

    def on_step(_leg: object) -> None:
        QApplication.processEvents()
        shown.append((table.status.text(), table.kind_badge.text(), table.side_badge.text()))

    holds.runner.step_started.connect(on_step)
    QTest.keyClick(table, Qt.Key.Key_Space)  # start: the first step is the water reminder
    assert wait_until(lambda: holds.runner.phase == "waiting", 5)
    screen_shot(out, "adductors-reminder")
    reminder_text = table.step_cue.text()
    QTest.qWait(1500)
    still_waiting = holds.runner.phase == "waiting"
    QTest.keyClick(table, Qt.Key.Key_Space)  # drunk: go on
    assert wait_until(lambda: holds.runner.current() is not None and holds.runner.current().kind == "roll", 5)
    screen_shot(out, "adductors-roll-right")
    assert wait_until(lambda: holds.runner.index() == 5 and holds.runner.phase == "waiting", 40)
    screen_shot(out, "adductors-water-again")
    QTest.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # the keymap's confirm key
    assert wait_until(lambda: bool(finished), 5)
    rows = list(reversed(holds.practice.recent(10)))
    table.close()
    return {
        "reminder_text": reminder_text,
        "waited_for_the_key": still_waiting,
        "events": events,
        "shown": shown,
        "finished": finished,
        "log_rows": [[row.kind, row.side, row.completed, row.planned_ms] for row in rows],
    }


def _bright_rows(image: QImage, rect: QRect) -> int:
    """How many pixel rows inside ``rect`` carry light digit strokes on the dark table background."""
    rows = 0
    for y in range(rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.right(), 3):
            if image.valid(x, y) and image.pixelColor(x, y).lightness() > 170:
                rows += 1
                break
    return rows


def _is_badge_orange(colour: Any) -> bool:
    return colour.red() > 200 and 90 < colour.green() < 150 and colour.blue() < 60


# ----------------------------------------------------------------------------------------- main
def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("name", choices=sorted(SCENARIOS))
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    context = AppContext.open(AppPaths.resolve(args.data_dir))
    window = MainWindow(context)
    window.show()
    window.start(autoplay=True)
    # A first run opens the demo paused; these scenarios start from a lesson playing, as after Play.
    window.playback.play()
    result: dict[str, Any] = {"scenario": args.name}
    try:
        assert wait_until(lambda: window.isVisible() and window.playback.frames_shown > 0, 20)
        # Keys reach window shortcuts only in the active window (there is no window manager here).
        window.activateWindow()
        assert wait_until(window.isActiveWindow, 10)
        result.update(SCENARIOS[args.name](window, args.out))
        result["ok"] = True
    except AssertionError as error:
        screen_shot(args.out, "failure")
        result.update(ok=False, error=f"assertion failed: {error!r}")
    finally:
        (args.out / "result.json").write_text(json.dumps(result, indent=2))
        window.close()
        context.close()
        app.processEvents()
    return 0 if result.get("ok") else 1


if __name__ == "__main__":
    raise SystemExit(main())
