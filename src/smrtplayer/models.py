"""Plain value objects passed between the store, the services and the widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CourseSummary:
    id: int
    uid: str
    title: str
    publisher: str
    kind: str  # builtin | linked | copied
    root_path: Path
    regions: tuple[str, ...]
    available: bool
    lesson_count: int
    total_duration_ms: int
    watched_count: int

    @property
    def read_only(self) -> bool:
        return self.kind == "builtin"


@dataclass(frozen=True)
class Lesson:
    id: int
    course_id: int
    section_title: str
    ordinal: int
    title: str
    path: Path
    fingerprint: str
    size_bytes: int
    duration_ms: int | None
    watched: bool = False
    resume_ms: int = 0


@dataclass(frozen=True)
class Position:
    id: int
    uid: str
    lesson_fingerprint: str
    source: str  # publisher | user
    start_ms: int
    end_ms: int
    title: str
    region: str
    muscles: tuple[str, ...] = field(default_factory=tuple)
    side: str = "both"
    client_position: str = ""
    technique: str = ""
    hold_ms: int | None = None


@dataclass(frozen=True)
class NewLesson:
    """A lesson about to be written by an import."""

    section_title: str
    title: str
    rel_path: str
    fingerprint: str
    size_bytes: int
    expected_sha256: str | None = None
    positions: tuple[NewPosition, ...] = ()


@dataclass(frozen=True)
class NewPosition:
    title: str
    start_ms: int
    end_ms: int
    region: str = ""
    muscles: tuple[str, ...] = ()
    side: str = "both"
    client_position: str = ""
    technique: str = ""
    hold_ms: int | None = None


@dataclass(frozen=True)
class NewCourse:
    uid: str
    title: str
    kind: str
    root_path: Path
    lessons: tuple[NewLesson, ...]
    publisher: str = ""
    version: str = ""
    regions: tuple[str, ...] = ()
