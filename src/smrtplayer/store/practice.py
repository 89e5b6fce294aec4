"""The practice log: every hold finished or abandoned, with the client's tenderness before and after."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from smrtplayer.models.practice import PracticeEntry
from smrtplayer.store.db import Store

CSV_COLUMNS = (
    "started_at",
    "ended_at",
    "position",
    "side",
    "technique",
    "planned_s",
    "actual_s",
    "completed",
    "tenderness_before",
    "tenderness_after",
    "reduction",
    "plan_id",
    "position_uid",
    "lesson_fingerprint",
    "kind",
    "passes",
    "reduction_percent",
)


class PracticeRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, entry: PracticeEntry) -> int:
        _check_tenderness(entry.tender_before)
        _check_tenderness(entry.tender_after)
        with self._store.write():
            cursor = self._store.conn.execute(
                """
                INSERT INTO practice_log (title, side, technique, position_uid, lesson_fingerprint,
                    plan_id, planned_ms, actual_ms, completed, tender_before, tender_after,
                    started_at, ended_at, kind, passes, session_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    entry.title,
                    entry.side,
                    entry.technique,
                    entry.position_uid,
                    entry.lesson_fingerprint,
                    entry.plan_id,
                    entry.planned_ms,
                    max(0, entry.actual_ms),
                    int(entry.completed),
                    entry.tender_before,
                    entry.tender_after,
                    entry.started_at,
                    entry.ended_at,
                    entry.kind,
                    entry.passes,
                    entry.session_id,
                ],
            )
            return int(cursor.lastrowid or 0)

    def set_tenderness(self, entry_id: int, *, before: int | None, after: int | None) -> None:
        _check_tenderness(before)
        _check_tenderness(after)
        with self._store.write():
            self._store.conn.execute(
                "UPDATE practice_log SET tender_before = ?, tender_after = ? WHERE id = ?",
                [before, after, entry_id],
            )

    def get(self, entry_id: int) -> PracticeEntry | None:
        row = self._store.query_one("SELECT * FROM practice_log WHERE id = ?", [entry_id])
        return _entry(row) if row else None

    def recent(self, limit: int = 500, *, position_uid: str | None = None) -> list[PracticeEntry]:
        """Newest first."""
        if position_uid is None:
            rows = self._store.query(
                "SELECT * FROM practice_log ORDER BY ended_at DESC, id DESC LIMIT ?", [limit]
            )
        else:
            rows = self._store.query(
                "SELECT * FROM practice_log WHERE position_uid = ? ORDER BY ended_at DESC, id DESC LIMIT ?",
                [position_uid, limit],
            )
        return [_entry(row) for row in rows]

    def in_session(self, session_id: int) -> list[PracticeEntry]:
        """A session's entries, oldest first."""
        rows = self._store.query(
            "SELECT * FROM practice_log WHERE session_id = ? ORDER BY started_at, id", [session_id]
        )
        return [_entry(row) for row in rows]

    def count(self) -> int:
        row = self._store.query_one("SELECT COUNT(*) AS n FROM practice_log")
        return int(row["n"]) if row else 0

    def delete(self, entry_id: int) -> None:
        with self._store.write():
            self._store.conn.execute("DELETE FROM practice_log WHERE id = ?", [entry_id])

    def export_csv(self, destination: Path) -> int:
        """Write the whole log, oldest first, as UTF-8 CSV (Excel reads the BOM); returns the row count."""
        import csv  # imported at first use: not needed while a lesson plays

        rows = self._store.query("SELECT * FROM practice_log ORDER BY ended_at, id")
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            entry = _entry(row)
            writer.writerow(
                [
                    entry.started_at,
                    entry.ended_at,
                    _csv_safe(entry.title),
                    entry.side,
                    _csv_safe(entry.technique),
                    f"{entry.planned_ms / 1000:g}",
                    f"{entry.actual_ms / 1000:.1f}",
                    "yes" if entry.completed else "no",
                    "" if entry.tender_before is None else entry.tender_before,
                    "" if entry.tender_after is None else entry.tender_after,
                    "" if entry.reduction is None else entry.reduction,
                    "" if entry.plan_id is None else entry.plan_id,
                    entry.position_uid or "",
                    entry.lesson_fingerprint or "",
                    entry.kind,
                    entry.passes or "",
                    "" if entry.reduction_percent is None else entry.reduction_percent,
                ]
            )
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(destination.name + ".partial")
        partial.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
        partial.replace(destination)
        return len(rows)


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheet programs.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _check_tenderness(value: int | None) -> None:
    if value is not None and not (isinstance(value, int) and 0 <= value <= 10):
        raise ValueError("tenderness is a whole number from 0 to 10")


def _entry(row: dict[str, Any]) -> PracticeEntry:
    return PracticeEntry(
        id=int(row["id"]),
        title=str(row["title"]),
        side=str(row["side"]),
        technique=str(row["technique"]),
        position_uid=row["position_uid"],
        lesson_fingerprint=row["lesson_fingerprint"],
        plan_id=row["plan_id"],
        planned_ms=int(row["planned_ms"]),
        actual_ms=int(row["actual_ms"]),
        completed=bool(row["completed"]),
        tender_before=row["tender_before"],
        tender_after=row["tender_after"],
        started_at=str(row["started_at"]),
        ended_at=str(row["ended_at"]),
        kind=str(row["kind"]),
        passes=int(row["passes"]),
        session_id=row["session_id"],
    )
