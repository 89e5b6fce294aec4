"""What was watched: progress per lesson, the parts really played, speed per course, study time."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Annotated, Any

import msgspec

from smrtplayer.models import spans as spanlib
from smrtplayer.store.exchange.base import (
    Day,
    Fingerprint,
    Item,
    MergeCount,
    Ms,
    Section,
    Timestamp,
    later,
    newer,
    parse_utc,
    utc_text,
)


# ------------------------------------------------------------------------------- lesson progress
class ProgressItem(Item, frozen=True):
    lesson_fingerprint: Fingerprint
    position_ms: Ms
    duration_ms: Ms | None
    watched: bool
    last_opened_at: Timestamp | None
    updated_at: Timestamp


class ProgressSection(Section[ProgressItem]):
    """Where the user stopped and the watched mark, per lesson: the newer edit wins."""

    name = "lesson_progress"
    title = "lesson progress"
    item_type = ProgressItem
    tables = ("lesson_progress",)

    def key(self, item: ProgressItem) -> str:
        return item.lesson_fingerprint

    def fingerprints(self, item: ProgressItem) -> Iterable[str]:
        return (item.lesson_fingerprint,)

    def dump(self, conn: sqlite3.Connection) -> list[ProgressItem]:
        rows = conn.execute(
            "SELECT lesson_fingerprint, position_ms, duration_ms, watched, last_opened_at, updated_at "
            "FROM lesson_progress ORDER BY lesson_fingerprint"
        )
        return [
            ProgressItem(
                lesson_fingerprint=fingerprint,
                position_ms=max(0, int(position_ms)),
                duration_ms=duration_ms if duration_ms is None or duration_ms >= 0 else None,
                watched=bool(watched),
                last_opened_at=None if last_opened_at is None else parse_utc(last_opened_at),
                updated_at=parse_utc(updated_at),
            )
            for fingerprint, position_ms, duration_ms, watched, last_opened_at, updated_at in rows
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[ProgressItem]) -> MergeCount:
        count = MergeCount()
        local = {item.lesson_fingerprint: item for item in self.dump(conn)}
        writes: list[tuple[Any, ...]] = []
        for item in items:
            mine = local.get(item.lesson_fingerprint)
            content = _progress_content(item)
            if mine is not None and (
                content == _progress_content(mine)
                or not newer((item.updated_at, content), (mine.updated_at, _progress_content(mine)))
            ):
                if content == _progress_content(mine) and later(item.updated_at, mine.updated_at):
                    conn.execute(
                        "UPDATE lesson_progress SET updated_at = ? WHERE lesson_fingerprint = ?",
                        [utc_text(item.updated_at), item.lesson_fingerprint],
                    )
                    local[item.lesson_fingerprint] = item
                count.unchanged += 1
                continue
            writes.append(
                (
                    item.lesson_fingerprint,
                    item.position_ms,
                    item.duration_ms,
                    int(item.watched),
                    None if item.last_opened_at is None else utc_text(item.last_opened_at),
                    utc_text(item.updated_at),
                )
            )
            local[item.lesson_fingerprint] = item
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        conn.executemany(
            """
            INSERT INTO lesson_progress (lesson_fingerprint, position_ms, duration_ms, watched,
                                         last_opened_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (lesson_fingerprint) DO UPDATE SET
                position_ms = excluded.position_ms, duration_ms = excluded.duration_ms,
                watched = excluded.watched, last_opened_at = excluded.last_opened_at,
                updated_at = excluded.updated_at
            """,
            writes,
        )
        return count


def _progress_content(item: ProgressItem) -> tuple[Any, ...]:
    opened = None if item.last_opened_at is None else utc_text(item.last_opened_at)
    return (item.position_ms, item.duration_ms, item.watched, opened)


# ---------------------------------------------------------------------------------- played spans
class SpansItem(Item, frozen=True):
    lesson_fingerprint: Fingerprint
    spans: list[tuple[Ms, Ms]]
    updated_at: Timestamp


class SpansSection(Section[SpansItem]):
    """The parts of each lesson really played: a union (what was played on either computer was played)."""

    name = "played_spans"
    title = "played parts of lessons"
    item_type = SpansItem
    tables = ("played_spans",)

    def key(self, item: SpansItem) -> str:
        return item.lesson_fingerprint

    def check(self, item: SpansItem) -> str | None:
        if len(item.spans) > 100_000:
            return "too many spans"
        return None

    def fingerprints(self, item: SpansItem) -> Iterable[str]:
        return (item.lesson_fingerprint,)

    def dump(self, conn: sqlite3.Connection) -> list[SpansItem]:
        items = []
        for fingerprint, raw, updated_at in conn.execute(
            "SELECT lesson_fingerprint, spans, updated_at FROM played_spans ORDER BY lesson_fingerprint"
        ):
            items.append(
                SpansItem(lesson_fingerprint=fingerprint, spans=_spans(raw), updated_at=parse_utc(updated_at))
            )
        return items

    def merge(self, conn: sqlite3.Connection, items: Sequence[SpansItem]) -> MergeCount:
        count = MergeCount()
        local = {item.lesson_fingerprint: item for item in self.dump(conn)}
        writes: list[tuple[Any, ...]] = []
        for item in items:
            mine = local.get(item.lesson_fingerprint)
            mine_spans = mine.spans if mine else []
            merged = spanlib.merge([*mine_spans, *item.spans])
            if mine is not None and merged == spanlib.merge(mine_spans):
                count.unchanged += 1
                continue
            updated = item.updated_at if mine is None else max(item.updated_at, mine.updated_at)
            writes.append(
                (
                    item.lesson_fingerprint,
                    json.dumps([list(span) for span in merged]),
                    spanlib.covered_ms(merged),
                    utc_text(updated),
                )
            )
            local[item.lesson_fingerprint] = SpansItem(item.lesson_fingerprint, list(merged), updated)
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        conn.executemany(
            """
            INSERT INTO played_spans (lesson_fingerprint, spans, played_ms, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (lesson_fingerprint) DO UPDATE SET
                spans = excluded.spans, played_ms = excluded.played_ms, updated_at = excluded.updated_at
            """,
            writes,
        )
        return count


def _spans(raw: object) -> list[tuple[int, int]]:
    try:
        value = json.loads(str(raw))
        return spanlib.merge((max(0, int(a)), max(0, int(b))) for a, b in value)
    except (ValueError, TypeError, RecursionError):
        return []


# -------------------------------------------------------------------------------- course speeds
class SpeedItem(Item, frozen=True):
    course_uid: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    rate: Annotated[float, msgspec.Meta(gt=0, le=16)]
    updated_at: Timestamp


class SpeedsSection(Section[SpeedItem]):
    """The playback speed chosen per course (by the course's uid): the newer change wins."""

    name = "course_speeds"
    title = "course speeds"
    item_type = SpeedItem
    tables = ("course_playback",)

    def key(self, item: SpeedItem) -> str:
        return item.course_uid

    def dump(self, conn: sqlite3.Connection) -> list[SpeedItem]:
        return [
            SpeedItem(course_uid=uid, rate=float(rate), updated_at=parse_utc(updated))
            for uid, rate, updated in conn.execute(
                "SELECT course_uid, rate, updated_at FROM course_playback ORDER BY course_uid"
            )
            if 0 < float(rate) <= 16
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[SpeedItem]) -> MergeCount:
        count = MergeCount()
        local = {item.course_uid: item for item in self.dump(conn)}
        for item in items:
            mine = local.get(item.course_uid)
            if mine is not None and (
                mine.rate == item.rate
                or not newer((item.updated_at, item.rate), (mine.updated_at, mine.rate))
            ):
                if mine.rate == item.rate and later(item.updated_at, mine.updated_at):
                    conn.execute(
                        "UPDATE course_playback SET updated_at = ? WHERE course_uid = ?",
                        [utc_text(item.updated_at), item.course_uid],
                    )
                    local[item.course_uid] = item
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO course_playback (course_uid, rate, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (course_uid) DO UPDATE SET rate = excluded.rate, "
                "updated_at = excluded.updated_at",
                [item.course_uid, item.rate, utc_text(item.updated_at)],
            )
            local[item.course_uid] = item
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count


# ---------------------------------------------------------------------------------- study time
class StudyItem(Item, frozen=True):
    install_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]
    day: Day
    studied_ms: Ms
    updated_at: Timestamp


class StudyTimeSection(Section[StudyItem]):
    """Study time per day, one row per computer: a computer's row only grows, so the larger is kept."""

    name = "study_time"
    title = "days of study time"
    item_type = StudyItem
    tables = ("study_time",)

    def key(self, item: StudyItem) -> str:
        return f"{item.install_id}/{item.day}"

    def dump(self, conn: sqlite3.Connection) -> list[StudyItem]:
        return [
            StudyItem(install_id=install, day=day, studied_ms=max(0, ms), updated_at=parse_utc(updated))
            for install, day, ms, updated in conn.execute(
                "SELECT install_id, day, studied_ms, updated_at FROM study_time ORDER BY day, install_id"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[StudyItem]) -> MergeCount:
        count = MergeCount()
        local = {self.key(item): item.studied_ms for item in self.dump(conn)}
        for item in items:
            mine = local.get(self.key(item))
            if mine is not None and mine >= item.studied_ms:
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO study_time (install_id, day, studied_ms, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (install_id, day) DO UPDATE SET studied_ms = excluded.studied_ms, "
                "updated_at = excluded.updated_at",
                [item.install_id, item.day, item.studied_ms, utc_text(item.updated_at)],
            )
            local[self.key(item)] = item.studied_ms
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count
