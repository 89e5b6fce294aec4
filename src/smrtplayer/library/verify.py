"""Full SHA-256 check of a course's files against the manifest's checksums or the ones seen at import.

Pure work on plain values: it reads files and reports, and never touches the database, so it runs on
a worker thread; the results are stored by the caller on the database's thread.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication

from smrtplayer.library.fingerprint import sha256_file
from smrtplayer.library.job_progress import ProgressMeter, ProgressSink, StopCheck
from smrtplayer.models.library import Lesson, LessonCheck


def verify_lessons(
    lessons: list[Lesson],
    *,
    progress: ProgressSink | None = None,
    should_stop: StopCheck | None = None,
) -> tuple[list[LessonCheck], bool]:
    """Check each lesson file; return the checks done and whether the run was stopped early."""
    total = 0
    for lesson in lessons:
        with contextlib.suppress(OSError):
            total += lesson.path.stat().st_size
    meter = ProgressMeter(total, progress)
    checks: list[LessonCheck] = []
    for lesson in lessons:
        if should_stop is not None and should_stop():
            return checks, True
        meter.start_item(lesson.rel_path or lesson.path.name)
        if not lesson.path.is_file():
            checks.append(
                _check(
                    lesson,
                    "missing",
                    QCoreApplication.translate("FileCheck", "the file is not where the course expects it"),
                )
            )
            continue
        absent = [
            part.file_name
            for part in lesson.title_parts
            if not (lesson.path.parent / part.file_name).is_file()
        ]
        if absent:  # a DVD title plays only with all its parts (only the first one's checksum is kept)
            checks.append(
                _check(
                    lesson,
                    "missing",
                    QCoreApplication.translate(
                        "FileCheck", "{parts}, part of this title, is not there"
                    ).format(parts=", ".join(absent)),
                )
            )
            continue
        try:
            digest = sha256_file(lesson.path, meter.item_progress, should_stop)
        except OSError as error:
            checks.append(
                _check(
                    lesson,
                    "unreadable",
                    QCoreApplication.translate("FileCheck", "it cannot be read: {reason}").format(
                        reason=error.strerror or error
                    ),
                )
            )
            continue
        if digest is None:
            return checks, True
        if lesson.expected_sha256:
            if digest == lesson.expected_sha256.lower():
                checks.append(
                    _check(
                        lesson,
                        "ok",
                        QCoreApplication.translate("FileCheck", "matches the manifest's checksum"),
                        digest,
                    )
                )
            else:
                checks.append(
                    _check(
                        lesson,
                        "mismatch",
                        QCoreApplication.translate(
                            "FileCheck", "its SHA-256 differs from the manifest's: the file is damaged"
                        ),
                        digest,
                    )
                )
        elif lesson.sha256:
            if digest == lesson.sha256:
                checks.append(
                    _check(
                        lesson,
                        "ok",
                        QCoreApplication.translate("FileCheck", "unchanged since it was imported"),
                        digest,
                    )
                )
            else:
                checks.append(
                    _check(
                        lesson,
                        "mismatch",
                        QCoreApplication.translate(
                            "FileCheck", "its content changed since it was imported: damaged or replaced"
                        ),
                        digest,
                    )
                )
        else:
            checks.append(
                _check(lesson, "ok", QCoreApplication.translate("FileCheck", "checksum recorded"), digest)
            )
    meter.finish()
    return checks, False


def _check(lesson: Lesson, status: str, detail: str, sha256: str | None = None) -> LessonCheck:
    return LessonCheck(
        lesson_id=lesson.id,
        title=lesson.title,
        rel_path=lesson.rel_path or lesson.path.name,
        status=status,
        detail=detail,
        sha256=sha256,
    )
