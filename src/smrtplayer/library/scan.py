"""Turn a course folder with a manifest into a ``NewCourse`` ready to be stored."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smrtplayer.errors import ManifestError
from smrtplayer.library.fingerprint import lesson_fingerprint
from smrtplayer.library.manifest import MANIFEST_NAME, load_manifest
from smrtplayer.models import NewCourse, NewLesson, NewPosition


@dataclass(frozen=True)
class SkippedFile:
    rel_path: str
    reason: str


@dataclass(frozen=True)
class ScanResult:
    course: NewCourse
    skipped: tuple[SkippedFile, ...]


def course_from_manifest(folder: Path, *, kind: str, uid: str | None = None) -> ScanResult:
    manifest_path = folder / MANIFEST_NAME
    manifest = load_manifest(manifest_path)
    lessons: list[NewLesson] = []
    skipped: list[SkippedFile] = []
    for section, lesson in manifest.lessons():
        path = folder / lesson.file
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError):
            skipped.append(SkippedFile(lesson.file, "the file is missing"))
            continue
        if not resolved.is_relative_to(folder.resolve()):
            raise ManifestError(f"{manifest_path}: lesson file {lesson.file!r} leaves the course folder")
        if not resolved.is_file():
            skipped.append(SkippedFile(lesson.file, "not a regular file"))
            continue
        size = resolved.stat().st_size
        if size == 0:
            skipped.append(SkippedFile(lesson.file, "the file is empty"))
            continue
        lessons.append(
            NewLesson(
                section_title=section.title,
                title=lesson.title,
                rel_path=lesson.file,
                fingerprint=lesson_fingerprint(resolved),
                size_bytes=size,
                expected_sha256=lesson.sha256.lower() if lesson.sha256 else None,
                positions=tuple(
                    NewPosition(
                        title=position.title,
                        start_ms=position.start_ms,
                        end_ms=position.end_ms,
                        region=position.region,
                        muscles=tuple(position.muscles),
                        side=position.side,
                        client_position=position.client_position,
                        technique=position.technique,
                        hold_ms=position.hold_s * 1000 if position.hold_s else None,
                    )
                    for position in lesson.positions
                ),
            )
        )
    course = NewCourse(
        uid=uid or manifest.id,
        title=manifest.title,
        kind=kind,
        root_path=folder,
        lessons=tuple(lessons),
        publisher=manifest.publisher,
        version=manifest.version,
        regions=tuple(manifest.regions),
    )
    return ScanResult(course=course, skipped=tuple(skipped))
