"""Where "Continue" and previous/next position go: pure decisions, no player."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import Position
from smrtplayer.player.navigation import (
    continue_target,
    distinct,
    next_position_start,
    previous_position_start,
)


def _lesson(number: int, duration_ms: int | None = 60_000) -> Lesson:
    return Lesson(
        id=number,
        course_id=1,
        section_title="",
        ordinal=number,
        title=f"Lesson {number}",
        path=Path(f"/course/{number}.mp4"),
        fingerprint=f"fp{number}",
        size_bytes=1,
        duration_ms=duration_ms,
    )


def _position(start_ms: int, end_ms: int, title: str = "Hold") -> Position:
    return Position(0, "", "fp1", "publisher", start_ms, end_ms, title, "hip")


@dataclass
class _Saved:
    position_ms: int
    duration_ms: int | None = None


class _Progress:
    def __init__(self, last: str | None, saved: dict[str, _Saved]) -> None:
        self._last, self._saved = last, saved

    def last_opened(self) -> str | None:
        return self._last

    def get(self, fingerprint: str) -> _Saved | None:
        return self._saved.get(fingerprint)


class _Library:
    def __init__(self, lessons: list[Lesson]) -> None:
        self._lessons = lessons

    def lessons(self, course_id: int) -> list[Lesson]:
        return [lesson for lesson in self._lessons if lesson.course_id == course_id]

    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None:
        return next((lesson for lesson in self._lessons if lesson.fingerprint == fingerprint), None)


LESSONS = [_lesson(1), _lesson(2)]


def test_continue_goes_where_the_last_lesson_stopped_or_nowhere_on_a_first_run() -> None:
    assert continue_target(_Progress(None, {}), _Library(LESSONS)) is None
    progress = _Progress("fp1", {"fp1": _Saved(12_000)})
    assert continue_target(progress, _Library(LESSONS)) == (LESSONS[0], 12_000)


def test_continue_follows_the_clock_of_the_lesson_on_screen_not_of_another() -> None:
    progress = _Progress("fp1", {"fp1": _Saved(12_000)})
    assert continue_target(progress, _Library(LESSONS), (LESSONS[0], 15_500)) == (LESSONS[0], 15_500)
    assert continue_target(progress, _Library(LESSONS), (LESSONS[1], 3_000)) == (LESSONS[0], 12_000)


def test_continue_after_a_lesson_watched_to_its_end_goes_to_the_next_from_its_own_resume_point() -> None:
    finished = {"fp1": _Saved(59_000)}
    assert continue_target(_Progress("fp1", finished), _Library(LESSONS)) == (LESSONS[1], 0)
    started = finished | {"fp2": _Saved(7_000)}
    assert continue_target(_Progress("fp1", started), _Library(LESSONS)) == (LESSONS[1], 7_000)
    last_finished = {"fp2": _Saved(59_500)}
    assert continue_target(_Progress("fp2", last_finished), _Library(LESSONS)) == (LESSONS[1], 0)


def test_previous_and_next_position() -> None:
    positions = distinct([_position(1000, 5000), _position(1000, 5000), _position(8000, 12_000)])
    assert len(positions) == 2
    assert next_position_start(positions, 1000, 40) == 8000
    assert next_position_start(positions, 8000, 40) is None
    assert previous_position_start(positions, 9000) == 1000  # within the grace: the one before
    assert previous_position_start(positions, 10_000) == 8000
    assert previous_position_start([], 10_000) is None
