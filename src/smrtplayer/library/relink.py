"""Find a moved or renamed course's files again, by their content fingerprints.

Only files whose size equals a lesson's size are fingerprinted (three 256 KiB reads each), so
pointing at a big folder stays quick. Lessons that are not found keep their old path and show as
missing; everything hanging on a fingerprint (progress, notes, positions) reattaches by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from smrtplayer.common.errors import Cancelled
from smrtplayer.library.fingerprint import lesson_fingerprint
from smrtplayer.library.job_progress import StopCheck
from smrtplayer.library.scan import list_folder
from smrtplayer.models.library import Lesson


@dataclass(frozen=True)
class RelinkPlan:
    root: Path
    lesson_paths: dict[int, str]  # lesson id -> relative path under root
    attachment_paths: dict[int, str]  # attachment id -> relative path under root
    missing: tuple[Lesson, ...]


def plan_relink(
    lessons: list[Lesson],
    attachments: list[tuple[int, int | None, str]],
    new_root: Path,
    *,
    should_stop: StopCheck | None = None,
) -> RelinkPlan:
    listing = list_folder(new_root, max_files=200_000, max_depth=32)
    wanted_sizes = {lesson.size_bytes for lesson in lessons}
    by_fingerprint: dict[str, list[str]] = {}
    for rel in listing.files:
        if listing.sizes.get(rel) not in wanted_sizes:
            continue
        if should_stop is not None and should_stop():
            raise Cancelled("Relinking was cancelled; nothing was changed.")
        try:
            fingerprint = lesson_fingerprint(new_root / rel)
        except OSError:
            continue
        by_fingerprint.setdefault(fingerprint, []).append(rel)
    lesson_paths: dict[int, str] = {}
    missing: list[Lesson] = []
    taken: set[str] = set()
    for lesson in lessons:
        candidates = [rel for rel in by_fingerprint.get(lesson.fingerprint, []) if rel not in taken]
        if not candidates:
            missing.append(lesson)
            continue
        # The same bytes may sit in several places: prefer the same relative path, then the same name.
        old = lesson.rel_path
        name = PurePosixPath(old).name
        chosen = next(
            (rel for rel in candidates if rel == old),
            next((rel for rel in candidates if PurePosixPath(rel).name == name), candidates[0]),
        )
        taken.add(chosen)
        lesson_paths[lesson.id] = chosen
    attachment_paths = _follow_attachments(lessons, lesson_paths, attachments, set(listing.files))
    return RelinkPlan(new_root, lesson_paths, attachment_paths, tuple(missing))


def _follow_attachments(
    lessons: list[Lesson],
    lesson_paths: dict[int, str],
    attachments: list[tuple[int, int | None, str]],
    present: set[str],
) -> dict[int, str]:
    """Subtitles and PDFs keep their place relative to their lesson (same folder, same name pattern)."""
    old_paths = {lesson.id: lesson.rel_path for lesson in lessons}
    moves: dict[int, str] = {}
    for attachment_id, lesson_id, rel in attachments:
        if rel in present:
            continue
        if lesson_id is None or lesson_id not in lesson_paths:
            continue
        old_lesson, new_lesson = PurePosixPath(old_paths[lesson_id]), PurePosixPath(lesson_paths[lesson_id])
        name = PurePosixPath(rel).name
        if name.casefold().startswith(old_lesson.stem.casefold()):
            name = new_lesson.stem + name[len(old_lesson.stem) :]
        candidate = str(new_lesson.parent / name) if str(new_lesson.parent) != "." else name
        if candidate in present:
            moves[attachment_id] = candidate
    return moves
