"""The transport bar: one row of icon buttons, each with an icon, a tooltip naming its key (as the user
bound it), and its action behind it; the secondary actions in menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolButton

from helpers.player import add_course, open_paused, open_window
from smrtplayer.ui.player.transport import LOOP_ACTIONS, MORE_ACTIONS


def _keys_text(window, action_id: str) -> str:  # type: ignore[no-untyped-def]
    key = window.bindings.keys(action_id)[0]
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def _has_ink(button: QToolButton) -> bool:
    image = button.icon().pixmap(button.iconSize()).toImage()
    return any(
        image.pixelColor(x, y).alpha() > 200 for y in range(image.height()) for x in range(image.width())
    )


def test_every_button_is_an_icon_with_its_key_in_the_tooltip(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    transport = window.transport
    expected = {
        "play_pause",
        "back_10",
        "back_5",
        "forward_5",
        "forward_10",
        "previous_position",
        "next_position",
        "frame_back",
        "frame_forward",
        "mirror",
        "capture",
        "subtitles",
        "mute",
        "focus_mode",
        "fullscreen",
    }
    assert set(transport.buttons) == expected
    for action_id, button in transport.buttons.items():
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly, action_id
        assert button.autoRaise(), action_id
        assert _has_ink(button), f"{action_id} has no icon"
        assert _keys_text(window, action_id) in button.toolTip(), (action_id, button.toolTip())
    for menu_button in (transport.speed_button, transport.loop_button, transport.more_button):
        assert _has_ink(menu_button) and menu_button.menu() is not None and menu_button.toolTip()
    assert "[" in transport.speed_button.toolTip() and "]" in transport.speed_button.toolTip()
    assert "A" in transport.loop_button.toolTip() and "B" in transport.loop_button.toolTip()
    # No text buttons are left: the two rows of grey words are gone.
    for button in transport.findChildren(QToolButton):
        if button is not transport.speed_button:
            assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly, button.objectName()


def test_the_menus_hold_the_loop_and_the_secondary_actions(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    transport = window.transport
    loop_items = transport.loop_menu.actions()
    for action_id in LOOP_ACTIONS:
        assert window.actions_by_id[action_id] in loop_items, action_id
    texts = [item.text() for item in loop_items]
    assert "Play 3 times" in texts and "Pause 2 s between" in texts
    for action_id in MORE_ACTIONS:
        assert window.actions_by_id[action_id] in transport.more_menu.actions(), action_id
    speeds = [item.text() for item in transport.speed_menu.actions()]
    assert "0.75×" in speeds and window.actions_by_id["slower"] in transport.speed_menu.actions()


def test_a_rebound_key_shows_in_the_tooltip(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    window.bindings.bind("mirror", ("G",))
    assert "(G)" in window.transport.buttons["mirror"].toolTip()
    window.bindings.bind("slower", ("Z",))
    assert "Z slower" in window.transport.speed_button.toolTip()


def test_each_button_triggers_its_action(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=12.0, size=(96, 54), fps=10)
    lessons = add_course(
        context,
        tmp_path / "course",
        [("Long", clip), ("Other", clip)],
        positions={"Long": ((0, 3000, "Prone"), (3000, 8000, "Supine"))},
    )
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=1000)
    qtbot.waitUntil(lambda: playback.position_ms() == 1000, timeout=5000)
    buttons = window.transport.buttons
    for action_id, button in buttons.items():
        if action_id in ("play_pause", "fullscreen", "focus_mode", "subtitles"):
            continue  # below, each with what it does
        with qtbot.waitSignal(window.actions_by_id[action_id].triggered, timeout=2000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # What some of them did, seen in the player and on the video.
    assert window.video_view.is_mirrored(), "the mirror button mirrored the picture"
    assert playback.is_muted(), "the speaker button muted"
    assert window.last_capture is not None, "the camera button captured the frame"

    qtbot.mouseClick(buttons["forward_10"], Qt.MouseButton.LeftButton)
    assert window.video_view.notice().startswith("+10 s")
    with qtbot.waitSignal(playback.playing_changed, timeout=5000):
        qtbot.mouseClick(buttons["play_pause"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["play_pause"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not playback.is_playing(), timeout=5000)

    qtbot.mouseClick(buttons["focus_mode"], Qt.MouseButton.LeftButton)
    assert window.focus_mode.is_active()
    window.toggle_focus_mode()
    qtbot.mouseClick(buttons["fullscreen"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isFullScreen, timeout=3000)
    qtbot.mouseClick(buttons["fullscreen"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)


def test_a_theme_switch_recolours_the_icons(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from smrtplayer.ui.common.theme import ThemeManager, palette_for, theme_manager

    window = open_window(context, qtbot)
    button = window.transport.buttons["mirror"]

    def ink_lightness() -> int:
        image = button.icon().pixmap(button.iconSize()).toImage()
        ink = [
            image.pixelColor(x, y)
            for y in range(image.height())
            for x in range(image.width())
            if image.pixelColor(x, y).alpha() > 200
        ]
        return max(colour.lightness() for colour in ink)

    manager = theme_manager(context.settings)
    try:
        manager.set_choice("light")
        qtbot.waitUntil(lambda: ink_lightness() < 100, timeout=2000)  # dark strokes on the light window
        manager.set_choice("dark")
        assert QApplication.palette().color(QPalette.ColorRole.ButtonText).lightness() > 180
        # The widgets take the new palette as its change event arrives: light strokes on the dark window.
        qtbot.waitUntil(lambda: ink_lightness() > 180, timeout=2000)
    finally:
        installed = theme_manager.__globals__["_installed"]
        if isinstance(installed, ThemeManager):
            installed.retire()
        QApplication.setPalette(palette_for("light"))
