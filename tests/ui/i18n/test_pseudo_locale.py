"""A pseudo-locale run: every message goes through a translator that returns it as ⟦message⟧, and every
text on screen must then carry the brackets, except user data (course, lesson, section and position titles
from the library, numbers, clock times).

The window is the real one on the demo course, in its usual states: a lesson open and paused, every
left-hand tab, the menus; then table mode and the main dialogs.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from helpers.visible_texts import PseudoTranslator, Shown, install, remove, untranslated, visible_texts
from smrtplayer import APP_NAME
from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import step_for_position
from smrtplayer.models.plans import Plan
from smrtplayer.models.positions import PositionDraft
from smrtplayer.ui.common.i18n import LANGUAGES
from smrtplayer.ui.holds.plan_editor import PlanEditor, PositionPicker
from smrtplayer.ui.holds.practice_log_view import PracticeLogView
from smrtplayer.ui.holds.step_dialog import StepDialog
from smrtplayer.ui.holds.table_mode import TableModeWindow
from smrtplayer.ui.index.position_form import PositionForm
from smrtplayer.ui.shell.about_box import AboutBox
from smrtplayer.ui.shell.backup_dialog import BackupDialog
from smrtplayer.ui.shell.main_window import MainWindow
from smrtplayer.ui.shell.shortcut_sheet import ShortcutSheet

PLAN_TITLE = "Right hip"


@pytest.fixture
def pseudo(qapp) -> Iterator[PseudoTranslator]:  # type: ignore[no-untyped-def]
    translator = PseudoTranslator()
    install(translator)
    yield translator
    remove(translator)


def user_data(context: AppContext) -> set[str]:
    """What the library holds and the user typed: shown as it is, in any language. The taxonomy's
    technique and client-position names are the vocabulary positions are stored with: they too, and the
    languages' own names."""
    taxonomy = context.index.taxonomy
    data = {APP_NAME, PLAN_TITLE}
    data.update(LANGUAGES.values())  # each language named in its own words, whatever the window's
    data.update(term.name for term in (*taxonomy.techniques.values(), *taxonomy.client_positions.values()))
    for course in context.library.courses():
        data.add(course.title)
        for lesson in context.library.lessons(course.id):
            data.update((lesson.title, lesson.section_title))
            for position in context.library.positions(lesson):
                data.add(position.title)
    return data


def assert_translated(shown: list[Shown], context: AppContext) -> None:
    missed = untranslated(shown, user_data(context))
    assert not missed, "not translated:\n" + "\n".join(f"  {item.where}: {item.text!r}" for item in missed)


def _walk(widget: QWidget, qtbot) -> list[Shown]:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return visible_texts(widget)


@pytest.fixture
def window(context: AppContext, pseudo: PseudoTranslator, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    view = MainWindow(context)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.start(autoplay=False)
    qtbot.waitUntil(lambda: context.playback.frames_shown > 0, timeout=10000)
    view.ensure_workspace()
    return view


def test_the_main_window_shows_only_translated_text(
    window: MainWindow, context: AppContext, pseudo: PseudoTranslator, qtbot
) -> None:  # type: ignore[no-untyped-def]
    shown = visible_texts(window)
    tabs = window.findChild(QTabWidget, "leftTabs")
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(50)
        shown += visible_texts(window)
    workspace = window.workspace
    workspace.show_whats_here()  # the first launch's "what's here"
    qtbot.wait(50)
    shown += visible_texts(window)
    for dock in (workspace.index_dock, workspace.notes_dock, workspace.hold_dock, workspace.indexing_dock):
        dock.show()
        dock.raise_()  # the docks share tabs: each in front in turn
        qtbot.wait(50)
        shown += visible_texts(window)
    assert len(shown) > 80, "the walk found the window's texts"
    texts = {item.text for item in shown}
    assert "⟦What's here⟧" in texts and "⟦Only the demo course is here so far.⟧" in texts
    assert len(pseudo.asked) > 80
    assert_translated(shown, context)


def test_a_running_hold_shows_only_translated_text(
    window: MainWindow, context: AppContext, pseudo: PseudoTranslator, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.workspace.hold_dock.raise_()  # in front of the tabbed docks
    panel = window.workspace.hold_panel
    panel.duration_edit.setText("40")
    panel.start_preset()  # a hold from the panel: its countdown, the pause and stop buttons, the badge
    assert context.holds.timer.is_active()
    qtbot.wait(100)
    shown = visible_texts(window)
    context.holds.runner.toggle_pause()  # paused: "Resume", "paused"
    qtbot.wait(50)
    shown += visible_texts(window)
    context.holds.runner.stop()
    assert any(item.text == "⟦Resume⟧" for item in shown), "the walk saw the hold panel"
    assert_translated(shown, context)


def test_table_mode_shows_only_translated_text(context: AppContext, pseudo: PseudoTranslator, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    position = context.library.positions(lesson)[0]
    view = TableModeWindow(context, Plan(title=PLAN_TITLE, steps=(step_for_position(position),)))
    view.resize(1366, 768)
    shown = _walk(view, qtbot)
    view.start_or_pause()  # a hold running: the countdown, the step, the hints
    qtbot.wait(100)
    shown += visible_texts(view)
    context.holds.runner.stop()
    assert_translated(shown, context)


def test_the_main_dialogs_show_only_translated_text(
    window: MainWindow, context: AppContext, pseudo: PseudoTranslator, qtbot
) -> None:  # type: ignore[no-untyped-def]
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    draft = PositionDraft(lesson.fingerprint, 500, 2500, "", "hips-sacrum", (), "R")
    dialogs: list[QWidget] = [
        ShortcutSheet(window.bindings),
        BackupDialog(context),
        AboutBox(context.paths.data),
        PlanEditor(context),
        PositionPicker(context),
        PracticeLogView(context),
        StepDialog(context.holds.all_presets(), context.index.taxonomy),
        PositionForm(context.index, draft, lesson_title=lesson.title),
    ]
    shown: list[Shown] = []
    for dialog in dialogs:
        shown += _walk(dialog, qtbot)
        dialog.close()
    search = window.workspace.open_search()  # closing deletes it
    qtbot.waitExposed(search)
    shown += visible_texts(search)
    # a search left open would keep the pointer's events from the widgets of later tests
    search.close()
    assert_translated(shown, context)
