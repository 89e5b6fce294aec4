"""A seek made right after opening a lesson (before the file is loaded) is not lost."""

from __future__ import annotations

from smrtplayer.context import AppContext


def test_seek_right_after_open_lands_and_counts_only_what_played(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    playback = context.playback
    lesson = context.library.lessons(context.library.courses()[0].id)[1]
    playback.open_lesson(lesson, autoplay=True)
    playback.seek(3000)  # e.g. a search result for a position in the lesson that autoplay just opened
    qtbot.waitUntil(lambda: playback.position_ms() >= 3200, timeout=10000)
    spans = playback.played_spans()
    assert spans and spans[0][0] >= 3000, spans
