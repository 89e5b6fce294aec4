"""Reads behind the progress figures (per lesson, course, region, day) and the study-time log.

Tables written by other parts of the app (``played_spans``, ``course_playback``, ``practice_log``) are
read only when they exist, so this works on any schema the migrations produced.
"""

from __future__ import annotations

import json
from typing import Any

from smrtplayer.models.settings import INSTALL_ID
from smrtplayer.store.db import Store, utc_now


class StatsRepository:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._tables: set[str] | None = None

    def has_table(self, name: str) -> bool:
        if self._tables is None:
            self._tables = {
                str(row["name"])
                for row in self._store.query("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        return name in self._tables

    # ---------------------------------------------------------------------------- lessons
    def lesson_rows(self, course_id: int | None = None) -> list[dict[str, Any]]:
        """Every lesson (of one course, or all) with what is known of its progress, in course order."""
        spans = self.has_table("played_spans")
        played = "COALESCE(ps.played_ms, 0)" if spans else "0"
        join = "LEFT JOIN played_spans ps ON ps.lesson_fingerprint = l.fingerprint" if spans else ""
        where = "WHERE l.course_id = ?" if course_id is not None else ""
        return self._store.query(
            f"""
            SELECT l.id, l.course_id, l.fingerprint, l.title, l.ordinal,
                   COALESCE(l.duration_ms, p.duration_ms) AS duration_ms,
                   {played} AS played_ms,
                   COALESCE(p.watched, 0) AS watched,
                   COALESCE(p.position_ms, 0) AS position_ms,
                   p.last_opened_at, c.title AS course_title, c.uid AS course_uid
            FROM lessons l
            JOIN courses c ON c.id = l.course_id
            LEFT JOIN lesson_progress p ON p.lesson_fingerprint = l.fingerprint
            {join}
            {where}
            ORDER BY c.id, l.ordinal
            """,
            [course_id] if course_id is not None else [],
        )

    def recent_fingerprints(self, limit: int) -> list[tuple[str, str]]:
        """(fingerprint, last_opened_at) of the lessons opened most recently."""
        rows = self._store.query(
            "SELECT lesson_fingerprint, last_opened_at FROM lesson_progress "
            "WHERE last_opened_at IS NOT NULL ORDER BY last_opened_at DESC LIMIT ?",
            [limit],
        )
        return [(str(row["lesson_fingerprint"]), str(row["last_opened_at"])) for row in rows]

    def course_rates(self) -> dict[str, float]:
        if not self.has_table("course_playback"):
            return {}
        rows = self._store.query("SELECT course_uid, rate FROM course_playback")
        return {str(row["course_uid"]): float(row["rate"]) for row in rows}

    # ---------------------------------------------------------------------------- regions
    def region_positions(self) -> list[dict[str, Any]]:
        """Per region: positions, how many were practised (practice log or a practised mark), sessions."""
        marks = []
        if self.has_table("practice_log"):
            marks.append("SELECT position_uid FROM practice_log WHERE position_uid IS NOT NULL")
        if self.has_table("position_practice"):
            marks.append("SELECT position_uid FROM position_practice")
        if marks:
            done = " UNION ".join(marks)
            practised = f"COUNT(DISTINCT CASE WHEN p.uid IN ({done}) THEN p.uid END)"
        else:
            practised = "0"
        if self.has_table("practice_log"):
            sessions = (
                "(SELECT COUNT(*) FROM practice_log g JOIN positions q ON q.uid = g.position_uid "
                "WHERE q.region = p.region)"
            )
        else:
            sessions = "0"
        return self._store.query(
            f"""
            SELECT p.region AS region, COUNT(DISTINCT p.uid) AS positions,
                   {practised} AS practised, {sessions} AS sessions
            FROM positions p WHERE p.region != ''
            GROUP BY p.region ORDER BY p.region
            """
        )

    def practice_days(self, since_utc: str) -> list[tuple[str, int]]:
        """(ended_at, actual_ms) of practice since a UTC timestamp; empty without a practice log."""
        if not self.has_table("practice_log"):
            return []
        rows = self._store.query(
            "SELECT ended_at, actual_ms FROM practice_log WHERE ended_at >= ?", [since_utc]
        )
        return [(str(row["ended_at"]), int(row["actual_ms"])) for row in rows]

    # -------------------------------------------------------------------------- study time
    def add_study_time(self, install_id: str, day: str, studied_ms: int) -> None:
        if studied_ms <= 0:
            return
        with self._store.write():
            self._store.conn.execute(
                """
                INSERT INTO study_time (install_id, day, studied_ms, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (install_id, day) DO UPDATE SET
                    studied_ms = study_time.studied_ms + excluded.studied_ms,
                    updated_at = excluded.updated_at
                """,
                [install_id, day, int(studied_ms), utc_now()],
            )

    def study_days(self, since_day: str) -> dict[str, int]:
        """Local day -> ms studied, summed over every computer the data came from."""
        rows = self._store.query(
            "SELECT day, SUM(studied_ms) AS ms FROM study_time WHERE day >= ? GROUP BY day", [since_day]
        )
        return {str(row["day"]): int(row["ms"]) for row in rows}

    def install_id(self) -> str | None:
        row = self._store.query_one("SELECT value FROM settings WHERE key = ?", [INSTALL_ID.name])
        if row is None:
            return None
        try:
            value = json.loads(str(row["value"]))
        except ValueError:
            return None
        return value if isinstance(value, str) and value else None
