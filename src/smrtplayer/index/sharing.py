"""Sharing an index: one course's positions written to a file, and such a file read into a library.

The file format is in ``indexfile.py`` (and docs/index-file.md). Lessons are matched by content
fingerprint; a position already here (same uid, or same lesson and span) is not added again, so
importing a file twice adds nothing twice. Positions whose names are unknown, that run past the end
of their lesson or overlap the user's own positions are refused one by one, each with its reason;
a file that matches no lesson is refused as a whole.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from smrtplayer import __version__
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.filenames import safe_filename
from smrtplayer.common.timetext import clock_text, span_text
from smrtplayer.common.userfile import read_user_file
from smrtplayer.common.wording import capitalised, counted
from smrtplayer.index.indexfile import (
    MAX_INDEX_FILE_BYTES,
    SUFFIX,
    FileCourse,
    FileLesson,
    FilePosition,
    IndexFile,
    IndexFileError,
    encode_index_file,
    parse_index_file,
)
from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import Position, PositionDraft
from smrtplayer.models.regions import Taxonomy
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.positions import PositionRepository

log = logging.getLogger(__name__)


class IndexHost(Protocol):
    """What sharing needs of the index service (``IndexService`` provides it); a protocol, so that the
    service can call into this module without this module importing the service back."""

    courses: CourseRepository
    positions: PositionRepository

    @property
    def taxonomy(self) -> Taxonomy: ...

    def normalized(self, draft: PositionDraft) -> PositionDraft: ...

    def notify_changed(self) -> None: ...


@dataclass(frozen=True)
class IndexImportReport:
    course_title: str
    added: int
    already_present: int
    unmatched_lessons: int
    refused: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        parts = [f"Imported {counted(self.added, 'position')} for “{self.course_title}”."]
        if self.already_present:
            parts.append(
                f"{self.already_present} {'was' if self.already_present == 1 else 'were'} already here."
            )
        if self.unmatched_lessons:
            parts.append(
                f"{counted(self.unmatched_lessons, 'lesson')} of the file "
                f"{'is' if self.unmatched_lessons == 1 else 'are'} not in your library."
            )
        if self.refused:
            parts.append(f"{len(self.refused)} refused:\n" + "\n".join(f"• {r}" for r in self.refused))
        return " ".join(parts)


def export_course(service: IndexHost, course_id: int, path: Path, *, include_publisher: bool = False) -> int:
    """Write the user's positions in one course's lessons to ``path``; returns how many."""
    course = next((c for c in service.courses.all() if c.id == course_id), None)
    if course is None:
        raise SmrtError("That course is no longer in your library.")
    lessons = service.courses.lessons(course_id)
    source = None if include_publisher else "user"
    file_lessons: list[FileLesson] = []
    count = 0
    for lesson in lessons:
        positions = service.positions.in_lesson(lesson.fingerprint, source=source)
        if not positions:
            continue
        count += len(positions)
        file_lessons.append(
            FileLesson(
                fingerprint=lesson.fingerprint,
                title=lesson.title,
                duration_ms=lesson.duration_ms,
                positions=[FilePosition.of(p) for p in positions],
            )
        )
    if not count:
        raise SmrtError(
            f"You have no positions of your own in “{course.title}” yet. Mark some while watching "
            "(start and end keys), then export."
        )
    document = IndexFile(
        format="smrtplayer-index",
        version=1,
        course=FileCourse(uid=course.uid, title=course.title),
        lessons=file_lessons,
        taxonomy_version=service.taxonomy.version,
        exported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        app_version=__version__,
    )
    _write_atomically(path, encode_index_file(document))
    log.info("exported %d positions of course %s to %s", count, course.uid, path)
    return count


def suggested_export_name(course_title: str) -> str:
    return f"{safe_filename(course_title, fallback='course')} positions{SUFFIX}"


def import_file(service: IndexHost, path: Path, *, course_id: int | None = None) -> IndexImportReport:
    """Add a shared index file's positions to the lessons this library has (matched by fingerprint)."""
    try:
        raw = read_user_file(path, limit=MAX_INDEX_FILE_BYTES, what="an index file", error=IndexFileError)
    except OSError as error:
        raise IndexFileError(f"{path}: cannot read the file: {error.strerror or error}.") from error
    return import_bytes(service, raw, source=str(path), course_id=course_id)


def import_bytes(
    service: IndexHost, raw: bytes, *, source: str, course_id: int | None = None
) -> IndexImportReport:
    document = parse_index_file(raw, source=source)
    candidates: dict[str, Lesson] = {}
    if course_id is not None:
        candidates = {lesson.fingerprint: lesson for lesson in service.courses.lessons(course_id)}
    matched: list[tuple[Lesson, FileLesson]] = []
    for file_lesson in document.lessons:
        lesson = (
            candidates.get(file_lesson.fingerprint)
            if course_id is not None
            else service.courses.lesson_by_fingerprint(file_lesson.fingerprint)
        )
        if lesson is not None:
            matched.append((lesson, file_lesson))
    if not matched:
        target = ""
        if course_id is not None:
            course = next((c for c in service.courses.all() if c.id == course_id), None)
            target = f" “{course.title}”" if course else ""
        raise IndexFileError(
            f"{source}: this index is for “{document.course.title}”; none of its "
            f"{counted(len(document.lessons), 'lesson')} is in your library"
            f"{' course' + target if target else ''}, so nothing was imported. Import the course "
            "itself first, or choose the index file made for this course."
        )
    known_uids = service.positions.existing_uids(
        p.uid for _lesson, file_lesson in matched for p in file_lesson.positions
    )
    spans = service.positions.existing_spans(lesson.fingerprint for lesson, _ in matched)
    accepted: list[tuple[str, PositionDraft]] = []
    refused: list[str] = []
    present = 0
    for lesson, file_lesson in matched:
        own = service.positions.in_lesson(lesson.fingerprint, source="user")
        for item in file_lesson.positions:
            draft = service.normalized(item.draft_in(lesson.fingerprint))
            if item.uid in known_uids or (lesson.fingerprint, item.start_ms, item.end_ms) in spans:
                present += 1
                continue
            reasons = _import_reasons(service, lesson, draft, own)
            if reasons:
                refused.append(f"“{item.title}” in “{lesson.title}”: " + " ".join(reasons))
                continue
            accepted.append((item.uid, draft))
    added = service.positions.insert_user_many(accepted) if accepted else 0
    if added:
        service.notify_changed()
    report = IndexImportReport(
        course_title=document.course.title,
        added=added,
        already_present=present + (len(accepted) - added),
        unmatched_lessons=len(document.lessons) - len(matched),
        refused=refused,
    )
    log.info("index import from %s: %s", source, report.message)
    return report


def _import_reasons(
    service: IndexHost, lesson: Lesson, draft: PositionDraft, own: list[Position]
) -> list[str]:
    reasons = [
        capitalised(problem.message) + "."
        for problem in service.taxonomy.validate_names(regions=[draft.region], muscles=draft.muscles)
    ]
    if lesson.duration_ms and draft.end_ms > lesson.duration_ms:
        reasons.append(
            f"It ends at {clock_text(draft.end_ms, tenths=True)}, "
            f"after the end of the lesson ({clock_text(lesson.duration_ms, tenths=True)})."
        )
    for other in own:
        if other.start_ms < draft.end_ms and draft.start_ms < other.end_ms:
            reasons.append(
                f"It overlaps your position “{other.title}” ({span_text(other.start_ms, other.end_ms)})."
            )
            break
    return reasons


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise SmrtError(f"Cannot write {path}: {error.strerror or error}. Choose another folder.") from error
