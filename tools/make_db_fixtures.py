"""Write a database fixture for every earlier schema version into tests/fixtures/db/ (``make fixtures``).

Each ``schema-vN.sqlite3`` is a database exactly as smrtplayer left it at schema version N (the steps
up to ``mNNN`` applied, ``application_id`` and ``user_version`` set), holding user data in every table
that existed then. ``tests/store/test_upgrade_path.py`` opens each one with the current code and checks
that it migrates and keeps every row. Run it when a new migration step is added, and commit the file
for the version that just became "earlier": released fixtures are never regenerated.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import sqlite_utils  # noqa: E402

from smrtplayer.store import migrations  # noqa: E402
from smrtplayer.store.db import APPLICATION_ID  # noqa: E402

NOW = "2026-11-01T09:00:00.000+00:00"
FP_A, FP_B = "fp1-" + "a" * 32, "fp1-" + "b" * 32

ROWS_BY_STEP: dict[str, list[tuple[str, tuple[object, ...]]]] = {
    "m001_initial": [
        (
            "INSERT INTO courses (id, uid, title, publisher, version, kind, root_path, regions, available,"
            " added_at, updated_at) VALUES (1, 'hips-sacrum-2024', 'Hips & Sacrum', 'Publisher', '2024',"
            " 'linked', '/media/courses/Hips & Sacrum', '[\"hips-sacrum\"]', 1, ?, ?)",
            (NOW, NOW),
        ),
        ("INSERT INTO sections (id, course_id, ordinal, title) VALUES (1, 1, 0, 'Prone')", ()),
        (
            "INSERT INTO lessons (id, course_id, section_id, ordinal, title, rel_path, fingerprint,"
            " size_bytes, duration_ms) VALUES (1, 1, 1, 0, 'Gluteus medius', '01 Gluteus medius.mp4', ?,"
            " 1000, 600000), (2, 1, 1, 1, 'Piriformis', '02 Piriformis.mp4', ?, 2000, 540000)",
            (FP_A, FP_B),
        ),
        (
            "INSERT INTO positions (uid, lesson_fingerprint, course_id, source, start_ms, end_ms, title,"
            " region, muscles, side, client_position, technique, hold_ms, created_at, updated_at) VALUES"
            " ('pub-1', ?, 1, 'publisher', 10000, 40000, 'Gluteus medius, posterior fibres', 'hips-sacrum',"
            " '[\"gluteus medius\"]', 'R', 'prone', 'SMRT', 30000, ?, ?),"
            " ('user-1', ?, NULL, 'user', 50000, 80000, 'My piriformis hold', 'hips-sacrum',"
            " '[\"piriformis\"]', 'L', 'prone', 'SMRT', 45000, ?, ?)",
            (FP_A, NOW, NOW, FP_B, NOW, NOW),
        ),
        (
            "INSERT INTO lesson_progress (lesson_fingerprint, position_ms, duration_ms, watched,"
            " last_opened_at, updated_at) VALUES (?, 123450, 600000, 0, ?, ?), (?, 540000, 540000, 1, ?, ?)",
            (FP_A, NOW, NOW, FP_B, NOW, NOW),
        ),
        ("INSERT INTO settings (key, value, updated_at) VALUES ('volume', '0.6', ?)", (NOW,)),
    ],
    "m003_playback": [
        (
            "INSERT INTO played_spans (lesson_fingerprint, spans, played_ms, updated_at) VALUES"
            " (?, '[[0, 123450]]', 123450, ?)",
            (FP_A, NOW),
        ),
        (
            "INSERT INTO course_playback (course_uid, rate, updated_at) VALUES ('hips-sacrum-2024', 0.75, ?)",
            (NOW,),
        ),
    ],
    "m004_index": [
        ("INSERT INTO position_practice (position_uid, practised_at) VALUES ('user-1', ?)", (NOW,)),
    ],
    "m005_holds": [
        (
            "INSERT INTO hold_presets (name, hold_ms, technique, created_at)"
            " VALUES ('Long SMRT', 60000, 'SMRT', ?)",
            (NOW,),
        ),
        (
            "INSERT INTO plans (id, title, created_at, updated_at) VALUES (1, 'Hip pain, right', ?, ?)",
            (NOW, NOW),
        ),
        (
            "INSERT INTO plan_steps (plan_id, ordinal, kind, hold_ms, side, title, position_uid,"
            " lesson_fingerprint, start_ms, end_ms) VALUES (1, 0, 'hold', 30000, 'R',"
            " 'Gluteus medius, posterior fibres', 'pub-1', ?, 10000, 40000)",
            (FP_A,),
        ),
        (
            "INSERT INTO practice_log (title, side, technique, position_uid, lesson_fingerprint, planned_ms,"
            " actual_ms, completed, tender_before, tender_after, started_at, ended_at) VALUES"
            " ('Gluteus medius, posterior fibres', 'R', 'SMRT', 'pub-1', ?, 30000, 31000, 1, 7, 3, ?, ?)",
            (FP_A, NOW, NOW),
        ),
    ],
    "m006_notes": [
        (
            "INSERT INTO notes (uid, lesson_fingerprint, time_ms, body, created_at, updated_at, rev)"
            " VALUES ('note-1', ?, 12000, 'Lighter contact on the **posterior** fibres.', ?, ?, 'r1')",
            (FP_A, NOW, NOW),
        ),
        (
            "INSERT INTO study_time (install_id, day, studied_ms, updated_at)"
            " VALUES ('install-1', '2026-11-01', 1800000, ?)",
            (NOW,),
        ),
    ],
}


def build(version_step: str, destination: Path) -> None:
    if destination.exists():
        destination.unlink()
    names = migrations.step_names()
    stop_index = names.index(version_step) + 1
    conn = sqlite3.connect(destination, isolation_level=None)
    db = sqlite_utils.Database(conn)
    conn.execute("BEGIN IMMEDIATE")
    for name in names[:stop_index]:
        upto = names[names.index(name) + 1] if names.index(name) + 1 < len(names) else None
        migrations.apply(db, stop_before=upto)
        for sql, params in ROWS_BY_STEP.get(name, []):
            conn.execute(sql, params)
    number = int(version_step[1:4])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "db")
    parser.add_argument("--only-missing", action="store_true", help="keep fixtures that already exist")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for step in migrations.step_names()[:-1]:
        path = args.out / f"schema-v{int(step[1:4])}.sqlite3"
        if args.only_missing and path.exists():
            continue
        build(step, path)
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
