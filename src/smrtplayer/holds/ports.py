"""What the hold features need of the library and of the player, as protocols: the runner and the
watcher drive whatever has these methods (the real controller, or a test double)."""

from __future__ import annotations

from typing import Any, Protocol

from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import Position


class LessonLookup(Protocol):
    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None: ...

    def positions(self, lesson: Lesson) -> list[Position]: ...

    def lessons(self, course_id: int) -> list[Lesson]: ...


class Player(Protocol):
    """The parts of PlaybackController the runner and the watcher use."""

    position_changed: Any  # Signal(int)

    @property
    def lesson(self) -> Lesson | None: ...

    def open_lesson(self, lesson: Lesson, *, autoplay: bool = True, start_ms: int | None = None) -> None: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def seek(self, position_ms: int) -> None: ...

    def position_ms(self) -> int: ...

    def is_playing(self) -> bool: ...
