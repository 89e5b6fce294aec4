"""Courses, their sections, lessons and attachments, and the publisher's positions inside them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from smrtplayer.common.digests import blake2b
from smrtplayer.models.library import (
    Attachment,
    CourseListing,
    CourseSummary,
    Lesson,
    LessonCheck,
    NewAttachment,
    NewCourse,
    TitlePart,
)
from smrtplayer.models.positions import CHAPTER_ORIGINS, Position
from smrtplayer.store.db import Store, utc_now
from smrtplayer.store.positions import position_from_row, position_values

_SUMMARY_SQL = """
    SELECT c.*, COALESCE(t.lesson_count, 0) AS lesson_count,
           COALESCE(t.total_duration_ms, 0) AS total_duration_ms,
           COALESCE(t.watched_count, 0) AS watched_count
    FROM courses c
    LEFT JOIN (
        SELECT l.course_id, COUNT(*) AS lesson_count, SUM(l.duration_ms) AS total_duration_ms,
               SUM(p.watched) AS watched_count
        FROM lessons l
        LEFT JOIN lesson_progress p ON p.lesson_fingerprint = l.fingerprint
        {lesson_filter}
        GROUP BY l.course_id
    ) t ON t.course_id = c.id
    {course_filter}
    ORDER BY c.kind = 'builtin', c.title COLLATE NOCASE, c.id
"""
#: the library's order, the same as the summaries' above
_LISTING_SQL = (
    "SELECT id, title, kind FROM courses c ORDER BY c.kind = 'builtin', c.title COLLATE NOCASE, c.id"
)

_LESSON_SQL = """
    SELECT l.*, c.root_path, COALESCE(s.title, '') AS section_title,
           COALESCE(p.watched, 0) AS watched, COALESCE(p.position_ms, 0) AS resume_ms
    FROM lessons l
    JOIN courses c ON c.id = l.course_id
    LEFT JOIN sections s ON s.id = l.section_id
    LEFT JOIN lesson_progress p ON p.lesson_fingerprint = l.fingerprint
"""


class CourseRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # ------------------------------------------------------------------------------------ writing
    def save(self, course: NewCourse, *, before_commit: Callable[[], Path | None] | None = None) -> int:
        """Insert or replace a course by ``uid``; the user's own data (keyed by fingerprint) stays.

        ``before_commit`` runs inside the transaction after every row is written (an import renames
        its staging folder there): if it raises, nothing is stored. It may return the folder the
        course really went to, when that is not ``course.root_path``: while the transaction holds the
        write lock no other smrtplayer process can take the same name.
        """
        now = utc_now()
        conn = self._store.conn
        with self._store.write():
            db = self._store.db
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
                "source_kind": course.source_kind,
                "source_path": course.source_path,
            }
            if existing is None:
                course_id = int(db.table("courses").insert({**record, "added_at": now}).last_pk or 0)
            else:
                course_id = int(existing["id"])
                db.table("courses").update(course_id, record)
                # Lessons, attachments and publisher positions are rebuilt from the source of truth
                # (the manifest or the folder); sections cascade their lessons.
                conn.execute("DELETE FROM attachments WHERE course_id = ?", [course_id])
                conn.execute("DELETE FROM sections WHERE course_id = ?", [course_id])
                conn.execute("DELETE FROM lessons WHERE course_id = ?", [course_id])
                conn.execute(
                    "DELETE FROM positions WHERE course_id = ? AND source = 'publisher'", [course_id]
                )
            section_ids: dict[str, int] = {}
            for ordinal, lesson in enumerate(course.lessons):
                section_id = section_ids.get(lesson.section_title)
                if section_id is None:
                    cursor = conn.execute(
                        "INSERT INTO sections (course_id, ordinal, title) VALUES (?, ?, ?)",
                        [course_id, len(section_ids), lesson.section_title],
                    )
                    section_id = section_ids[lesson.section_title] = int(cursor.lastrowid or 0)
                media = lesson.media
                status = "unverified"
                if lesson.sha256:
                    expected = lesson.expected_sha256
                    status = "ok" if not expected or expected == lesson.sha256 else "mismatch"
                cursor = conn.execute(
                    """
                    INSERT INTO lessons (course_id, section_id, ordinal, title, rel_path, fingerprint,
                        size_bytes, expected_sha256, sha256, verified_at, verify_status, duration_ms,
                        width, height, video_codec, audio_codec, subtitle_path, title_parts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        course_id,
                        section_id,
                        ordinal,
                        lesson.title,
                        lesson.rel_path,
                        lesson.fingerprint,
                        lesson.size_bytes,
                        lesson.expected_sha256,
                        lesson.sha256,
                        now if lesson.sha256 else None,
                        status,
                        media.duration_ms if media else None,
                        media.width if media else None,
                        media.height if media else None,
                        media.video_codec if media else None,
                        media.audio_codec if media else None,
                        lesson.subtitles[0].rel_path if lesson.subtitles else None,
                        title_parts_text(lesson.title_parts),
                    ],
                )
                lesson_id = int(cursor.lastrowid or 0)
                self._insert_attachments(course_id, lesson_id, (*lesson.subtitles, *lesson.attachments))
                for position in lesson.positions:
                    chapter = position.origin in CHAPTER_ORIGINS
                    uid = _publisher_position_uid(
                        course.uid, lesson.fingerprint, position.start_ms, chapter=chapter
                    )
                    # A chapter the user has taken over (edited) keeps its uid as a user row: the
                    # chapter is not added again beside the user's edit.
                    conflict = "IGNORE" if chapter else "REPLACE"
                    conn.execute(
                        f"""
                        INSERT OR {conflict} INTO positions (uid, course_id, source, lesson_fingerprint,
                            start_ms, end_ms, title, region, muscles, side, client_position, technique,
                            hold_ms, created_at, updated_at, origin, side_known)
                        VALUES (?, ?, 'publisher', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            uid,
                            course_id,
                            *position_values(position.draft_in(lesson.fingerprint)),
                            now,
                            now,
                            position.origin,
                            int(position.side_known),
                        ],
                    )
            self._insert_attachments(course_id, None, course.attachments)
            if before_commit is not None:
                placed = before_commit()
                if placed is not None and placed != course.root_path:
                    conn.execute("UPDATE courses SET root_path = ? WHERE id = ?", [str(placed), course_id])
        return course_id

    def _insert_attachments(
        self, course_id: int, lesson_id: int | None, attachments: Iterable[NewAttachment]
    ) -> None:
        for attachment in attachments:
            self._store.conn.execute(
                "INSERT OR IGNORE INTO attachments (course_id, lesson_id, kind, rel_path, title, language) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    course_id,
                    lesson_id,
                    attachment.kind,
                    attachment.rel_path,
                    attachment.title,
                    attachment.language,
                ],
            )

    def record_media_details(
        self,
        lesson_id: int,
        *,
        duration_ms: int | None,
        width: int | None,
        height: int | None,
        video_codec: str | None = None,
        audio_codec: str | None = None,
    ) -> None:
        details = {
            "duration_ms": duration_ms,
            "width": width,
            "height": height,
            "video_codec": video_codec,
            "audio_codec": audio_codec,
        }
        known = {key: value for key, value in details.items() if value is not None}
        if not known:
            return
        # Column names come from the fixed list above, never from outside.
        assignments = ", ".join(f"{column} = ?" for column in known)
        with self._store.write():
            self._store.conn.execute(
                f"UPDATE lessons SET {assignments} WHERE id = ?", [*known.values(), lesson_id]
            )

    def record_verification(self, course_id: int, checks: Sequence[LessonCheck], *, complete: bool) -> None:
        """Store each lesson's check; a complete run also stamps the course's ``verified_at``."""
        now = utc_now()
        with self._store.write():
            for check in checks:
                self._store.conn.execute(
                    """
                    UPDATE lessons SET verify_status = ?, verify_detail = ?, verified_at = ?,
                        sha256 = COALESCE(sha256, ?)
                    WHERE id = ? AND course_id = ?
                    """,
                    [check.status, check.detail, now, check.sha256, check.lesson_id, course_id],
                )
            if complete:
                self._store.conn.execute("UPDATE courses SET verified_at = ? WHERE id = ?", [now, course_id])

    def set_available(self, course_id: int, available: bool) -> None:
        self.update_availability({course_id: available})

    def update_availability(self, changes: dict[int, bool]) -> None:
        if not changes:
            return
        with self._store.write():
            for course_id, available in changes.items():
                self._store.conn.execute(
                    "UPDATE courses SET available = ? WHERE id = ?", [int(available), course_id]
                )

    def relink(
        self,
        course_id: int,
        *,
        root: Path,
        kind: str,
        lesson_paths: dict[int, str],
        attachment_paths: dict[int, str],
    ) -> None:
        """Point a course at a new folder; ``lesson_paths`` maps lesson ids to their new relative paths."""
        conn = self._store.conn
        with self._store.write():
            conn.execute(
                "UPDATE courses SET root_path = ?, kind = ?, available = 1, updated_at = ? WHERE id = ?",
                [str(root), kind, utc_now(), course_id],
            )
            # Two passes: files may have swapped names, and (course_id, rel_path) is unique.
            for table, moves in (("lessons", lesson_paths), ("attachments", attachment_paths)):
                for row_id in moves:
                    conn.execute(
                        f"UPDATE {table} SET rel_path = ? WHERE id = ? AND course_id = ?",
                        [f"\0relink-{row_id}", row_id, course_id],
                    )
                for row_id, rel_path in moves.items():
                    conn.execute(
                        f"UPDATE {table} SET rel_path = ? WHERE id = ? AND course_id = ?",
                        [rel_path, row_id, course_id],
                    )
            conn.execute(
                """
                UPDATE lessons SET subtitle_path = (
                    SELECT a.rel_path FROM attachments a
                    WHERE a.lesson_id = lessons.id AND a.kind = 'subtitle' ORDER BY a.id LIMIT 1)
                WHERE course_id = ?
                """,
                [course_id],
            )

    def remove(self, course_id: int) -> None:
        with self._store.write():
            self._store.conn.execute("DELETE FROM courses WHERE id = ?", [course_id])

    # ------------------------------------------------------------------------------------ reading
    def signature(self) -> tuple[int, int, str]:
        """Changes whenever a course is added, removed, relinked or refreshed (cheap: one index scan)."""
        row = self._store.query_one(
            "SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS top, COALESCE(MAX(updated_at), '') AS newest "
            "FROM courses"
        )
        assert row is not None
        return int(row["n"]), int(row["top"]), str(row["newest"])

    def all(self) -> list[CourseSummary]:
        rows = self._store.query(_SUMMARY_SQL.format(lesson_filter="", course_filter=""))
        return [_summary(row) for row in rows]

    def listing(self) -> list[CourseListing]:
        """Every course's id, title and kind in the library's order, without reading a lesson."""
        rows = self._store.conn.execute(_LISTING_SQL).fetchall()
        return [CourseListing(int(course_id), str(title), str(kind)) for course_id, title, kind in rows]

    def summaries(self, course_ids: Sequence[int]) -> list[CourseSummary]:
        """The summaries of these courses only (those on screen), in the library's order."""
        if not course_ids:
            return []
        marks = ", ".join("?" * len(course_ids))
        sql = _SUMMARY_SQL.format(
            lesson_filter=f"WHERE l.course_id IN ({marks})", course_filter=f"WHERE c.id IN ({marks})"
        )
        return [_summary(row) for row in self._store.query(sql, [*course_ids, *course_ids])]

    def get(self, course_id: int) -> CourseSummary | None:
        rows = self._store.query(
            _SUMMARY_SQL.format(lesson_filter="WHERE l.course_id = ?", course_filter="WHERE c.id = ?"),
            [course_id, course_id],
        )
        return _summary(rows[0]) if rows else None

    def find_by_uid(self, uid: str) -> CourseSummary | None:
        row = self._store.query_one("SELECT id FROM courses WHERE uid = ?", [uid])
        return self.get(int(row["id"])) if row else None

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
        rows = self._store.query(_LESSON_SQL + " WHERE l.course_id = ? ORDER BY l.ordinal", [course_id])
        return [_lesson(row) for row in rows]

    def first_lesson(self, course_id: int) -> Lesson | None:
        """The course's first lesson alone (its card's thumbnail comes from it)."""
        row = self._store.query_one(
            _LESSON_SQL + " WHERE l.course_id = ? ORDER BY l.ordinal LIMIT 1", [course_id]
        )
        return _lesson(row) if row else None

    def lesson(self, lesson_id: int) -> Lesson | None:
        row = self._store.query_one(_LESSON_SQL + " WHERE l.id = ?", [lesson_id])
        return _lesson(row) if row else None

    def lesson_by_fingerprint(self, fingerprint: str) -> Lesson | None:
        """The lesson with these bytes, preferring a course whose folder is available."""
        row = self._store.query_one(
            "SELECT l.id FROM lessons l JOIN courses c ON c.id = l.course_id "
            "WHERE l.fingerprint = ? ORDER BY c.available DESC, c.kind = 'builtin' LIMIT 1",
            [fingerprint],
        )
        return self.lesson(int(row["id"])) if row else None

    def attachments(self, course_id: int) -> list[Attachment]:
        rows = self._store.query(
            "SELECT a.*, c.root_path FROM attachments a JOIN courses c ON c.id = a.course_id "
            "WHERE a.course_id = ? ORDER BY a.lesson_id IS NOT NULL, a.lesson_id, a.id",
            [course_id],
        )
        return [
            Attachment(
                id=int(row["id"]),
                course_id=int(row["course_id"]),
                lesson_id=int(row["lesson_id"]) if row["lesson_id"] is not None else None,
                kind=str(row["kind"]),
                title=str(row["title"]),
                path=Path(str(row["root_path"])) / str(row["rel_path"]),
                language=str(row["language"]),
            )
            for row in rows
        ]

    def attachment_paths(self, course_id: int) -> list[tuple[int, int | None, str]]:
        """(attachment id, lesson id, relative path) of every attachment of a course."""
        rows = self._store.query(
            "SELECT id, lesson_id, rel_path FROM attachments WHERE course_id = ? ORDER BY id", [course_id]
        )
        return [(int(row["id"]), row["lesson_id"], str(row["rel_path"])) for row in rows]

    def availability_targets(self) -> list[tuple[int, Path, bool, list[str]]]:
        """(course id, root, available now, lesson paths) of every course that is not built in."""
        courses = self._store.query("SELECT id, root_path, available FROM courses WHERE kind != 'builtin'")
        paths: dict[int, list[str]] = {int(row["id"]): [] for row in courses}
        for row in self._store.query(
            "SELECT l.course_id, l.rel_path FROM lessons l JOIN courses c ON c.id = l.course_id "
            "WHERE c.kind != 'builtin' ORDER BY l.course_id, l.ordinal"
        ):
            paths[int(row["course_id"])].append(str(row["rel_path"]))
        return [
            (int(row["id"]), Path(str(row["root_path"])), bool(row["available"]), paths[int(row["id"])])
            for row in courses
        ]

    def positions_for(self, fingerprint: str) -> list[Position]:
        rows = self._store.query(
            "SELECT * FROM positions WHERE lesson_fingerprint = ? ORDER BY start_ms, id",
            [fingerprint],
        )
        return [position_from_row(row) for row in rows]


def _publisher_position_uid(course_uid: str, fingerprint: str, start_ms: int, *, chapter: bool) -> str:
    """The same on every computer. A chapter's uid is not a publisher's ("pub-"): once the user edits
    it, it travels in exports and sync journals as the user's, which never carry a publisher's uid."""
    raw = f"{course_uid}\0{fingerprint}\0{start_ms}".encode()
    return ("chp-" if chapter else "pub-") + blake2b(raw, digest_size=12).hexdigest()


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
        source_kind=str(row.get("source_kind") or ""),
        source_path=str(row.get("source_path") or ""),
    )


def _optional_int(value: Any) -> int | None:
    return int(value) if value is not None else None


def _lesson(row: dict[str, Any]) -> Lesson:
    root = Path(str(row["root_path"]))
    subtitle = row.get("subtitle_path")
    return Lesson(
        id=int(row["id"]),
        course_id=int(row["course_id"]),
        section_title=str(row["section_title"]),
        ordinal=int(row["ordinal"]),
        title=str(row["title"]),
        path=root / str(row["rel_path"]),
        fingerprint=str(row["fingerprint"]),
        size_bytes=int(row["size_bytes"]),
        duration_ms=_optional_int(row["duration_ms"]),
        watched=bool(row["watched"]),
        resume_ms=int(row["resume_ms"]),
        rel_path=str(row["rel_path"]),
        subtitle_path=root / str(subtitle) if subtitle else None,
        width=_optional_int(row["width"]),
        height=_optional_int(row["height"]),
        video_codec=row["video_codec"],
        audio_codec=row["audio_codec"],
        expected_sha256=row["expected_sha256"],
        sha256=row["sha256"],
        verify_status=str(row.get("verify_status") or "unverified"),
        title_parts=title_parts_from_text(str(row.get("title_parts") or "")),
    )


def title_parts_text(parts: tuple[TitlePart, ...]) -> str:
    if not parts:
        return ""
    return json.dumps([[part.file_name, part.inpoint_us, part.duration_us, part.stops] for part in parts])


def title_parts_from_text(text: str) -> tuple[TitlePart, ...]:
    if not text:
        return ()
    return tuple(
        TitlePart(file_name=str(name), inpoint_us=int(inpoint), duration_us=int(duration), stops=bool(stops))
        for name, inpoint, duration, stops in json.loads(text)
    )
