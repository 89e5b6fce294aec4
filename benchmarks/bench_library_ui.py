"""The library as the user sees it: cards shown for 200 and 2,000 courses; the GUI never stalls on imports.

1. For each of ``--courses`` (200 and 2,000) builds a database of that many courses of ``--lessons``
   lessons (as bench_library.py), then times ``LibraryView(context)`` from construction until its
   cards are laid out and painted (offscreen), ``--runs`` times; thumbnails come from the cache in
   real use, so grabbing new ones is off here. Beside it: what the view reads of the database (the
   course list, then the counts of the cards on screen), the full read of every course's counts it
   no longer does, and how many cards the view painted.
2. Creates ``--import-mb`` MB of lesson files and imports them as a copy through the same background
   job the window uses, while a 5 ms QTimer measures how late each tick arrives: the longest gap is
   the longest time the event loop (and so the window) could not respond.

    .venv/bin/python benchmarks/bench_library_ui.py [--runs 7] [--courses 200 2000] [--import-mb 1024]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from bench_library import build
from common import REPO, Figure, median, p95, write_results
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths

TICK_MS = 5


def time_reads(context: AppContext, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds to read the course list, and every course's summary."""
    listing, summaries = [], []
    for _ in range(runs):
        started = time.perf_counter()
        context.library.course_listing()
        listing.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        context.library.courses()
        summaries.append((time.perf_counter() - started) * 1000)
    return listing, summaries


def time_cards(context: AppContext, runs: int, courses: int) -> tuple[list[float], int]:
    """Milliseconds to show the view, and the cards painted by the last run."""
    from smrtplayer.ui.library.library_view import LibraryView

    samples, painted = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        view = LibraryView(context, thumbnails=False)
        view.resize(420, 900)
        view.show()
        QApplication.processEvents()
        view.grab()  # force a full paint of what is visible
        samples.append((time.perf_counter() - started) * 1000)
        assert view.model.rowCount() >= courses
        painted = view.delegate.painted
        view.close()
        view.deleteLater()
        QApplication.processEvents()
    return samples, painted


def make_course(folder: Path, total_mb: int) -> Path:
    """Real, playable MP4 lessons made large with a trailing ``free`` box (players skip it)."""
    course = folder / "Big course"
    course.mkdir(parents=True)
    clip = (REPO / "courses" / "demo" / "01 - Gluteus medius.mp4").read_bytes()
    per_file_mb = 64
    chunk = os.urandom(1024 * 1024)
    for index in range(max(1, total_mb // per_file_mb)):
        with (course / f"{index + 1:02d} - Lesson.mp4").open("wb") as handle:
            handle.write(clip)
            handle.write((8 + per_file_mb * len(chunk)).to_bytes(4, "big") + b"free")
            for _ in range(per_file_mb):
                handle.write(chunk)
    return course


def measure_import_stall(context: AppContext, course: Path) -> dict[str, float]:
    ticks: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    loop = QEventLoop()
    job = context.library.start_import(course, mode="copy")
    job.finished.connect(lambda _report: loop.quit())
    job.failed.connect(lambda _message: loop.quit())
    timer.start()
    started = time.perf_counter()
    loop.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    return {
        "longest_gap_ms": max(gaps) if gaps else 0.0,
        "p99_gap_ms": p95(gaps) if gaps else 0.0,
        "import_s": elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--courses", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--lessons", type=int, default=100)
    parser.add_argument("--import-mb", type=int, default=1024)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    figures: list[Figure] = []
    for courses in args.courses:
        with tempfile.TemporaryDirectory(prefix="smrt-bench-library-ui-") as folder:
            root = Path(folder)
            context = AppContext.open(AppPaths.resolve(root / "data"))
            build(context.store, root, courses, args.lessons)
            context.library.courses_changed.emit()
            cards_ms, painted = time_cards(context, args.runs, courses)
            listing_ms, summaries_ms = time_reads(context, args.runs)
            context.close()
        figures += [
            Figure(f"library view: {courses} course cards shown", round(median(cards_ms)), "ms"),
            Figure("  p95 of the above", round(p95(cards_ms)), "ms"),
            Figure("  of which reading the course list", round(median(listing_ms), 1), "ms"),
            Figure("  (every course's counts, no longer read)", round(median(summaries_ms)), "ms"),
            Figure("  cards painted to show it", painted, "cards"),
        ]
    with tempfile.TemporaryDirectory(prefix="smrt-bench-library-ui-") as folder:
        root = Path(folder)
        context = AppContext.open(AppPaths.resolve(root / "data"))
        course = make_course(root / "source", args.import_mb)
        stall = measure_import_stall(context, course)
        context.close()
    del app
    figures += [
        Figure(
            f"longest GUI stall while importing {args.import_mb} MB", round(stall["longest_gap_ms"], 1), "ms"
        ),
        Figure("  p95 gap between 5 ms ticks during that import", round(stall["p99_gap_ms"], 1), "ms"),
        Figure(f"import (copy + SHA-256) of {args.import_mb} MB", round(stall["import_s"], 1), "s"),
    ]
    write_results("library_ui", figures, {"runs": args.runs})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
