"""Turn a DVD's planned VOB parts into one lesson per title, with the disc's chapters as positions.

The folder plan (``scan``) never opens a file, so it lists a ``VIDEO_TS`` part by part; this step reads
the IFO files and replaces each readable title set's parts with its titles. A title set whose IFO and
BUP both fail keeps its parts as lessons, and the import's notes say that its chapters could not be
read. A disc's chapters become positions the way a file's do (``library.chapters``), marked 'disc'.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path, PurePosixPath

from smrtplayer.library.chapters import ChapterPositions, positions_from_chapters
from smrtplayer.library.dvd import DiscTitle, DvdReadError, read_disc
from smrtplayer.library.dvd_timing import title_parts
from smrtplayer.library.scan import CoursePlan, PlannedLesson
from smrtplayer.models.chapters import Chapter

__all__ = ["chapter_positions", "plan_dvd_titles"]

#: the title sets' IFO files and the disc's own (VIDEO_TS.IFO), with their BUP copies
_DISC_TABLES = ("_0.ifo", "_0.bup", "video_ts.ifo", "video_ts.bup")


def plan_dvd_titles(
    root: Path, plan: CoursePlan, sizes: dict[str, int]
) -> tuple[CoursePlan, tuple[str, ...]]:
    """``plan`` with each readable title as one lesson; and one sentence per title set left as parts."""
    folders = {PurePosixPath(lesson.rel_path).parent.as_posix() for lesson in plan.lessons}
    files = [lesson.rel_path for lesson in plan.lessons]
    for folder in folders:
        prefix = "" if folder == "." else folder + "/"
        with contextlib.suppress(OSError):
            names = [entry.name for entry in (root / folder).iterdir()]
            files.extend(prefix + name for name in names if name.casefold().endswith(_DISC_TABLES))
    reading = read_disc(root, files, sizes)
    problems = list(reading.problems)
    titles_by_first_part: dict[str, list[DiscTitle]] = {}
    covered: set[str] = set()
    for title in reading.titles:
        titles_by_first_part.setdefault(title.parts[0].rel_path, []).append(title)
    for title_set in reading.read_sets:
        covered.update(
            lesson.rel_path
            for lesson in plan.lessons
            if PurePosixPath(lesson.rel_path).name.casefold().startswith(f"vts_{title_set:02d}_")
        )
    lessons: list[PlannedLesson] = []
    used: set[str] = set()
    for lesson in plan.lessons:
        if lesson.rel_path not in covered:
            lessons.append(lesson)
            continue
        for title in titles_by_first_part.get(lesson.rel_path, []):
            if title.parts[0].rel_path in used:
                problems.append(
                    f"title {title.disc_number} was left out: it starts in the same VOB part as another title"
                )
                continue
            first = title.parts[0]
            whole_file = len(title.parts) == 1 and title.end_offset - title.start_offset == first.size_bytes
            try:
                parts = () if whole_file else title_parts(root, title)
            except (DvdReadError, OSError) as error:
                problems.append(f"title {title.disc_number} was left out: {error}")
                continue
            used.add(title.parts[0].rel_path)
            chapters = chapter_positions(title.chapter_starts_ms, title.duration_ms)
            problems.extend(f"title {title.disc_number}: {problem}" for problem in chapters.problems)
            lessons.append(
                PlannedLesson(
                    rel_path=title.parts[0].rel_path,
                    section_title=plan.title,
                    title=f"Title {title.disc_number}",
                    positions=chapters.positions,
                    subtitles=lesson.subtitles,
                    attachments=lesson.attachments,
                    duration_ms=title.duration_ms,
                    title_parts=parts,
                    part_paths=tuple(part.rel_path for part in title.parts[1:]),
                )
            )
    return replace(plan, lessons=tuple(lessons)), tuple(problems)


def chapter_positions(starts_ms: tuple[int, ...], duration_ms: int) -> ChapterPositions:
    """A position per disc chapter ("Chapter 3", origin 'disc'), each to the next one's start."""
    chapters = [Chapter(start_ms=start, end_ms=None, name="") for start in starts_ms]
    return positions_from_chapters(chapters, duration_ms, origin="disc")
