"""The full-text index (FTS5, ``search_fts``) over notes, lesson titles and positions.

Migration ``m006_notes`` creates it and the triggers that keep it exact: a row's rowid is
``id * 4 + kind`` (1 note, 2 lesson, 3 position) so that a trigger finds it without a scan. Deleted
notes are not indexed. ``rebuild()`` refills it from the tables, for a database whose triggers were
lost (a table rebuilt by a later migration) or for tools.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from smrtplayer.store.db import Store

KIND_NOTE, KIND_LESSON, KIND_POSITION = 1, 2, 3
KIND_NAMES = {KIND_NOTE: "note", KIND_LESSON: "lesson", KIND_POSITION: "position"}
#: Snippet markers: control characters no note contains, turned into highlighting by the widget
#: (which escapes everything else).
MARK_START, MARK_END = "\x02", "\x03"
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0

_POSITION_BODY = (
    "trim(replace(replace(replace(muscles, '[', ''), ']', ''), '\"', '') || ' ' "
    "|| replace(region, '-', ' ') || ' ' || technique || ' ' || client_position)"
)


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
        rows = self._store.conn.execute(
            f"""
            SELECT rowid,
                   snippet(search_fts, 0, '{MARK_START}', '{MARK_END}', '…', 10),
                   snippet(search_fts, 1, '{MARK_START}', '{MARK_END}', '…', 14),
                   bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score
            FROM search_fts WHERE search_fts MATCH ?
            ORDER BY score LIMIT ?
            """,
            [match, limit],
        ).fetchall()
        return [
            Hit(
                kind=KIND_NAMES.get(int(rowid) % 4, "unknown"),
                ref_id=int(rowid) // 4,
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
            f"""
            SELECT l.id, l.fingerprint, l.title, COALESCE(s.title, '') AS section_title,
                   c.title AS course_title
            FROM lessons l JOIN courses c ON c.id = l.course_id
            LEFT JOIN sections s ON s.id = l.section_id
            WHERE l.id IN ({marks})
            """,
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
            f"""
            SELECT l.id, l.fingerprint, l.title, COALESCE(s.title, '') AS section_title,
                   c.title AS course_title
            FROM lessons l JOIN courses c ON c.id = l.course_id
            LEFT JOIN sections s ON s.id = l.section_id
            WHERE l.fingerprint IN ({marks})
            ORDER BY c.available, c.kind != 'builtin', l.id DESC
            """,
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
        ):
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
                "INSERT INTO search_fts (rowid, title, body) SELECT l.id * 4 + 2, l.title, "
                "COALESCE(s.title, '') FROM lessons l LEFT JOIN sections s ON s.id = l.section_id"
            )
            conn.execute(
                f"INSERT INTO search_fts (rowid, title, body) SELECT id * 4 + 3, title, {_POSITION_BODY} "
                "FROM positions"
            )
            conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def _scalar(self, sql: str) -> int:
        return int(self._store.conn.execute(sql).fetchone()[0])
