"""Assistive technology and the keyboard: the accessibility tree names every control of the window (its
panels, menus, table mode and dialogs), and F6 and Tab bring the keyboard to each panel with a visible
focus."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabBar, QToolButton, QWidget

from smrtplayer.app.context import AppContext
from smrtplayer.models.positions import PositionDraft
from smrtplayer.ui.common.accessibility import Control, controls, name_controls, tooltip_name, unnamed
from smrtplayer.ui.common.theme import DARK, LIGHT, SYSTEM, theme_manager
from smrtplayer.ui.shell.main_window import MainWindow


@pytest.fixture
def window(context: AppContext, qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=3000)
    yield main


def _docks(window: MainWindow) -> list[QDockWidget]:
    workspace = window.workspace
    return [workspace.index_dock, workspace.notes_dock, workspace.hold_dock, workspace.indexing_dock]


def _usual_states(window: MainWindow) -> Iterator[str]:
    """The window as it is used: each left tab, each side panel in front, both body index views."""
    workspace = window.workspace
    tabs = workspace.left_tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield f"left tab {tabs.tabText(index)}"
    tabs.setCurrentIndex(0)
    workspace.indexing_dock.show()
    for dock in _docks(window):
        dock.raise_()
        QApplication.processEvents()
        yield f"side panel {dock.windowTitle()}"
    index_tabs = workspace.index_panel.tabs
    for index in range(index_tabs.count()):
        index_tabs.setCurrentIndex(index)
        yield f"body index {index_tabs.tabText(index)}"
    workspace.index_panel.search_box.setText("glute")  # its clear button shows
    yield "a search typed"
    video = window.video_view
    video.show_message("This lesson's file is damaged.")
    for button in (video.relink_button, video.check_files_button):
        button.show()
    yield "a lesson that will not play"
    video.show_countdown("Next: Piriformis\nstarts in 5 s")
    yield "the next lesson's countdown"
    video.hide_countdown()
    video.clear()


def _walk_states(window: MainWindow) -> tuple[list[Control], list[str]]:
    seen: list[Control] = []
    problems: list[str] = []
    for state in _usual_states(window):
        QApplication.processEvents()
        found = controls(window)
        seen += found
        problems += [f"{state}: {control}" for control in unnamed(window)]
    return seen, problems


def test_every_control_of_the_window_has_a_name_in_every_usual_state(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.start(autoplay=False)
    qtbot.waitUntil(lambda: window.context.playback.frames_shown > 0, timeout=10000)
    seen, problems = _walk_states(window)
    assert not problems, "\n".join(problems)
    # The walk reaches what matters, or it would prove nothing.
    roles = {control.role for control in seen}
    assert {"Button", "CheckBox", "ComboBox", "EditableText", "List", "Tree", "MenuItem", "PageTab"} <= roles
    names = {control.name for control in seen if control.visible}
    assert "Hips & Sacrum, 0 positions" in names or any(name.startswith("Hips & Sacrum,") for name in names)
    assert {"Courses", "Lessons", "Video", "Play / pause", "Hold length", "Clear"} <= names
    assert "Keyboard to the next panel" in {control.name for control in seen if control.role == "MenuItem"}


def test_the_walk_fails_when_one_name_is_removed(window: MainWindow) -> None:
    hold_length = window.workspace.hold_panel.duration_edit
    window.workspace.hold_dock.raise_()
    QApplication.processEvents()
    assert not unnamed(window)
    hold_length.setAccessibleName("")
    missing = unnamed(window)
    assert [control.path.rsplit("/", 1)[-1] for control in missing] == ["durationEdit"]


def test_icon_buttons_are_named_from_their_tooltips_and_a_button_with_neither_is_reported(
    window: MainWindow, qtlog
) -> None:  # type: ignore[no-untyped-def]
    assert tooltip_name("Mute (M)") == "Mute"
    assert tooltip_name("Play / pause (Space, K, Media Play)") == "Play / pause"
    assert tooltip_name("<b>Mirror</b> left ↔ right (H)") == "Mirror left ↔ right"
    assert tooltip_name("More: lessons, watched, keys") == "More"
    holder = QWidget(window.transport)
    tooltip_only = QToolButton(holder)
    tooltip_only.setIcon(QIcon(QPixmap(16, 16)))
    tooltip_only.setToolTip("Loop this position (R)")
    name_controls(holder)
    assert tooltip_only.accessibleName() == "Loop this position"
    assert not [r for r in qtlog.records if "has no text" in r.message]

    bare = QToolButton(holder)
    bare.setObjectName("bareButton")
    bare.setIcon(QIcon(QPixmap(16, 16)))
    holder.show()
    missing = unnamed(holder)
    assert len(missing) == 1 and missing[0].path.endswith("/transport/QWidget/bareButton")


@pytest.mark.qt_log_level_fail("CRITICAL")  # the warning is what this test is about
def test_a_button_without_text_tooltip_or_name_is_warned_about(window: MainWindow, qtlog) -> None:  # type: ignore[no-untyped-def]
    bare = QToolButton(window.transport)
    bare.setObjectName("bareButton")
    bare.setIcon(QIcon(QPixmap(16, 16)))
    name_controls(window.transport)
    assert [r.message for r in qtlog.records if "bareButton" in r.message]


def test_table_mode_names_its_controls_and_says_the_countdown(
    window: MainWindow, context: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    table = window.workspace.hold_panel.open_table_mode()
    qtbot.waitExposed(table)
    context.holds.runner.hold_preset(30_000)
    qtbot.waitUntil(lambda: context.holds.timer.is_active(), timeout=3000)
    assert not unnamed(table), "\n".join(map(str, unnamed(table)))
    assert not _undescribed(table), "\n".join(map(str, _undescribed(table)))
    countdown = table.countdown
    assert countdown.accessibleName() == "Hold time left"
    assert countdown.accessibleDescription().startswith(("30 s", "29 s"))
    context.holds.runner.toggle_pause()
    qtbot.waitUntil(lambda: "paused" in countdown.accessibleDescription(), timeout=3000)
    context.holds.runner.stop()
    table.close()


def _dialogs(window: MainWindow, context: AppContext) -> list[Callable[[], QWidget]]:
    from smrtplayer.ui.holds.plan_editor import PlanEditor, PositionPicker
    from smrtplayer.ui.holds.practice_log_view import PracticeLogView
    from smrtplayer.ui.holds.step_dialog import StepDialog
    from smrtplayer.ui.index.position_form import PositionForm
    from smrtplayer.ui.shell.about_box import AboutBox
    from smrtplayer.ui.shell.backup_dialog import BackupDialog
    from smrtplayer.ui.shell.shortcut_sheet import ShortcutSheet

    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    draft = PositionDraft(lesson.fingerprint, 500, 2500, "Glute med", "hips-sacrum", ("gluteus medius",), "R")
    return [
        lambda: ShortcutSheet(window.bindings, window),
        lambda: BackupDialog(context, window),
        lambda: PlanEditor(context, window),
        lambda: PositionPicker(context, window),
        lambda: PracticeLogView(context, window),
        lambda: StepDialog(context.holds.all_presets(), context.index.taxonomy, window),
        lambda: PositionForm(context.index, draft, lesson_title=lesson.title),
        lambda: window.workspace.open_search(),
        lambda: AboutBox(context.paths.data, window),
    ]


def test_the_main_dialogs_name_every_control(window: MainWindow, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    for make in _dialogs(window, context):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        found = controls(dialog)
        assert found, type(dialog).__name__
        problems += [f"{type(dialog).__name__}: {control}" for control in unnamed(dialog)]
        problems += [
            f"{type(dialog).__name__}, no description: {control}" for control in _undescribed(dialog)
        ]
        dialog.close()
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------------------------ keyboard
#: a focus ring must change at least this many pixels, each by this much in one channel (0-255)
RING_PIXELS = 20
RING_CONTRAST = 60


@pytest.fixture(params=[LIGHT, DARK])
def theme(request: pytest.FixtureRequest, window: MainWindow) -> Iterator[str]:
    """Each keyboard test runs in the app's light and dark themes: the focus must show in both."""
    manager = theme_manager(window.context.settings)
    manager.set_choice(request.param)
    QApplication.processEvents()
    assert manager.scheme() == request.param
    yield request.param
    manager.set_choice(SYSTEM)


def _shows_focus(window: MainWindow, focused: QWidget) -> bool:
    """Taking the focus away changes enough of the window, by enough, to be seen."""
    with_focus = window.grab().toImage()
    focused.clearFocus()
    QApplication.processEvents()
    without = window.grab().toImage()
    focused.setFocus(Qt.FocusReason.ShortcutFocusReason)
    QApplication.processEvents()
    return _visible_change(with_focus, without) >= RING_PIXELS


def _visible_change(first: QImage, second: QImage) -> int:
    """How many pixels differ by at least ``RING_CONTRAST`` in a colour channel."""
    if first.size() != second.size():
        return RING_PIXELS
    first = first.convertToFormat(QImage.Format.Format_RGB888)
    second = second.convertToFormat(QImage.Format.Format_RGB888)
    a = np.frombuffer(first.constBits(), np.uint8).reshape(first.height(), first.bytesPerLine())
    b = np.frombuffer(second.constBits(), np.uint8).reshape(second.height(), second.bytesPerLine())
    width = first.width() * 3
    difference = np.abs(a[:, :width].astype(np.int16) - b[:, :width].astype(np.int16))
    per_pixel = difference.reshape(first.height(), first.width(), 3).max(axis=2)
    return int((per_pixel >= RING_CONTRAST).sum())


def test_f6_brings_the_keyboard_to_each_panel_with_a_visible_focus(
    window: MainWindow, qtbot, theme: str
) -> None:  # type: ignore[no-untyped-def]
    names: list[str] = []
    for _press in range(6):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F6)
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is window
        panel = window.panel_focus.current()
        assert panel is not None, f"F6 left the keyboard outside the panels, on {focused.objectName()}"
        names.append(panel.name)
        assert _shows_focus(window, focused), f"no visible focus on {focused.objectName()} in {panel.name}"
    # From the video on: the panels on the right, then round to the lessons and back to the video.
    assert names == ["Body index", "Notes", "Hold timer", "Lessons", "Video", "Body index"]

    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    panel = window.panel_focus.current()
    assert panel is not None and panel.name == "Video"


@pytest.mark.parametrize(
    ("left_tab", "front"),
    [(0, "index_dock"), (0, "notes_dock"), (0, "hold_dock"), (1, "index_dock"), (2, "index_dock")],
)
def test_tab_reaches_every_panel_on_screen_and_each_control_shows_its_focus(
    window: MainWindow, context: AppContext, qtbot, theme: str, left_tab: int, front: str
) -> None:  # type: ignore[no-untyped-def]
    window.start(autoplay=False)
    qtbot.waitUntil(lambda: context.playback.frames_shown > 0, timeout=10000)
    lesson = context.playback.lesson
    assert lesson is not None
    context.notes.create(lesson.fingerprint, time_ms=1000, body="Thumb on the **origin**")  # a note card
    tabs = window.workspace.left_tabs
    tabs.setCurrentIndex(left_tab)
    dock = getattr(window.workspace, front)
    dock.raise_()
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=3000)
    start = window.workspace.left_tabs.tabBar()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached: dict[str, QWidget] = {}
    without_ring: list[str] = []
    for _press in range(300):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.window() is window
        panel = window.panel_focus.current()
        if panel is not None:
            reached.setdefault(panel.name, focused)
        if focused is start:
            break  # round the whole window
        if not _shows_focus(window, focused):
            without_ring.append(focused.objectName() or type(focused).__name__)
    on_screen = {
        panel.name for panel in window.panels() if not (panel.dock or panel.area).visibleRegion().isEmpty()
    }
    assert {tabs.tabText(left_tab), "Video", dock.windowTitle()} <= on_screen
    assert set(reached) == on_screen
    assert list(reached) == [tabs.tabText(left_tab), "Video", dock.windowTitle()], "in their order on screen"
    assert not without_ring, without_ring


def test_side_panels_moved_and_tabbed_again_keep_their_tab_bars_out_of_the_tab_chain(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    # The user drags Notes and the hold timer to the left and tabs them together: the window makes a
    # second tab bar for them.
    for dock in (workspace.notes_dock, workspace.hold_dock):
        window.removeDockWidget(dock)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.show()
    window.tabifyDockWidget(workspace.notes_dock, workspace.hold_dock)
    qtbot.waitUntil(lambda: len(_side_tab_bars(window)) == 2, timeout=3000)
    assert all(bar.focusPolicy() == Qt.FocusPolicy.NoFocus for bar in _side_tab_bars(window))

    start = workspace.left_tabs.tabBar()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    for _press in range(300):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused not in _side_tab_bars(window)
        if focused is start:
            break


def _side_tab_bars(window: MainWindow) -> list[QTabBar]:
    bars = window.findChildren(QTabBar)
    return [bar for bar in bars if isinstance(bar.parentWidget(), QMainWindow) and bar.isVisible()]


# ------------------------------------------------------------------------------ painted widgets
def test_the_timeline_says_its_marks(window: MainWindow, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.start(autoplay=False)
    bar = window.transport.seek_bar
    qtbot.waitUntil(lambda: "Positions:" in bar.accessibleDescription(), timeout=10000)
    lesson = context.playback.lesson
    assert lesson is not None
    first = context.library.positions(lesson)[0]
    assert f"{first.title} 0:0" in bar.accessibleDescription()
    bar.set_loop(1000, 3000)
    bar.set_note_marks([2000])
    description = bar.accessibleDescription()
    assert "Loop 0:01–0:03" in description and "Notes at 0:02" in description
    assert bar.accessibleName() == "Seek"


def test_the_study_chart_carries_a_summary_in_words(qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from smrtplayer.ui.library.stats_chart import StudyChart

    chart = StudyChart()
    qtbot.addWidget(chart)
    chart.set_days([])
    assert chart.accessibleDescription() == "No study time yet"
    today = date(2026, 3, 14)
    chart.set_days([(today - timedelta(days=2), 0), (today - timedelta(days=1), 600_000), (today, 1_500_000)])
    summary = chart.accessibleDescription()
    assert summary.startswith("35 min over the last 3 days, on 2 of them; most on ")
    assert summary.endswith(": 25 min")
    assert not unnamed(chart)


#: Qt's own parts (tab scroll arrows, the side panels' tab bar) and items named by their text alone
_DESCRIBED_BY_QT = ("ScrollLeftButton", "ScrollRightButton")
_NAME_IS_ENOUGH = {"MenuItem", "PageTab", "PageTabList", "StaticText"}


def _undescribed(window: QWidget) -> list[Control]:
    return [
        control
        for control in controls(window)
        if control.visible
        and control.role not in _NAME_IS_ENOUGH
        and not control.path.rsplit("/", 1)[-1].startswith(("qt_", *_DESCRIBED_BY_QT))
        and "/qt_msgbox_buttonbox/" not in control.path  # a message box's own buttons
        and (not control.description.strip() or control.description.strip() == control.name.strip())
    ]


def test_every_control_on_screen_has_a_description_beyond_its_name(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.start(autoplay=False)
    qtbot.waitUntil(lambda: window.context.playback.frames_shown > 0, timeout=10000)
    problems: list[str] = []
    for state in _usual_states(window):
        QApplication.processEvents()
        problems += [f"{state}: {control}" for control in _undescribed(window)]
    assert not problems, "\n".join(dict.fromkeys(problems))


def test_the_buttons_over_the_video_are_reached_with_tab_and_pressed_with_space(
    window: MainWindow, qtbot, theme: str
) -> None:  # type: ignore[no-untyped-def]
    video = window.video_view
    video.show_message("This lesson's file is damaged.")
    video.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(video, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is video.retry_button
    assert _shows_focus(window, video.retry_button)
    with qtbot.waitSignal(video.retry_button.clicked, timeout=2000):
        qtbot.keyClick(video.retry_button, Qt.Key.Key_Space)
    assert not window.context.playback.is_playing()  # Space pressed the button, it did not play
    qtbot.keyClick(video.retry_button, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() in {"relinkButton", "skipButton"}
    with qtbot.waitSignal(focused.clicked, timeout=2000):  # type: ignore[attr-defined]
        qtbot.keyClick(focused, Qt.Key.Key_Return)
