"""Body-region index at scale: 200,000 positions in 20,000 lessons (200 courses of 100 lessons).

Measures, in one run on one database built through the real write path (``CourseRepository.save``,
so the m004 triggers index every position as a course import would):

* search per keystroke: each prefix of realistic queries typed letter by letter ("g", "gl", "glu",
  ... "glute med"), through ``IndexService.search`` (taxonomy reading, count, first page of 200 rows);
* region click: ``IndexService.search_ref`` for each body region (count + first page), and the same
  through the index panel (model filled, list laid out) when widgets are available;
* the peer: a plain ``LIKE '%text%'`` query over title, region, muscles, technique and client
  position, same row shape, same order, same page size, on the same data in the same run.

Prints figures and writes benchmarks/results/index.json. Never a pass/fail test.
Run: ``.venv/bin/python benchmarks/bench_index.py`` (about a minute; SMRT_BENCH_SCALE=0.1 for a
quick look at a tenth of the data).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, median, p95, write_results
from smrtplayer.models.library import NewCourse, NewLesson, NewPosition
from smrtplayer.models.regions import Ref, Taxonomy, load_taxonomy

SCALE = float(os.environ.get("SMRT_BENCH_SCALE", "1"))
COURSES = max(2, round(200 * SCALE))
LESSONS_PER_COURSE = 100
POSITIONS_PER_LESSON = 10
QUERIES = [
    "glute med",
    "piriformis",
    "tfl",
    "adductors",
    "scm",
    "hip flexors prone",
    "glute med, piriformis",
    "piriformus",
    "quadratus lumborum",
    "rhomboids",
    "subscap",
    "posterior fibres",
    "scs",
    "left piriformis",
    "hips",
]
REPEATS = 3
# How publishers title a position after its structure (one in fourteen says "posterior").
VARIANTS = [
    "anterior fibres",
    "posterior fibres",
    "origin",
    "insertion",
    "belly",
    "tendon",
    "tender point",
    "with breath",
    "with movement",
    "upper fibres",
    "lower fibres",
    "release",
    "attachment",
    "assessment",
]


def build_courses(taxonomy: Taxonomy, rng: random.Random) -> list[NewCourse]:
    """Courses shaped like the real ones: each course one or two regions, positions on its muscles."""
    regions = taxonomy.body_regions()
    techniques = [term.name for term in taxonomy.techniques.values()] + ["SMRT"] * 6
    clients = [term.name.lower() for term in taxonomy.client_positions.values()]
    courses = []
    for course_number in range(COURSES):
        course_regions = rng.sample(regions, 2 if course_number % 3 == 0 else 1)
        lessons = []
        for lesson_number in range(LESSONS_PER_COURSE):
            region = course_regions[lesson_number % len(course_regions)]
            structures = [taxonomy.structures[s] for s in region.structure_ids]
            fingerprint = f"fp1-{course_number:04d}{lesson_number:04d}" + "0" * 24
            positions = []
            for k in range(POSITIONS_PER_LESSON):
                structure = rng.choice(structures)
                # stored as publishers write them: canonical names, lower case, or an abbreviation
                muscle = rng.choice([structure.name, structure.name.lower(), *structure.synonyms[:1]])
                client = rng.choice(clients)
                positions.append(
                    NewPosition(
                        title=f"{structure.name}, {rng.choice(VARIANTS)}, {client}",
                        start_ms=k * 30_000,
                        end_ms=k * 30_000 + 25_000,
                        region=region.id,
                        muscles=(muscle,),
                        side=rng.choice(["L", "R", "both"]),
                        client_position=client,
                        technique=rng.choice(techniques),
                        hold_ms=rng.choice([20_000, 30_000, 45_000, 90_000]),
                    )
                )
            lessons.append(
                NewLesson(
                    section_title=region.name,
                    title=f"Lesson {lesson_number + 1}",
                    rel_path=f"{lesson_number:03d}.mp4",
                    fingerprint=fingerprint,
                    size_bytes=1_000_000,
                    positions=tuple(positions),
                )
            )
        courses.append(
            NewCourse(
                uid=f"bench-{course_number:04d}",
                title=f"Course {course_number:03d}: " + " & ".join(r.name for r in course_regions),
                kind="linked",
                root_path=Path("/bench") / str(course_number),
                lessons=tuple(lessons),
                regions=tuple(r.id for r in course_regions),
            )
        )
    return courses


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def keystrokes(query: str) -> list[str]:
    return [query[:n] for n in range(1, len(query) + 1)]


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    taxonomy = load_taxonomy()
    taxonomy_ms = (time.perf_counter() - started) * 1000

    folder = Path(tempfile.mkdtemp(prefix="smrt-bench-index-"))
    context = AppContext.open(AppPaths.resolve(folder))
    rng = random.Random(20240611)
    started = time.perf_counter()
    for course in build_courses(taxonomy, rng):
        context.courses.save(course)
    build_s = time.perf_counter() - started
    context.store.conn.execute("ANALYZE")
    total = context.index.search_ref(Ref("region", "hips-sacrum")).total  # warm the page cache
    positions = context.store.query_one("SELECT COUNT(*) AS n FROM positions")
    lessons = context.store.query_one("SELECT COUNT(*) AS n FROM lessons")
    print(
        f"built {positions['n'] if positions else 0:,} positions in {lessons['n'] if lessons else 0:,} "
        f"lessons in {build_s:.1f} s ({total:,} in Hips & Sacrum)"
    )

    index = context.index
    ours: list[float] = []
    like: list[float] = []
    ours_found = like_found = 0
    for _ in range(REPEATS):
        for query in QUERIES:
            for typed in keystrokes(query):
                ours.append(timed(lambda typed=typed: index.search(typed)))
                like.append(timed(lambda typed=typed: index.search_store.like_rows(typed)))
    for query in QUERIES:
        ours_found += index.search(query).total > 0
        like_found += bool(index.search_store.like_rows(query, limit=1))

    region_ours: list[float] = []
    region_like: list[float] = []
    region_panel: list[float] = []
    panel = _panel(context)
    for _ in range(REPEATS):
        for region in taxonomy.body_regions():
            ref = Ref("region", region.id)
            region_ours.append(timed(lambda ref=ref: index.search_ref(ref)))
            region_like.append(timed(lambda region=region: index.search_store.like_rows(region.id)))
            if panel is not None:
                region_panel.append(timed(lambda ref=ref: _click(panel, ref, app)))

    figures = [
        Figure(
            "search per keystroke, median", round(median(ours), 2), "ms", "plain LIKE", round(median(like), 2)
        ),
        Figure("search per keystroke, p95", round(p95(ours), 2), "ms", "plain LIKE", round(p95(like), 2)),
        Figure(
            "region click (service), median",
            round(median(region_ours), 2),
            "ms",
            "plain LIKE",
            round(median(region_like), 2),
        ),
        Figure(
            "region click (service), p95",
            round(p95(region_ours), 2),
            "ms",
            "plain LIKE",
            round(p95(region_like), 2),
        ),
    ]
    if region_panel:
        figures += [
            Figure("region click -> list shown, median", round(median(region_panel), 2), "ms"),
            Figure("region click -> list shown, p95", round(p95(region_panel), 2), "ms"),
        ]
    figures += [
        Figure(
            "queries answered (of 15, synonyms/typos)",
            ours_found,
            "queries",
            "plain LIKE",
            like_found,
            note="LIKE finds no synonym, abbreviation or typo",
        ),
        Figure("taxonomy + term index load", round(taxonomy_ms, 1), "ms"),
        Figure("build: courses saved with positions", round(build_s, 1), "s"),
    ]
    write_results(
        "index",
        figures,
        {
            "positions": positions["n"] if positions else 0,
            "lessons": lessons["n"] if lessons else 0,
            "keystrokes": len(ours),
            "queries": QUERIES,
        },
    )
    if panel is not None:
        panel.close()
        panel.deleteLater()
    context.close()
    app.processEvents()
    return 0


def _panel(context):  # type: ignore[no-untyped-def]
    try:
        from smrtplayer.ui.index.index_panel import IndexPanel
    except ImportError:
        return None
    panel = IndexPanel(context)
    panel.resize(420, 900)
    panel.show()
    return panel


def _click(panel, ref: Ref, app) -> None:  # type: ignore[no-untyped-def]
    panel.show_ref(ref)
    app.processEvents()  # laid out and painted, as the user would see it


if __name__ == "__main__":
    raise SystemExit(main())
