"""In the real window, a note pinned to a time gets the frame shown there as its thumbnail, and once
no note waits for one the notes panel stops listening to the frames played."""

from __future__ import annotations

from tests.helpers.player import add_course, open_paused, open_window


def test_the_window_saves_a_waiting_thumbnail_then_stops_listening(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=1.0, size=(320, 180), rgb=(40, 110, 200))
    lesson = add_course(context, tmp_path / "course", [("Piriformis", clip)])[0]
    context.notes.create(lesson.fingerprint, time_ms=400, body="the hand position here")
    context.notes.flush()
    window = open_window(context, qtbot)
    panel = window.workspace.notes_panel
    open_paused(context, qtbot, lesson, start_ms=400)
    qtbot.waitUntil(lambda: context.notes.thumbnail(lesson.fingerprint, 400) is not None, timeout=5000)
    assert not panel.follows_frames()
