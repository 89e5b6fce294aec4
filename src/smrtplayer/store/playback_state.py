"""What the player remembers besides the resume point: spans really played, and speed per course."""

from __future__ import annotations

import json
from collections.abc import Sequence

from smrtplayer.models import spans as spanlib
from smrtplayer.models.spans import Span
from smrtplayer.store.db import Store, utc_now
from smrtplayer.store.resume import ProgressRepository


class PlaybackStateRepository:
    def __init__(self, store: Store, progress: ProgressRepository) -> None:
        self._store = store
        self._progress = progress

    # ---------------------------------------------------------------------------- played spans
    def spans(self, fingerprint: str) -> list[Span]:
        row = self._store.query_one(
            "SELECT spans FROM played_spans WHERE lesson_fingerprint = ?", [fingerprint]
        )
        if row is None:
            return []
        try:
            raw = json.loads(row["spans"])
            return spanlib.merge((int(a), int(b)) for a, b in raw)
        except (ValueError, TypeError):
            return []  # a damaged value only loses the watched estimate, never the lesson

    def checkpoint(
        self,
        fingerprint: str,
        position_ms: int,
        duration_ms: int | None,
        played: Sequence[Span],
    ) -> bool:
        """Save the resume point and the played spans in one transaction (one fsync).

        Marks the lesson watched once the spans cover enough of it, and returns True when that
        happened now. Never marks it unwatched: that is the user's call.
        """
        merged = spanlib.merge(played)
        newly_watched = False
        with self._store.write():
            self._progress.save_position(fingerprint, position_ms, duration_ms)
            self._store.conn.execute(
                """
                INSERT INTO played_spans (lesson_fingerprint, spans, played_ms, updated_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (lesson_fingerprint) DO UPDATE SET
                    spans = excluded.spans, played_ms = excluded.played_ms,
                    updated_at = excluded.updated_at
                """,
                [
                    fingerprint,
                    json.dumps([list(span) for span in merged]),
                    spanlib.covered_ms(merged),
                    utc_now(),
                ],
            )
            if spanlib.is_watched(merged, duration_ms):
                row = self._store.query_one(
                    "SELECT watched FROM lesson_progress WHERE lesson_fingerprint = ?", [fingerprint]
                )
                if row is not None and not row["watched"]:
                    self._progress.set_watched(fingerprint, True)
                    newly_watched = True
        return newly_watched

    def set_watched(self, fingerprint: str, watched: bool) -> None:
        """Mark by hand. Unwatching also forgets the played spans, or the next save would undo it."""
        with self._store.write():
            self._progress.set_watched(fingerprint, watched)
            if not watched:
                self._store.conn.execute(
                    "DELETE FROM played_spans WHERE lesson_fingerprint = ?", [fingerprint]
                )

    def is_watched(self, fingerprint: str) -> bool:
        progress = self._progress.get(fingerprint)
        return bool(progress and progress.watched)

    # ------------------------------------------------------------------------- speed per course
    def course_rate(self, course_id: int) -> float | None:
        row = self._store.query_one(
            "SELECT p.rate FROM course_playback p JOIN courses c ON c.uid = p.course_uid WHERE c.id = ?",
            [course_id],
        )
        return float(row["rate"]) if row else None

    def set_course_rate(self, course_id: int, rate: float) -> None:
        with self._store.write():
            self._store.conn.execute(
                """
                INSERT INTO course_playback (course_uid, rate, updated_at)
                SELECT uid, ?, ? FROM courses WHERE id = ?
                ON CONFLICT (course_uid) DO UPDATE SET
                    rate = excluded.rate, updated_at = excluded.updated_at
                """,
                [rate, utc_now(), course_id],
            )
