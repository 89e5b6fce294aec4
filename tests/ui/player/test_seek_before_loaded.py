"""A seek made right after opening a lesson (before the file is loaded) is not lost."""

from __future__ import annotations

from smrtplayer.app.context import AppContext


def test_seek_right_after_open_lands_and_counts_only_what_played(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    playback = context.playback
    lesson = context.library.lessons(context.library.courses()[0].id)[1]
    playback.open_lesson(lesson, autoplay=True)
    playback.seek(3000)  # e.g. a search result for a position in the lesson that autoplay just opened
    qtbot.waitUntil(lambda: playback.position_ms() >= 3200, timeout=10000)
    spans = playback.played_spans()
    assert spans and spans[0][0] >= 3000, spans


def test_switching_lessons_opens_the_new_one_at_its_start_time(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    playback = context.playback
    lessons = context.library.lessons(context.library.courses()[0].id)
    playback.open_lesson(lessons[0], autoplay=True, start_ms=0)
    qtbot.waitUntil(lambda: playback.position_ms() > 300, timeout=10000)
    playback.open_lesson(lessons[1], autoplay=True, start_ms=3000)
    qtbot.waitUntil(lambda: playback.lesson is lessons[1] and playback.position_ms() >= 3100, timeout=10000)
    assert playback.played_spans()[0][0] >= 3000
