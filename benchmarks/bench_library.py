"""A library of 200 courses / 20,000 lessons: time to list the courses, open one, refresh availability.

Builds a real database in a temporary folder through the real repository (``CourseRepository.save``):
``--courses`` courses of ``--lessons`` lessons each, two publisher positions per lesson, and progress
on every third lesson. Then times, ``--runs`` times each, what the library view does at start-up:
``CourseRepository.all()`` (the course cards: counts, durations, progress), ``lessons(course)`` for
one course, and ``LibraryService.refresh_availability()`` in its worst case (every course folder
there, no lesson file in it: one ``stat`` per lesson). Reports medians and the database size.

    .venv/bin/python benchmarks/bench_library.py [--courses 200] [--lessons 100] [--runs 30]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, median, p95, write_results
from smrtplayer.library.service import LibraryService
from smrtplayer.models.library import MediaInfo, NewCourse, NewLesson, NewPosition
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.db import Store
from smrtplayer.store.resume import ProgressRepository

REGIONS = ["hips-sacrum", "shoulder-axilla", "lower-back", "head-neck", "thighs-knees", "abdomen"]


def build(store: Store, root: Path, courses: int, lessons: int) -> list[str]:
    repository = CourseRepository(store)
    fingerprints: list[str] = []
    for number in range(courses):
        course_lessons = []
        for index in range(lessons):
            fingerprint = "fp1-" + hashlib.blake2b(f"{number}/{index}".encode(), digest_size=16).hexdigest()
            fingerprints.append(fingerprint)
            course_lessons.append(
                NewLesson(
                    section_title=f"Section {index // 10 + 1}",
                    title=f"Lesson {index + 1}: gluteus medius, posterior fibres",
                    rel_path=f"Section {index // 10 + 1}/{index + 1:03d} - lesson.mp4",
                    fingerprint=fingerprint,
                    size_bytes=300_000_000 + index,
                    sha256=hashlib.sha256(fingerprint.encode()).hexdigest(),
                    media=MediaInfo("mp4", 600_000 + index, 1920, 1080, "h264", "aac"),
                    positions=(
                        NewPosition(
                            "Prone, right", 10_000, 120_000, REGIONS[number % 6], ("gluteus medius",), "R"
                        ),
                        NewPosition(
                            "Prone, left", 120_000, 240_000, REGIONS[number % 6], ("gluteus medius",), "L"
                        ),
                    ),
                )
            )
        repository.save(
            NewCourse(
                uid=f"bench-{number}",
                title=f"Course {number:03d} Hips & Sacrum",
                kind="linked",
                root_path=root / f"course-{number:03d}",
                lessons=tuple(course_lessons),
                publisher="Bench",
                regions=(REGIONS[number % 6],),
                source_kind="folder",
            )
        )
        (root / f"course-{number:03d}").mkdir()
    progress = ProgressRepository(store)
    with store.write():  # one transaction (the repository's own writes become savepoints)
        for fingerprint in fingerprints[::3]:
            progress.save_position(fingerprint, 12_345)
            progress.set_watched(fingerprint, True)
    return fingerprints


def timed_ms(function: object, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--courses", type=int, default=200)
    parser.add_argument("--lessons", type=int, default=100, help="lessons per course")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="smrt-bench-library-") as folder:
        root = Path(folder)
        database = root / "smrtplayer.sqlite3"
        store = Store.open(database)
        started = time.perf_counter()
        build(store, root, args.courses, args.lessons)
        build_s = time.perf_counter() - started
        repository = CourseRepository(store)
        service = LibraryService(repository, root / "library")
        courses = repository.all()
        assert (
            len(courses) == args.courses
            and sum(course.lesson_count for course in courses) == args.courses * args.lessons
        )
        middle = courses[len(courses) // 2].id
        service.refresh_availability()  # marks every course missing; the timed runs change nothing
        list_ms = timed_ms(repository.all, args.runs)
        lessons_ms = timed_ms(lambda: repository.lessons(middle), args.runs)
        availability_ms = timed_ms(service.refresh_availability, max(3, args.runs // 5))
        store.close()
        size_mb = sum(path.stat().st_size for path in root.glob("smrtplayer.sqlite3*")) / 1_000_000
    lessons_total = args.courses * args.lessons
    figures = [
        Figure(
            f"list {args.courses} courses / {lessons_total:,} lessons (all())",
            round(median(list_ms), 1),
            "ms",
        ),
        Figure("  p95 of the above", round(p95(list_ms), 1), "ms"),
        Figure(f"lessons of one course ({args.lessons})", round(median(lessons_ms), 2), "ms"),
        Figure("refresh availability (worst case)", round(median(availability_ms), 1), "ms"),
        Figure("database size", round(size_mb, 1), "MB"),
    ]
    write_results(
        "library",
        figures,
        {"courses": args.courses, "lessons": lessons_total, "build_s": round(build_s, 1), "runs": args.runs},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
