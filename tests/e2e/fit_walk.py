"""Every text on screen fits, at a laptop's and a desktop's screen size (openbox on Xvfb, maximized).

Run as ``python fit_walk.py --data-dir DIR --out DIR`` with DISPLAY set to a server that runs a
window manager; ``test_widget_fit.py`` starts both at each size. The library holds the demo and a
course with long lesson and position titles, one lesson half watched, a note, a plan and a practice
log. The window is maximized; each panel and tab is raised in turn, then table mode and each dialog is
opened in its usual state, and every visible widget is walked by ``helpers.widget_fit``. The
findings (where, what, how wide it is and how much room it had) go to ``result.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' helpers

from e2e.screen_fit import LONG_TITLES, wait_until
from helpers.media import write_clip
from helpers.player import add_course
from helpers.widget_fit import FitWalker
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.ui.common.i18n import install_translations, resolve_locale
from smrtplayer.ui.shell.main_window import MainWindow


class Walk:
    def __init__(self, window: MainWindow, out: Path) -> None:
        self.window = window
        self.out = out
        self.walker = FitWalker()
        self.states: dict[str, list[dict[str, Any]]] = {}

    def settle(self) -> None:
        QApplication.processEvents()
        QTest.qWait(150)
        QApplication.processEvents()

    def state(self, name: str, *windows: QWidget) -> None:
        """Walk ``windows`` (the main window when none) as they are now, with a screenshot."""
        self.settle()
        findings = []
        for top in windows or (self.window,):
            findings += [vars(finding) for finding in self.walker.walk(top)]
        self.states[name] = findings
        QGuiApplication.primaryScreen().grabWindow(0).save(str(self.out / f"{name}.png"))

    @contextmanager
    def opened(self, make: Callable[[], QWidget]) -> Iterator[QWidget]:
        widget = make()
        widget.show()
        wait_until(widget.isVisible, 5)
        widget.raise_()
        widget.activateWindow()
        try:
            yield widget
        finally:
            widget.close()
            self.settle()


def prepare(context: AppContext, data_dir: Path) -> int:
    clip = write_clip(data_dir / "clip.mp4", seconds=4.0, size=(320, 180), fps=25, rgb=(40, 110, 200))
    lessons = add_course(
        context,
        data_dir / "long course",
        [(title, clip) for title in LONG_TITLES],
        uid="long-titles",
        positions={LONG_TITLES[0]: ((500, 2500, LONG_TITLES[0]),)},
    )
    context.notes.create(lessons[0].fingerprint, time_ms=1000, body="Thumb on the tender point, ease it")
    context.holds.copy_template("adductors-smr", "Inner thigh, self-myofascial release, both sides")
    for number, title in enumerate((LONG_TITLES[1], "Psoas")):
        context.holds.practice.add(
            PracticeEntry(
                title=title,
                planned_ms=90_000,
                actual_ms=90_000,
                completed=True,
                started_at=f"2026-03-01T10:0{number}:00.000+00:00",
                ended_at=f"2026-03-01T10:0{number}:30.000+00:00",
                side="R",
                tender_before=7,
                tender_after=2,
            )
        )
    context.backups.back_up_now()  # the backups dialog lists one
    return lessons[0].id


def walk_everything(walk: Walk, first_lesson_id: int) -> None:
    window = walk.window
    workspace = window.workspace
    tabs = workspace.left_tabs
    docks = [dock for dock in window.findChildren(QDockWidget)]
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        name = tabs.tabText(index).replace("&", "").lower()
        for dock in docks:
            dock.show()
            dock.raise_()
            wait_until(lambda dock=dock: dock.widget().isVisible(), 3)
            walk.state(f"main-{name}-{dock.objectName()}")
    tabs.setCurrentIndex(0)
    index_panel = workspace.index_panel
    workspace.index_dock.raise_()
    index_panel.search_box.setText("glute")
    walk.state("index-search")
    index_panel.tabs.setCurrentIndex(1)
    index_panel.search_box.clear()
    from smrtplayer.models.regions import Ref

    index_panel.show_ref(Ref("region", "hips-sacrum"))
    walk.state("index-region")
    index_panel.tabs.setCurrentIndex(0)

    # A hold running on the position at the playhead: the hold panel and the badge over the video.
    window.actions_by_id["hold_position"].trigger()
    assert wait_until(window.context.holds.runner.is_active, 5), "no hold started"
    workspace.hold_dock.raise_()
    walk.state("hold-running")
    window.context.holds.runner.stop()

    with walk.opened(lambda: workspace.hold_panel.open_table_mode()) as table:
        wait_until(lambda: table.isFullScreen() or table.width() >= 1000, 5)
        walk.state("table-mode", table)
    plan = window.context.holds.all_plans()[0]
    with walk.opened(lambda: workspace.hold_panel.open_table_mode(plan)) as table:
        wait_until(lambda: table.isFullScreen() or table.width() >= 1000, 5)
        walk.state("table-mode-plan", table)
    # A running step whose position has a long title, as read from the treatment table.
    from smrtplayer.holds.legs import step_for_position
    from smrtplayer.models.plans import Plan

    holds = window.context.holds
    long_position = window.context.library.positions(window.context.library.lesson(first_lesson_id))[0]  # type: ignore[arg-type]
    long_plan = holds.plan(
        holds.save_plan(
            Plan(LONG_TITLES[1], steps=(step_for_position(long_position, side="L", hold_ms=30_000),))
        )
    )
    with walk.opened(lambda: workspace.hold_panel.open_table_mode(long_plan)) as table:
        wait_until(lambda: table.isFullScreen() or table.width() >= 1000, 5)
        wait_until(table.isActiveWindow, 3)
        QTest.keyClick(table, Qt.Key.Key_Space)
        assert wait_until(holds.runner.timer.is_active, 5), "the step did not start"
        walk.state("table-mode-running", table)
        holds.runner.stop()
    from smrtplayer.models.positions import PositionDraft

    lesson = window.context.library.lesson(first_lesson_id)
    assert lesson is not None
    draft = PositionDraft(lesson.fingerprint, 500, 2500, LONG_TITLES[2], region="hips-sacrum", side="R")
    with walk.opened(lambda: index_panel.open_form(draft, lesson_title=lesson.title)) as form:
        walk.state("position-form", form)
    from smrtplayer.ui.shell.shortcut_sheet import ShortcutSheet

    with walk.opened(lambda: ShortcutSheet(window.bindings, window)) as sheet:
        walk.state("shortcut-sheet", sheet)
    with walk.opened(workspace.hold_panel.open_plans) as plans:
        walk.state("plans", plans)
        from smrtplayer.ui.holds.step_dialog import StepDialog

        context = window.context
        with walk.opened(
            lambda: StepDialog(context.holds.all_presets(), context.index.taxonomy, plans)
        ) as step:
            walk.state("step-dialog", step)
        from smrtplayer.ui.holds.plan_editor import PositionPicker

        with walk.opened(lambda: PositionPicker(window.context, plans)) as picker:
            picker.tree.expandAll()  # type: ignore[attr-defined]
            walk.state("position-picker", picker)
    with walk.opened(workspace.hold_panel.open_log) as log:
        walk.state("practice-log", log)
        from smrtplayer.ui.holds.practice_log_view import TendernessDialog

        entry = window.context.holds.log_entries()[0]
        with walk.opened(lambda: TendernessDialog(entry, log)) as tenderness:
            walk.state("tenderness", tenderness)
    with walk.opened(workspace.open_backups) as backups:
        walk.state("backups", backups)
    course_id = window.context.library.lesson(first_lesson_id).course_id  # type: ignore[union-attr]
    with walk.opened(lambda: workspace.library_view.verify(course_id)) as verify:  # type: ignore[arg-type,return-value]
        QTest.qWait(1500)  # the check of a few small files is done by now
        walk.state("check-files", verify)
    with walk.opened(workspace.open_search) as search:
        search.query.setText("tender")  # type: ignore[attr-defined]
        QTest.qWait(400)
        walk.state("notes-search", search)
    from smrtplayer.ui.shell.about_box import AboutBox

    with walk.opened(lambda: AboutBox(window.context.paths.data, window)) as about:
        walk.state("about", about)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", default="en", help="the window's language, as --lang gives it to the app")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    install_translations(resolve_locale(args.lang))  # as the app does before its first window
    context = AppContext.open(AppPaths.resolve(args.data_dir))
    window = MainWindow(context)
    window.show()
    window.start(autoplay=False)
    result: dict[str, Any] = {"ok": False}
    walk = Walk(window, args.out)
    try:
        window.showMaximized()
        assert wait_until(lambda: window.isVisible() and window.isMaximized(), 10), "not maximized"
        result["screen"] = list(window.screen().geometry().size().toTuple())
        # The first launch: the demo alone, paused on its first lesson, "what's here" above it.
        workspace = window.workspace
        assert wait_until(workspace.whats_here.isVisible, 10), "no what's here at the first launch"
        workspace.index_dock.raise_()
        walk.state("first-launch")
        workspace.left_tabs.setCurrentWidget(workspace.library_view)
        walk.state("first-launch-library")
        workspace.left_tabs.setCurrentIndex(0)
        result["first_launch"] = {
            "whats_here": workspace.whats_here.isVisible(),
            "lessons_invitation": workspace.lessons_invitation.isVisible(),
            "index_overview": workspace.index_panel.showing_overview(),
            "playing": window.playback.is_playing(),
        }
        workspace.whats_here.got_it.click()
        # Then a library of the user's own: long titles, a note, a plan, a practice log.
        first_lesson = prepare(context, args.data_dir)
        context.library.refresh_if_changed_elsewhere()
        window.open_lesson_at(first_lesson, 1500)
        assert wait_until(lambda: window.playback.position_ms() >= 2000, 15), "did not play"
        window.playback.pause()
        QTest.qWait(300)
        walk_everything(walk, first_lesson)
        # The transport bar is walked with the window (its findings are told apart by the test).
        result["transport_widgets"] = sum(
            1 for widget in window.transport.findChildren(QWidget) if widget.isVisible()
        )
        result["ok"] = True
    except AssertionError as error:
        result["error"] = repr(error)
    finally:
        result["states"] = walk.states
        result["widgets_checked"] = walk.walker.widgets_checked
        result["texts_checked"] = walk.walker.texts_checked
        (args.out / "result.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
        window.close()
        context.close()
        app.processEvents()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
