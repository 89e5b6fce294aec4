"""Finding one's way in a course: previous/next position within a lesson, and where "Continue" goes.

Pure decisions on lessons, positions and resume points; the controller acts on them. Which position
is on screen is the position model's own rule (``models.positions.position_at``).
"""

from __future__ import annotations

from typing import Protocol

from smrtplayer.models.library import Lesson, neighbour_lesson
from smrtplayer.models.positions import Position
from smrtplayer.player.resume import at_the_end

# "Previous position" within this long after a position's start goes to the one before it.
PREVIOUS_POSITION_GRACE_MS = 1500


class ResumePoint(Protocol):
    @property
    def position_ms(self) -> int: ...

    @property
    def duration_ms(self) -> int | None: ...


class ResumePoints(Protocol):
    """Where each lesson stopped, and which lesson was opened last."""

    def last_opened(self) -> str | None: ...

    def get(self, fingerprint: str) -> ResumePoint | None: ...


class CourseLessons(Protocol):
    def lessons(self, course_id: int) -> list[Lesson]: ...

    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None: ...


def distinct(positions: list[Position]) -> list[Position]:
    """One mark per span: two courses holding the same file both list its publisher positions."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for position in positions:
        key = (position.start_ms, position.end_ms, position.title)
        if key not in seen:
            seen.add(key)
            kept.append(position)
    return kept


def next_position_start(positions: list[Position], here_ms: int, frame_ms: int) -> int | None:
    for position in positions:
        if position.start_ms > here_ms + frame_ms:
            return position.start_ms
    return None


def previous_position_start(positions: list[Position], here_ms: int) -> int | None:
    """The start of the position before this one; within the grace after a start, the one before."""
    earlier = [p for p in positions if p.start_ms < here_ms - PREVIOUS_POSITION_GRACE_MS]
    if earlier:
        return earlier[-1].start_ms
    return positions[0].start_ms if positions else None


def continue_target(
    progress: ResumePoints, library: CourseLessons, on_screen: tuple[Lesson, int] | None = None
) -> tuple[Lesson, int] | None:
    """Where "Continue" goes: the lesson watched last where it stopped, or, when that lesson was
    watched to its end, the course's next lesson (from its own resume point).

    ``on_screen`` is the lesson whose frame is showing and its clock, which is ahead of its last save.
    """
    last = progress.last_opened()
    lesson = library.lesson_by_fingerprint(last) if last else None
    if lesson is None:
        return None
    saved = progress.get(lesson.fingerprint)
    position = saved.position_ms if saved else 0
    duration = lesson.duration_ms or (saved.duration_ms if saved else None)
    if on_screen is not None and on_screen[0].id == lesson.id:
        position = on_screen[1]
    if not at_the_end(position, duration):
        return lesson, position
    following = neighbour_lesson(library.lessons(lesson.course_id), lesson, +1)
    if following is None:
        return lesson, 0  # the course's last lesson, finished: from its start again
    saved = progress.get(following.fingerprint)
    if saved is None or at_the_end(saved.position_ms, following.duration_ms or saved.duration_ms):
        return following, 0
    return following, saved.position_ms
