"""LibraryService: the courses the user owns, as the widgets and the CLI see them."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from smrtplayer.errors import ManifestError, SmrtError
from smrtplayer.library.scan import course_from_manifest
from smrtplayer.models import CourseSummary, Lesson, Position
from smrtplayer.resources import builtin_courses_dir
from smrtplayer.store.courses import CourseRepository

log = logging.getLogger(__name__)

BUILTIN_UID_PREFIX = "builtin:"


class LibraryService(QObject):
    courses_changed = Signal()
    #: a problem the user should see (message), e.g. a damaged built-in course
    problem_reported = Signal(str)

    def __init__(self, courses: CourseRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._courses = courses
        self.problems: list[str] = []

    def refresh_builtin(self, root: Path | None = None) -> None:
        """Register (or refresh) the read-only courses shipped in ``courses/``."""
        root = root or builtin_courses_dir()
        folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
        if not folders:
            self._report(
                f"The built-in demo course is missing from {root}. Reinstall smrtplayer "
                "(or run 'make demo' in a source checkout) to get it back."
            )
            return
        for folder in folders:
            try:
                result = course_from_manifest(folder, kind="builtin", uid=BUILTIN_UID_PREFIX + folder.name)
            except (ManifestError, SmrtError) as error:
                self._report(f"The built-in course in {folder} cannot be read: {error}")
                continue
            for skipped in result.skipped:
                self._report(
                    f"Built-in course {result.course.title!r}: {skipped.rel_path} is unusable "
                    f"({skipped.reason}). Reinstall smrtplayer to restore it."
                )
            self._courses.save(result.course)
        self.courses_changed.emit()

    def courses(self) -> list[CourseSummary]:
        return self._courses.all()

    def find_course(self, key: str) -> CourseSummary | None:
        return self._courses.find(key)

    def lessons(self, course_id: int) -> list[Lesson]:
        return self._courses.lessons(course_id)

    def lesson(self, lesson_id: int) -> Lesson | None:
        return self._courses.lesson(lesson_id)

    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None:
        return self._courses.lesson_by_fingerprint(fingerprint)

    def positions(self, lesson: Lesson) -> list[Position]:
        return self._courses.positions_for(lesson.fingerprint)

    def record_duration(self, lesson: Lesson, duration_ms: int) -> None:
        if duration_ms > 0 and lesson.duration_ms != duration_ms:
            self._courses.record_media_details(lesson.id, duration_ms=duration_ms, width=None, height=None)

    def _report(self, message: str) -> None:
        log.warning("%s", message)
        self.problems.append(message)
        self.problem_reported.emit(message)
