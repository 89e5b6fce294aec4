"""Subtitles drawn over the video: sidecar .srt/.vtt beside the lesson, and embedded tracks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from helpers.player import add_course, open_paused, open_window, with_embedded_subtitles
from smrtplayer.models.settings import SUBTITLE_SCALE, SUBTITLES_ON

SRT = """1
00:00:00,000 --> 00:00:01,000
Find the <b>tender point</b>

2
00:00:01,000 --> 00:00:02,000
Shorten the muscle
"""


def test_sidecar_subtitles_show_toggle_and_resize(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=2.0, size=(160, 90), fps=25)
    lessons = add_course(context, tmp_path / "course", [("Gluteus", clip)], uid="subs")
    lessons[0].path.with_suffix(".srt").write_text(SRT, encoding="utf-8")
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=500)
    view = window.video_view
    qtbot.waitUntil(lambda: view.subtitle() == "Find the tender point", timeout=5000)
    assert playback.subtitle_tracks() == ["Subtitle file (01 - Gluteus.srt)"]
    playback.seek(1500)
    qtbot.waitUntil(lambda: view.subtitle() == "Shorten the muscle", timeout=5000)
    with_text = view.grab().toImage()

    qtbot.keyClick(view, Qt.Key.Key_C)
    assert view.subtitle() == "" and not playback.subtitles_enabled()
    assert context.settings.get(SUBTITLES_ON) is False
    target = view.video_rect()
    lower = target.adjusted(0, target.height() * 2 // 3, 0, 0)
    assert with_text.copy(lower) != view.grab().toImage().copy(lower), "the text is drawn on the video"
    qtbot.keyClick(view, Qt.Key.Key_C)
    assert view.subtitle() == "Shorten the muscle"

    before = view.subtitle_scale()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.subtitle_scale() > before
    assert context.settings.get(SUBTITLE_SCALE) == round(view.subtitle_scale(), 3)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.subtitle_scale() < before


def test_vtt_sidecar(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=2.0, size=(160, 90), fps=25)
    lessons = add_course(context, tmp_path / "course", [("Piriformis", clip)], uid="vtt")
    lessons[0].path.with_suffix(".vtt").write_text(
        "WEBVTT\n\n00:00.000 --> 00:02.000\nHold for ninety seconds\n", encoding="utf-8"
    )
    window = open_window(context, qtbot)
    open_paused(context, qtbot, lessons[0], start_ms=300)
    qtbot.waitUntil(lambda: window.video_view.subtitle() == "Hold for ninety seconds", timeout=5000)


def test_embedded_subtitle_track(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=2.0, size=(160, 90), fps=25)
    mkv = with_embedded_subtitles(clip, SRT, tmp_path / "embedded.mkv")
    lessons = add_course(context, tmp_path / "course", [("Embedded", mkv)], uid="mkv")
    window = open_window(context, qtbot)
    playback = context.playback
    playback.open_lesson(lessons[0], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: playback.subtitle_tracks() == ["English"], timeout=5000)
    assert playback.subtitle_track() == 0
    qtbot.waitUntil(
        lambda: window.video_view.subtitle() in ("Find the tender point", "Shorten the muscle"),
        timeout=5000,
    )
    playback.set_subtitle_track(None)
    assert window.video_view.subtitle() == ""
    playback.pause()


def test_translations_beside_the_video_are_tracks_to_choose(context, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clip = media.clip(seconds=2.0, size=(160, 90), fps=25)
    lessons = add_course(context, tmp_path / "course", [("Gluteus", clip)], uid="subs-lang")
    video = lessons[0].path
    video.with_suffix(".srt").write_text(SRT, encoding="utf-8")
    video.with_name(video.stem + ".de.srt").write_text(
        "1\n00:00:00,000 --> 00:00:02,000\nDen Triggerpunkt finden\n", encoding="utf-8"
    )
    window = open_window(context, qtbot)
    playback = context.playback
    open_paused(context, qtbot, lessons[0], start_ms=500)
    assert playback.subtitle_tracks() == [
        "Subtitle file (01 - Gluteus.srt)",
        "Subtitle file (01 - Gluteus.de.srt)",
    ], "the file named like the video first, shown by default"
    qtbot.waitUntil(lambda: window.video_view.subtitle() == "Find the tender point", timeout=5000)
    playback.set_subtitle_track(1)
    assert window.video_view.subtitle() == "Den Triggerpunkt finden"
    playback.set_subtitle_track(0)
    assert window.video_view.subtitle() == "Find the tender point"
