"""The database schema, built only by these numbered steps.

Rules: a step is never edited once released; add a new one instead. Each step runs inside the single
``BEGIN IMMEDIATE`` transaction that ``Store.open`` takes around an upgrade, so an upgrade is all or
nothing. ``SCHEMA_VERSION`` is the number of the newest step and is written to ``PRAGMA user_version``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils is loaded only to upgrade (start-up is ~80 ms faster without it)
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

Step = Callable[["sqlite_utils.Database"], None]
_STEPS: list[Step] = []
_STEP_NAMES: list[str] = []
_STEP_NUMBERS: list[int] = []
#: where sqlite-utils records the steps applied to a database
APPLIED_STEPS_TABLE = "_sqlite_migrations"


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run DDL statement by statement.

    ``sqlite3.Connection.executescript`` commits any open transaction first, which would break the
    all-or-nothing upgrade, so statements are split with ``sqlite3.complete_statement`` instead.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:80]}")


def step(function: Step) -> Step:
    """Register a step named ``mNNN_description``; numbers increase (gaps allowed), in file order."""
    match = re.match(r"^m(\d{3})_[a-z0-9_]+$", function.__name__)
    if match is None:
        raise RuntimeError(f"migration {function.__name__} must be named mNNN_description")
    number = int(match.group(1))
    if _STEP_NUMBERS and number <= _STEP_NUMBERS[-1]:
        raise RuntimeError(f"migration {function.__name__} must come after m{_STEP_NUMBERS[-1]:03d}")
    _STEP_NAMES.append(function.__name__)
    _STEP_NUMBERS.append(number)
    _STEPS.append(function)
    return function


def load_sqlite_utils() -> None:
    """Import sqlite-utils without the numpy and pandas it tries on import.

    It maps their number types when they are installed, which the store never hands it; importing
    numpy alone costs ~80 ms and ~15 MB (it is there in a development environment, for the tests).
    A module already imported (a test that uses numpy) is left alone.
    """
    import sys

    if "sqlite_utils" in sys.modules:
        return
    blocked = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes their import fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


@cache
def registry() -> Migrations:
    """sqlite-utils' record of the steps (it keeps the applied ones in ``APPLIED_STEPS_TABLE``)."""
    load_sqlite_utils()
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("smrtplayer")
    for function in _STEPS:
        migrations()(function)
    return migrations


@step
def m001_initial(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE courses (
            id          INTEGER PRIMARY KEY,
            uid         TEXT NOT NULL UNIQUE,
            title       TEXT NOT NULL,
            publisher   TEXT NOT NULL DEFAULT '',
            version     TEXT NOT NULL DEFAULT '',
            kind        TEXT NOT NULL CHECK (kind IN ('builtin', 'linked', 'copied')),
            root_path   TEXT NOT NULL,
            regions     TEXT NOT NULL DEFAULT '[]',
            available   INTEGER NOT NULL DEFAULT 1,
            added_at    TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE TABLE sections (
            id          INTEGER PRIMARY KEY,
            course_id   INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
            ordinal     INTEGER NOT NULL,
            title       TEXT NOT NULL
        );
        CREATE INDEX sections_course ON sections(course_id, ordinal);
        CREATE TABLE lessons (
            id               INTEGER PRIMARY KEY,
            course_id        INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
            section_id       INTEGER REFERENCES sections(id) ON DELETE CASCADE,
            ordinal          INTEGER NOT NULL,
            title            TEXT NOT NULL,
            rel_path         TEXT NOT NULL,
            fingerprint      TEXT NOT NULL,
            size_bytes       INTEGER NOT NULL,
            expected_sha256  TEXT,
            sha256           TEXT,
            verified_at      TEXT,
            duration_ms      INTEGER,
            width            INTEGER,
            height           INTEGER,
            video_codec      TEXT,
            audio_codec      TEXT,
            subtitle_path    TEXT,
            UNIQUE (course_id, rel_path)
        );
        CREATE INDEX lessons_fingerprint ON lessons(fingerprint);
        CREATE INDEX lessons_course ON lessons(course_id, ordinal);
        -- Positions hang on the lesson's content fingerprint, not its row: they survive re-import,
        -- moved folders and other machines. Publisher positions also name their course so that
        -- re-importing replaces them; the user's own have no course and are never replaced.
        CREATE TABLE positions (
            id               INTEGER PRIMARY KEY,
            uid              TEXT NOT NULL UNIQUE,
            lesson_fingerprint TEXT NOT NULL,
            course_id        INTEGER REFERENCES courses(id) ON DELETE CASCADE,
            source           TEXT NOT NULL CHECK (source IN ('publisher', 'user')),
            start_ms         INTEGER NOT NULL CHECK (start_ms >= 0),
            end_ms           INTEGER NOT NULL CHECK (end_ms > start_ms),
            title            TEXT NOT NULL,
            region           TEXT NOT NULL DEFAULT '',
            muscles          TEXT NOT NULL DEFAULT '[]',
            side             TEXT NOT NULL DEFAULT 'both' CHECK (side IN ('L', 'R', 'both')),
            client_position  TEXT NOT NULL DEFAULT '',
            technique        TEXT NOT NULL DEFAULT '',
            hold_ms          INTEGER CHECK (hold_ms IS NULL OR hold_ms > 0),
            created_at       TEXT NOT NULL,
            updated_at       TEXT NOT NULL
        );
        CREATE INDEX positions_fingerprint ON positions(lesson_fingerprint, start_ms);
        CREATE TABLE lesson_progress (
            lesson_fingerprint TEXT PRIMARY KEY,
            position_ms      INTEGER NOT NULL DEFAULT 0,
            duration_ms      INTEGER,
            watched          INTEGER NOT NULL DEFAULT 0,
            last_opened_at   TEXT,
            updated_at       TEXT NOT NULL
        );
        CREATE TABLE settings (
            key              TEXT PRIMARY KEY,
            value            TEXT NOT NULL,
            updated_at       TEXT NOT NULL
        );
        """,
    )


@step
def m002_library(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- Where a course came from (manifest | folder | zip | dvd | files, and the path the user chose),
        -- and when its files were last checked in full.
        ALTER TABLE courses ADD COLUMN source_kind TEXT NOT NULL DEFAULT '';
        ALTER TABLE courses ADD COLUMN source_path TEXT NOT NULL DEFAULT '';
        ALTER TABLE courses ADD COLUMN verified_at TEXT;
        -- The outcome of the last full SHA-256 check of each lesson file (lessons.sha256 keeps the
        -- digest seen at import, the baseline when the manifest gave none).
        ALTER TABLE lessons ADD COLUMN verify_status TEXT NOT NULL DEFAULT 'unverified'
            CHECK (verify_status IN ('unverified', 'ok', 'mismatch', 'missing', 'unreadable'));
        ALTER TABLE lessons ADD COLUMN verify_detail TEXT NOT NULL DEFAULT '';
        -- Subtitles and documents (PDF) found beside the lessons; lesson_id is NULL for a document
        -- that belongs to the whole course.
        CREATE TABLE attachments (
            id          INTEGER PRIMARY KEY,
            course_id   INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
            lesson_id   INTEGER REFERENCES lessons(id) ON DELETE CASCADE,
            kind        TEXT NOT NULL CHECK (kind IN ('subtitle', 'document')),
            rel_path    TEXT NOT NULL,
            title       TEXT NOT NULL,
            language    TEXT NOT NULL DEFAULT '',
            UNIQUE (course_id, rel_path)
        );
        CREATE INDEX attachments_lesson ON attachments(lesson_id);
        """,
    )


@step
def m003_playback(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- The parts of each lesson really played, as merged JSON [[start_ms, end_ms], ...]: "watched"
        -- is decided from these, not from EndOfMedia (a truncated file reports it early).
        CREATE TABLE played_spans (
            lesson_fingerprint TEXT PRIMARY KEY,
            spans            TEXT NOT NULL DEFAULT '[]',
            played_ms        INTEGER NOT NULL DEFAULT 0 CHECK (played_ms >= 0),
            updated_at       TEXT NOT NULL
        );
        -- Playback speed remembered per course, by the course's stable uid (survives re-import).
        CREATE TABLE course_playback (
            course_uid       TEXT PRIMARY KEY,
            rate             REAL NOT NULL DEFAULT 1.0 CHECK (rate > 0),
            updated_at       TEXT NOT NULL
        );
        """,
    )


# The terms of the inserted or updated row ``new``: the same statements in both position triggers.
_TERMS_OF_NEW_POSITION = """\
            INSERT OR IGNORE INTO position_terms (term, position_id)
                SELECT 'r:' || lower(trim(new.region)), new.id WHERE trim(new.region) <> '';
            INSERT OR IGNORE INTO position_terms (term, position_id)
                SELECT 'm:' || lower(trim(value)), new.id
                FROM json_each(CASE WHEN json_valid(new.muscles) THEN new.muscles ELSE '[]' END)
                WHERE type = 'text' AND trim(value) <> '';
            INSERT OR IGNORE INTO position_terms (term, position_id)
                SELECT 't:' || lower(trim(new.technique)), new.id WHERE trim(new.technique) <> '';
            INSERT OR IGNORE INTO position_terms (term, position_id)
                SELECT 'c:' || lower(trim(new.client_position)), new.id
                WHERE trim(new.client_position) <> '';
"""


@step
def m004_index(db: sqlite_utils.Database) -> None:
    # What each position is about, one row per value, so that a search is an index lookup. Triggers
    # keep it, so every writer (a course import, the user's marks, an index import) is indexed alike.
    # Values are lower-cased as written; the taxonomy expands a query into every known spelling.
    run_script(
        db,
        f"""
        CREATE TABLE position_terms (
            term             TEXT NOT NULL,  -- 'r:' region, 'm:' muscle or structure, 't:' technique,
                                             -- 'c:' client position; then the value, lower-cased
            position_id      INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,
            PRIMARY KEY (term, position_id)
        ) WITHOUT ROWID;
        CREATE INDEX position_terms_position ON position_terms(position_id);
        -- The user's own positions are listed first; this finds them without a scan.
        CREATE INDEX positions_user ON positions(id) WHERE source = 'user';
        -- "Practised" marks, by position uid: publisher uids are derived from the course, the lesson's
        -- fingerprint and the start, so a mark survives re-importing the course.
        CREATE TABLE position_practice (
            position_uid     TEXT PRIMARY KEY,
            practised_at     TEXT NOT NULL
        );
        CREATE TRIGGER position_terms_insert AFTER INSERT ON positions BEGIN
{_TERMS_OF_NEW_POSITION}        END;
        CREATE TRIGGER position_terms_update
        AFTER UPDATE OF region, muscles, technique, client_position ON positions BEGIN
            DELETE FROM position_terms WHERE position_id = old.id;
{_TERMS_OF_NEW_POSITION}        END;
        CREATE TRIGGER position_terms_delete AFTER DELETE ON positions BEGIN
            DELETE FROM position_terms WHERE position_id = old.id;
        END;
        INSERT OR IGNORE INTO position_terms (term, position_id)
            SELECT 'r:' || lower(trim(region)), id FROM positions WHERE trim(region) <> '';
        INSERT OR IGNORE INTO position_terms (term, position_id)
            SELECT 'm:' || lower(trim(j.value)), p.id
            FROM positions p, json_each(CASE WHEN json_valid(p.muscles) THEN p.muscles ELSE '[]' END) j
            WHERE j.type = 'text' AND trim(j.value) <> '';
        INSERT OR IGNORE INTO position_terms (term, position_id)
            SELECT 't:' || lower(trim(technique)), id FROM positions WHERE trim(technique) <> '';
        INSERT OR IGNORE INTO position_terms (term, position_id)
            SELECT 'c:' || lower(trim(client_position)), id FROM positions WHERE trim(client_position) <> '';
        """,
    )
    # Words of position titles, for the part of a query that names no known structure. FTS5 is in
    # the SQLite of every platform we ship; where it is missing, the search falls back to LIKE.
    if db.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0]:
        run_script(
            db,
            """
            CREATE VIRTUAL TABLE position_titles USING fts5(
                title, content='positions', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2', prefix='2 3'
            );
            CREATE TRIGGER position_titles_insert AFTER INSERT ON positions BEGIN
                INSERT INTO position_titles (rowid, title) VALUES (new.id, new.title);
            END;
            CREATE TRIGGER position_titles_update AFTER UPDATE OF title ON positions BEGIN
                INSERT INTO position_titles (position_titles, rowid, title)
                    VALUES ('delete', old.id, old.title);
                INSERT INTO position_titles (rowid, title) VALUES (new.id, new.title);
            END;
            CREATE TRIGGER position_titles_delete AFTER DELETE ON positions BEGIN
                INSERT INTO position_titles (position_titles, rowid, title)
                    VALUES ('delete', old.id, old.title);
            END;
            INSERT INTO position_titles (position_titles) VALUES ('rebuild');
            """,
        )


@step
def m005_holds(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- The user's own hold presets (the technique presets are built in, in code).
        CREATE TABLE hold_presets (
            id          INTEGER PRIMARY KEY,
            name        TEXT NOT NULL UNIQUE,
            hold_ms     INTEGER NOT NULL CHECK (hold_ms > 0),
            technique   TEXT NOT NULL DEFAULT '',
            created_at  TEXT NOT NULL
        );
        -- Treatment plans: ordered steps taken from positions across courses. A step names its
        -- position by uid and keeps a copy of what it needs to show (title, lesson fingerprint, span,
        -- the side the video demonstrates), so a plan still reads sensibly when a course is missing.
        CREATE TABLE plans (
            id          INTEGER PRIMARY KEY,
            title       TEXT NOT NULL,
            notes       TEXT NOT NULL DEFAULT '',
            ordinal     INTEGER NOT NULL DEFAULT 0,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE TABLE plan_steps (
            id                  INTEGER PRIMARY KEY,
            plan_id             INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            ordinal             INTEGER NOT NULL,
            kind                TEXT NOT NULL CHECK (kind IN ('hold', 'rest')),
            hold_ms             INTEGER NOT NULL CHECK (hold_ms > 0),
            repeats             INTEGER NOT NULL DEFAULT 1 CHECK (repeats BETWEEN 1 AND 20),
            side                TEXT NOT NULL DEFAULT 'both' CHECK (side IN ('L', 'R', 'both')),
            title               TEXT NOT NULL DEFAULT '',
            technique           TEXT NOT NULL DEFAULT '',
            position_uid        TEXT,
            lesson_fingerprint  TEXT,
            start_ms            INTEGER NOT NULL DEFAULT 0 CHECK (start_ms >= 0),
            end_ms              INTEGER NOT NULL DEFAULT 0 CHECK (end_ms >= 0),
            demo_side           TEXT NOT NULL DEFAULT 'both' CHECK (demo_side IN ('L', 'R', 'both'))
        );
        CREATE INDEX plan_steps_plan ON plan_steps(plan_id, ordinal);
        -- Every hold finished or abandoned, with the client's tenderness (0-10) before and after.
        CREATE TABLE practice_log (
            id                  INTEGER PRIMARY KEY,
            title               TEXT NOT NULL,
            side                TEXT NOT NULL DEFAULT '' CHECK (side IN ('L', 'R', 'both', '')),
            technique           TEXT NOT NULL DEFAULT '',
            position_uid        TEXT,
            lesson_fingerprint  TEXT,
            plan_id             INTEGER REFERENCES plans(id) ON DELETE SET NULL,
            planned_ms          INTEGER NOT NULL CHECK (planned_ms > 0),
            actual_ms           INTEGER NOT NULL CHECK (actual_ms >= 0),
            completed           INTEGER NOT NULL CHECK (completed IN (0, 1)),
            tender_before       INTEGER CHECK (tender_before IS NULL OR tender_before BETWEEN 0 AND 10),
            tender_after        INTEGER CHECK (tender_after IS NULL OR tender_after BETWEEN 0 AND 10),
            started_at          TEXT NOT NULL,
            ended_at            TEXT NOT NULL
        );
        CREATE INDEX practice_log_ended ON practice_log(ended_at);
        CREATE INDEX practice_log_position ON practice_log(position_uid);
        """,
    )


@step
def m006_notes(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- The user's notes, per lesson (by content fingerprint), optionally pinned to a time or to a
        -- position (by uid). Deleting a note keeps a tombstone (deleted = 1, body emptied) so that a
        -- merge from another computer cannot bring it back. rev identifies the content; history holds
        -- the revisions this note has moved on from, which tells a merge "stale copy" from "edited on
        -- both computers" (both edits are then kept).
        CREATE TABLE notes (
            id                 INTEGER PRIMARY KEY,
            uid                TEXT NOT NULL UNIQUE,
            lesson_fingerprint TEXT NOT NULL,
            time_ms            INTEGER CHECK (time_ms IS NULL OR time_ms >= 0),
            position_uid       TEXT,
            body               TEXT NOT NULL DEFAULT '',
            created_at         TEXT NOT NULL,
            updated_at         TEXT NOT NULL,
            deleted            INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
            rev                TEXT NOT NULL,
            history            TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX notes_lesson ON notes(lesson_fingerprint, deleted, time_ms);
        CREATE INDEX notes_updated ON notes(updated_at);
        -- Time spent studying, per local day and per install: the chart and the streak read it, and a
        -- merge keeps each computer's own rows (summing them never counts an hour twice).
        CREATE TABLE study_time (
            install_id         TEXT NOT NULL,
            day                TEXT NOT NULL,
            studied_ms         INTEGER NOT NULL DEFAULT 0 CHECK (studied_ms >= 0),
            updated_at         TEXT NOT NULL,
            PRIMARY KEY (install_id, day)
        );
        -- One full-text index over notes, lesson titles and positions (titles, muscles, region,
        -- technique); one table, so that their bm25 scores compare. The rowid says what a row is: a note
        -- is id * 4 + 1; a lesson (1 << 40) + id * 4 + 2 and a position (1 << 40) + id * 4 + 3, so
        -- that "rowid >= 1 << 40" finds the catalogue and a rowid range the newest notes without a
        -- scan. Triggers keep it exact; deleted notes are not in it.
        CREATE VIRTUAL TABLE search_fts USING fts5(
            title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );
        CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes WHEN new.deleted = 0 BEGIN
            INSERT INTO search_fts (rowid, title, body) VALUES (new.id * 4 + 1, '', new.body);
        END;
        CREATE TRIGGER notes_fts_update AFTER UPDATE OF body, deleted ON notes BEGIN
            DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;
            INSERT INTO search_fts (rowid, title, body)
                SELECT new.id * 4 + 1, '', new.body WHERE new.deleted = 0;
        END;
        CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
            DELETE FROM search_fts WHERE rowid = old.id * 4 + 1;
        END;
        CREATE TRIGGER lessons_fts_insert AFTER INSERT ON lessons BEGIN
            INSERT INTO search_fts (rowid, title, body) VALUES (
                (1 << 40) + new.id * 4 + 2, new.title,
                COALESCE((SELECT title FROM sections WHERE id = new.section_id), ''));
        END;
        CREATE TRIGGER lessons_fts_update AFTER UPDATE OF title, section_id ON lessons BEGIN
            DELETE FROM search_fts WHERE rowid = (1 << 40) + old.id * 4 + 2;
            INSERT INTO search_fts (rowid, title, body) VALUES (
                (1 << 40) + new.id * 4 + 2, new.title,
                COALESCE((SELECT title FROM sections WHERE id = new.section_id), ''));
        END;
        CREATE TRIGGER lessons_fts_delete AFTER DELETE ON lessons BEGIN
            DELETE FROM search_fts WHERE rowid = (1 << 40) + old.id * 4 + 2;
        END;
        CREATE TRIGGER positions_fts_insert AFTER INSERT ON positions BEGIN
            INSERT INTO search_fts (rowid, title, body) VALUES (
                (1 << 40) + new.id * 4 + 3, new.title,
                trim(replace(replace(replace(new.muscles, '[', ''), ']', ''), '"', '') || ' '
                     || replace(new.region, '-', ' ') || ' ' || new.technique || ' '
                     || new.client_position));
        END;
        CREATE TRIGGER positions_fts_update AFTER UPDATE ON positions BEGIN
            DELETE FROM search_fts WHERE rowid = (1 << 40) + old.id * 4 + 3;
            INSERT INTO search_fts (rowid, title, body) VALUES (
                (1 << 40) + new.id * 4 + 3, new.title,
                trim(replace(replace(replace(new.muscles, '[', ''), ']', ''), '"', '') || ' '
                     || replace(new.region, '-', ' ') || ' ' || new.technique || ' '
                     || new.client_position));
        END;
        CREATE TRIGGER positions_fts_delete AFTER DELETE ON positions BEGIN
            DELETE FROM search_fts WHERE rowid = (1 << 40) + old.id * 4 + 3;
        END;
        INSERT INTO search_fts (rowid, title, body)
            SELECT (1 << 40) + l.id * 4 + 2, l.title, COALESCE(s.title, '')
            FROM lessons l LEFT JOIN sections s ON s.id = l.section_id;
        INSERT INTO search_fts (rowid, title, body)
            SELECT (1 << 40) + id * 4 + 3, title,
                   trim(replace(replace(replace(muscles, '[', ''), ']', ''), '"', '') || ' '
                        || replace(region, '-', ' ') || ' ' || technique || ' ' || client_position)
            FROM positions;
        """,
    )


@step
def m007_deletions(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- What the user deleted, so that merging an export from another computer does not bring it
        -- back (notes keep their own tombstones). key is the item's identity across computers: a
        -- position's uid, a practised mark's position uid, a plan's creation time, a practice-log
        -- entry's start, end, title and side. Triggers keep it: a delete records the item with the
        -- time of that delete (a later delete replaces an older record, such as one a merge kept
        -- beside an item edited after it), and storing the item again forgets it.
        CREATE TABLE deletions (
            kind               TEXT NOT NULL CHECK (kind IN ('position', 'practised', 'plan', 'practice')),
            key                TEXT NOT NULL,
            deleted_at         TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID;
        CREATE TRIGGER positions_deleted AFTER DELETE ON positions WHEN old.source = 'user' BEGIN
            INSERT OR REPLACE INTO deletions (kind, key, deleted_at) VALUES (
                'position', old.uid, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
        END;
        CREATE TRIGGER positions_restored AFTER INSERT ON positions WHEN new.source = 'user' BEGIN
            DELETE FROM deletions WHERE kind = 'position' AND key = new.uid;
        END;
        CREATE TRIGGER practised_deleted AFTER DELETE ON position_practice BEGIN
            INSERT OR REPLACE INTO deletions (kind, key, deleted_at) VALUES (
                'practised', old.position_uid, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
        END;
        CREATE TRIGGER practised_restored AFTER INSERT ON position_practice BEGIN
            DELETE FROM deletions WHERE kind = 'practised' AND key = new.position_uid;
        END;
        CREATE TRIGGER plans_restored AFTER INSERT ON plans BEGIN
            DELETE FROM deletions WHERE kind = 'plan' AND key = new.created_at;
        END;
        CREATE TRIGGER plans_deleted AFTER DELETE ON plans BEGIN
            INSERT OR REPLACE INTO deletions (kind, key, deleted_at) VALUES (
                'plan', old.created_at, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
        END;
        CREATE TRIGGER practice_deleted AFTER DELETE ON practice_log BEGIN
            INSERT OR REPLACE INTO deletions (kind, key, deleted_at) VALUES (
                'practice',
                old.started_at || char(31) || old.ended_at || char(31) || old.title || char(31) || old.side,
                strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
        END;
        """,
    )


@step
def m008_position_origin(db: sqlite_utils.Database) -> None:
    # Where a publisher's position came from: its manifest, or the chapters of the video file or disc.
    # Chapter positions may be taken over by the user (they become 'user' rows and keep their origin),
    # so a re-import can tell which chapters the user already owns and not add them again.
    run_script(
        db,
        """
        ALTER TABLE positions ADD COLUMN origin TEXT NOT NULL DEFAULT ''
            CHECK (origin IN ('', 'manifest', 'chapter', 'disc'));
        -- 0 when nothing said which side a chapter shows: its side is then 'both' (not one side)
        -- for the player, and unknown (null) for scripts.
        ALTER TABLE positions ADD COLUMN side_known INTEGER NOT NULL DEFAULT 1 CHECK (side_known IN (0, 1));
        UPDATE positions SET origin = 'manifest' WHERE source = 'publisher';
        """,
    )


@step
def m009_dvd_titles(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- A DVD title is one lesson made of several VOB parts: a JSON list of [file name, in-point,
        -- duration (microseconds), stops at its end], played back to back; '' for a one-file lesson.
        ALTER TABLE lessons ADD COLUMN title_parts TEXT NOT NULL DEFAULT '';
        """,
    )


@step
def m010_step_kinds(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        -- Steps of every kind (roll, rest on a tender spot, passes, reminder, recheck), steps that name
        -- a preset or a taxonomy structure instead of a position, and the order of sides in a plan.
        -- SQLite cannot change a CHECK, so plan_steps is rebuilt (nothing refers to its rows).
        ALTER TABLE plans ADD COLUMN side_order TEXT NOT NULL DEFAULT 'each'
            CHECK (side_order IN ('each', 'all'));
        CREATE TABLE plan_steps_new (
            id                  INTEGER PRIMARY KEY,
            plan_id             INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
            ordinal             INTEGER NOT NULL,
            kind                TEXT NOT NULL CHECK (kind IN (
                                    'hold', 'roll', 'tender-rest', 'passes', 'rest', 'reminder', 'recheck')),
            hold_ms             INTEGER NOT NULL CHECK (hold_ms >= 0),
            repeats             INTEGER NOT NULL DEFAULT 1 CHECK (repeats BETWEEN 1 AND 20),
            side                TEXT NOT NULL DEFAULT 'both' CHECK (side IN ('L', 'R', 'both')),
            title               TEXT NOT NULL DEFAULT '',
            technique           TEXT NOT NULL DEFAULT '',
            position_uid        TEXT,
            lesson_fingerprint  TEXT,
            start_ms            INTEGER NOT NULL DEFAULT 0 CHECK (start_ms >= 0),
            end_ms              INTEGER NOT NULL DEFAULT 0 CHECK (end_ms >= 0),
            demo_side           TEXT NOT NULL DEFAULT 'both' CHECK (demo_side IN ('L', 'R', 'both')),
            passes              INTEGER NOT NULL DEFAULT 0 CHECK (passes BETWEEN 0 AND 100),
            cadence_ms          INTEGER NOT NULL DEFAULT 0 CHECK (cadence_ms >= 0),
            cue_every_ms        INTEGER NOT NULL DEFAULT 0 CHECK (cue_every_ms >= 0),
            text                TEXT NOT NULL DEFAULT '',
            structure           TEXT NOT NULL DEFAULT '',
            preset_key          TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO plan_steps_new (id, plan_id, ordinal, kind, hold_ms, repeats, side, title, technique,
                                    position_uid, lesson_fingerprint, start_ms, end_ms, demo_side)
            SELECT id, plan_id, ordinal, kind, hold_ms, repeats, side, title, technique,
                   position_uid, lesson_fingerprint, start_ms, end_ms, demo_side
            FROM plan_steps;
        DROP TABLE plan_steps;
        ALTER TABLE plan_steps_new RENAME TO plan_steps;
        CREATE INDEX plan_steps_plan ON plan_steps(plan_id, ordinal);
        -- The practice log says what kind of step each row was (passes, a recheck...).
        ALTER TABLE practice_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'hold';
        ALTER TABLE practice_log ADD COLUMN passes INTEGER NOT NULL DEFAULT 0;
        -- A therapist's sessions: an optional client label (initials or a pseudonym). Client data
        -- stays here: deleting a client's sessions deletes their log rows with them.
        CREATE TABLE sessions (
            id            INTEGER PRIMARY KEY,
            client_label  TEXT NOT NULL DEFAULT '',
            started_at    TEXT NOT NULL,
            ended_at      TEXT
        );
        CREATE INDEX sessions_client ON sessions(client_label, started_at);
        ALTER TABLE practice_log ADD COLUMN session_id INTEGER REFERENCES sessions(id) ON DELETE CASCADE;
        CREATE INDEX practice_log_session ON practice_log(session_id);
        """,
    )


# The number of the newest step; written to PRAGMA user_version after an upgrade.
SCHEMA_VERSION = _STEP_NUMBERS[-1]


def pending(db: sqlite_utils.Database) -> list[str]:
    return [migration.name for migration in registry().pending(db)]


def apply(db: sqlite_utils.Database, *, stop_before: str | None = None) -> None:
    """Apply pending steps; the caller holds the transaction (sqlite-utils nests them as savepoints)."""
    registry().apply(db, stop_before=stop_before)


def step_names() -> list[str]:
    return list(_STEP_NAMES)
