"""Plain value objects passed between the store, the services and the widgets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smrtplayer.models.positions import NewPosition


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
    source_kind: str = ""  # manifest | folder | zip | dvd | files
    source_path: str = ""  # where it was imported from (for a copy: the original)

    @property
    def read_only(self) -> bool:
        return self.kind == "builtin"


@dataclass(frozen=True)
class CourseListing:
    """A course's place in the library's order: enough to list, find and name it. A list of 2,000
    courses reads these; the counts of ``CourseSummary`` are read for the courses on screen."""

    id: int
    title: str
    kind: str  # builtin | linked | copied


@dataclass(frozen=True)
class TitlePart:
    """One VOB part of a DVD title, played back to back with the others as one stream.

    ``file_name`` sits in the same folder as the lesson's file (the title's first part). The times are
    in microseconds: ``inpoint_us`` on the part's own clock, where the title's stream is taken up;
    ``duration_us`` how much of the title's timeline the part covers.
    """

    file_name: str
    inpoint_us: int
    duration_us: int
    #: playing stops at the end of ``duration_us`` (another title follows in this part)
    stops: bool = False


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
    rel_path: str = ""
    subtitle_path: Path | None = None
    width: int | None = None
    height: int | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    expected_sha256: str | None = None
    sha256: str | None = None
    verify_status: str = "unverified"  # unverified | ok | mismatch | missing | unreadable
    #: a DVD title's VOB parts (empty for a lesson that is one file)
    title_parts: tuple[TitlePart, ...] = ()


def neighbour_lesson(lessons: list[Lesson], lesson: Lesson, step: int) -> Lesson | None:
    """The lesson ``step`` places after ``lesson`` (before, when negative) in its course's order."""
    ids = [each.id for each in lessons]
    if lesson.id not in ids:
        return None
    index = ids.index(lesson.id) + step
    return lessons[index] if 0 <= index < len(lessons) else None


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
    media: MediaInfo | None = None
    #: full SHA-256 computed during the import (None when it was not computed)
    sha256: str | None = None
    subtitles: tuple[NewAttachment, ...] = ()
    attachments: tuple[NewAttachment, ...] = ()
    title_parts: tuple[TitlePart, ...] = ()


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
    source_kind: str = "manifest"  # manifest | folder | zip | dvd | files
    source_path: str = ""
    #: documents that belong to the whole course rather than one lesson
    attachments: tuple[NewAttachment, ...] = ()


# ------------------------------------------------------------------------------------------ library
@dataclass(frozen=True)
class MediaInfo:
    """What the header of a media file says about it (read by ``library.probe``, never by Qt)."""

    container: str  # mp4 | mov | matroska | webm | mpeg-ps | mpeg-video
    duration_ms: int | None
    width: int | None
    height: int | None
    video_codec: str | None
    audio_codec: str | None


@dataclass(frozen=True)
class NewAttachment:
    """A subtitle or document that travels with a course or one of its lessons."""

    rel_path: str
    kind: str  # subtitle | document
    title: str
    language: str = ""


@dataclass(frozen=True)
class Attachment:
    id: int
    course_id: int
    lesson_id: int | None
    kind: str  # subtitle | document
    title: str
    path: Path
    language: str = ""


@dataclass(frozen=True)
class SkippedFile:
    """A file that looked like a lesson but was left out, with a reason the user can act on."""

    rel_path: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    course_id: int
    uid: str
    title: str
    kind: str  # linked | copied
    source_kind: str  # manifest | folder | zip | dvd | files
    root_path: Path
    lesson_count: int
    regions: tuple[str, ...]
    skipped: tuple[SkippedFile, ...] = ()
    ignored: tuple[str, ...] = ()
    #: files imported but damaged (checksum differs from the manifest), one message each
    problems: tuple[str, ...] = ()
    #: what the import corrected or could not read in files that are fine (chapters), one sentence each
    notes: tuple[str, ...] = ()
    #: the course was already in the library and was refreshed in place
    refreshed: bool = False

    @property
    def complete(self) -> bool:
        return not self.skipped and not self.problems


@dataclass(frozen=True)
class LessonCheck:
    """The outcome of verifying one lesson file: ok | mismatch | missing | unreadable."""

    lesson_id: int
    title: str
    rel_path: str
    status: str
    detail: str = ""
    sha256: str | None = None


@dataclass(frozen=True)
class VerifyReport:
    course_id: int
    title: str
    checks: tuple[LessonCheck, ...]
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(check.status == "ok" for check in self.checks)

    @property
    def failures(self) -> tuple[LessonCheck, ...]:
        return tuple(check for check in self.checks if check.status != "ok")


@dataclass(frozen=True)
class RelinkReport:
    course_id: int
    title: str
    root_path: Path
    matched: int
    #: titles of the lessons whose bytes were not found under the new folder
    missing: tuple[str, ...] = ()
