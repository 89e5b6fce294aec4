"""Where the user stopped in each lesson, keyed by the lesson's content fingerprint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from smrtplayer.store.db import Store, utc_now


@dataclass(frozen=True)
class LessonProgress:
    lesson_fingerprint: str
    position_ms: int
    duration_ms: int | None
    watched: bool
    last_opened_at: str | None


class ProgressRepository:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._last_stamp: datetime | None = None

    def _opened_stamp(self) -> str:
        """Now, but always later than the previous save: switching lessons saves the outgoing one and
        then the new one within the same millisecond, and "Continue" must tell which came last."""
        now = datetime.now(UTC)
        if self._last_stamp is not None and now <= self._last_stamp:
            now = self._last_stamp + timedelta(milliseconds=1)
        self._last_stamp = now
        return now.isoformat(timespec="milliseconds")

    def get(self, fingerprint: str) -> LessonProgress | None:
        row = self._store.query_one(
            "SELECT * FROM lesson_progress WHERE lesson_fingerprint = ?", [fingerprint]
        )
        if row is None:
            return None
        return LessonProgress(
            lesson_fingerprint=row["lesson_fingerprint"],
            position_ms=row["position_ms"],
            duration_ms=row["duration_ms"],
            watched=bool(row["watched"]),
            last_opened_at=row["last_opened_at"],
        )

    def save_position(self, fingerprint: str, position_ms: int, duration_ms: int | None = None) -> None:
        now = self._opened_stamp()
        with self._store.write():
            self._store.conn.execute(
                """
                INSERT INTO lesson_progress (lesson_fingerprint, position_ms, duration_ms,
                                             last_opened_at, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (lesson_fingerprint) DO UPDATE SET
                    position_ms = excluded.position_ms,
                    duration_ms = COALESCE(excluded.duration_ms, lesson_progress.duration_ms),
                    last_opened_at = excluded.last_opened_at,
                    updated_at = excluded.updated_at
                """,
                [fingerprint, max(0, position_ms), duration_ms, now, now],
            )

    def set_watched(self, fingerprint: str, watched: bool) -> None:
        now = utc_now()
        with self._store.write():
            self._store.conn.execute(
                """
                INSERT INTO lesson_progress (lesson_fingerprint, watched, updated_at)
                VALUES (?, ?, ?)
                ON CONFLICT (lesson_fingerprint) DO UPDATE SET
                    watched = excluded.watched, updated_at = excluded.updated_at
                """,
                [fingerprint, int(watched), now],
            )

    def last_opened(self) -> str | None:
        """The fingerprint of the lesson opened most recently, for "Continue"."""
        row = self._store.query_one(
            "SELECT lesson_fingerprint FROM lesson_progress WHERE last_opened_at IS NOT NULL "
            "ORDER BY last_opened_at DESC LIMIT 1"
        )
        return row["lesson_fingerprint"] if row else None
