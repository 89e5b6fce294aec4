"""The first launch: the demo paused on its first lesson, with a short "what's here" shown once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from smrtplayer.app.context import AppContext
from smrtplayer.models.settings import WHATS_HERE_SHOWN
from smrtplayer.ui.shell.main_window import MainWindow


def _launch(context: AppContext, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.start(autoplay=True)
    qtbot.waitUntil(lambda: context.playback.frames_shown > 0, timeout=10_000)
    return window


def test_the_first_launch_shows_what_is_here_above_the_paused_demo_once(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _launch(context, qtbot)
    panel = window.workspace.whats_here
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    assert not context.playback.is_playing(), "the demo waits, paused"
    assert context.playback.lesson is not None and context.playback.lesson.title == "Gluteus medius"
    text = panel.lines.text()
    lines = text.splitlines()
    assert 4 <= len(lines) <= 5, lines
    assert "Body index" in lines[0]
    # The keys as bound now: the hold timer's, a note's, table mode's.
    assert (
        "press T" in lines[1] and "Ctrl+N" in lines[2] and "Shift+F" in lines[3] and "Table mode" in lines[3]
    )
    # Above the video, not over it: the paused lesson stays in full view.
    assert panel.geometry().bottom() < window.video_view.geometry().top()
    assert context.settings.get(WHATS_HERE_SHOWN)
    QTest.mouseClick(panel.got_it, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    window.close()

    # The next launch opens without it; Help brings it back.
    again = _launch(context, qtbot)
    QTest.qWait(200)  # past the start-up's notices, where the first launch showed it
    assert not again.workspace.whats_here.isVisible()
    [action] = [action for action in again.help_menu.actions() if action.objectName() == "action_whats_here"]
    action.trigger()
    assert again.workspace.whats_here.isVisible()
    QTest.mouseClick(again.workspace.whats_here.close_button, Qt.MouseButton.LeftButton)
    assert not again.workspace.whats_here.isVisible()


def test_full_screen_hides_it(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _launch(context, qtbot)
    panel = window.workspace.whats_here
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    window.toggle_fullscreen()
    assert not panel.isVisible()
    window.toggle_fullscreen()
    assert not panel.isVisible(), "dismissed by full screen; Help shows it again"


def test_a_changed_key_is_named_as_it_is_now(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _launch(context, qtbot)
    window.bindings.bind("hold_position", ("F9",))
    window.workspace.show_whats_here()
    assert "press F9 on a position" in window.workspace.whats_here.lines.text()
