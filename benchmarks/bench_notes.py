"""Notes at scale: full-text search, Markdown export, a merge import, and what autosave costs typing.

Figures (all measured on a real database in a temporary folder on this machine's disk):

* search p50/p95 over 100,000 notes plus a course catalogue, through ``SearchService.search`` (query,
  ranking, snippets and result assembly), for a mix of whole words, prefixes and two-word queries;
* export of 10,000 notes (100 lessons) to Markdown;
* merge import of a 50,000-item export into a database with its own 10,000 notes (then the same file
  again, which changes nothing);
* the time one keystroke spends on the GUI thread in the real notes panel (key event, textChanged,
  autosave hand-off) while the writer thread commits, beside the time a synchronous save (commit with
  fsync, as a Save button would do on the GUI thread) takes.

Targets from the issue: search p95 <= 30 ms; export <= 2 s; merge <= 5 s; a keystroke <= 16 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, p95, write_results
from smrtplayer.store.db import Store, utc_now


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


MUSCLES = _words(
    """
    gluteus medius minimus maximus piriformis psoas iliacus quadratus lumborum subscapularis
    infraspinatus supraspinatus teres trapezius levator scapulae rhomboid pectoralis serratus latissimus
    adductor magnus longus brevis gracilis sartorius rectus femoris vastus lateralis medialis biceps
    triceps soleus gastrocnemius tibialis peroneus sternocleidomastoid scalene suboccipital masseter
    temporalis diaphragm obliques transversus multifidus erector spinae coccyx sacrum trochanter ischial
    """
)
WORDS = _words(
    """
    thumb hold release slow breathe client prone supine side lying pressure tender point soft knee hip
    shoulder neck back foot hand wait feel melt approach angle fibres posterior anterior lateral medial
    gentle firm seconds minutes again compare other side left right before after pain reduced better
    note remember practice session cue placement elbow finger palm towel pillow support
    """
)


def _body(rng: random.Random) -> str:
    words = [rng.choice(MUSCLES if rng.random() < 0.3 else WORDS) for _ in range(rng.randint(8, 40))]
    return " ".join(words).capitalize() + "."


def _fill_notes(store: Store, count: int, lessons: int, rng: random.Random, prefix: str) -> None:
    from smrtplayer.models.notes import note_rev

    now = utc_now()
    rows = []
    for index in range(count):
        fingerprint = f"fp1-{prefix}{index % lessons:05d}"
        time_ms = rng.randint(0, 3_600_000) if rng.random() < 0.8 else None
        body = _body(rng)
        rows.append(
            (
                f"{prefix}-{index}",
                fingerprint,
                time_ms,
                body,
                now,
                now,
                note_rev(fingerprint, time_ms, None, body, False),
            )
        )
    with store.write():
        store.conn.executemany(
            "INSERT INTO notes (uid, lesson_fingerprint, time_ms, body, created_at, updated_at, rev) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def _fill_catalogue(store: Store, lessons: int, rng: random.Random) -> None:
    now = utc_now()
    with store.write():
        course = store.conn.execute(
            "INSERT INTO courses (uid, title, kind, root_path, added_at, updated_at) "
            "VALUES ('bench', 'Bench course', 'linked', '/nowhere', ?, ?)",
            [now, now],
        ).lastrowid
        section = store.conn.execute(
            "INSERT INTO sections (course_id, ordinal, title) VALUES (?, 0, 'Hips & Sacrum')", [course]
        ).lastrowid
        for index in range(lessons):
            store.conn.execute(
                "INSERT INTO lessons (course_id, section_id, ordinal, title, rel_path, fingerprint, "
                "size_bytes, duration_ms) VALUES (?, ?, ?, ?, ?, ?, 1, 600000)",
                [
                    course,
                    section,
                    index,
                    f"{rng.choice(MUSCLES).capitalize()} {index}",
                    f"{index}.mp4",
                    f"fp1-a{index:05d}",
                ],
            )
            for start in range(0, 600_000, 120_000):
                muscle = rng.choice(MUSCLES)
                store.conn.execute(
                    "INSERT INTO positions (uid, lesson_fingerprint, course_id, source, start_ms, end_ms, "
                    "title, region, muscles, technique, created_at, updated_at) "
                    "VALUES (?, ?, ?, 'publisher', ?, ?, ?, 'hips-sacrum', ?, 'SMRT', ?, ?)",
                    [
                        f"pub-{index}-{start}",
                        f"fp1-a{index:05d}",
                        course,
                        start,
                        start + 60_000,
                        f"{muscle.capitalize()}, {rng.choice(WORDS)}",
                        json.dumps([muscle]),
                        now,
                        now,
                    ],
                )


def bench_search(
    folder: Path, rng: random.Random, notes: int, runs: int
) -> tuple[list[float], dict[str, float]]:
    from smrtplayer.notes.search import SearchService

    store = Store.open(folder / "search.sqlite3")
    started = time.perf_counter()
    _fill_catalogue(store, 200, rng)
    _fill_notes(store, notes, 500, rng, "a")
    build_s = time.perf_counter() - started
    service = SearchService(store)
    vocabulary = MUSCLES + WORDS
    queries = []
    for _ in range(runs):
        kind = rng.random()
        word = rng.choice(vocabulary)
        if kind < 0.4:
            queries.append(word)
        elif kind < 0.7:
            queries.append(word[: rng.randint(2, 4)])
        else:
            queries.append(f"{word} {rng.choice(vocabulary)[:4]}")
    for query in queries[:20]:  # warm the page cache
        service.search(query)
    times = []
    for query in queries:
        started = time.perf_counter()
        service.search(query)
        times.append((time.perf_counter() - started) * 1000)
    store.close()
    return times, {"build_s": build_s}


def bench_markdown(folder: Path, rng: random.Random, count: int) -> float:
    from smrtplayer.models.library import Lesson
    from smrtplayer.notes.export import collect, write_markdown
    from smrtplayer.notes.service import NotesService

    store = Store.open(folder / "export.sqlite3")
    _fill_notes(store, count, 100, rng, "e")
    service = NotesService(store, thumbnails_dir=folder / "thumbs")
    lessons = [
        Lesson(
            id=n,
            course_id=1,
            section_title="Hips",
            ordinal=n,
            title=f"Lesson {n}",
            path=Path("x"),
            fingerprint=f"fp1-e{n:05d}",
            size_bytes=1,
            duration_ms=None,
        )
        for n in range(100)
    ]
    started = time.perf_counter()
    document = collect(service, lessons, title="Bench course")
    write_markdown(document, folder / "notes.md")
    elapsed = time.perf_counter() - started
    assert document.note_count == count
    service.close()
    store.close()
    return elapsed


def bench_merge(folder: Path, rng: random.Random, items: int) -> tuple[float, float, dict[str, int]]:
    from smrtplayer.store.exchange.exportfile import export_data, import_data

    source = Store.open(folder / "source.sqlite3")
    notes = items * 6 // 10
    _fill_notes(source, notes, 1000, rng, "s")
    now = utc_now()
    with source.write():
        source.conn.executemany(
            "INSERT INTO lesson_progress (lesson_fingerprint, position_ms, duration_ms, watched, "
            "last_opened_at, updated_at) VALUES (?, ?, 600000, 0, ?, ?)",
            [(f"fp1-p{n:06d}", n % 600_000, now, now) for n in range(items * 2 // 10)],
        )
        source.conn.executemany(
            "INSERT INTO played_spans (lesson_fingerprint, spans, played_ms, updated_at) VALUES (?, ?, ?, ?)",
            [(f"fp1-p{n:06d}", "[[0, 60000], [120000, 180000]]", 120000, now) for n in range(items // 10)],
        )
        source.conn.executemany(
            "INSERT INTO practice_log (title, side, planned_ms, actual_ms, completed, started_at, ended_at) "
            "VALUES (?, 'R', 30000, 30000, 1, ?, ?)",
            [
                (
                    f"Hold {n}",
                    f"2025-01-01T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}.{n % 1000:03d}+00:00",
                    now,
                )
                for n in range(items - notes - items * 3 // 10)
            ],
        )
    path = folder / "big.smrtdata"
    summary = export_data(source, path)
    source.close()
    target = Store.open(folder / "target.sqlite3")
    _fill_notes(target, 10_000, 300, rng, "t")
    started = time.perf_counter()
    first = import_data(target, path)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    second = import_data(target, path)
    second_s = time.perf_counter() - started
    assert second.changed == 0 and first.counts["notes"].added == notes
    target.close()
    return first_s, second_s, {**summary.counts, "file_bytes": summary.size_bytes}


def bench_typing(folder: Path, rng: random.Random, keys: int) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.models.notes import Note, with_rev
    from smrtplayer.store.notes import NoteRepository
    from smrtplayer.ui.notes.notes_panel import NotesPanel

    app = QApplication.instance() or QApplication([])
    context = AppContext.open(AppPaths.resolve(folder / "typing"))
    _fill_notes(context.store, 20_000, 200, rng, "k")  # heavier commits: a bigger FTS index
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    panel = NotesPanel(context, position_provider=lambda: 1000)
    panel.resize(420, 600)
    panel.set_lesson(lesson)
    panel.show()
    card = panel.new_note()
    assert card is not None
    text = " ".join(_body(rng) for _ in range(60))[:keys]
    per_key = []
    for char in text:
        started = time.perf_counter()
        QTest.keyClick(card.editor, Qt.Key.Key_Space if char == " " else char)
        per_key.append((time.perf_counter() - started) * 1000)
        app.processEvents()
        time.sleep(0.02)  # ~50 keys a second: a fast typist, so the writer commits in between
    assert context.notes.flush()
    assert card.editor.toPlainText().replace(" ", "") == text.replace(" ", "")
    # The alternative: a synchronous save (commit + fsync) on the GUI thread for every change.
    repo = NoteRepository(context.store)
    base = context.notes.note(card.note.uid)
    assert base is not None
    sync = []
    for index in range(200):
        note = with_rev(Note(**{**base.__dict__, "body": base.body + str(index), "updated_at": utc_now()}))
        started = time.perf_counter()
        repo.save(note, checkpoint=False)
        sync.append((time.perf_counter() - started) * 1000)
    panel.close()
    context.close()
    return per_key, sync


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--export-notes", type=int, default=10_000)
    parser.add_argument("--merge-items", type=int, default=50_000)
    parser.add_argument("--keys", type=int, default=1500)
    parser.add_argument(
        "--dir", default=None, help="where to put the databases (default: a temporary folder)"
    )
    args = parser.parse_args()
    rng = random.Random(20250312)
    folder = Path(tempfile.mkdtemp(prefix="bench-notes-", dir=args.dir))
    try:
        search_ms, search_extra = bench_search(folder, rng, args.notes, args.queries)
        export_s = bench_markdown(folder, rng, args.export_notes)
        merge_s, again_s, merge_counts = bench_merge(folder, rng, args.merge_items)
        per_key, sync = bench_typing(folder, rng, args.keys)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    figures = [
        Figure(f"search p50 ({args.notes:,} notes)", round(sorted(search_ms)[len(search_ms) // 2], 2), "ms"),
        Figure(f"search p95 ({args.notes:,} notes)", round(p95(search_ms), 2), "ms", note="target <= 30 ms"),
        Figure("search max", round(max(search_ms), 2), "ms"),
        Figure(
            f"export {args.export_notes:,} notes to Markdown", round(export_s, 3), "s", note="target <= 2 s"
        ),
        Figure(f"merge import of {args.merge_items:,} items", round(merge_s, 3), "s", note="target <= 5 s"),
        Figure("same file imported again (no change)", round(again_s, 3), "s"),
        Figure(
            "keystroke on the GUI thread, p99",
            round(sorted(per_key)[min(len(per_key) - 1, int(0.99 * len(per_key)))], 3),
            "ms",
            "synchronous save (commit+fsync), p99",
            round(sorted(sync)[min(len(sync) - 1, int(0.99 * len(sync)))], 3),
        ),
        Figure(
            "keystroke on the GUI thread, max",
            round(max(per_key), 3),
            "ms",
            "synchronous save, max",
            round(max(sync), 3),
            note="target <= 16 ms",
        ),
    ]
    write_results(
        "notes",
        figures,
        {
            "notes_indexed": args.notes,
            "queries": args.queries,
            "index_build_s": round(search_extra["build_s"], 2),
            "merge_file": merge_counts,
            "keys": len(per_key),
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
