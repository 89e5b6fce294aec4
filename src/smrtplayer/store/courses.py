"""Courses, their sections and lessons, and the publisher's positions inside them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from smrtplayer.models import CourseSummary, Lesson, NewCourse, Position
from smrtplayer.store.db import Store, utc_now


class CourseRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, course: NewCourse) -> int:
        """Insert or replace a course by ``uid``; the user's own data (keyed by fingerprint) stays."""
        now = utc_now()
        with self._store.write() as db:
            existing = self._store.query_one("SELECT id FROM courses WHERE uid = ?", [course.uid])
            record = {
                "uid": course.uid,
                "title": course.title,
                "publisher": course.publisher,
                "version": course.version,
                "kind": course.kind,
                "root_path": str(course.root_path),
                "regions": json.dumps(list(course.regions)),
                "available": 1,
                "updated_at": now,
            }
            if existing is None:
                course_id = int(db.table("courses").insert({**record, "added_at": now}).last_pk or 0)
            else:
                course_id = int(existing["id"])
                db.table("courses").update(course_id, record)
                # Lessons and publisher positions are rebuilt from the source of truth (the manifest
                # or the folder); sections cascade their lessons.
                db.execute("DELETE FROM sections WHERE course_id = ?", [course_id])
                db.execute("DELETE FROM lessons WHERE course_id = ?", [course_id])
                db.execute(
                    "DELETE FROM positions WHERE course_id = ? AND source = 'publisher'",
                    [course_id],
                )
            section_ids: dict[str, int] = {}
            for ordinal, lesson in enumerate(course.lessons):
                section_id = section_ids.get(lesson.section_title)
                if section_id is None:
                    section_id = int(
                        db.table("sections")
                        .insert(
                            {
                                "course_id": course_id,
                                "ordinal": len(section_ids),
                                "title": lesson.section_title,
                            }
                        )
                        .last_pk
                        or 0
                    )
                    section_ids[lesson.section_title] = section_id
                db.table("lessons").insert(
                    {
                        "course_id": course_id,
                        "section_id": section_id,
                        "ordinal": ordinal,
                        "title": lesson.title,
                        "rel_path": lesson.rel_path,
                        "fingerprint": lesson.fingerprint,
                        "size_bytes": lesson.size_bytes,
                        "expected_sha256": lesson.expected_sha256,
                    }
                )
                for position in lesson.positions:
                    uid = _publisher_position_uid(course.uid, lesson.fingerprint, position.start_ms)
                    db.table("positions").insert(
                        {
                            "uid": uid,
                            "lesson_fingerprint": lesson.fingerprint,
                            "course_id": course_id,
                            "source": "publisher",
                            "start_ms": position.start_ms,
                            "end_ms": position.end_ms,
                            "title": position.title,
                            "region": position.region,
                            "muscles": json.dumps(list(position.muscles)),
                            "side": position.side,
                            "client_position": position.client_position,
                            "technique": position.technique,
                            "hold_ms": position.hold_ms,
                            "created_at": now,
                            "updated_at": now,
                        }
                    )
        return course_id

    def all(self) -> list[CourseSummary]:
        rows = self._store.query(
            """
            SELECT c.*, COUNT(l.id) AS lesson_count,
                   COALESCE(SUM(l.duration_ms), 0) AS total_duration_ms,
                   COALESCE(SUM(p.watched), 0) AS watched_count
            FROM courses c
            LEFT JOIN lessons l ON l.course_id = c.id
            LEFT JOIN lesson_progress p ON p.lesson_fingerprint = l.fingerprint
            GROUP BY c.id
            ORDER BY c.kind = 'builtin', c.title COLLATE NOCASE
            """
        )
        return [_summary(row) for row in rows]

    def get(self, course_id: int) -> CourseSummary | None:
        for course in self.all():
            if course.id == course_id:
                return course
        return None

    def find(self, key: str) -> CourseSummary | None:
        """A course by id, uid or (case-insensitive) title, as typed on the command line."""
        courses = self.all()
        for course in courses:
            if key == str(course.id) or key == course.uid:
                return course
        folded = key.casefold()
        matches = [course for course in courses if course.title.casefold() == folded]
        return matches[0] if len(matches) == 1 else None

    def lessons(self, course_id: int) -> list[Lesson]:
        rows = self._store.query(
            """
            SELECT l.*, c.root_path, COALESCE(s.title, '') AS section_title,
                   COALESCE(p.watched, 0) AS watched, COALESCE(p.position_ms, 0) AS resume_ms
            FROM lessons l
            JOIN courses c ON c.id = l.course_id
            LEFT JOIN sections s ON s.id = l.section_id
            LEFT JOIN lesson_progress p ON p.lesson_fingerprint = l.fingerprint
            WHERE l.course_id = ?
            ORDER BY l.ordinal
            """,
            [course_id],
        )
        return [_lesson(row) for row in rows]

    def lesson(self, lesson_id: int) -> Lesson | None:
        row = self._store.query_one(
            """
            SELECT l.*, c.root_path, COALESCE(s.title, '') AS section_title,
                   COALESCE(p.watched, 0) AS watched, COALESCE(p.position_ms, 0) AS resume_ms
            FROM lessons l
            JOIN courses c ON c.id = l.course_id
            LEFT JOIN sections s ON s.id = l.section_id
            LEFT JOIN lesson_progress p ON p.lesson_fingerprint = l.fingerprint
            WHERE l.id = ?
            """,
            [lesson_id],
        )
        return _lesson(row) if row else None

    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None:
        """The lesson with these bytes, preferring a course whose folder is available."""
        row = self._store.query_one(
            "SELECT l.id FROM lessons l JOIN courses c ON c.id = l.course_id "
            "WHERE l.fingerprint = ? ORDER BY c.available DESC, c.kind = 'builtin' LIMIT 1",
            [fingerprint],
        )
        return self.lesson(int(row["id"])) if row else None

    def positions_for(self, fingerprint: str) -> list[Position]:
        rows = self._store.query(
            "SELECT * FROM positions WHERE lesson_fingerprint = ? ORDER BY start_ms, id",
            [fingerprint],
        )
        return [
            Position(
                id=row["id"],
                uid=row["uid"],
                lesson_fingerprint=row["lesson_fingerprint"],
                source=row["source"],
                start_ms=row["start_ms"],
                end_ms=row["end_ms"],
                title=row["title"],
                region=row["region"],
                muscles=tuple(json.loads(row["muscles"])),
                side=row["side"],
                client_position=row["client_position"],
                technique=row["technique"],
                hold_ms=row["hold_ms"],
            )
            for row in rows
        ]

    def record_media_details(
        self, lesson_id: int, *, duration_ms: int | None, width: int | None, height: int | None
    ) -> None:
        details = {"duration_ms": duration_ms, "width": width, "height": height}
        known = {key: value for key, value in details.items() if value is not None}
        if not known:
            return
        with self._store.write() as db:
            db.table("lessons").update(lesson_id, known)

    def set_available(self, course_id: int, available: bool) -> None:
        with self._store.write() as db:
            db.table("courses").update(course_id, {"available": int(available)})

    def remove(self, course_id: int) -> None:
        with self._store.write():
            self._store.conn.execute("DELETE FROM courses WHERE id = ?", [course_id])


def _publisher_position_uid(course_uid: str, fingerprint: str, start_ms: int) -> str:
    raw = f"{course_uid}\0{fingerprint}\0{start_ms}".encode()
    return "pub-" + hashlib.blake2b(raw, digest_size=12).hexdigest()


def _summary(row: dict[str, Any]) -> CourseSummary:
    return CourseSummary(
        id=int(row["id"]),
        uid=str(row["uid"]),
        title=str(row["title"]),
        publisher=str(row["publisher"]),
        kind=str(row["kind"]),
        root_path=Path(str(row["root_path"])),
        regions=tuple(json.loads(str(row["regions"]))),
        available=bool(row["available"]),
        lesson_count=int(row["lesson_count"]),
        total_duration_ms=int(row["total_duration_ms"]),
        watched_count=int(row["watched_count"]),
    )


def _lesson(row: dict[str, Any]) -> Lesson:
    duration = row["duration_ms"]
    return Lesson(
        id=int(row["id"]),
        course_id=int(row["course_id"]),
        section_title=str(row["section_title"]),
        ordinal=int(row["ordinal"]),
        title=str(row["title"]),
        path=Path(str(row["root_path"])) / str(row["rel_path"]),
        fingerprint=str(row["fingerprint"]),
        size_bytes=int(row["size_bytes"]),
        duration_ms=int(duration) if duration is not None else None,
        watched=bool(row["watched"]),
        resume_ms=int(row["resume_ms"]),
    )
