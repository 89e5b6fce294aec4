"""The full-text index (FTS5, ``search_fts``) over notes, lesson titles and positions.

Migration ``m006_notes`` creates it and the triggers that keep it exact. A row's rowid says what it
is: a note ``id * 4 + 1``; a lesson ``CATALOGUE + id * 4 + 2``; a position ``CATALOGUE + id * 4 + 3``.
So a trigger finds its row without a scan, ``rowid >= CATALOGUE`` is the catalogue, and a rowid range
is "the newest notes". Deleted notes are not indexed. ``rebuild()`` refills it from the tables, for a
database whose triggers were lost (a table rebuilt by a later migration) or for tools.

Ranking is bm25 over one table (so note, lesson and position scores compare). For a query that
matches very many notes, only the newest ``RANKED_NOTES`` matches are scored: measured on 100,000
notes, scoring every match put the 95th percentile above 20 ms, scoring the newest 5,000 near 10 ms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smrtplayer.store.db import Store

KIND_NOTE, KIND_LESSON, KIND_POSITION = 1, 2, 3
#: Catalogue rows (lessons, positions) have rowids from here up; notes below.
CATALOGUE = 1 << 40
#: For a query matching more notes than this, the newest ones are ranked (see the module docstring).
RANKED_NOTES = 5000
KIND_NAMES = {KIND_NOTE: "note", KIND_LESSON: "lesson", KIND_POSITION: "position"}
#: Snippet markers: control characters no note contains, turned into highlighting by the widget
#: (which escapes everything else).
MARK_START, MARK_END = "\x02", "\x03"
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0

_SELECT = f"""
    SELECT rowid,
           snippet(search_fts, 0, '{MARK_START}', '{MARK_END}', '…', 10),
           snippet(search_fts, 1, '{MARK_START}', '{MARK_END}', '…', 14),
           bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score
    FROM search_fts WHERE search_fts MATCH ? AND rowid >= ? AND rowid < ?
    ORDER BY score LIMIT ?
"""
_POSITION_BODY = (
    "trim(replace(replace(replace(muscles, '[', ''), ']', ''), '\"', '') || ' ' "
    "|| replace(region, '-', ' ') || ' ' || technique || ' ' || client_position)"
)


# What a hit shows of its lesson: fingerprint, title, section and course.
_LESSON_SUMMARY = """
    SELECT l.id, l.fingerprint, l.title, COALESCE(s.title, '') AS section_title, c.title AS course_title
    FROM lessons l JOIN courses c ON c.id = l.course_id
    LEFT JOIN sections s ON s.id = l.section_id
"""


@dataclass(frozen=True)
class Hit:
    kind: str  # note | lesson | position
    ref_id: int
    title: str  # snippet of the title column, with MARK_START/MARK_END around matches
    body: str  # snippet of the body column
    rank: float  # bm25: lower is better


class SearchIndex:
    def __init__(self, store: Store) -> None:
        self._store = store

    def query(self, match: str, limit: int = 50) -> list[Hit]:
        """Rows matching an FTS5 query (already built safely by the caller), best first."""
        return self.search(match, limit)[0]

    def search(self, match: str, limit: int = 50) -> tuple[list[Hit], bool]:
        """(hits best first, whether only the newest ``RANKED_NOTES`` matching notes were ranked)."""
        conn = self._store.conn
        rows = conn.execute(_SELECT, [match, CATALOGUE, 1 << 62, limit]).fetchall()
        bound = conn.execute(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ? AND rowid < ? "
            "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [match, CATALOGUE, RANKED_NOTES - 1],
        ).fetchone()
        oldest = int(bound[0]) if bound is not None else 0
        rows += conn.execute(_SELECT, [match, oldest, CATALOGUE, limit]).fetchall()
        rows.sort(key=lambda row: float(row[3]))
        hits = [
            Hit(
                kind=KIND_NAMES.get(int(rowid) % 4, "unknown"),
                ref_id=(int(rowid) % CATALOGUE) // 4,
                title=str(title),
                body=str(body),
                rank=float(score),
            )
            for rowid, title, body, score in rows[:limit]
        ]
        return hits, bound is not None

    def positions_on_sides(self, match: str, sides: list[str], limit: int = 50) -> list[Hit]:
        """Positions matching ``match`` whose side is one of ``sides``, best first: the side is a
        column of the position, not a word of its text, so it filters rather than matches."""
        marks = ",".join("?" * len(sides))
        rows = self._store.conn.execute(
            f"""
            SELECT f.rowid,
                   snippet(search_fts, 0, '{MARK_START}', '{MARK_END}', '…', 10),
                   snippet(search_fts, 1, '{MARK_START}', '{MARK_END}', '…', 14),
                   bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score
            FROM search_fts f JOIN positions p ON p.id = (f.rowid - {CATALOGUE}) / 4
            WHERE search_fts MATCH ? AND f.rowid >= ? AND f.rowid % 4 = {KIND_POSITION}
              AND p.side IN ({marks})
            ORDER BY score LIMIT ?
            """,
            [match, CATALOGUE, *sides, limit],
        ).fetchall()
        return [
            Hit(
                kind="position",
                ref_id=(int(rowid) % CATALOGUE) // 4,
                title=str(title),
                body=str(body),
                rank=float(score),
            )
            for rowid, title, body, score in rows
        ]

    def lessons(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """id -> lesson fingerprint, title, section and course, for the lessons named by hits."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._store.query(
            f"{_LESSON_SUMMARY} WHERE l.id IN ({marks})",
            ids,
        )
        return {int(row["id"]): row for row in rows}

    def positions(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self._store.query(
            f"SELECT id, uid, lesson_fingerprint, title, start_ms, region, side FROM positions "
            f"WHERE id IN ({marks})",
            ids,
        )
        return {int(row["id"]): row for row in rows}

    def lessons_by_fingerprint(self, fingerprints: list[str]) -> dict[str, dict[str, Any]]:
        """fingerprint -> the library's lesson with those bytes (an available course first)."""
        if not fingerprints:
            return {}
        marks = ",".join("?" * len(fingerprints))
        rows = self._store.query(
            f"{_LESSON_SUMMARY} WHERE l.fingerprint IN ({marks}) "
            "ORDER BY c.available, c.kind != 'builtin', l.id DESC",
            fingerprints,
        )
        # Later rows win: the ORDER BY puts the preferred lesson last.
        return {str(row["fingerprint"]): row for row in rows}

    def position_titles(self, uids: list[str]) -> dict[str, dict[str, Any]]:
        if not uids:
            return {}
        marks = ",".join("?" * len(uids))
        rows = self._store.query(f"SELECT uid, title, start_ms FROM positions WHERE uid IN ({marks})", uids)
        return {str(row["uid"]): row for row in rows}

    def counts(self) -> dict[str, int]:
        """Indexed rows per kind beside the rows that should be indexed (a consistency check)."""
        indexed = dict.fromkeys(("note", "lesson", "position"), 0)
        for kind, count in self._store.conn.execute(
            "SELECT rowid % 4, COUNT(*) FROM search_fts GROUP BY rowid % 4"
        ):  # rowid % 4 is the kind in both ranges (CATALOGUE is a multiple of 4)
            indexed[KIND_NAMES.get(int(kind), "unknown")] = int(count)
        expected = {
            "note": self._scalar("SELECT COUNT(*) FROM notes WHERE deleted = 0"),
            "lesson": self._scalar("SELECT COUNT(*) FROM lessons"),
            "position": self._scalar("SELECT COUNT(*) FROM positions"),
        }
        return {f"{kind}_indexed": indexed[kind] for kind in expected} | {
            f"{kind}_expected": count for kind, count in expected.items()
        }

    def is_consistent(self) -> bool:
        counts = self.counts()
        return all(
            counts[f"{kind}_indexed"] == counts[f"{kind}_expected"] for kind in ("note", "lesson", "position")
        )

    def rebuild(self) -> None:
        with self._store.write():
            conn = self._store.conn
            conn.execute("DELETE FROM search_fts")
            conn.execute(
                "INSERT INTO search_fts (rowid, title, body) SELECT id * 4 + 1, '', body FROM notes "
                "WHERE deleted = 0"
            )
            conn.execute(
                f"INSERT INTO search_fts (rowid, title, body) SELECT {CATALOGUE} + l.id * 4 + 2, l.title, "
                "COALESCE(s.title, '') FROM lessons l LEFT JOIN sections s ON s.id = l.section_id"
            )
            conn.execute(
                f"INSERT INTO search_fts (rowid, title, body) SELECT {CATALOGUE} + id * 4 + 3, title, "
                f"{_POSITION_BODY} FROM positions"
            )
            conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def _scalar(self, sql: str) -> int:
        return int(self._store.conn.execute(sql).fetchone()[0])
