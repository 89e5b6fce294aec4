"""The hold and indexing panels (with the plan editor, table mode and handouts behind them), the
library's cards and the search and backup dialogs are built or imported when first needed, not with the
window: while a lesson plays they cost memory and do nothing. Whatever needs them builds them first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from helpers.window_probe import run_window_probe
from smrtplayer.app.context import AppContext
from smrtplayer.ui.shell.main_window import MainWindow

#: not imported by a window whose side panels are built, until the user opens what needs them
LATE_MODULES = (
    "smrtplayer.ui.holds.hold_panel",
    "smrtplayer.ui.holds.plan_editor",
    "smrtplayer.ui.holds.table_mode",
    "smrtplayer.ui.holds.practice_log_view",
    "smrtplayer.holds.handout",
    "smrtplayer.ui.index.indexing_panel",
    "smrtplayer.ui.notes.search_dialog",
    "smrtplayer.ui.shell.backup_dialog",
    "smrtplayer.ui.library.course_card",
    "smrtplayer.ui.library.course_model",
    "smrtplayer.ui.library.thumbnails",
    "smrtplayer.ui.library.verify_dialog",
)


def test_the_window_and_its_panels_leave_these_modules_until_they_are_needed() -> None:
    before, after = (
        set(modules)
        for modules in run_window_probe(
            "for _ in range(5): app.processEvents()\n"
            "before = sorted(sys.modules)\n"
            "window.workspace.hold_dock.raise_()\n"
            "app.processEvents()\n"
            "print(json.dumps([before, sorted(sys.modules)]))\n"
        )
    )
    assert "smrtplayer.ui.index.index_panel" in before, "the probe built the side panels"
    assert not before & set(LATE_MODULES), sorted(before & set(LATE_MODULES))
    assert "smrtplayer.ui.holds.hold_panel" in after, "bringing the hold timer forward built it"


@pytest.fixture
def window(context: AppContext, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    yield main


def test_the_hold_panel_is_built_when_its_tab_comes_forward(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace.hold_area.widget() is None
    workspace.hold_dock.raise_()
    QApplication.processEvents()
    panel = workspace.hold_area.widget()
    assert panel is not None and panel is workspace.hold_panel and panel.isVisible()
    assert panel.duration_edit.accessibleName() == "Hold length"


def test_a_hold_started_by_its_key_builds_the_panel_that_asks_its_questions(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace.hold_area.widget() is None
    window.context.holds.runner.hold_preset(30_000)  # as a pedal or a key starts one, the tab behind
    assert workspace.hold_area.widget() is workspace.hold_panel
    assert workspace.hold_panel.stop_button.isEnabled()
    window.context.holds.runner.stop()


def test_the_indexing_mode_is_built_when_opened(window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace._indexing_panel is None
    panel = workspace.open_indexing()
    assert panel.parentWidget() is workspace.indexing_area and panel.isVisible()
    assert workspace.indexing_dock.isVisible()


def test_the_library_cards_are_built_when_the_library_comes_forward(window: MainWindow) -> None:
    workspace = window.workspace
    library = workspace.library_view
    assert library._cards is None
    workspace.left_tabs.setCurrentWidget(library)
    QApplication.processEvents()
    assert library._cards is not None and library.list.isVisible()
    assert library.model.rowCount() == len(window.context.library.courses())
