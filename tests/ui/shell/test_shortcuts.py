"""Keyboard first, pedal ready: every action has a key, keys are re-bindable, stored, and listed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from helpers.player import add_course, open_paused, open_window
from smrtplayer.ui.common.shortcuts import ACTIONS, ShortcutBindings
from smrtplayer.ui.shell.shortcut_sheet import ShortcutSheet


def test_every_action_has_its_own_key() -> None:
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        assert spec.keys, spec.id
        for key in spec.keys:
            assert key not in seen, f"{key} is used by {seen.get(key)} and {spec.id}"
            seen[key] = spec.id
    for key in ("Space", "Left", "Right", "J", "K", "L", "[", "]", "F", "M", ",", ".", "?"):
        assert key in seen, key


def test_a_pedal_key_rebinds_play_pause_and_is_remembered(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=2.0, size=(96, 54), fps=25)
    lessons = add_course(context, tmp_path / "course", [("Clip", clip)], uid="keys")
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0])
    window.bindings.bind("play_pause", ("Space", "F8"))  # a foot pedal that types F8
    with qtbot.waitSignal(playback.playing_changed, timeout=5000) as changed:
        qtbot.keyClick(window.video_view, Qt.Key.Key_F8)
    assert changed.args == [True]
    playback.pause()

    window.bindings.bind("mirror", ("F8",))  # moving a key takes it from its old action
    assert window.bindings.keys("play_pause") == ("Space",)
    qtbot.keyClick(window.video_view, Qt.Key.Key_F8)
    assert window.video_view.is_mirrored() and not playback.is_playing()

    stored = ShortcutBindings(context.keymap)
    assert stored.keys("mirror") == ("F8",) and stored.keys("play_pause") == ("Space",)
    stored.reset()
    again = ShortcutBindings(context.keymap)
    assert again.keys("mirror") == ("H",)
    assert again.keys("play_pause") == ("Space", "K", "Toggle Media Play/Pause", "Media Play")


def test_question_mark_opens_the_sheet_where_keys_are_changed(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    qtbot.keyClick(window.video_view, Qt.Key.Key_Question)
    sheet = window.findChild(ShortcutSheet)
    assert sheet is not None
    qtbot.waitExposed(sheet)
    assert sheet.table.rowCount() == len(ACTIONS)
    row = sheet.row_of("capture")
    assert sheet.table.item(row, 2).text() == "S"
    sheet.table.selectRow(row)
    sheet.add_key("capture", "F9")
    assert sheet.table.item(row, 2).text() == "S, F9"
    assert window.actions_by_id["capture"].shortcuts() == [QKeySequence("S"), QKeySequence("F9")]
    sheet.reset_button.click()
    assert sheet.table.item(row, 2).text() == "S"
    sheet.table.setFocus()
    qtbot.keyClick(sheet.table, Qt.Key.Key_Escape)
    assert not sheet.isVisible(), "Esc closes the sheet, also with its table focused"


def test_keys_live_in_a_readable_file_in_the_config_folder(context, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(context, qtbot)
    window.bindings.bind("hold_pause", ("F8",))
    path = context.paths.config / "keys.toml"
    assert 'hold_pause = ["F8"]  # Pause / resume the hold' in path.read_text(encoding="utf-8")
    assert ShortcutBindings(context.keymap).keys("hold_pause") == ("F8",)


def test_presets_for_a_clicker_and_a_foot_pedal(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=2.0, size=(96, 54), fps=25)
    lessons = add_course(context, tmp_path / "course", [("Clip", clip)], uid="clicker")
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0])
    sheet = ShortcutSheet(window.bindings, window)
    qtbot.addWidget(sheet)
    sheet.preset_buttons["presenter_clicker"].click()
    assert "B" in window.bindings.keys("play_pause") and "." in window.bindings.keys("play_pause")
    assert "F5" in window.bindings.keys("table_mode")
    with qtbot.waitSignal(context.playback.playing_changed, timeout=5000) as changed:
        qtbot.keyClick(window.video_view, Qt.Key.Key_B)  # the clicker's "blank screen" key
    assert changed.args == [True]
    context.playback.pause()
    sheet.preset_buttons["foot_pedal"].click()
    assert window.bindings.keys("previous_position")[-1] == "F7"
    assert window.bindings.keys("play_pause")[-1] == "F8"
    assert window.bindings.keys("next_position")[-1] == "F9"


def test_a_pedal_held_down_plays_and_released_pauses(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=4.0, size=(96, 54), fps=25)
    lessons = add_course(context, tmp_path / "course", [("Clip", clip)], uid="pedal")
    window = open_window(context, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    playback = context.playback
    open_paused(context, qtbot, lessons[0])
    window.bindings.bind("play_pause", ("Space", "F8"))
    sheet = ShortcutSheet(window.bindings)
    qtbot.addWidget(sheet)
    sheet.hold_to_play.setChecked(True)
    assert window.bindings.option("pedal_hold_to_play")
    with qtbot.waitSignal(playback.playing_changed, timeout=5000) as started:
        qtbot.keyPress(window.video_view, Qt.Key.Key_F8)
    assert started.args == [True]
    qtbot.keyPress(window.video_view, Qt.Key.Key_F8)  # down again while playing: still playing
    assert playback.is_playing()
    with qtbot.waitSignal(playback.playing_changed, timeout=5000) as stopped:
        qtbot.keyRelease(window.video_view, Qt.Key.Key_F8)
    assert stopped.args == [False]
    # Off again, F8 is a plain play / pause key once more: its release changes nothing.
    sheet.hold_to_play.setChecked(False)
    with qtbot.waitSignal(playback.playing_changed, timeout=5000) as toggled:
        qtbot.keyClick(window.video_view, Qt.Key.Key_F8)
    assert toggled.args == [True]
    qtbot.keyRelease(window.video_view, Qt.Key.Key_F8)
    qtbot.wait(100)
    assert playback.is_playing()
