"""Video first: focus mode hides every panel (the transport until the mouse moves), on-screen feedback
for each key, and the side panels kept as the user left them across a restart."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QCursor, QMouseEvent, QPointingDevice
from PySide6.QtWidgets import QApplication

from helpers.player import add_course, open_paused, open_window
from smrtplayer.app.context import AppContext
from smrtplayer.ui.player.video_view import OSD_MS


def _course(context, media, tmp_path):  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=12.0, size=(96, 54), fps=10)
    return add_course(
        context, tmp_path / "course", [("Long", clip)], positions={"Long": ((0, 3000, "Prone"),)}
    )


def _move_mouse(widget) -> None:  # type: ignore[no-untyped-def]
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        QPointingDevice.primaryPointingDevice(),
    )
    QApplication.sendEvent(widget, event)


def test_focus_mode_hides_every_panel_and_esc_brings_them_back(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    workspace = window.workspace
    workspace.notes_dock.show()
    workspace.hold_dock.hide()  # closed by the user: it stays closed after focus mode
    panels = [window.menuBar(), window.lesson_title, workspace.left_tabs, workspace.index_dock]
    assert all(panel.isVisible() for panel in panels)
    # The pointer rests on the picture (a pointer resting on the transport keeps it shown).
    view = window.video_view
    QCursor.setPos(view.mapToGlobal(QPoint(view.width() // 2, view.height() // 2)))

    qtbot.keyClick(
        window.video_view,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.focus_mode.is_active() and window.actions_by_id["focus_mode"].isChecked()
    assert not any(panel.isVisible() for panel in panels)
    assert not workspace.notes_dock.isVisible() and not window.transport.isVisible()
    assert window.video_view.isVisible()
    # the video takes the whole window
    qtbot.waitUntil(lambda: window.video_view.width() > window.width() * 0.95, timeout=3000)

    _move_mouse(window.video_view)
    assert window.transport.isVisible(), "a mouse move brings the transport back"
    qtbot.waitUntil(lambda: not window.transport.isVisible(), timeout=5000)
    assert window.focus_mode.is_active(), "and it hides again after a moment, still in focus mode"
    assert not workspace.left_tabs.isVisible()

    qtbot.keyClick(window.video_view, Qt.Key.Key_H)
    assert window.video_view.is_mirrored(), "keys work in focus mode"
    assert window.transport.isVisible(), "a key brings the transport back too"

    qtbot.keyClick(window.video_view, Qt.Key.Key_Escape)
    assert not window.focus_mode.is_active() and not window.actions_by_id["focus_mode"].isChecked()
    assert all(panel.isVisible() for panel in panels) and window.transport.isVisible()
    assert workspace.notes_dock.isVisible() and not workspace.hold_dock.isVisible()


def test_each_key_says_what_it_did_on_the_video_and_the_notice_fades(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lessons = _course(context, media, tmp_path)
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=6000)
    qtbot.waitUntil(lambda: playback.position_ms() == 6000, timeout=5000)
    view = window.video_view
    playback.set_volume(0.35)
    for key, expected in (
        (Qt.Key.Key_Left, "−5 s  ·  0:01"),
        (Qt.Key.Key_L, "+10 s  ·  0:11"),
        (Qt.Key.Key_H, "Mirrored"),
        (Qt.Key.Key_H, "Not mirrored"),
        (Qt.Key.Key_BracketLeft, "Speed 0.75×"),
        (Qt.Key.Key_Up, "Volume 40\u00a0%"),
        (Qt.Key.Key_M, "Muted"),
        (Qt.Key.Key_A, "Loop start set"),
        (Qt.Key.Key_X, "Loop cleared"),
        (Qt.Key.Key_Comma, "Previous frame"),
    ):
        qtbot.keyClick(view, key)
        assert view.notice().startswith(expected), (key, view.notice())
    view.grab()
    assert "notice" in view.badge_rects, "drawn on the picture, beside the other badges"
    with qtbot.waitSignal(playback.playing_changed, timeout=5000):
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.notice() == "Playing"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not playback.is_playing(), timeout=5000)
    assert view.notice() == "Paused"
    qtbot.waitUntil(lambda: view.notice() == "", timeout=OSD_MS + 1500)


def test_the_panels_are_kept_as_left_across_a_restart(app_paths, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = AppContext.open(app_paths)
    window = open_window(first, qtbot)
    workspace = window.workspace
    assert window.lessons_panel_shown()
    window.set_lessons_panel_shown(False)
    assert window.splitter.sizes()[0] == 0 and not window.lessons_panel_action.isChecked()
    workspace.notes_dock.show()
    workspace.notes_dock.setFloating(False)
    workspace.index_dock.close()
    window.close()
    first.close()

    second = AppContext.open(app_paths)
    try:
        reopened = open_window(second, qtbot)
        assert not reopened.lessons_panel_shown(), "the collapsed lessons panel stays collapsed"
        assert not reopened.lessons_panel_action.isChecked()
        assert not reopened.workspace.index_dock.isVisible(), "the closed index stays closed"
        reopened.lessons_panel_action.setChecked(True)
        assert reopened.lessons_panel_shown() and reopened.splitter.sizes()[0] > 100
    finally:
        reopened.close()
        second.close()


def test_in_focus_mode_a_pointer_resting_on_the_transport_keeps_it(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    transport, view = window.transport, window.video_view
    QCursor.setPos(transport.mapToGlobal(QPoint(transport.width() // 2, transport.height() // 2)))
    window.toggle_focus_mode()
    assert window.focus_mode.is_active() and transport.isVisible(), "not taken away under the pointer"
    QCursor.setPos(view.mapToGlobal(QPoint(view.width() // 2, view.height() // 2)))
    qtbot.waitUntil(lambda: not transport.isVisible(), timeout=5000)
