"""Positions the user marks, edits, imports and practises; counts for the body map.

Publisher positions are written by ``CourseRepository.save`` from a manifest and replaced on every
re-import; the user's own (``source = 'user'``, no course) are only ever written here, so a re-import
never touches them. Both hang on the lesson's content fingerprint.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from smrtplayer.models.positions import Position, PositionDraft
from smrtplayer.store.db import Store, utc_now

_COLUMNS = (
    "id, uid, lesson_fingerprint, source, start_ms, end_ms, title, region, muscles, side, "
    "client_position, technique, hold_ms, origin, side_known"
)

#: Edits the user's position; a chapter's becomes the user's own by it (it leaves its course).
_UPDATE_USER = (
    "UPDATE positions SET lesson_fingerprint = ?, start_ms = ?, end_ms = ?, title = ?, region = ?, "
    "muscles = ?, side = ?, client_position = ?, technique = ?, hold_ms = ?, updated_at = ?, "
    "source = 'user', course_id = NULL, side_known = 1 "
    "WHERE uid = ? AND (source = 'user' OR origin IN ('chapter', 'disc'))"
)


class PositionRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # ---------------------------------------------------------------------------------- reading
    def get(self, uid: str) -> Position | None:
        row = self._store.query_one(f"SELECT {_COLUMNS} FROM positions WHERE uid = ?", [uid])
        return position_from_row(row) if row else None

    def in_lesson(self, fingerprint: str, *, source: str | None = None) -> list[Position]:
        sql = f"SELECT {_COLUMNS} FROM positions WHERE lesson_fingerprint = ?"
        params: list[Any] = [fingerprint]
        if source is not None:
            sql += " AND source = ?"
            params.append(source)
        rows = self._store.query(sql + " ORDER BY start_ms, id", params)
        return [position_from_row(row) for row in rows]

    def in_lessons(self, fingerprints: Sequence[str], *, source: str | None = None) -> list[Position]:
        """Positions in any of these lessons, in lesson order then time."""
        found: list[Position] = []
        for fingerprint in dict.fromkeys(fingerprints):
            found.extend(self.in_lesson(fingerprint, source=source))
        return found

    def existing_spans(self, fingerprints: Iterable[str]) -> set[tuple[str, int, int]]:
        """(fingerprint, start_ms, end_ms) of every position already in these lessons, any source."""
        spans: set[tuple[str, int, int]] = set()
        for fingerprint in set(fingerprints):
            rows = self._store.query(
                "SELECT start_ms, end_ms FROM positions WHERE lesson_fingerprint = ?", [fingerprint]
            )
            spans.update((fingerprint, int(row["start_ms"]), int(row["end_ms"])) for row in rows)
        return spans

    def existing_uids(self, uids: Iterable[str]) -> set[str]:
        wanted = list(set(uids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._store.query(f"SELECT uid FROM positions WHERE uid IN ({marks})", chunk)
            found.update(str(row["uid"]) for row in rows)
        return found

    # ---------------------------------------------------------------------------------- writing
    def insert_user(self, uid: str, draft: PositionDraft, *, created_at: str | None = None) -> Position:
        now = utc_now()
        with self._store.write():
            self._store.conn.execute(
                "INSERT INTO positions (uid, lesson_fingerprint, course_id, source, start_ms, end_ms, "
                "title, region, muscles, side, client_position, technique, hold_ms, created_at, updated_at) "
                "VALUES (?, ?, NULL, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [uid, *position_values(draft), created_at or now, now],
            )
        position = self.get(uid)
        assert position is not None
        return position

    def insert_user_many(self, items: Sequence[tuple[str, PositionDraft]]) -> int:
        """Insert in one transaction; a uid already present is skipped. Returns how many were added."""
        now = utc_now()
        added = 0
        with self._store.write():
            for uid, draft in items:
                cursor = self._store.conn.execute(
                    "INSERT OR IGNORE INTO positions (uid, lesson_fingerprint, course_id, source, start_ms, "
                    "end_ms, title, region, muscles, side, client_position, technique, hold_ms, "
                    "created_at, updated_at) VALUES (?, ?, NULL, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [uid, *position_values(draft), now, now],
                )
                added += cursor.rowcount
        return added

    def save_user_many(
        self, inserts: Sequence[tuple[str, PositionDraft]], updates: Sequence[tuple[str, PositionDraft]]
    ) -> None:
        """Insert new positions and update (or take over chapters, as ``update_user``) in one
        transaction: a bulk import is all or nothing."""
        now = utc_now()
        with self._store.write():
            conn = self._store.conn
            for uid, draft in inserts:
                conn.execute(
                    "INSERT INTO positions (uid, lesson_fingerprint, course_id, source, start_ms, end_ms, "
                    "title, region, muscles, side, client_position, technique, hold_ms, created_at, "
                    "updated_at) VALUES (?, ?, NULL, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [uid, *position_values(draft), now, now],
                )
            for uid, draft in updates:
                cursor = conn.execute(_UPDATE_USER, [*position_values(draft), now, uid])
                if cursor.rowcount != 1:
                    raise KeyError(uid)

    def update_user(self, uid: str, draft: PositionDraft) -> Position:
        """Edit the user's position; a position read from chapters becomes the user's own by this edit
        (it leaves its course, so a re-import keeps the edit and does not add the chapter again)."""
        with self._store.write():
            cursor = self._store.conn.execute(
                _UPDATE_USER,
                [*position_values(draft), utc_now(), uid],
            )
            if cursor.rowcount != 1:
                raise KeyError(uid)
        position = self.get(uid)
        assert position is not None
        return position

    def delete_user(self, uid: str) -> bool:
        with self._store.write():
            cursor = self._store.conn.execute(
                "DELETE FROM positions WHERE uid = ? AND source = 'user'", [uid]
            )
        return cursor.rowcount == 1

    def delete_user_many(self, uids: Iterable[str]) -> int:
        removed = 0
        with self._store.write():
            for uid in uids:
                cursor = self._store.conn.execute(
                    "DELETE FROM positions WHERE uid = ? AND source = 'user'", [uid]
                )
                removed += cursor.rowcount
        return removed

    # ------------------------------------------------------------------------------- practice
    def set_practised(self, uid: str, practised: bool) -> None:
        with self._store.write():
            if practised:
                self._store.conn.execute(
                    "INSERT INTO position_practice (position_uid, practised_at) VALUES (?, ?) "
                    "ON CONFLICT (position_uid) DO UPDATE SET practised_at = excluded.practised_at",
                    [uid, utc_now()],
                )
            else:
                self._store.conn.execute("DELETE FROM position_practice WHERE position_uid = ?", [uid])

    def is_practised(self, uid: str) -> bool:
        return (
            self._store.query_one("SELECT 1 FROM position_practice WHERE position_uid = ?", [uid]) is not None
        )


def position_values(draft: PositionDraft) -> list[Any]:
    """The description columns of the positions table, in the order its inserts name them."""
    return [
        draft.lesson_fingerprint,
        draft.start_ms,
        draft.end_ms,
        draft.title,
        draft.region,
        json.dumps(list(draft.muscles)),
        draft.side,
        draft.client_position,
        draft.technique,
        draft.hold_ms,
    ]


def position_from_row(row: dict[str, Any]) -> Position:
    try:
        muscles = json.loads(row["muscles"] or "[]")
    except ValueError:
        muscles = []
    return Position(
        id=int(row["id"]),
        uid=str(row["uid"]),
        lesson_fingerprint=str(row["lesson_fingerprint"]),
        source=str(row["source"]),
        start_ms=int(row["start_ms"]),
        end_ms=int(row["end_ms"]),
        title=str(row["title"]),
        region=str(row["region"]),
        muscles=tuple(str(m) for m in muscles if isinstance(m, str)) if isinstance(muscles, list) else (),
        side=str(row["side"]),
        client_position=str(row["client_position"]),
        technique=str(row["technique"]),
        origin=str(row.get("origin") or ""),
        side_known=bool(row.get("side_known", 1)),
        hold_ms=int(row["hold_ms"]) if row["hold_ms"] is not None else None,
    )
